// Socket Mode through a fake apps.connections.open and WebSocket: envelopes are acknowledged and
// answered, a malformed one cannot crash the process, and stopping mid-reconnect is clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Json } from '../support/slack-fake.js';
import { blockActions } from '../support/slack-requests.js';
import {
  blocksOf,
  blocksText,
  CHANNEL,
  findElement,
  seedBatch,
  SlackHarness,
  TEAM,
} from '../support/slack-harness.js';

let slack: SlackHarness;

beforeAll(async () => {
  slack = await SlackHarness.start('socket');
  await seedBatch(slack, 'ranking');
});

afterAll(async () => {
  await slack?.close();
});

function commandEnvelope(id: string, command: string, text: string, responseUrl: string): Json {
  return {
    envelope_id: id,
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      token: 'verification-token',
      team_id: TEAM,
      team_domain: 'acme',
      channel_id: CHANNEL,
      channel_name: 'annotation',
      user_id: 'UANA',
      user_name: 'ana',
      command,
      text,
      api_app_id: 'A1',
      response_url: responseUrl,
      trigger_id: `trigger-${id}`,
    },
  };
}

async function annotateOverSocket(id: string): Promise<Json> {
  const responseUrl = slack.fake.responseUrl();
  const envelope = commandEnvelope(id, '/annotate', 'ranking-batch', responseUrl);
  const ack = await slack.fake.sendEnvelope(envelope as Json & { envelope_id: string });
  expect(ack).toMatchObject({ envelope_id: id });
  return slack.fake.waitForPost(responseUrl);
}

describe('Socket Mode', () => {
  it('connects through apps.connections.open with the app token', () => {
    const opened = slack.fake.callsOf('apps.connections.open');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.authorization).toBe('Bearer xapp-test-token');
    expect(slack.fake.openSockets()).toBe(1);
  });

  it('acknowledges a slash command envelope and delivers the item privately', async () => {
    slack.member('UANA');
    const answer = await annotateOverSocket('env-1');
    expect(answer.response_type).toBe('ephemeral');
    expect(blocksText(blocksOf(answer))).toContain('Question 1?');
  });

  it('acknowledges a button press envelope and replaces the item', async () => {
    const offered = await annotateOverSocket('env-item');
    const responseUrl = slack.fake.responseUrl();
    const payload = blockActions(
      { userId: 'UANA', teamId: TEAM },
      {
        action: { ...findElement(blocksOf(offered), 'pick', 'A'), value: '' },
        container: { type: 'message', channelId: CHANNEL, ts: '1.000001', ephemeral: true },
        responseUrl,
        triggerId: 'trigger-press',
      },
    );
    const ack = await slack.fake.sendEnvelope({
      envelope_id: 'env-press',
      type: 'interactive',
      payload,
    });
    expect(ack).toMatchObject({ envelope_id: 'env-press' });
    const replaced = await slack.fake.waitForPost(responseUrl);
    expect(replaced.replace_original).toBe(true);
    expect(blocksText(blocksOf(replaced))).toContain('Preferred response A');
  });

  it('acknowledges an events_api envelope without an event, and keeps serving', async () => {
    const ack = await slack.fake.sendEnvelope({
      envelope_id: 'env-broken',
      type: 'events_api',
      payload: { team_id: TEAM, type: 'event_callback' },
    });
    expect(ack).toMatchObject({ envelope_id: 'env-broken' });

    const answer = await annotateOverSocket('env-2');
    expect(blocksText(blocksOf(answer))).toContain('Question 1?');
  });

  it('stops cleanly while reconnecting, whether the new connection fails or succeeds', async () => {
    for (const outcome of ['error', 'url'] as const) {
      if (outcome === 'url') await slack.adapter.start();
      await slack.fake.waitFor(() => (slack.fake.openSockets() === 1 ? true : undefined));
      const held = slack.fake.holdConnectionsOpen();
      slack.fake.requestReconnect();
      await held.requested;

      const stopped = slack.adapter.stop();
      held.release(outcome);
      await stopped;
      await slack.fake.waitFor(() => (slack.fake.openSockets() === 0 ? true : undefined));
    }
    // Started again, it serves as before.
    await slack.adapter.start();
    await slack.fake.waitFor(() => (slack.fake.openSockets() === 1 ? true : undefined));
    const answer = await annotateOverSocket('env-3');
    expect(blocksText(blocksOf(answer))).toContain('Question 1?');
  });
});
