import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { actionId } from '../src/core/actions.js';
import { freshDatabase, type TestDatabase } from './support/database.js';
import {
  actor,
  answerPair,
  command,
  findAction,
  itemsJsonl,
  manifest,
  press,
  replyText,
  run,
  setUpBatch,
} from './support/fixtures.js';

let db: TestDatabase;
const admin = actor('admin', { admin: true });
const ana = actor('ana');

beforeAll(async () => {
  db = await freshDatabase();
});

afterAll(async () => {
  await db?.close();
});

describe('correcting a stored answer', () => {
  it('stores the fix as a new revision that supersedes the first, which is kept', async () => {
    const batchId = await setUpBatch(db.ctx, admin, manifest('ranking'), itemsJsonl('ranking', 2));
    const item = await run(db.ctx, press(ana, actionId('start', batchId)));
    const stored = await answerPair(db.ctx, ana, item);
    expect(replyText(stored)).toContain('Preferred response A');

    const reopened = await run(db.ctx, press(ana, findAction(stored, 'correct')));
    expect(replyText(reopened)).toContain('Correcting your stored answer');
    const changed = await run(db.ctx, press(ana, findAction(reopened, 'pick', 'B')));
    const submit = press(ana, findAction(changed, 'submit'));
    const [fixed, repeated] = await Promise.all([run(db.ctx, submit), run(db.ctx, submit)]);
    expect(replyText(fixed)).toContain('Preferred response B');
    expect(replyText(repeated)).toContain('Preferred response B');

    const revisions = await db.ctx.prisma.response.findMany({ orderBy: { revision: 'asc' } });
    expect(revisions.map((response) => [response.revision, response.answer])).toEqual([
      [1, expect.objectContaining({ choice: 'A' })],
      [2, expect.objectContaining({ choice: 'B' })],
    ]);
    expect(revisions[1]?.supersedesId).toBe(revisions[0]?.id);

    const exported = await run(db.ctx, command(admin, 'export', '', { batch: 'ranking-batch' }));
    const rows = exported.type === 'message' ? (exported.files?.[0]?.content ?? '') : '';
    expect(rows.trim().split('\n')).toHaveLength(1);
    expect(rows).toContain('"ranking":["r2","r1"]');
    const events = await db.ctx.prisma.event.count({ where: { action: 'response.corrected' } });
    expect(events).toBe(1);
  });

  it('refuses changes to a stored answer unless it is reopened for correction', async () => {
    const batchId = (await db.ctx.prisma.batch.findFirstOrThrow()).id;
    const ben = actor('ben');
    const item = await run(db.ctx, press(ben, actionId('start', batchId)));
    await answerPair(db.ctx, ben, item);
    const late = await run(db.ctx, press(ben, findAction(item, 'pick', 'B')));
    expect(replyText(late)).toContain('Press Correct answer');
  });
});
