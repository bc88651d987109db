import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { freshLocation, type TestLocation } from './support/database.js';
import { testDbMode } from './support/db-mode.js';
import { childEnv, inchannel, ROOT } from './support/processes.js';

let location: TestLocation;

beforeAll(async () => {
  location = await freshLocation();
});

afterAll(async () => {
  await location?.cleanup();
});

function startBot(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const ready = async () => {
    for (let waited = 0; waited < 1200 && !output.includes('in your terminal'); waited += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!output.includes('in your terminal')) throw new Error(`bot did not start:\n${output}`);
  };
  return { child, exited, ready, output: () => output };
}

describe('the bot process', { timeout: 240_000 }, () => {
  it('starts in the terminal without tokens and closes the database on SIGTERM', async () => {
    const bot = startBot(location.env);
    await bot.ready();
    expect(bot.output()).toContain('Loaded sample batches');

    if (testDbMode() === 'pglite') {
      const refused = await inchannel(['batch', 'list'], location.env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/in use by process \d+/);
    }

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    const dataDir = location.env.INCHANNEL_DATA_DIR ?? '';
    if (testDbMode() === 'pglite') expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const log = readFileSync(join(dirname(dataDir), 'inchannel.log'), 'utf8');
    expect(log).toContain('"msg":"shutting down"');

    const after = await inchannel(['batch', 'list'], location.env);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('sample-ranking: ranking, active, 4 items');
  });

  it('refuses to start with a bad environment, naming every problem', async () => {
    const bot = startBot({
      ...location.env,
      DATABASE_URL: 'mysql://nope',
      LOG_LEVEL: 'loud',
      SLACK_APP_TOKEN: 'xapp-1',
    });
    expect(await bot.exited).toBe(2);
    for (const name of ['DATABASE_URL', 'LOG_LEVEL', 'SLACK_BOT_TOKEN'])
      expect(bot.output()).toContain(name);
  });
});
