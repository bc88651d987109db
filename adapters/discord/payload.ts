// Rendered views as discord.js message options, for every way a reply can reach Discord.
import {
  MessageFlags,
  type APIEmbed,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
} from 'discord.js';

import { parseActionId } from '../../src/core/actions.js';
import type { Block, FileOut, Reply, View } from '../../src/core/view.js';
import { TEXT } from './messages.js';
import type { Row } from './render/components.js';
import { renderView, type RenderedMessage } from './render/message.js';

type MessageReply = Extract<Reply, { type: 'message' }>;

interface MessageBody {
  content?: string;
  embeds: APIEmbed[];
  components: Row[];
  files: Array<{ attachment: Buffer; name: string }>;
  allowedMentions: { parse: [] };
}

export interface Payload {
  rendered: RenderedMessage;
  message: MessageBody;
}

function files(list: FileOut[]) {
  return list.map((file) => ({
    attachment: Buffer.from(file.content, 'utf8'),
    name: file.filename,
  }));
}

export function messagePayload(reply: MessageReply, page = 0): Payload {
  const rendered = renderView(reply.view, page, reply.files ?? []);
  const hasContent = rendered.embeds.length > 0 || rendered.files.length > 0;
  return {
    rendered,
    message: {
      ...(hasContent ? {} : { content: '\u200b' }),
      embeds: rendered.embeds,
      components: rendered.components,
      files: files(rendered.files),
      allowedMentions: { parse: [] },
    },
  };
}

/** A replacement of an existing message: its old attachments go unless attached again. */
export function replacement(payload: Payload): InteractionUpdateOptions {
  return { ...payload.message, attachments: [] };
}

/** A new message: ephemeral unless the core asked for the channel to see it. */
export function newMessage(
  payload: Payload,
  visibility: MessageReply['visibility'],
): InteractionReplyOptions {
  return {
    ...payload.message,
    ...(visibility === 'private' ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** Discord has no inline errors in modals: name each field privately and offer the form again. */
export function formErrorsView(errors: Record<string, string>, formId: string): View {
  const name = (field: string) => field.charAt(0).toUpperCase() + field.slice(1);
  const lines = Object.entries(errors).map(([field, problem]) => `• ${name(field)}: ${problem}`);
  const blocks: Block[] = [{ type: 'text', text: `${TEXT.formErrors}\n${lines.join('\n')}` }];
  // The rationale form's id is also the action that opens it, so the member can try again.
  if (parseActionId(formId) !== undefined) {
    const reopen = { type: 'button' as const, id: formId, label: TEXT.reopenForm };
    blocks.push({ type: 'actions', elements: [reopen] });
  }
  return { blocks };
}
