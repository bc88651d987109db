import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { actionId } from '../src/core/actions.js';
import type { Reply } from '../src/core/view.js';
import { freshDatabase, type TestDatabase } from './support/database.js';
import {
  actor,
  findAction,
  GOOD_RATIONALE,
  itemLine,
  manifest,
  press,
  replyText,
  run,
  setUpBatch,
  submitForm,
} from './support/fixtures.js';

let db: TestDatabase;
const admin = actor('admin', { admin: true });

beforeAll(async () => {
  db = await freshDatabase();
});

afterAll(async () => {
  await db?.close();
});

async function start(name: string, manifestValue: Record<string, unknown>, items: unknown[]) {
  const text = items.map((item) => JSON.stringify(item)).join('\n');
  const batchId = await setUpBatch(db.ctx, admin, manifestValue, text);
  const who = actor(`${name}-annotator`);
  return { who, item: await run(db.ctx, press(who, actionId('start', batchId))) };
}

async function rationale(
  who: ReturnType<typeof actor>,
  reply: Reply,
  fields: Record<string, string> = GOOD_RATIONALE,
) {
  return run(db.ctx, submitForm(who, findAction(reply, 'rationale'), fields));
}

async function storedAnswer() {
  return db.ctx.prisma.response.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
}

describe('every task type', () => {
  it('ranks three responses in full, and refuses a tie that also gives an order', async () => {
    const three = {
      ...itemLine('ranking', 1),
      responses: ['x', 'y', 'z'].map((id) => ({ id, text: `Answer ${id}` })),
    };
    const { who, item } = await start('full', manifest('ranking', { name: 'full' }), [three]);
    let reply = item;
    for (const [position, id] of [
      ['0', 'z'],
      ['1', 'x'],
      ['2', 'y'],
    ] as const) {
      reply = await run(db.ctx, press(who, findAction(reply, 'order', position), [id]));
    }
    expect(replyText(reply)).toContain('Ranked C > A > B');

    const tied = await run(db.ctx, press(who, findAction(reply, 'pick', 'tie')));
    const blocked = await run(db.ctx, press(who, findAction(await rationale(who, tied), 'submit')));
    expect(replyText(blocked)).toContain('tie but also gives a strict order');

    await run(db.ctx, press(who, findAction(reply, 'order', '0'), ['z']));
    const stored = await run(db.ctx, press(who, findAction(blocked, 'submit')));
    expect(replyText(stored)).toContain('Stored: Ranked C > A > B');
    expect((await storedAnswer()).answer).toMatchObject({
      choice: 'ranked',
      order: ['z', 'x', 'y'],
    });
  });

  it('tags errors with labels and a severity, warning on labels at severity 0', async () => {
    const { who, item } = await start('tag', manifest('error_tagging'), [
      itemLine('error_tagging', 1),
    ]);
    const labelled = await run(
      db.ctx,
      press(who, findAction(item, 'labels'), ['factual', 'logical']),
    );
    const zero = await run(db.ctx, press(who, findAction(labelled, 'severity'), ['0']));
    const warned = await run(db.ctx, press(who, findAction(await rationale(who, zero), 'submit')));
    expect(replyText(warned)).toContain('flagged with severity 0');
    expect(await db.ctx.prisma.response.count({ where: { labels: { has: 'factual' } } })).toBe(0);

    const stored = await run(db.ctx, press(who, findAction(warned, 'confirm')));
    expect(replyText(stored)).toContain('Stored: factual, logical; severity 0 (none)');
    const response = await storedAnswer();
    expect(response.labels).toEqual(['factual', 'logical']);
    expect(response.checks).toEqual([{ code: 'labels_without_severity', mode: 'warn' }]);
  });

  it('asks writing tasks for a text of the rubric minimum length in the form', async () => {
    const { who, item } = await start('write', manifest('writing'), [itemLine('writing', 1)]);
    const form = await run(db.ctx, press(who, findAction(item, 'rationale')));
    expect(form.type === 'form' && form.form.fields.map((field) => field.id)).toEqual([
      'text',
      'decision',
      'evidence',
      'policy',
      'confidence',
    ]);
    const short = await rationale(who, item, { ...GOOD_RATIONALE, text: 'too short' });
    const refused = await run(db.ctx, press(who, findAction(short, 'submit')));
    expect(replyText(refused)).toContain('the rubric asks for at least 20');

    const text = 'Convert 250 g of flour to cups and explain the density assumption.';
    const long = await rationale(who, item, { ...GOOD_RATIONALE, text });
    await run(db.ctx, press(who, findAction(long, 'submit')));
    expect((await storedAnswer()).answer).toMatchObject({ text });
  });

  it('blocks a safety flag without a safe alternative, then stores it with one', async () => {
    const { who, item } = await start('safety', manifest('safety_review'), [
      itemLine('safety_review', 1),
    ]);
    const flagged = await run(db.ctx, press(who, findAction(item, 'labels'), ['harm']));
    const rated = await run(db.ctx, press(who, findAction(flagged, 'severity'), ['3']));
    const blocked = await run(
      db.ctx,
      press(who, findAction(await rationale(who, rated), 'submit')),
    );
    expect(replyText(blocked)).toContain('no safe alternative is proposed');

    const withAlternative = { ...GOOD_RATIONALE, alternative: 'Please see a doctor about this.' };
    const fixed = await rationale(who, rated, withAlternative);
    await run(db.ctx, press(who, findAction(fixed, 'submit')));
    const response = await storedAnswer();
    expect(response.severity).toBe(3);
    expect(response.rationale).toMatchObject({ alternative: 'Please see a doctor about this.' });
  });

  it('classifies with at least one label and records the rubric version', async () => {
    const { who, item } = await start('classify', manifest('classification'), [
      itemLine('classification', 1, { context: 'Domain: legal' }),
    ]);
    expect(replyText(item)).toContain('Domain: legal');
    const unlabelled = await run(
      db.ctx,
      press(who, findAction(await rationale(who, item), 'submit')),
    );
    expect(replyText(unlabelled)).toContain('choose at least one label');

    const labelled = await run(db.ctx, press(who, findAction(item, 'labels'), ['factual']));
    const rated = await run(db.ctx, press(who, findAction(labelled, 'severity'), ['1']));
    await run(db.ctx, press(who, findAction(rated, 'submit')));
    const response = await db.ctx.prisma.response.findFirstOrThrow({
      orderBy: { createdAt: 'desc' },
      include: { rubricVersion: { include: { rubric: true } } },
    });
    expect(response.labels).toEqual(['factual']);
    expect(response.rubricVersion.rubric.name).toBe('classification-rubric');
  });

  it('answers bad input in a select or a form clearly, keeping the draft', async () => {
    const { who, item } = await start('bad', manifest('error_tagging', { name: 'bad' }), [
      itemLine('error_tagging', 1),
    ]);
    await run(db.ctx, press(who, findAction(item, 'labels'), ['style']));
    const unknown = await run(db.ctx, press(who, findAction(item, 'labels'), ['made-up']));
    expect(replyText(unknown)).toContain("Not in this rubric's labels: made-up");

    const errors = await run(
      db.ctx,
      submitForm(who, findAction(item, 'rationale'), { ...GOOD_RATIONALE, confidence: '1.7' }),
    );
    expect(errors).toEqual({
      type: 'formErrors',
      errors: { confidence: expect.stringContaining('0 to 1') },
    });
    const assignmentId = findAction(item, 'submit').split(':')[1] ?? '';
    const kept = await db.ctx.prisma.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(kept.draft).toEqual({ answer: { labels: ['style'] } });
  });
});
