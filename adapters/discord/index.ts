// The Discord adapter: a bot that logs in, answers interactions through the core, and lets
// discord.js reconnect and resume. Commands are registered by scripts/discord-deploy.ts.
import { Events, type Client } from 'discord.js';

import type { Config } from '../../src/config.js';
import type { PlatformAdapter } from '../../src/core/adapter.js';
import type { Context } from '../../src/core/context.js';
import { createClient, logConnection, type ClientOverrides } from './client.js';
import { handleInteraction, type HandlerDeps } from './handler.js';
import { DEFER_AFTER_MS } from './limits.js';
import { RecentIds } from './recent-ids.js';
import { ViewCache } from './view-cache.js';

export interface DiscordAdapterOptions {
  config: Config;
  ctx: Context;
  clientOverrides?: ClientOverrides;
  /** How long the core may take before the adapter defers; 2 s leaves 1 s for the answer. */
  deferAfterMs?: number;
}

export class DiscordConfigError extends Error {
  override name = 'DiscordConfigError';
}

function credentials(config: Config): { token: string } {
  if (config.DISCORD_TOKEN === undefined || config.DISCORD_APPLICATION_ID === undefined) {
    throw new DiscordConfigError('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to run on Discord.');
  }
  return { token: config.DISCORD_TOKEN };
}

export function createDiscordAdapter(options: DiscordAdapterOptions): PlatformAdapter {
  const logger = options.ctx.logger.child({ platform: 'discord' });
  let client: Client | undefined;

  const deps: HandlerDeps = {
    ctx: options.ctx,
    logger,
    adminRole: options.config.DISCORD_ADMIN_ROLE,
    views: new ViewCache(),
    seen: new RecentIds(),
    deferAfterMs: options.deferAfterMs ?? DEFER_AFTER_MS,
  };

  async function start(): Promise<void> {
    const { token } = credentials(options.config);
    const started = createClient(options.config, options.clientOverrides);
    client = started;
    logConnection(started, logger);
    started.on(Events.InteractionCreate, (interaction) => {
      void handleInteraction(interaction, deps);
    });

    const ready = new Promise<void>((resolve) => started.once(Events.ClientReady, () => resolve()));
    try {
      await started.login(token);
      await ready;
    } catch (error) {
      // A refused token or an unreachable gateway: leave nothing running behind the error.
      await started.destroy();
      client = undefined;
      throw error;
    }
    logger.info({ user: started.user?.id, guilds: started.guilds.cache.size }, 'discord ready');
  }

  async function stop(): Promise<void> {
    await client?.destroy();
    client = undefined;
    logger.info('discord stopped');
  }

  return { name: 'discord', start, stop };
}

export { deployCommands } from './deploy.js';
export { commandPayloads } from './commands.js';
