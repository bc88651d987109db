import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freshDatabase, type TestDatabase } from './support/database.js';
import {
  actor,
  command,
  findAction,
  GOOD_RATIONALE,
  itemsJsonl,
  manifest,
  press,
  replyText,
  run,
  submitForm,
} from './support/fixtures.js';

let db: TestDatabase;
const admin = actor('admin-1', { admin: true });
const ana = actor('ana');

beforeAll(async () => {
  db = await freshDatabase();
  const files = {
    manifest: { filename: 'm.json', text: JSON.stringify(manifest('ranking')) },
    items: { filename: 'i.jsonl', text: itemsJsonl('ranking', 3) },
  };
  const imported = await run(db.ctx, command(admin, 'batch', 'import', files));
  expect(replyText(imported)).toContain('Imported batch');
  await run(db.ctx, command(admin, 'batch', 'assign', { name: 'ranking-batch', all: true }));
  await run(db.ctx, command(admin, 'batch', 'activate', { name: 'ranking-batch' }));
});

afterAll(async () => {
  await db?.close();
});

describe('annotating a ranking item', () => {
  it('stores one response with its rationale after pick, rationale and submit', async () => {
    const listed = await run(db.ctx, command(ana, 'annotate', ''));
    const item = await run(db.ctx, press(ana, findAction(listed, 'start')));
    expect(replyText(item)).toContain('Question 1?');

    const picked = await run(db.ctx, press(ana, findAction(item, 'pick', 'A')));
    const form = await run(db.ctx, press(ana, findAction(picked, 'rationale')));
    expect(form.type).toBe('form');
    if (form.type !== 'form') return;

    const saved = await run(db.ctx, submitForm(ana, form.form.id, GOOD_RATIONALE));
    const stored = await run(db.ctx, press(ana, findAction(saved, 'submit')));
    expect(replyText(stored)).toContain('Stored: Preferred response A');

    const again = await run(db.ctx, press(ana, findAction(saved, 'submit')));
    expect(replyText(again)).toContain('already stored');

    const responses = await db.ctx.prisma.response.findMany({ include: { member: true } });
    expect(responses).toHaveLength(1);
    expect(responses[0]?.member.externalId).toBe('ana');
    expect(responses[0]?.rationale).toMatchObject({ decision: GOOD_RATIONALE.decision });
    expect(responses[0]?.confidence).toBe(0.8);
  });
});
