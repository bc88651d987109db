// App Home shows the member's record and a Start button per open batch; Start there delivers the
// item by direct message, and the item's buttons then update that message in place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Json } from '../support/slack-fake.js';
import { eventCallback } from '../support/slack-requests.js';
import {
  blocksText,
  findElement,
  seedBatch,
  SlackHarness,
  TEAM,
} from '../support/slack-harness.js';

let slack: SlackHarness;

beforeAll(async () => {
  slack = await SlackHarness.start('http');
  await seedBatch(slack, 'ranking');
});

afterAll(async () => {
  await slack?.close();
});

describe('App Home', () => {
  it('publishes the member record and a Start button for each open batch', async () => {
    slack.member('UANA');
    const opened = eventCallback(TEAM, {
      type: 'app_home_opened',
      user: 'UANA',
      channel: 'DUANA',
      tab: 'home',
      event_ts: String(Date.now() / 1000),
    });
    const answer = await slack.post(opened, 'application/json');
    expect(answer.status).toBe(200);

    const published = await slack.fake.waitForCall('views.publish');
    expect(published.args.user_id).toBe('UANA');
    const view = published.args.view as { type: string; blocks: Json[] };
    expect(view.type).toBe('home');
    expect(blocksText(view.blocks)).toContain('Your annotation record');
    expect(findElement(view.blocks, 'start').text).toMatchObject({
      text: 'Start ranking-batch (ranking)',
    });
  });

  it('sends the item by direct message on Start, and updates it on a choice', async () => {
    const ana = slack.member('UANA');
    const home = await slack.fake.waitForCall('views.publish');
    const start = findElement((home.args.view as { blocks: Json[] }).blocks, 'start');
    await ana.press(start, { type: 'view', viewId: 'VHOME' });

    const posted = await slack.fake.waitForCall('chat.postMessage');
    expect(posted.args.channel).toBe('DUANA');
    const blocks = posted.args.blocks as Json[];
    expect(blocksText(blocks)).toContain('Question 1?');

    const dm = { type: 'message' as const, channelId: 'DUANA', ts: '1700000001.000200' };
    await ana.press(findElement(blocks, 'pick', 'B'), { ...dm, ephemeral: false });
    const updated = await slack.fake.waitForCall('chat.update');
    expect(updated.args).toMatchObject({ channel: 'DUANA', ts: dm.ts });
    expect(blocksText(updated.args.blocks as Json[])).toContain('Preferred response B');
  });
});
