import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { UserError } from '../src/core/errors.js';
import { parseImport } from '../src/batches/parse.js';
import { importBatch } from '../src/batches/store.js';
import { resolveIdentity } from '../src/members/identity.js';
import { freshDatabase, type TestDatabase } from './support/database.js';
import { actor, itemLine, manifest } from './support/fixtures.js';

let db: TestDatabase;
let workspaceId: string;

beforeAll(async () => {
  db = await freshDatabase();
  workspaceId = (await resolveIdentity(db.ctx, actor('admin', { admin: true }))).workspaceId;
});

afterAll(async () => {
  await db?.close();
});

function lines(count: number, replace: Record<number, string>): string {
  return Array.from({ length: count }, (_, index) => {
    const line = index + 1;
    return replace[line] ?? JSON.stringify(itemLine('ranking', line));
  }).join('\n');
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error.details;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

describe('importing a batch', () => {
  const good = JSON.stringify(manifest('ranking'));

  it('names every bad line of fifty, not only the first, and imports nothing', async () => {
    const items = lines(50, {
      7: JSON.stringify({ item_id: 'item-7', input: 'no responses for a ranking' }),
      23: '{"item_id": "item-23", "input": ',
      41: JSON.stringify({ ...itemLine('ranking', 41), confidence: 2, input: '' }),
    });
    const problems = problemsOf(() => parseImport(good, items));

    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'line 7',
      'line 23',
      'line 41',
    ]);
    expect(problems[0]).toContain('responses: ranking needs 2 to 6, got 0');
    expect(problems[1]).toContain('not valid JSON');
    expect(problems[2]).toContain('input: must not be empty');
    expect(await db.ctx.prisma.batch.count()).toBe(0);
    expect(await db.ctx.prisma.item.count()).toBe(0);
  });

  it('reports a repeated item_id, unknown gold labels and an incomplete gold order', () => {
    const items = lines(4, {
      2: JSON.stringify(itemLine('ranking', 1)),
      3: JSON.stringify({ ...itemLine('ranking', 3), gold: { choice: 'ranked', order: ['r1'] } }),
      4: JSON.stringify({ ...itemLine('ranking', 4), gold: { choice: 'A', labels: ['nope'] } }),
    });
    const problems = problemsOf(() => parseImport(good, items));

    expect(problems).toContain('line 2: item_id: "item-1" repeats line 1');
    expect(problems.some((p) => p.startsWith('line 3: gold.ranking'))).toBe(true);
    expect(problems).toHaveLength(2);
  });

  it('reports every manifest problem at once', () => {
    const bad = JSON.stringify({
      ...manifest('ranking'),
      task: 'poetry',
      redundancy: 0,
      goldRate: 3,
    });
    const problems = problemsOf(() => parseImport(bad, lines(1, {})));
    const fields = problems.map((problem) => problem.split(':')[0]);

    expect(fields).toEqual(expect.arrayContaining(['task', 'redundancy', 'goldRate']));
  });

  it('stores a good file with its rubric version and an audit event', async () => {
    const parsed = parseImport(good, lines(50, {}));
    const result = await importBatch(db.ctx, workspaceId, null, parsed);

    expect(result.items).toBe(50);
    const batch = await db.ctx.prisma.batch.findUniqueOrThrow({
      where: { id: result.batchId },
      include: { rubricVersion: true },
    });
    expect(batch.state).toBe('draft');
    expect(batch.rubricVersion.version).toBe(1);
    const events = await db.ctx.prisma.event.findMany({ where: { subjectId: result.batchId } });
    expect(events.map((event) => event.action)).toEqual(['batch.imported']);
  });

  it('reuses an identical rubric and versions a changed one', async () => {
    const same = parseImport(JSON.stringify(manifest('ranking', { name: 'second' })), lines(2, {}));
    const changedManifest = manifest('ranking', { name: 'third' });
    changedManifest.rubric = { ...changedManifest.rubric, minRationaleLength: 99 };
    const changed = parseImport(JSON.stringify(changedManifest), lines(2, {}));

    const second = await importBatch(db.ctx, workspaceId, null, same);
    const third = await importBatch(db.ctx, workspaceId, null, changed);
    const versions = await db.ctx.prisma.batch.findMany({
      where: { id: { in: [second.batchId, third.batchId] } },
      select: { name: true, rubricVersion: { select: { version: true } } },
      orderBy: { name: 'asc' },
    });
    expect(versions.map((v) => [v.name, v.rubricVersion.version])).toEqual([
      ['second', 1],
      ['third', 2],
    ]);
  });

  it('refuses a second batch with the same name and keeps the first intact', async () => {
    const parsed = parseImport(good, lines(3, {}));
    await expect(importBatch(db.ctx, workspaceId, null, parsed)).rejects.toThrow(/already exists/);
    const batch = await db.ctx.prisma.batch.findFirstOrThrow({
      where: { name: 'ranking-batch' },
      include: { _count: { select: { items: true } } },
    });
    expect(batch._count.items).toBe(50);
  });
});
