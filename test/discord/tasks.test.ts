// Every task type renders as a Discord message within the platform's limits, a long item keeps
// all its text (split, then attached in full), and a rejected form names the field privately.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FakeMessage } from '../support/discord-fake.js';
import {
  components,
  customId,
  embedText,
  seedBatch,
  startHarness,
  type Harness,
} from '../support/discord-harness.js';
import { person, press, slash, submitModal } from '../support/discord-payloads.js';
import { GOOD_RATIONALE, itemLine } from '../support/fixtures.js';
import type { TaskType } from '../../src/tasks/index.js';

const EPHEMERAL = 64;
const TASKS: TaskType[] = [
  'ranking',
  'error_tagging',
  'writing',
  'safety_review',
  'classification',
];
let h: Harness;
const una = person('una');

const longText = (seed: string) => Array.from({ length: 700 }, (_, i) => `${seed}-${i}`).join(' ');

beforeAll(async () => {
  h = await startHarness();
  for (const task of TASKS) await seedBatch(h, task, 1, { name: `${task.replace('_', '-')}-b` });
  const responses = ['alpha', 'beta', 'gamma'].map((seed, i) => ({
    id: `r${i + 1}`,
    text: longText(seed),
  }));
  await seedBatch(h, 'ranking', JSON.stringify(itemLine('ranking', 1, { responses })), {
    name: 'long-b',
  });
  const six = Array.from({ length: 6 }, (_, i) => ({ id: `r${i + 1}`, text: `Answer ${i + 1}` }));
  await seedBatch(h, 'ranking', JSON.stringify(itemLine('ranking', 1, { responses: six })), {
    name: 'six-b',
  });
});

afterAll(async () => {
  expect(h.loggedErrors()).toEqual([]);
  await h?.close();
});

async function open(batch: string): Promise<FakeMessage> {
  const answer = await h.interact(slash(una, 'annotate', '', { batch }));
  expect(answer.data.flags).toBe(EPHEMERAL);
  return answer.message!;
}

function expectWithinLimits(message: FakeMessage): void {
  const embeds = message.embeds as Array<{ title?: string; description?: string }>;
  const total = embeds.reduce(
    (n, e) => n + (e.title ?? '').length + (e.description ?? '').length,
    0,
  );
  expect(embeds.length).toBeLessThanOrEqual(10);
  expect(total).toBeLessThanOrEqual(6000);
  expect(message.components.length).toBeLessThanOrEqual(5);
  for (const component of components(message)) {
    expect(component.custom_id?.length ?? 0).toBeLessThanOrEqual(100);
    expect(component.label?.length ?? 0).toBeLessThanOrEqual(80);
    expect(component.options?.length ?? 0).toBeLessThanOrEqual(25);
  }
}

describe('every task type on Discord', () => {
  it.each(TASKS)('renders a %s item within Discord limits', async (task) => {
    const item = await open(`${task.replace('_', '-')}-b`);
    expect(embedText(item)).toContain('Question 1?');
    expectWithinLimits(item);
    expect(components(item).some((c) => c.label === 'Submit')).toBe(true);
  });

  it('keeps every word of a long item: split over embeds and attached in full', async () => {
    const item = await open('long-b');
    expectWithinLimits(item);
    expect(embedText(item)).toContain('alpha-0 alpha-1');
    expect(embedText(item)).toContain('full-text.txt');
    const file = item.attachments.find((a) => a.filename === 'full-text.txt');
    for (const seed of ['alpha', 'beta', 'gamma']) expect(file?.text).toContain(longText(seed));

    const ranked = await h.interact(press(una, item, customId(item, 'pick', 'tie')));
    expect(ranked.type).toBe(7);
    expect(ranked.message?.attachments.map((a) => a.filename)).toEqual(['full-text.txt']);
  });

  it('pages the controls of a six-response ranking within five rows, Submit on each', async () => {
    const item = await open('six-b');
    expectWithinLimits(item);
    const next = components(item).find((c) => c.label === 'Next ▶');
    const second = await h.interact(press(una, item, next!.custom_id!));
    expectWithinLimits(second.message!);
    const ranks = [item, second.message!].flatMap((m) =>
      components(m).filter((c) => c.custom_id?.startsWith('order:')),
    );
    expect(ranks).toHaveLength(6);
    for (const page of [item, second.message!]) {
      expect(components(page).some((c) => c.label === 'Submit')).toBe(true);
    }
  });

  it('answers a rejected form privately, naming the field, with the form again', async () => {
    const item = await open('ranking-b');
    const form = await h.interact(press(una, item, customId(item, 'rationale')));
    const fields = { ...GOOD_RATIONALE, confidence: 'very' };
    const answer = await h.interact(submitModal(una, item, form.data.custom_id as string, fields));
    expect(answer.type).toBe(4);
    expect(answer.data.flags).toBe(EPHEMERAL);
    expect(embedText(answer.message)).toMatch(/Confidence: /);
    expect(customId(answer.message, 'rationale')).toBe(form.data.custom_id);
  });
});
