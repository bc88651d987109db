import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { actionId } from '../src/core/actions.js';
import { freshDatabase, type TestDatabase } from './support/database.js';
import {
  actor,
  command,
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
  const three = {
    ...itemLine('ranking', 2, { gold: { choice: 'ranked', order: ['z', 'x', 'y'], labels: [] } }),
    input: 'Say "hello", politely',
    responses: ['x', 'y', 'z'].map((id) => ({ id, text: `Answer ${id}, with a comma` })),
  };
  const items = [itemLine('ranking', 1), three].map((line) => JSON.stringify(line)).join('\n');
  const batchId = await setUpBatch(
    db.ctx,
    admin,
    manifest('ranking', { name: 'exported', goldRate: 1 }),
    items,
  );

  for (const name of ['ana', 'ben']) {
    const who = actor(name);
    let reply = await run(db.ctx, press(who, actionId('start', batchId)));
    while (!replyText(reply).includes('Nothing left')) {
      reply = replyText(reply).includes('Answer x')
        ? await rankThree(who, reply)
        : await run(db.ctx, press(who, findAction(reply, 'pick', 'B')));
      const saved = await run(
        db.ctx,
        submitForm(who, findAction(reply, 'rationale'), GOOD_RATIONALE),
      );
      await run(db.ctx, press(who, findAction(saved, 'submit')));
      reply = await run(db.ctx, press(who, actionId('next', batchId)));
    }
  }
});

afterAll(async () => {
  await db?.close();
});

async function rankThree(who: ReturnType<typeof actor>, reply: Awaited<ReturnType<typeof run>>) {
  let current = reply;
  for (const [position, id] of [
    ['0', 'y'],
    ['1', 'x'],
    ['2', 'z'],
  ] as const) {
    current = await run(db.ctx, press(who, findAction(current, 'order', position), [id]));
  }
  return current;
}

async function exported(format: string): Promise<string> {
  const reply = await run(db.ctx, command(admin, 'export', '', { batch: 'exported', format }));
  if (reply.type !== 'message' || reply.files?.[0] === undefined) throw new Error(replyText(reply));
  return reply.files[0].content;
}

describe('exports', () => {
  it('writes one JSON line per response with the annotation schema fields', async () => {
    const rows = (await exported('jsonl'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(4);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual([
      'annotator',
      'confidence',
      'created_at',
      'duration_ms',
      'input',
      'item_id',
      'labels',
      'ranking',
      'rationale',
      'rubric_version',
      'severity',
      'task',
      'text',
    ]);
    const pair = rows.find((row) => row.item_id === 'item-1' && row.annotator === 'ana');
    expect(pair).toMatchObject({
      ranking: ['r2', 'r1'],
      task: 'ranking',
      rubric_version: 'ranking-rubric@1',
      confidence: 0.8,
    });
    expect(pair?.rationale).toMatchObject({ decision: GOOD_RATIONALE.decision });
    expect(JSON.stringify(rows)).not.toContain('"gold');
  });

  it('writes every preference pair a ranking implies, ready for DPO', async () => {
    const pairs = (await exported('preferences'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    // Two annotators: one pair each for the two-way item, three each for the full ranking.
    expect(pairs).toHaveLength(8);
    expect(pairs).toContainEqual({
      prompt: 'Question 1?',
      chosen: 'Second answer to question 1',
      rejected: 'First answer to question 1',
    });
    expect(pairs).toContainEqual({
      prompt: 'Say "hello", politely',
      chosen: 'Answer y, with a comma',
      rejected: 'Answer z, with a comma',
    });
  });

  it('writes the same rows as CSV, quoting commas and quotes', async () => {
    const csv = await exported('csv');
    const [header, ...lines] = csv.trim().split('\n');
    expect(header).toBe(
      'item_id,input,labels,rationale,severity,confidence,annotator,task,ranking,text,' +
        'rubric_version,duration_ms,created_at',
    );
    expect(lines).toHaveLength(4);
    expect(csv).toContain('"Say ""hello"", politely"');
  });

  it('refuses an unknown format, naming the choices', async () => {
    const reply = await run(
      db.ctx,
      command(admin, 'export', '', { batch: 'exported', format: 'xml' }),
    );
    expect(replyText(reply)).toMatch(/format: .*"jsonl"/);
  });
});
