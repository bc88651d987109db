// An annotator's whole round trip through the real Bolt app: /annotate, the item delivered
// privately, a choice, the rationale modal, its submission, Submit, and the stored response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { GOOD_RATIONALE } from '../support/fixtures.js';
import type { Json } from '../support/slack-fake.js';
import type { Container } from '../support/slack-requests.js';
import {
  blocksOf,
  blocksText,
  CHANNEL,
  findElement,
  seedBatch,
  SlackHarness,
  type SlackMember,
} from '../support/slack-harness.js';

let slack: SlackHarness;
let ana: SlackMember;

// The item is an ephemeral message in the channel; Slack names it by channel and ts.
const item: Container = {
  type: 'message',
  channelId: CHANNEL,
  ts: '1700000000.000100',
  ephemeral: true,
};

beforeAll(async () => {
  slack = await SlackHarness.start('http');
  await seedBatch(slack, 'ranking');
  ana = slack.member('UANA');
});

afterAll(async () => {
  await slack?.close();
});

async function storedResponses() {
  return slack.db.ctx.prisma.response.findMany({ include: { member: true } });
}

describe('annotating through Slack', () => {
  let submitButton: Json;

  it('delivers the item privately, takes a choice and rationale, stores one response', async () => {
    const asked = await ana.command('annotate', 'ranking-batch');
    expect(asked.answer.status).toBe(200);
    const offered = await slack.fake.waitForPost(asked.responseUrl);
    expect(offered.response_type).toBe('ephemeral');
    expect(blocksText(blocksOf(offered))).toContain('Question 1?');

    const picked = await ana.press(findElement(blocksOf(offered), 'pick', 'A'), item);
    expect(picked.answer.status).toBe(200);
    const afterPick = await slack.fake.waitForPost(picked.responseUrl);
    expect(afterPick.replace_original).toBe(true);
    expect(blocksText(blocksOf(afterPick))).toContain('Preferred response A');

    const opening = await ana.press(findElement(blocksOf(afterPick), 'rationale'), item);
    const opened = await slack.fake.waitForCall('views.open');
    expect(opened.args.trigger_id).toBe(opening.triggerId);
    const modal = opened.args.view as Json;
    const inputs = (modal.blocks as Json[]).map((block) => block.block_id);
    expect(inputs).toEqual(expect.arrayContaining(['decision', 'evidence', 'confidence']));

    // The modal's acknowledgement closes it; the item message is updated through its own
    // response_url, remembered in the modal's private_metadata.
    const submitted = await ana.submit(modal, GOOD_RATIONALE);
    expect(submitted).toEqual({ status: 200, text: '' });
    const saved = await slack.fake.waitForPost(opening.responseUrl);
    expect(saved.replace_original).toBe(true);
    expect(blocksText(blocksOf(saved))).toContain('Rationale saved');

    submitButton = findElement(blocksOf(saved), 'submit');
    const submitting = await ana.press(submitButton, item);
    const stored = await slack.fake.waitForPost(submitting.responseUrl);
    expect(stored.replace_original).toBe(true);
    expect(blocksText(blocksOf(stored))).toContain('Stored: Preferred response A');
    expect(findElement(blocksOf(stored), 'next').text).toMatchObject({ text: 'Next item' });

    const responses = await storedResponses();
    expect(responses).toHaveLength(1);
    expect(responses[0]?.member.externalId).toBe('UANA');
    expect(responses[0]?.rationale).toMatchObject({
      decision: GOOD_RATIONALE.decision,
      evidence: GOOD_RATIONALE.evidence,
    });
    expect(responses[0]?.confidence).toBe(0.8);
  });

  it('stores one response when Slack retries a press or Submit is pressed twice', async () => {
    const headers = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
    const retried = await ana.press(submitButton, item, { headers });
    const twice = await Promise.all([ana.press(submitButton, item), ana.press(submitButton, item)]);
    expect([retried, ...twice].map((sent) => sent.answer.status)).toEqual([200, 200, 200]);

    for (const sent of [retried, ...twice]) {
      const answer = await slack.fake.waitForPost(sent.responseUrl);
      expect(blocksText(blocksOf(answer))).toContain('already stored');
    }
    expect(await storedResponses()).toHaveLength(1);
  });

  it('names the field when the rationale is not acceptable, keeping the modal open', async () => {
    const next = await ana.command('annotate', 'ranking-batch');
    const offered = await slack.fake.waitForPost(next.responseUrl);
    await ana.press(findElement(blocksOf(offered), 'rationale'), item);
    const opened = await slack.fake.waitForCall('views.open', 2);

    const refused = await ana.submit(opened.args.view as Json, {
      ...GOOD_RATIONALE,
      confidence: 'very',
    });
    expect(refused.status).toBe(200);
    const body = JSON.parse(refused.text) as { response_action: string; errors: Json };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['confidence']);
  });

  it('exports through Slack as a file uploaded to the admin by direct message', async () => {
    const admin = slack.member('UADMIN', { admin: true });
    const exported = await admin.command('export', 'ranking-batch jsonl');
    const notice = await slack.fake.waitForPost(exported.responseUrl);
    expect(blocksText(blocksOf(notice))).toContain('Exported 1 records');

    const completed = await slack.fake.waitForCall('files.completeUploadExternal');
    expect(completed.args.channel_id).toBe('DUADMIN');
    const upload = await slack.fake.waitFor(() => slack.fake.uploads[0]);
    expect(upload.body.toString('utf8')).toContain(GOOD_RATIONALE.decision);
  });
});
