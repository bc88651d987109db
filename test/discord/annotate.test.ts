// A member annotates ranking items on Discord, through the real discord.js client and the fake:
// slash command, buttons, the rationale modal, submit, a consistency warning, and presses that
// arrive twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FakeMessage } from '../support/discord-fake.js';
import {
  customId,
  embedText,
  seedBatch,
  startHarness,
  type Harness,
} from '../support/discord-harness.js';
import { person, press, slash, submitModal } from '../support/discord-payloads.js';
import { GOOD_RATIONALE } from '../support/fixtures.js';

const EPHEMERAL = 64;
let h: Harness;
const ana = person('ana');

beforeAll(async () => {
  h = await startHarness();
  await seedBatch(h, 'ranking', 3);
});

afterAll(async () => {
  expect(h.loggedErrors()).toEqual([]);
  await h?.close();
});

async function openItem(): Promise<FakeMessage> {
  const listed = await h.interact(slash(ana, 'annotate', ''));
  const item = await h.interact(press(ana, listed.message!, customId(listed.message, 'start')));
  return item.message!;
}

async function answerWithRationale(item: FakeMessage, confidence: string) {
  const picked = await h.interact(press(ana, item, customId(item, 'pick', 'A')));
  const form = await h.interact(press(ana, picked.message!, customId(picked.message, 'rationale')));
  const fields = { ...GOOD_RATIONALE, confidence };
  return h.interact(submitModal(ana, picked.message, form.data.custom_id as string, fields));
}

async function storedResponses() {
  return h.db.ctx.prisma.response.findMany({ include: { member: true } });
}

describe('annotating on Discord', () => {
  it('logs in with the bot token and identifies once', () => {
    const gatewayCall = h.fake.requests.find((r) => r.path === '/gateway/bot');
    expect(gatewayCall?.authorization).toBe('Bot fake-bot-token.for-tests-only');
    expect(h.fake.gateway.identifies).toBe(1);
  });

  it('/annotate lists the open batch privately and Start delivers the first item', async () => {
    const listed = await h.interact(slash(ana, 'annotate', ''));
    expect(listed.type).toBe(4);
    expect(listed.data.flags).toBe(EPHEMERAL);

    const item = await h.interact(press(ana, listed.message!, customId(listed.message, 'start')));
    expect(item.type).toBe(4);
    expect(item.data.flags).toBe(EPHEMERAL);
    expect(embedText(item.message)).toContain('Question 1?');
    expect(embedText(item.message)).toContain('First answer to question 1');
    expect(embedText(item.message)).toContain('Second answer to question 1');
  });

  it('a choice button updates the item message in place (type 7)', async () => {
    const item = await openItem();
    const picked = await h.interact(press(ana, item, customId(item, 'pick', 'A')));
    expect(picked.type).toBe(7);
    expect(picked.message?.id).toBe(item.id);
    expect(embedText(picked.message)).toContain('Preferred response A');
  });

  it('Rationale opens a modal of at most five text inputs (type 9)', async () => {
    const item = await openItem();
    const form = await h.interact(press(ana, item, customId(item, 'rationale')));
    expect(form.type).toBe(9);
    expect(String(form.data.title).length).toBeLessThanOrEqual(45);
    const inputs = form.data.components as Array<{
      type: number;
      component: { custom_id: string };
    }>;
    expect(inputs.length).toBeLessThanOrEqual(5);
    expect(inputs.map((label) => label.component.custom_id)).toContain('decision');
  });

  it('a modal submit and Submit store the answer with its rationale, then offer Next', async () => {
    const item = await openItem();
    const saved = await answerWithRationale(item, GOOD_RATIONALE.confidence);
    expect(saved.type).toBe(7);
    expect(embedText(saved.message)).toContain('Rationale saved');

    const stored = await h.interact(press(ana, saved.message!, customId(saved.message, 'submit')));
    expect(stored.type).toBe(7);
    expect(embedText(stored.message)).toContain('Stored: Preferred response A');
    expect(customId(stored.message, 'next')).toMatch(/^next:/);

    const rows = await storedResponses();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.member.externalId).toBe(ana.id);
    expect(rows[0]?.rationale).toMatchObject({
      decision: GOOD_RATIONALE.decision,
      evidence: GOOD_RATIONALE.evidence,
    });
    expect(rows[0]?.confidence).toBe(0.8);
  });

  it('a consistency warning offers Confirm and Fix; Confirm stores the answer', async () => {
    const next = await h.interact(slash(ana, 'annotate', ''));
    const item = await h.interact(press(ana, next.message!, customId(next.message, 'start')));
    const saved = await answerWithRationale(item.message!, '1');
    const warned = await h.interact(press(ana, saved.message!, customId(saved.message, 'submit')));
    expect(embedText(warned.message)).toContain('Please look again');
    const labels = warned.message?.components.flatMap((row) =>
      (row.components as Array<{ label: string }>).map((c) => c.label),
    );
    expect(labels).toEqual(expect.arrayContaining(['Confirm and store', 'Fix rationale']));

    const confirmed = await h.interact(
      press(ana, warned.message!, customId(warned.message, 'confirm')),
    );
    expect(embedText(confirmed.message)).toContain('Stored');
    expect(await storedResponses()).toHaveLength(2);
  });

  it('stores one answer for Submit pressed twice at once and for a redelivery', async () => {
    const item = await openItem();
    const saved = await answerWithRationale(item, GOOD_RATIONALE.confidence);
    const submit = customId(saved.message, 'submit');

    const [first, second] = await Promise.all([
      h.interact(press(ana, saved.message!, submit)),
      h.interact(press(ana, saved.message!, submit)),
    ]);
    const texts = [embedText(first.message), embedText(second.message)];
    expect(texts.every((text) => text.includes('Stored'))).toBe(true);

    const again = press(ana, saved.message!, submit);
    await h.interact(again);
    h.fake.interact(again);
    await h.interact(slash(ana, 'profile', ''));
    const callbacks = h.fake.requests.filter((r) =>
      r.path.startsWith(`/interactions/${again.id}/`),
    );
    expect(callbacks).toHaveLength(1);
    expect(await storedResponses()).toHaveLength(3);
  });
});
