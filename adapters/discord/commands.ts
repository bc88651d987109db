// Application command payloads built from COMMANDS, so Discord offers exactly what the core
// runs: subcommands, typed options with choices, and attachments for imports.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';

import type { Command, OptionSpec, Subcommand } from '../../src/core/command.js';
import { LIMITS } from './limits.js';
import { shortLabel } from './render/text.js';

export type CommandPayload = RESTPutAPIApplicationCommandsJSONBody[number];

export interface PayloadOptions {
  /** Set when a named role administers inchannel; Discord cannot express a role as a default. */
  adminRole?: string | undefined;
}

const OPTION_TYPES = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  number: ApplicationCommandOptionType.Number,
  boolean: ApplicationCommandOptionType.Boolean,
  attachment: ApplicationCommandOptionType.Attachment,
} as const;

const describe = (text: string): string => shortLabel(text, LIMITS.commandDescription);

export function optionPayload(spec: OptionSpec): APIApplicationCommandBasicOption {
  const base = {
    name: spec.name,
    description: describe(spec.description),
    required: spec.required === true,
  };
  if (spec.type !== 'string' || spec.choices === undefined) {
    return { ...base, type: OPTION_TYPES[spec.type] } as APIApplicationCommandBasicOption;
  }
  const choices = spec.choices.map((choice) => ({
    name: shortLabel(choice, LIMITS.choiceName),
    value: choice,
  }));
  return { ...base, type: ApplicationCommandOptionType.String, choices };
}

/** Discord wants required options before optional ones; order is otherwise kept. */
function optionsPayload(options: OptionSpec[]): APIApplicationCommandBasicOption[] {
  const required = options.filter((option) => option.required === true);
  const optional = options.filter((option) => option.required !== true);
  return [...required, ...optional].map(optionPayload);
}

function subcommandPayload(name: string, sub: Subcommand): APIApplicationCommandSubcommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name,
    description: describe(sub.description),
    options: optionsPayload(sub.options),
  };
}

/**
 * Commands only admins may run are hidden from members by default (Manage Server), unless a
 * named admin role is configured: then server admins grant the role in Integrations settings.
 */
function defaultPermissions(command: Command, options: PayloadOptions): string | null {
  const adminOnly = Object.values(command.subcommands).every((sub) => sub.access === 'admin');
  if (!adminOnly || options.adminRole !== undefined) return null;
  return PermissionFlagsBits.ManageGuild.toString();
}

export function commandPayload(command: Command, options: PayloadOptions = {}): CommandPayload {
  const root = command.subcommands[''];
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: describe(command.description),
    options:
      root === undefined
        ? Object.entries(command.subcommands).map(([name, sub]) => subcommandPayload(name, sub))
        : optionsPayload(root.options),
    default_member_permissions: defaultPermissions(command, options),
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

export function commandPayloads(commands: Command[], options: PayloadOptions = {}) {
  return commands.map((command) => commandPayload(command, options));
}
