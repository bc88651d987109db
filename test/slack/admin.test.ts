// Admin commands through Slack: refused privately to members, run for Slack's own admins, and
// the batch announcement posted in the channel with its Start button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  blocksOf,
  blocksText,
  CHANNEL,
  findElement,
  seedBatch,
  SlackHarness,
} from '../support/slack-harness.js';

let slack: SlackHarness;

beforeAll(async () => {
  slack = await SlackHarness.start('http');
  await seedBatch(slack, 'ranking', { activate: false });
});

afterAll(async () => {
  await slack?.close();
});

async function batchState() {
  const batch = await slack.db.ctx.prisma.batch.findFirst({ where: { name: 'ranking-batch' } });
  return batch?.state;
}

describe('admin commands', () => {
  it('refuses /batch activate from a member who is not an admin, privately', async () => {
    const bo = slack.member('UBO');
    const sent = await bo.command('batch', 'activate ranking-batch');
    expect(sent.answer.status).toBe(200);

    const refusal = await slack.fake.waitForPost(sent.responseUrl);
    expect(refusal.response_type).toBe('ephemeral');
    expect(blocksText(blocksOf(refusal))).toContain('Only workspace admins');
    expect(slack.fake.callsOf('chat.postMessage')).toEqual([]);
    expect(await batchState()).toBe('draft');
  });

  it('runs it for a Slack workspace admin and announces the batch in the channel', async () => {
    const admin = slack.member('UADMIN', { admin: true });
    const sent = await admin.command('batch', 'activate ranking-batch');
    expect(sent.answer.status).toBe(200);

    const announced = await slack.fake.waitForCall('chat.postMessage');
    expect(announced.args.channel).toBe(CHANNEL);
    expect(announced.authorization).toBe('Bearer xoxb-test-token');
    const blocks = announced.args.blocks as Array<Record<string, unknown>>;
    expect(blocksText(blocks)).toContain('New batch: ranking-batch');
    expect(findElement(blocks, 'start').text).toMatchObject({ text: 'Start' });
    expect(await batchState()).toBe('active');
  });

  it('announces through the response_url when the bot is not in the channel', async () => {
    const admin = slack.member('UADMIN', { admin: true });
    await admin.command('batch', 'pause ranking-batch');
    slack.fake.fail('chat.postMessage', 'not_in_channel');
    const sent = await admin.command('batch', 'activate ranking-batch');

    const announced = await slack.fake.waitForPost(sent.responseUrl);
    expect(announced.response_type).toBe('in_channel');
    expect(blocksText(blocksOf(announced))).toContain('New batch: ranking-batch');
  });

  it('answers a mistake in the command text with what to do, privately', async () => {
    const admin = slack.member('UADMIN', { admin: true });
    const sent = await admin.command('batch', 'explode ranking-batch');
    const answer = await slack.fake.waitForPost(sent.responseUrl);
    expect(answer.response_type).toBe('ephemeral');
    expect(blocksText(blocksOf(answer))).toContain('/batch has no "explode"');
  });
});
