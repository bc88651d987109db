import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { actionId } from '../src/core/actions.js';
import { freshLocation, type TestLocation } from './support/database.js';
import { answerPair, itemLine, manifest, press, replyText, run } from './support/fixtures.js';
import { inchannel } from './support/processes.js';

let location: TestLocation;
const files = mkdtempSync(join(tmpdir(), 'inchannel-cli-'));
const path = (name: string) => join(files, name);

function writeItems(name: string, bad: Record<number, string>): string {
  const lines = Array.from({ length: 50 }, (_, index) => {
    const line = index + 1;
    return bad[line] ?? JSON.stringify(itemLine('ranking', line));
  });
  writeFileSync(path(name), `${lines.join('\n')}\n`);
  return path(name);
}

beforeAll(async () => {
  location = await freshLocation();
  writeFileSync(path('manifest.json'), JSON.stringify(manifest('ranking', { name: 'cli-batch' })));
});

afterAll(async () => {
  await location?.cleanup();
});

// Each call starts a process and opens the database: allow for a busy machine.
describe('the admin command line', { timeout: 240_000 }, () => {
  it('exits 1 naming all three bad lines of fifty and leaves no trace of the batch', async () => {
    const items = writeItems('bad.jsonl', {
      3: '{"item_id": "item-3"',
      19: JSON.stringify({
        item_id: 'item-19',
        input: 'x',
        responses: [{ id: 'a', text: 'only one' }],
      }),
      44: JSON.stringify({ ...itemLine('ranking', 44), item_id: '' }),
    });
    const result = await inchannel(['batch', 'import', path('manifest.json'), items], location.env);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nothing was imported');
    for (const line of [3, 19, 44]) expect(result.stderr).toContain(`line ${line}:`);
    expect(result.stderr.match(/line \d+:/g)).toHaveLength(3);

    const listed = await inchannel(['batch', 'list'], location.env);
    expect(listed.stdout).toContain('No batches yet');
  });

  it('imports the good file, and exports answers in all three formats', async () => {
    const items = writeItems('good.jsonl', {});
    const imported = await inchannel(
      ['batch', 'import', path('manifest.json'), items],
      location.env,
    );
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('with 50 items');
    expect((await inchannel(['batch', 'assign', 'cli-batch', '--all'], location.env)).code).toBe(0);
    expect((await inchannel(['batch', 'activate', 'cli-batch'], location.env)).code).toBe(0);

    const db = await location.open();
    try {
      const batch = await db.ctx.prisma.batch.findFirstOrThrow({ where: { name: 'cli-batch' } });
      for (const name of ['ana', 'ben']) {
        const who = {
          platform: 'console' as const,
          workspaceId: 'local',
          workspaceName: 'local',
          memberId: name,
          displayName: name,
        };
        const item = await run(db.ctx, press(who, actionId('start', batch.id)));
        expect(replyText(await answerPair(db.ctx, who, item))).toContain('Stored');
      }
    } finally {
      await db.close();
    }

    for (const format of ['jsonl', 'preferences', 'csv']) {
      const out = path(`export.${format}`);
      const result = await inchannel(
        ['export', 'cli-batch', '--format', format, '--out', out],
        location.env,
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Written to ${out}`);
    }
    const rows = readFileSync(path('export.jsonl'), 'utf8').trim().split('\n');
    expect(rows.map((row) => (JSON.parse(row) as { annotator: string }).annotator)).toEqual([
      'ana',
      'ben',
    ]);
    expect(readFileSync(path('export.preferences'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(readFileSync(path('export.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('reads its settings from a .env file in the working directory', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'inchannel-dotenv-'));
    const lines = Object.entries(location.env).map(([key, value]) => `${key}=${value}`);
    writeFileSync(join(folder, '.env'), `${lines.join('\n')}\n`);
    const listed = await inchannel(['batch', 'list'], {}, folder);
    expect(listed.stderr).toBe('');
    expect(listed.stdout).toContain('cli-batch: ranking, active, 50 items');
  });

  it('answers a wrong command or batch with a message and exit 1', async () => {
    const unknown = await inchannel(['batch', 'pause', 'no-such-batch'], location.env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No batch named "no-such-batch"');
    const usage = await inchannel(['frobnicate'], location.env);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('Usage: inchannel');
  });
});
