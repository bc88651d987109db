import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { COMMANDS } from '../commands/index.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { parseCommandText } from '../src/core/parse-text.js';
import { createLogger } from '../src/logger.js';

function problemsOf(environment: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('defaults to the embedded database and the terminal', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.INCHANNEL_DATA_DIR).toBe('./data/pglite');
    expect(config.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('reports every invalid variable at once', () => {
    const problems = problemsOf({
      DATABASE_URL: 'mysql://x',
      SLACK_PORT: 'abc',
      SLACK_SIGNING_SECRET: 's',
    });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'DATABASE_URL',
      'SLACK_PORT',
      'SLACK_BOT_TOKEN',
    ]);
  });

  it('asks Slack for a way to connect', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1' })[0]).toContain(
      'SLACK_APP_TOKEN or SLACK_SIGNING_SECRET',
    );
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toEqual([]);
  });
});

describe('logs', () => {
  it('never write tokens, secrets or authorization headers', () => {
    let written = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const logger = createLogger('debug', sink);
    logger.child({ platform: 'slack' }).info(
      {
        token: 'xoxb-secret-1',
        config: {
          SLACK_SIGNING_SECRET: 'signing-secret-2',
          DISCORD_TOKEN: 'discord-secret-3',
          DATABASE_URL: 'postgres://u:pw-4@h/db',
        },
        request: { headers: { authorization: 'Bearer secret-5' } },
        body: { token: 'secret-6' },
      },
      'request received',
    );
    expect(written).toContain('"msg":"request received"');
    expect(written).toContain('"platform":"slack"');
    for (const secret of [
      'xoxb-secret-1',
      'signing-secret-2',
      'discord-secret-3',
      'pw-4',
      'secret-5',
      'secret-6',
    ]) {
      expect(written).not.toContain(secret);
    }
  });
});

describe('command text', () => {
  const batch = COMMANDS.find((command) => command.name === 'batch');
  const exportCommand = COMMANDS.find((command) => command.name === 'export');

  it('fills options in order, by name, quoted and variadic', () => {
    if (batch === undefined || exportCommand === undefined) throw new Error('commands missing');
    expect(parseCommandText(batch, 'assign spring <@U1|ana> <@U2> --all')).toEqual({
      subcommand: 'assign',
      options: { all: true, name: 'spring', members: ['<@U1|ana>', '<@U2>'] },
    });
    expect(parseCommandText(exportCommand, 'spring --format csv')).toEqual({
      subcommand: '',
      options: { batch: 'spring', format: 'csv' },
    });
    expect(() => parseCommandText(batch, 'explode now')).toThrow(/has no "explode"/);
    expect(() => parseCommandText(batch, 'pause a --bogus 1')).toThrow(/Unknown option --bogus/);
  });
});
