// Interactions to invocations: slash commands with their options (attachments downloaded),
// button presses and select choices with the adapter's id marks removed, and modal submits.
import {
  ApplicationCommandOptionType,
  ComponentType,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type ButtonInteraction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';

import type {
  Actor,
  ActionInvocation,
  CommandInvocation,
  FormInvocation,
  OptionValue,
} from '../../src/core/invocation.js';
import { downloadAttachment } from './attachments.js';
import { decodeId } from './custom-ids.js';
import { mergeChunkChoice } from './select-chunks.js';
import type { ViewCache } from './view-cache.js';

async function optionValue(option: CommandInteractionOption): Promise<OptionValue | undefined> {
  if (option.type === ApplicationCommandOptionType.Attachment) {
    return option.attachment === undefined ? undefined : downloadAttachment(option.attachment);
  }
  return option.value ?? undefined;
}

async function collectOptions(options: readonly CommandInteractionOption[]) {
  const values: Record<string, OptionValue> = {};
  for (const option of options) {
    const value = await optionValue(option);
    if (value !== undefined) values[option.name] = value;
  }
  return values;
}

export async function commandInvocation(
  interaction: ChatInputCommandInteraction,
  actor: Actor,
): Promise<CommandInvocation> {
  const [first] = interaction.options.data;
  const sub = first?.type === ApplicationCommandOptionType.Subcommand ? first : undefined;
  return {
    kind: 'command',
    actor,
    channelId: interaction.channelId,
    command: interaction.commandName,
    subcommand: sub?.name ?? '',
    options: await collectOptions(sub?.options ?? interaction.options.data),
  };
}

/** A button or select; a choice in one chunk of a split select joins the other chunks' choices. */
export function actionInvocation(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  actor: Actor,
  views: ViewCache,
): ActionInvocation {
  const decoded = decodeId(interaction.customId);
  if (decoded.kind !== 'core') throw new Error('pager ids are handled before invocations');
  const picked = interaction.isStringSelectMenu() ? [...interaction.values] : [];
  const values =
    decoded.chunk === undefined
      ? picked
      : mergeChunkChoice(views, interaction.message, decoded.id, decoded.chunk, picked);
  return {
    kind: 'action',
    actor,
    channelId: interaction.channelId,
    actionId: decoded.id,
    values,
  };
}

export function formInvocation(interaction: ModalSubmitInteraction, actor: Actor): FormInvocation {
  const fields: Record<string, string> = {};
  for (const [id, field] of interaction.fields.fields) {
    if (field.type === ComponentType.TextInput) fields[id] = field.value;
  }
  return {
    kind: 'form',
    actor,
    ...(interaction.channelId === null ? {} : { channelId: interaction.channelId }),
    formId: interaction.customId,
    fields,
  };
}
