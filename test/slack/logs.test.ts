// The adapter's logs, down to Bolt's own debug lines, never carry a token or the signing secret.
import { Writable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '../../src/logger.js';
import {
  blocksOf,
  CHANNEL,
  findElement,
  SECRET,
  seedBatch,
  SlackHarness,
} from '../support/slack-harness.js';

const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString('utf8'));
    done();
  },
});

let slack: SlackHarness;

beforeAll(async () => {
  slack = await SlackHarness.start('http', createLogger('debug', sink));
  await seedBatch(slack, 'ranking');
});

afterAll(async () => {
  await slack?.close();
});

describe('Slack logs', () => {
  it('record the work at debug level without the bot token or the signing secret', async () => {
    const ana = slack.member('UANA');
    slack.fake.rateLimit('users.info', 1, 0);
    const asked = await ana.command('annotate', 'ranking-batch');
    const offered = await slack.fake.waitForPost(asked.responseUrl);
    const item = { type: 'message' as const, channelId: CHANNEL, ts: '1.000001', ephemeral: true };
    const picked = await ana.press(findElement(blocksOf(offered), 'pick', 'A'), item);
    await slack.fake.waitForPost(picked.responseUrl);

    const log = lines.join('');
    expect(log).toContain('invocation handled');
    expect(log).toContain('users.info');
    expect(log).toContain('http request headers');
    expect(log).not.toContain('xoxb-test-token');
    expect(log).not.toContain(SECRET);
  });
});
