// Delivering the core's reply within Discord's rules: answer within 3 s or defer and edit later;
// update the message a control belongs to when the core replaces its source; open modals only
// as a first answer; make private replies ephemeral.
import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Logger } from 'pino';

import type { Reply } from '../../src/core/view.js';
import { TEXT } from './messages.js';
import {
  formErrorsView,
  messagePayload,
  newMessage,
  replacement,
  type Payload,
} from './payload.js';
import { viewAnchor } from './render/message.js';
import { renderModal } from './render/modal.js';
import type { ViewCache } from './view-cache.js';

export type Answerable =
  | ChatInputCommandInteraction
  | ButtonInteraction
  | StringSelectMenuInteraction
  | ModalSubmitInteraction;

export interface DeliveryDeps {
  views: ViewCache;
  logger: Logger;
  deferAfterMs: number;
}

type MessageReply = Extract<Reply, { type: 'message' }>;

/** The value if `work` settles within `ms`, else undefined (work goes on); 0 never waits. */
async function settledWithin<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  if (ms <= 0) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether this interaction has a message of ours that an answer may replace. */
function hasSource(interaction: Answerable): boolean {
  if (interaction.isMessageComponent()) return true;
  return interaction.isModalSubmit() && interaction.isFromMessage();
}

/**
 * Every reply as a message, for when it cannot be shown as it is: form errors name their fields
 * (Discord has no inline errors in modals), and a form that can no longer open asks to retry.
 */
function toMessage(reply: Reply, interaction: Answerable): MessageReply {
  if (reply.type === 'message') return reply;
  if (reply.type === 'formErrors') {
    const formId = interaction.isModalSubmit() ? interaction.customId : '';
    return { type: 'message', view: formErrorsView(reply.errors, formId), visibility: 'private' };
  }
  const blocks = [{ type: 'text' as const, text: TEXT.formTooLate }];
  return { type: 'message', view: { blocks }, visibility: 'private' };
}

/** A paged view keeps its page when it replaces its own message; a new message starts at 1. */
function render(reply: MessageReply, deps: DeliveryDeps): Payload {
  const anchor = reply.replaceSource === true ? viewAnchor(reply.view) : undefined;
  const page = anchor === undefined ? 0 : (deps.views.get(anchor)?.page ?? 0);
  const payload = messagePayload(reply, page);
  if (payload.rendered.anchor !== undefined) {
    deps.views.remember(payload.rendered.anchor, reply.view, payload.rendered.page);
  }
  return payload;
}

async function answerFirst(interaction: Answerable, reply: Reply, deps: DeliveryDeps) {
  if (reply.type === 'form' && !interaction.isModalSubmit()) {
    await interaction.showModal(renderModal(reply.form));
    return;
  }
  const message = toMessage(reply, interaction);
  const payload = render(message, deps);
  if (message.replaceSource === true && hasSource(interaction)) {
    await (interaction as ButtonInteraction).update(replacement(payload));
    return;
  }
  await interaction.reply(newMessage(payload, message.visibility));
}

/** A deferred component keeps its message (type 6); a deferred command gets a private reply. */
async function defer(interaction: Answerable): Promise<'update' | 'reply'> {
  if (hasSource(interaction)) {
    await (interaction as ButtonInteraction).deferUpdate();
    return 'update';
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  return 'reply';
}

async function answerDeferred(
  interaction: Answerable,
  deferred: 'update' | 'reply',
  reply: Reply,
  deps: DeliveryDeps,
) {
  const message = toMessage(reply, interaction);
  const payload = render(message, deps);
  if (deferred === 'update') {
    if (message.replaceSource === true) await interaction.editReply(replacement(payload));
    else await interaction.followUp(newMessage(payload, message.visibility));
    return;
  }
  if (message.visibility === 'private') {
    await interaction.editReply(replacement(payload));
    return;
  }
  // The deferral was private; a channel announcement follows as a public message.
  await interaction.editReply({ content: TEXT.postedBelow, embeds: [], components: [] });
  await interaction.followUp(newMessage(payload, 'channel'));
}

export async function respond(
  interaction: Answerable,
  work: Promise<Reply>,
  deps: DeliveryDeps,
): Promise<void> {
  // The 3-second rule runs from when Discord created the interaction, not from when this process
  // got to it: time spent queued behind other work counts against the budget.
  const age = Math.max(0, Date.now() - interaction.createdTimestamp);
  const budget = deps.deferAfterMs <= 0 ? 0 : Math.max(1, deps.deferAfterMs - age);
  const quick = await settledWithin(work, budget);
  if (quick !== undefined) {
    await answerFirst(interaction, quick, deps);
    return;
  }
  const started = performance.now();
  const deferred = await defer(interaction);
  const reply = await work;
  deps.logger.info({ durationMs: Math.round(performance.now() - started) }, 'deferred answer');
  await answerDeferred(interaction, deferred, reply, deps);
}
