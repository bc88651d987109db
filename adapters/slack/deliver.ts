// Delivers the core's Reply: private answers as ephemeral messages (or a DM where Slack gave no
// response_url, as in App Home), channel answers as ordinary messages, replacements onto the
// message whose button was pressed, forms as modals, and files through Slack's upload flow.
import type { types, webApi } from '@slack/bolt';
import type { Logger } from 'pino';

import type { FileOut, Form, Reply, View } from '../../src/core/view.js';
import { fallbackText, renderBlocks } from './blocks.js';
import { DeliveryError, ViewTooLargeError } from './errors.js';
import { fitView } from './fit.js';
import { LIMITS } from './limits.js';
import { modalView } from './modal.js';
import type { Origin } from './origin.js';
import { postToResponseUrl } from './response-url.js';

export interface SlackMessage {
  blocks: types.KnownBlock[];
  text: string;
}

/** Opens (and remembers) the direct-message channel between the app and each member, and which
 * files each was already sent, so showing an item again does not send its attachments again. */
export class DirectMessages {
  private readonly channels = new Map<string, string>();
  private readonly sent = new Set<string>();

  firstSending(userId: string, filename: string): boolean {
    const key = `${userId}:${filename}`;
    if (this.sent.has(key)) return false;
    this.sent.add(key);
    return true;
  }

  async channelFor(client: webApi.WebClient, userId: string): Promise<string> {
    const known = this.channels.get(userId);
    if (known !== undefined) return known;
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (channel === undefined) throw new DeliveryError('conversations.open', 'no channel id');
    this.channels.set(userId, channel);
    return channel;
  }
}

export interface Delivery {
  client: webApi.WebClient;
  origin: Origin;
  logger: Logger;
  directMessages: DirectMessages;
}

export function renderMessage(view: View): SlackMessage {
  const blocks = renderBlocks(view);
  if (blocks.length > LIMITS.blocksPerMessage) throw new ViewTooLargeError(blocks.length);
  return { blocks, text: fallbackText(view) };
}

async function postToDm(delivery: Delivery, message: SlackMessage): Promise<void> {
  const { client, origin, directMessages } = delivery;
  const channel = await directMessages.channelFor(client, origin.userId);
  await client.chat.postMessage({ channel, ...message });
}

function platformError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

async function postToChannel(delivery: Delivery, message: SlackMessage): Promise<void> {
  const { client, origin } = delivery;
  if (origin.channelId === undefined) return postToDm(delivery, message);
  try {
    await client.chat.postMessage({ channel: origin.channelId, ...message });
  } catch (error) {
    // A slash command works in channels the bot has not joined; its response_url still posts.
    const missing = ['not_in_channel', 'channel_not_found'].includes(platformError(error) ?? '');
    if (!missing || origin.responseUrl === undefined) throw error;
    const body = { response_type: 'in_channel', replace_original: false, ...message };
    await postToResponseUrl(origin.responseUrl, body, delivery.logger);
  }
}

async function replaceSource(delivery: Delivery, message: SlackMessage): Promise<void> {
  const { client, origin } = delivery;
  if (origin.message !== undefined && !origin.message.ephemeral) {
    await client.chat.update({
      channel: origin.message.channel,
      ts: origin.message.ts,
      ...message,
    });
    return;
  }
  if (origin.responseUrl === undefined) return postToDm(delivery, message);
  await postToResponseUrl(
    origin.responseUrl,
    { replace_original: true, ...message },
    delivery.logger,
  );
}

async function postPrivately(delivery: Delivery, message: SlackMessage): Promise<void> {
  const { origin } = delivery;
  if (origin.responseUrl === undefined) return postToDm(delivery, message);
  const body = { response_type: 'ephemeral', replace_original: false, ...message };
  await postToResponseUrl(origin.responseUrl, body, delivery.logger);
}

async function uploadFile(delivery: Delivery, file: FileOut, inChannel: boolean): Promise<void> {
  const { client, origin, directMessages } = delivery;
  const channel =
    inChannel && origin.channelId !== undefined
      ? origin.channelId
      : await directMessages.channelFor(client, origin.userId);
  await client.filesUploadV2({
    channel_id: channel,
    filename: file.filename,
    title: file.filename,
    content: file.content,
  });
}

async function openForm(delivery: Delivery, form: Form): Promise<void> {
  const { client, origin } = delivery;
  if (origin.triggerId === undefined) throw new DeliveryError('views.open', 'no trigger_id');
  await client.views.open({ trigger_id: origin.triggerId, view: modalView(form, origin) });
}

export async function deliver(delivery: Delivery, reply: Reply): Promise<void> {
  if (reply.type === 'form') return openForm(delivery, reply.form);
  if (reply.type === 'formErrors') {
    throw new DeliveryError('modal', 'field errors outside a form submission');
  }
  const fitted = fitView(reply.view);
  const message = renderMessage(fitted.view);
  if (reply.visibility === 'channel') await postToChannel(delivery, message);
  else if (reply.replaceSource === true) await replaceSource(delivery, message);
  else await postPrivately(delivery, message);

  const inChannel = reply.visibility === 'channel';
  const { directMessages, origin } = delivery;
  const moved = fitted.files.filter((file) =>
    directMessages.firstSending(origin.userId, file.filename),
  );
  for (const file of [...moved, ...(reply.files ?? [])]) {
    await uploadFile(delivery, file, inChannel);
  }
}
