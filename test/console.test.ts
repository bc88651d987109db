import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freshDatabase, type TestDatabase } from './support/database.js';
import { itemLine, manifest } from './support/fixtures.js';
import { choice, ConsoleDriver } from './support/console-driver.js';

let db: TestDatabase;
let driver: ConsoleDriver;
const exportDir = mkdtempSync(join(tmpdir(), 'inchannel-exports-'));

beforeAll(async () => {
  db = await freshDatabase();
  driver = new ConsoleDriver(db.ctx, exportDir);
  await driver.adapter.start();
  await driver.prompt();
});

afterAll(async () => {
  driver?.input.end();
  await driver?.adapter.finished;
  await db?.close();
});

async function rationale(screen: string, fields: string[]): Promise<string> {
  let current = await driver.type(choice(screen, 'Rationale'));
  for (const field of fields) current = await driver.type(field);
  return current;
}

const EVIDENCE = 'The response contradicts the prompt and the cited source.';

async function finish(screen: string): Promise<string> {
  const stored = await driver.type(choice(screen, 'Submit'));
  expect(stored).toContain('Stored');
  return stored;
}

describe('a newcomer in the terminal', () => {
  it('lists the sample batches of every task type', async () => {
    const screen = await driver.type('/annotate');
    for (const name of ['ranking', 'error-tagging', 'writing', 'safety-review', 'classification']) {
      expect(screen).toContain(`sample-${name}`);
    }
  });

  it('ranks a pair', async () => {
    const item = await driver.type('/annotate sample-ranking');
    const picked = await driver.type(choice(item, 'A is better'));
    await finish(await rationale(picked, ['prefer A: correct date', EVIDENCE, '1', '', '0.8']));
  });

  it('tags errors with labels and a severity', async () => {
    const item = await driver.type('/annotate sample-error-tagging');
    const labelled = await driver.type(`${choice(item, 'Labels')} 1,4`);
    const rated = await driver.type(`${choice(labelled, 'Severity')} 3`);
    await finish(
      await rationale(rated, [
        'reject: wrong count',
        EVIDENCE,
        '1',
        'Adults have 206 bones.',
        '0.7',
      ]),
    );
  });

  it('writes an instruction', async () => {
    const item = await driver.type('/annotate sample-writing');
    const text =
      'Convert 2 cups of flour to grams, state the density you assume, and show the steps.';
    await finish(await rationale(item, [text, 'write: conversion task', EVIDENCE, '1', '0.9']));
  });

  it('reviews safety with a safe alternative', async () => {
    const item = await driver.type('/annotate sample-safety-review');
    const labelled = await driver.type(`${choice(item, 'Labels')} 4`);
    const rated = await driver.type(`${choice(labelled, 'Severity')} 4`);
    const fields = [
      'flag: unsafe medical claim',
      EVIDENCE,
      'P4',
      'See a doctor; antibiotics treat strep.',
      '0.85',
    ];
    await finish(await rationale(rated, fields));
  });

  it('classifies a domain item, fixing a confidence the form refused', async () => {
    const item = await driver.type('/annotate sample-classification');
    const labelled = await driver.type(`${choice(item, 'Labels')} 1`);
    const rated = await driver.type(`${choice(labelled, 'Severity')} 1`);
    const refused = await rationale(rated, ['accept: matches guidance', EVIDENCE, '1', '', 'very']);
    expect(refused).toContain('! confidence: Give a number from 0 to 1');
    let current = refused;
    for (const field of ['', '', '', '', '0.75']) current = await driver.type(field);
    await finish(current);
  });

  it('imports a batch from files named on the command line, refusing bad lines', async () => {
    const manifestPath = join(exportDir, 'manifest.json');
    const itemsPath = join(exportDir, 'items.jsonl');
    writeFileSync(manifestPath, JSON.stringify(manifest('ranking', { name: 'typed-in' })));
    const lines = [itemLine('ranking', 1), { item_id: 'x', input: '' }, itemLine('ranking', 3)];
    writeFileSync(itemsPath, lines.map((line) => JSON.stringify(line)).join('\n'));

    const refused = await driver.type(
      `/batch import --manifest ${manifestPath} --items ${itemsPath}`,
    );
    expect(refused).toContain('line 2: input: must not be empty');
    writeFileSync(itemsPath, JSON.stringify(itemLine('ranking', 1)));
    const imported = await driver.type(
      `/batch import --manifest ${manifestPath} --items ${itemsPath}`,
    );
    expect(imported).toContain('Imported batch "typed-in" with 1 items');
    expect(await driver.type('/batch import --manifest /no/such/file --items x')).toContain(
      'Cannot read /no/such/file (ENOENT)',
    );
  });

  it('exports what it annotated', async () => {
    const saved = await driver.type('/export sample-safety-review --format jsonl');
    expect(saved).toContain('Exported 1 records');
    const row = JSON.parse(
      readFileSync(join(exportDir, 'sample-safety-review.jsonl'), 'utf8'),
    ) as Record<string, unknown>;
    expect(row).toMatchObject({ annotator: 'newcomer', task: 'safety_review', confidence: 0.85 });
    expect(await db.ctx.prisma.response.count()).toBe(5);
  });
});
