import { afterAll, describe, expect, it } from 'vitest';

import { resolveIdentity } from '../src/members/identity.js';
import { freshDatabase, type TestDatabase } from './support/database.js';
import { actor } from './support/fixtures.js';

const opened: TestDatabase[] = [];

afterAll(async () => {
  await Promise.all(opened.map((db) => db.close()));
});

describe('identities', () => {
  it('create the workspace and member on first contact, once per database', async () => {
    const first = await freshDatabase();
    const second = await freshDatabase();
    opened.push(first, second);
    const ana = actor('ana');

    const again = await resolveIdentity(first.ctx, ana);
    expect(await resolveIdentity(first.ctx, ana)).toEqual(again);
    const elsewhere = await resolveIdentity(second.ctx, ana);

    expect(elsewhere.workspaceId).not.toBe(again.workspaceId);
    expect(await second.ctx.prisma.member.count()).toBe(1);
    expect(again).toMatchObject({ role: 'annotator', isAdmin: false, isLead: false });
    expect(await resolveIdentity(first.ctx, actor('boss', { admin: true }))).toMatchObject({
      isAdmin: true,
      isLead: true,
    });
  });
});
