// A message holds 50 blocks: an item whose texts need more sends the longest of them whole as
// files, and says so in the message, instead of cutting them or failing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LIMITS } from '../../adapters/slack/limits.js';
import { itemLine } from '../support/fixtures.js';
import {
  expectWithinLimits,
  longResponse,
  quotedOrNull,
  type Section,
} from '../support/slack-blocks.js';
import type { Json } from '../support/slack-fake.js';
import { blocksOf, elementsOf, seedBatch, SlackHarness } from '../support/slack-harness.js';

describe('an item too long for one Slack message', () => {
  let slack: SlackHarness;
  const responses = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((id, index) => ({
    id,
    text: `${String.fromCharCode(65 + index)}: ${longResponse().repeat(2)}`,
  }));

  beforeAll(async () => {
    slack = await SlackHarness.start('http');
    const line = itemLine('ranking', 1, { responses });
    await seedBatch(slack, 'ranking', { items: JSON.stringify(line) });
  });

  afterAll(async () => {
    await slack?.close();
  });

  it('stays within 50 blocks, sending the longest responses whole as files, once', async () => {
    const ana = slack.member('UANA');
    const sent = await ana.command('annotate', 'ranking-batch');
    const offered = await slack.fake.waitForPost(sent.responseUrl);
    const blocks = blocksOf(offered) as Section[];
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expectWithinLimits(blocks);

    // Every response is either shown whole in the message or uploaded whole as a file.
    const uploads = await slack.fake.waitFor(() => {
      const completed = slack.fake.callsOf('files.completeUploadExternal');
      const shown = responses.filter(
        (r, i) => quotedOrNull(blocks, `Response ${'ABCDEF'[i]}`) === r.text,
      );
      return completed.length + shown.length === responses.length ? slack.fake.uploads : undefined;
    });
    const uploaded = uploads.map((upload) => upload.body.toString('utf8'));
    for (const [index, response] of responses.entries()) {
      const label = `Response ${'ABCDEF'[index]}`;
      const whole = quotedOrNull(blocks, label) === response.text;
      expect(whole || uploaded.some((body) => body.includes(response.text))).toBe(true);
    }
    expect(uploads.length).toBeGreaterThan(0);

    // Showing the item again (a choice made) does not upload the same texts again.
    const menu = elementsOf(blocks as Json[]).find((e) => String(e.action_id).startsWith('order:'));
    expect(menu).toBeDefined();
    const item = { type: 'message' as const, channelId: 'C1', ts: '1.000001', ephemeral: true };
    const chosen = await ana.press(menu as Json, item, { selected: ['r1'] });
    await slack.fake.waitForPost(chosen.responseUrl);
    expect(slack.fake.uploads).toHaveLength(uploads.length);
  });
});
