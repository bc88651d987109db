// Requests as Slack sends them to the app: signed with v0 HMAC-SHA256 over v0:timestamp:body,
// slash commands as form fields, interactions as one `payload` field of JSON, events as JSON.
import { createHmac } from 'node:crypto';

export type Json = Record<string, unknown>;

export const FORM = 'application/x-www-form-urlencoded';

export interface SignOptions {
  secret: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  headers?: Record<string, string>;
}

export function signature(secret: string, timestamp: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return `v0=${digest}`;
}

export interface SlackAnswer {
  status: number;
  text: string;
}

/** POSTs a body to Bolt's endpoint, signed as Slack signs it; resolves with Bolt's answer. */
export async function postSigned(
  url: string,
  body: string,
  contentType: string,
  options: SignOptions,
): Promise<SlackAnswer> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(options.secret, timestamp, body),
      ...options.headers,
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}

export interface Who {
  userId: string;
  teamId: string;
}

export function slashCommand(
  who: Who,
  command: string,
  text: string,
  extra: { channelId: string; responseUrl: string; triggerId: string },
): string {
  return new URLSearchParams({
    token: 'verification-token',
    team_id: who.teamId,
    team_domain: 'acme',
    channel_id: extra.channelId,
    channel_name: 'annotation',
    user_id: who.userId,
    user_name: who.userId,
    command,
    text,
    api_app_id: 'A1',
    response_url: extra.responseUrl,
    trigger_id: extra.triggerId,
  }).toString();
}

export function interaction(payload: Json): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Where a pressed element sits: a message (ephemeral or not) or a view (App Home). */
export type Container =
  | { type: 'message'; channelId: string; ts: string; ephemeral: boolean }
  | { type: 'view'; viewId: string };

export interface Press {
  action: Json;
  container: Container;
  responseUrl?: string;
  triggerId: string;
  state?: Json;
}

export function blockActions(who: Who, press: Press): Json {
  const { container } = press;
  const inMessage = container.type === 'message';
  return {
    type: 'block_actions',
    team: { id: who.teamId, domain: 'acme' },
    user: { id: who.userId, username: who.userId, name: who.userId, team_id: who.teamId },
    api_app_id: 'A1',
    token: 'verification-token',
    trigger_id: press.triggerId,
    container: inMessage
      ? {
          type: 'message',
          channel_id: container.channelId,
          message_ts: container.ts,
          is_ephemeral: container.ephemeral,
        }
      : { type: 'view', view_id: container.viewId },
    ...(inMessage ? { channel: { id: container.channelId, name: 'annotation' } } : {}),
    ...(press.responseUrl === undefined ? {} : { response_url: press.responseUrl }),
    ...(press.state === undefined ? {} : { state: press.state }),
    actions: [{ ...press.action, block_id: 'b1', action_ts: String(Date.now() / 1000) }],
  };
}

export function viewSubmission(
  who: Who,
  view: { callbackId: string; privateMetadata: string; values: Record<string, string> },
): Json {
  const values = Object.fromEntries(
    Object.entries(view.values).map(([id, value]) => [
      id,
      { [id]: { type: 'plain_text_input', value: value === '' ? null : value } },
    ]),
  );
  return {
    type: 'view_submission',
    team: { id: who.teamId, domain: 'acme' },
    user: { id: who.userId, username: who.userId, name: who.userId, team_id: who.teamId },
    api_app_id: 'A1',
    token: 'verification-token',
    trigger_id: `trigger-${Date.now()}`,
    view: {
      id: 'V1',
      type: 'modal',
      callback_id: view.callbackId,
      private_metadata: view.privateMetadata,
      state: { values },
      hash: 'h1',
    },
  };
}

export function eventCallback(teamId: string, event: Json): string {
  return JSON.stringify({
    token: 'verification-token',
    team_id: teamId,
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev${Date.now()}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}
