// The bot stays connected: after the gateway asks it to reconnect (op 7) or the socket drops,
// discord.js resumes the session, receives what it missed, and keeps answering. Slow work is
// deferred, and a rate-limited request is waited out and retried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { environmentSchema } from '../../src/config.js';
import { TOKEN } from '../support/discord-fake.js';
import {
  discordConfig,
  embedText,
  startHarness,
  TEST_CLIENT,
  type Harness,
} from '../support/discord-harness.js';
import { person, slash } from '../support/discord-payloads.js';

let h: Harness;
const ana = person('ana');

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  expect(h.loggedErrors()).toEqual([]);
  await h?.close();
});

function resumed(): Promise<void> {
  return new Promise((resolve) => h.fake.gateway.once('resumed', () => resolve()));
}

describe('gateway connection', () => {
  it('resumes after a RECONNECT (op 7) and keeps answering', async () => {
    const done = resumed();
    h.fake.gateway.requestReconnect();
    await done;

    const answer = await h.interact(slash(ana, 'help', ''));
    expect(embedText(answer.message)).toContain('/annotate');
    expect(h.fake.gateway.resumes).toBe(1);
    expect(h.fake.gateway.identifies).toBe(1);
  });

  it('resumes after the socket drops and receives the interaction sent meanwhile', async () => {
    const done = resumed();
    h.fake.gateway.drop();
    const missed = h.interact(slash(ana, 'profile', ''));
    await done;

    const answer = await missed;
    expect(embedText(answer.message)).toContain('Your annotation record');
    expect(h.fake.gateway.resumes).toBe(2);
    expect(h.fake.gateway.identifies).toBe(1);
  });
});

describe('logging in', () => {
  it('rejects start() when Discord refuses the token, leaving nothing running', async () => {
    const config = environmentSchema.parse({ ...discordConfig(h.fake), DISCORD_TOKEN: 'wrong' });
    const adapter = createDiscordAdapter({ config, ctx: h.db.ctx, clientOverrides: TEST_CLIENT });
    await expect(adapter.start()).rejects.toThrow();
    await adapter.stop();
  });

  it('never writes the bot token to the log', () => {
    expect(h.logText()).toContain('discord ready');
    expect(h.logText()).not.toContain(TOKEN);
  });
});

describe('Discord rules on answers', () => {
  it('waits out a 429 and retries, then delivers', async () => {
    h.fake.answerOnce(/\/callback$/, () => ({
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
    }));
    const payload = slash(ana, 'help', '');
    const answer = await h.interact(payload);
    const calls = h.fake.requests.filter((r) => r.path === answer.callback.path);
    expect(calls).toHaveLength(2);
    expect(answer.type).toBe(4);
  });
});
