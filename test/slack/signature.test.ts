// Bolt's HTTP receiver answers only requests signed as Slack signs them, and fresh ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { blocksOf, blocksText, SlackHarness, type SlackMember } from '../support/slack-harness.js';

let slack: SlackHarness;
let ana: SlackMember;

beforeAll(async () => {
  slack = await SlackHarness.start('http');
  ana = slack.member('UANA');
});

afterAll(async () => {
  await slack?.close();
});

describe('request signatures', () => {
  it('rejects a request signed with another secret, and runs nothing', async () => {
    const forged = await ana.command('help', '', { secret: 'not-the-signing-secret' });
    expect(forged.answer.status).toBe(401);

    // A properly signed request afterwards is answered; the forged one never was.
    const genuine = await ana.command('help');
    expect(genuine.answer.status).toBe(200);
    await slack.fake.waitForPost(genuine.responseUrl);
    expect(slack.fake.postsTo(forged.responseUrl)).toEqual([]);
  });

  it('rejects a correctly signed request more than five minutes old', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await ana.command('help', '', { timestamp: sixMinutesAgo });
    expect(stale.answer.status).toBe(401);

    const fourMinutesAgo = Math.floor(Date.now() / 1000) - 4 * 60;
    const fresh = await ana.command('help', '', { timestamp: fourMinutesAgo });
    expect(fresh.answer.status).toBe(200);
    const answer = await slack.fake.waitForPost(fresh.responseUrl);
    expect(blocksText(blocksOf(answer))).toContain('/annotate');
    expect(slack.fake.postsTo(stale.responseUrl)).toEqual([]);
  });
});
