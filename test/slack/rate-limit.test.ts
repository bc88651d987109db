// A 429 from Slack is waited out and the message still arrives: nothing is dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { blocksOf, blocksText, seedBatch, SlackHarness } from '../support/slack-harness.js';

let slack: SlackHarness;

beforeAll(async () => {
  slack = await SlackHarness.start('http');
  await seedBatch(slack, 'ranking', { activate: false });
});

afterAll(async () => {
  await slack?.close();
});

describe('rate limits', () => {
  it('retries chat.postMessage after Retry-After and delivers the announcement once', async () => {
    slack.fake.rateLimit('chat.postMessage', 1, 1);
    const admin = slack.member('UADMIN', { admin: true });
    await admin.command('batch', 'activate ranking-batch');

    const delivered = await slack.fake.waitForCall('chat.postMessage');
    const attempts = slack.fake.calls.filter((call) => call.method === 'chat.postMessage');
    expect(attempts.map((call) => call.limited)).toEqual([true, false]);
    expect(blocksText(delivered.args.blocks as Array<Record<string, unknown>>)).toContain(
      'New batch: ranking-batch',
    );
  });

  it('retries a response_url after Retry-After and delivers the private answer', async () => {
    slack.fake.rateLimit('response_url', 2, 0);
    const ana = slack.member('UANA');
    const sent = await ana.command('annotate', 'ranking-batch');

    const answer = await slack.fake.waitForPost(sent.responseUrl);
    expect(blocksText(blocksOf(answer))).toContain('Question 1?');
    const attempts = slack.fake.responsePosts.filter((post) => sent.responseUrl.endsWith(post.id));
    expect(attempts.map((post) => post.limited)).toEqual([true, true, false]);
  });
});
