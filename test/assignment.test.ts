import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expireLeases } from '../src/assignment/claim.js';
import { actionId } from '../src/core/actions.js';
import type { Context } from '../src/core/context.js';
import { freshDatabase, type TestDatabase } from './support/database.js';
import {
  actor,
  answerPair,
  command,
  findAction,
  itemLine,
  itemsJsonl,
  manifest,
  press,
  replyText,
  run,
  setUpBatch,
} from './support/fixtures.js';

let db: TestDatabase;
const admin = actor('admin', { admin: true });

beforeAll(async () => {
  db = await freshDatabase();
});

afterAll(async () => {
  await db?.close();
});

function assignmentOf(reply: Parameters<typeof findAction>[0]): string {
  return findAction(reply, 'submit').split(':')[1] ?? '';
}

describe('who gets which item next', () => {
  it('never offers an item the member answered or skipped', async () => {
    const batchId = await setUpBatch(
      db.ctx,
      admin,
      manifest('ranking', { name: 'skips' }),
      itemsJsonl('ranking', 3),
    );
    const who = actor('skipper');
    const first = await run(db.ctx, press(who, actionId('start', batchId)));
    expect(replyText(first)).toContain('Question 1?');

    const second = await run(db.ctx, press(who, findAction(first, 'skip')));
    expect(replyText(second)).toContain('Question 2?');
    await answerPair(db.ctx, who, second);
    const third = await run(db.ctx, press(who, actionId('next', batchId)));
    expect(replyText(third)).toContain('Question 3?');
    await answerPair(db.ctx, who, third);

    const done = await run(db.ctx, press(who, actionId('next', batchId)));
    expect(replyText(done)).toContain('Nothing left');
    const events = await db.ctx.prisma.event.findMany({ where: { actorId: { not: null } } });
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['assignment.offered', 'assignment.skipped', 'response.stored']),
    );
  });

  it('gives the same open item back on a second Start instead of a new one', async () => {
    const batchId = await setUpBatch(
      db.ctx,
      admin,
      manifest('ranking', { name: 'twice' }),
      itemsJsonl('ranking', 3),
    );
    const who = actor('double-starter');
    const first = await run(db.ctx, press(who, actionId('start', batchId)));
    const again = await run(db.ctx, press(who, actionId('start', batchId)));
    expect(assignmentOf(again)).toBe(assignmentOf(first));
  });

  it('frees the slot when a lease runs out, and refuses the late submit', async () => {
    let now = new Date('2026-12-01T10:00:00Z');
    const clocked: Context = { ...db.ctx, now: () => now };
    const batchId = await setUpBatch(
      clocked,
      admin,
      manifest('ranking', { name: 'leases', redundancy: 1, leaseMinutes: 5 }),
      itemsJsonl('ranking', 1),
    );
    const slow = actor('slow');
    const item = await run(clocked, press(slow, actionId('start', batchId)));
    const other = actor('other');
    expect(replyText(await run(clocked, press(other, actionId('start', batchId))))).toContain(
      'Nothing left',
    );

    now = new Date('2026-12-01T10:06:00Z');
    expect(await expireLeases(clocked, batchId)).toBe(1);
    const freed = await run(clocked, press(other, actionId('start', batchId)));
    expect(replyText(freed)).toContain('Question 1?');

    const late = await run(clocked, press(slow, findAction(item, 'pick', 'A')));
    expect(replyText(late)).toContain('ran out');
  });

  it('mixes gold in at the batch rate, looking exactly like other items', async () => {
    const items = Array.from({ length: 40 }, (_, index) => {
      const gold = index % 4 === 0 ? { gold: { choice: 'A', labels: [] } } : {};
      return JSON.stringify(itemLine('ranking', index + 1, gold));
    }).join('\n');
    const batchId = await setUpBatch(
      db.ctx,
      admin,
      manifest('ranking', { name: 'mixed', goldRate: 0.25, redundancy: 1 }),
      items,
    );
    const who = actor('gold-digger');
    let reply = await run(db.ctx, press(who, actionId('start', batchId)));
    for (let answered = 0; answered < 20; answered += 1) {
      expect(replyText(reply)).not.toMatch(/gold|item-\d/i);
      await answerPair(db.ctx, who, reply);
      reply = await run(db.ctx, press(who, actionId('next', batchId)));
    }
    const served = await db.ctx.prisma.assignment.findMany({
      where: { batchId },
      include: { item: true },
    });
    const gold = served.filter((assignment) => assignment.item.isGold).length;
    // A quarter of twenty-one offers, give or take the one a phase can shift.
    expect(gold).toBeGreaterThanOrEqual(4);
    expect(gold).toBeLessThanOrEqual(6);
  });

  it('refuses paused batches, unassigned members and other members’ items', async () => {
    const batchId = await setUpBatch(
      db.ctx,
      admin,
      manifest('ranking', { name: 'guarded' }),
      itemsJsonl('ranking', 2),
    );
    const owner = actor('owner');
    const item = await run(db.ctx, press(owner, actionId('start', batchId)));

    const thief = actor('thief');
    expect(replyText(await run(db.ctx, press(thief, findAction(item, 'pick', 'A'))))).toContain(
      'not assigned to you',
    );

    await run(db.ctx, command(admin, 'batch', 'pause', { name: 'guarded' }));
    expect(replyText(await run(db.ctx, press(owner, findAction(item, 'pick', 'A'))))).toContain(
      'paused',
    );
    expect(replyText(await run(db.ctx, press(thief, actionId('start', batchId))))).toContain(
      'paused',
    );

    await run(db.ctx, command(admin, 'batch', 'activate', { name: 'guarded' }));
    const privateBatch = await setUpBatch(
      db.ctx,
      admin,
      manifest('ranking', { name: 'private' }),
      itemsJsonl('ranking', 1),
    );
    await db.ctx.prisma.batch.update({ where: { id: privateBatch }, data: { openToAll: false } });
    expect(replyText(await run(db.ctx, press(thief, actionId('start', privateBatch))))).toContain(
      'not assigned to batch',
    );
    await run(db.ctx, command(admin, 'batch', 'assign', { name: 'private', members: 'thief' }));
    expect(replyText(await run(db.ctx, press(thief, actionId('start', privateBatch))))).toContain(
      'Question 1?',
    );
  });

  it('refuses admin commands to non-admins, without changing anything', async () => {
    await setUpBatch(
      db.ctx,
      admin,
      manifest('ranking', { name: 'admin-only' }),
      itemsJsonl('ranking', 1),
    );
    const member = actor('plain-member');
    const refused = await run(db.ctx, command(member, 'batch', 'close', { name: 'admin-only' }));
    expect(replyText(refused)).toContain('Only workspace admins');
    const batch = await db.ctx.prisma.batch.findFirstOrThrow({ where: { name: 'admin-only' } });
    expect(batch.state).toBe('active');

    const promoted = await run(
      db.ctx,
      command(admin, 'member', 'role', { member: '<@plain-member>', role: 'admin' }),
    );
    expect(replyText(promoted)).toContain('plain-member is now admin');
    await run(db.ctx, command(member, 'batch', 'close', { name: 'admin-only' }));
    const closed = await db.ctx.prisma.batch.findFirstOrThrow({ where: { name: 'admin-only' } });
    expect(closed.state).toBe('closed');
    const tiered = await run(
      db.ctx,
      command(admin, 'member', 'tier', { member: 'plain-member', tier: 'expert' }),
    );
    expect(replyText(tiered)).toMatch(/tier: .*domain_expert/);
  });
});
