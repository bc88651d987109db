// Registers the application commands with Discord: for one guild (instant, for a team's own
// server) or globally. Run by scripts/discord-deploy.ts, never when the bot starts.
import { REST, Routes, type RESTOptions } from 'discord.js';

import { COMMANDS } from '../../commands/index.js';
import type { Config } from '../../src/config.js';
import { commandPayloads } from './commands.js';

export interface DeployOptions {
  config: Config;
  /** A guild id registers there; undefined registers globally. */
  guildId?: string | undefined;
  rest?: Partial<RESTOptions>;
}

export interface DeployResult {
  scope: 'guild' | 'global';
  names: string[];
}

export class DeployError extends Error {
  override name = 'DeployError';
}

export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: appId } = options.config;
  if (token === undefined || appId === undefined) {
    throw new DeployError('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register commands.');
  }
  const rest = new REST({ api: options.config.DISCORD_API_URL, ...options.rest }).setToken(token);
  const body = commandPayloads(COMMANDS, { adminRole: options.config.DISCORD_ADMIN_ROLE });
  const route =
    options.guildId === undefined
      ? Routes.applicationCommands(appId)
      : Routes.applicationGuildCommands(appId, options.guildId);

  await rest.put(route, { body });
  return {
    scope: options.guildId === undefined ? 'global' : 'guild',
    names: body.map((command) => command.name),
  };
}
