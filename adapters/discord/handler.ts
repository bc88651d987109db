// One interaction from Discord, start to finish: page turns the adapter answers itself, then
// who acted, what they did, the core's reply, and its delivery. Never throws.
import { MessageFlags, type Interaction } from 'discord.js';

import type { Context } from '../../src/core/context.js';
import { dispatch } from '../../src/core/dispatch.js';
import { describeError, newIncidentId, UserError } from '../../src/core/errors.js';
import type { Actor, Invocation } from '../../src/core/invocation.js';
import { textReply, type Reply } from '../../src/core/view.js';
import { actorFor } from './actor.js';
import { decodeId } from './custom-ids.js';
import { respond, type Answerable, type DeliveryDeps } from './deliver.js';
import { actionInvocation, commandInvocation, formInvocation } from './invocation.js';
import { TEXT } from './messages.js';
import { messagePayload, replacement } from './payload.js';
import { RecentIds } from './recent-ids.js';
import type { ViewCache } from './view-cache.js';

export interface HandlerDeps extends DeliveryDeps {
  ctx: Context;
  adminRole: string | undefined;
  views: ViewCache;
  seen: RecentIds;
}

function answerable(interaction: Interaction): interaction is Answerable {
  return (
    interaction.isChatInputCommand() ||
    interaction.isButton() ||
    interaction.isStringSelectMenu() ||
    interaction.isModalSubmit()
  );
}

async function toInvocation(interaction: Answerable, actor: Actor, deps: HandlerDeps) {
  if (interaction.isChatInputCommand()) return commandInvocation(interaction, actor);
  if (interaction.isMessageComponent()) return actionInvocation(interaction, actor, deps.views);
  return formInvocation(interaction, actor);
}

/** Builds the invocation and asks the core; the adapter's own refusals become replies too. */
async function work(interaction: Answerable, actor: Actor, deps: HandlerDeps): Promise<Reply> {
  let invocation: Invocation;
  try {
    invocation = await toInvocation(interaction, actor, deps);
  } catch (error) {
    const incidentId = newIncidentId();
    if (!(error instanceof UserError)) {
      deps.logger.error({ err: error, incidentId }, 'interaction not understood');
    }
    return textReply(describeError(error, incidentId).text);
  }
  return dispatch(deps.ctx, invocation);
}

/** Previous/Next on a paged message: re-rendered from the kept view, without the core. */
async function turnPage(interaction: Answerable, anchor: string, page: number, deps: HandlerDeps) {
  const kept = deps.views.get(anchor);
  if (kept === undefined || !interaction.isMessageComponent()) {
    await interaction.reply({ content: TEXT.stale, flags: MessageFlags.Ephemeral });
    return;
  }
  const payload = messagePayload({ type: 'message', view: kept.view, visibility: 'private' }, page);
  deps.views.remember(anchor, kept.view, payload.rendered.page);
  await interaction.update(replacement(payload));
}

async function handle(interaction: Answerable, deps: HandlerDeps): Promise<void> {
  if (interaction.isMessageComponent()) {
    const decoded = decodeId(interaction.customId);
    if (decoded.kind === 'page') return turnPage(interaction, decoded.anchor, decoded.page, deps);
  }
  const actor = actorFor(interaction, deps.adminRole);
  if (actor === undefined) {
    await interaction.reply({ content: TEXT.guildOnly, flags: MessageFlags.Ephemeral });
    return;
  }
  await respond(interaction, work(interaction, actor, deps), deps);
}

export async function handleInteraction(interaction: Interaction, deps: HandlerDeps) {
  if (!answerable(interaction)) return;
  // A redelivered interaction (same id) was answered already; Discord accepts one answer.
  if (!deps.seen.add(interaction.id)) {
    deps.logger.info({ interactionId: interaction.id }, 'duplicate interaction ignored');
    return;
  }
  const logger = deps.logger.child({ interactionId: interaction.id });
  try {
    await handle(interaction, { ...deps, logger });
  } catch (error) {
    logger.error({ err: error }, 'interaction answer failed');
  }
}
