// A member annotates a ranking item on Discord, through the real discord.js client and the fake:
// slash command, buttons, the rationale modal, submit, and a second press of the same button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  customId,
  embedText,
  seedBatch,
  startHarness,
  type Harness,
} from '../support/discord-harness.js';
import { person, press, slash, submitModal } from '../support/discord-payloads.js';
import { GOOD_RATIONALE } from '../support/fixtures.js';

const EPHEMERAL = 64;
let h: Harness;
const ana = person('ana');

beforeAll(async () => {
  h = await startHarness();
  await seedBatch(h, 'ranking', 3);
});

afterAll(async () => {
  expect(h.loggedErrors()).toEqual([]);
  await h?.close();
});

describe('annotating on Discord', () => {
  it('logs in with the bot token and identifies once', () => {
    const gatewayCall = h.fake.requests.find((r) => r.path === '/gateway/bot');
    expect(gatewayCall?.authorization).toBe('Bot fake-bot-token.for-tests-only');
    expect(h.fake.gateway.identifies).toBe(1);
  });

  it('/annotate lists the open batch privately and Start delivers the first item', async () => {
    const listed = await h.interact(slash(ana, 'annotate', ''));
    expect(listed.type).toBe(4);
    expect(listed.data.flags).toBe(EPHEMERAL);

    const item = await h.interact(press(ana, listed.message!, customId(listed.message, 'start')));
    expect(item.type).toBe(4);
    expect(item.data.flags).toBe(EPHEMERAL);
    expect(embedText(item.message)).toContain('Question 1?');
    expect(embedText(item.message)).toContain('First answer to question 1');
  });
});
