import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { actionId } from '../src/core/actions.js';
import { freshDatabase, type TestDatabase } from './support/database.js';
import {
  actor,
  answerPair,
  findAction,
  GOOD_RATIONALE,
  itemsJsonl,
  manifest,
  press,
  replyText,
  run,
  setUpBatch,
  submitForm,
} from './support/fixtures.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await freshDatabase();
});

afterAll(async () => {
  await db?.close();
});

async function annotateUntilDone(batchId: string, name: string): Promise<number> {
  const who = actor(name);
  let reply = await run(db.ctx, press(who, actionId('start', batchId)));
  let answered = 0;
  while (!replyText(reply).includes('Nothing left')) {
    const stored = await answerPair(db.ctx, who, reply);
    expect(replyText(stored)).toContain('Stored');
    answered += 1;
    reply = await run(db.ctx, press(who, actionId('next', batchId)));
  }
  return answered;
}

describe('many annotators at once', () => {
  it('twenty members on redundancy 3 never produce a fourth answer or a duplicate', async () => {
    const admin = actor('lead', { admin: true });
    const batchId = await setUpBatch(
      db.ctx,
      admin,
      manifest('ranking', { name: 'crowd', redundancy: 3 }),
      itemsJsonl('ranking', 12),
    );

    const members = Array.from({ length: 20 }, (_, index) => `annotator-${index}`);
    const counts = await Promise.all(members.map((name) => annotateUntilDone(batchId, name)));

    const perItem = await db.ctx.prisma.response.groupBy({
      by: ['itemId'],
      _count: { _all: true },
    });
    expect(perItem).toHaveLength(12);
    expect(perItem.every((row) => row._count._all === 3)).toBe(true);
    const pairs = await db.ctx.prisma.response.groupBy({
      by: ['itemId', 'memberId'],
      _count: { _all: true },
    });
    expect(pairs.every((row) => row._count._all === 1)).toBe(true);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(36);

    const items = await db.ctx.prisma.item.findMany({ where: { batchId } });
    expect(items.every((item) => item.liveCount === 3)).toBe(true);
  });

  it('the same submit delivered five times at once stores one response', async () => {
    const admin = actor('lead', { admin: true });
    const batchId = await setUpBatch(
      db.ctx,
      admin,
      manifest('ranking', { name: 'retries', redundancy: 1 }),
      itemsJsonl('ranking', 1),
    );
    const who = actor('clicker');
    const item = await run(db.ctx, press(who, actionId('start', batchId)));
    const picked = await run(db.ctx, press(who, findAction(item, 'pick', 'A')));
    await run(db.ctx, submitForm(who, findAction(picked, 'rationale'), GOOD_RATIONALE));
    const assignment = await db.ctx.prisma.assignment.findFirstOrThrow({ where: { batchId } });

    const submit = press(who, actionId('submit', assignment.id));
    const replies = await Promise.all(Array.from({ length: 5 }, () => run(db.ctx, submit)));

    expect(replies.every((reply) => replyText(reply).includes('Stored'))).toBe(true);
    expect(await db.ctx.prisma.response.count({ where: { assignmentId: assignment.id } })).toBe(1);
  });
});
