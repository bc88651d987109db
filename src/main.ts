// Runs the bot: Slack and/or Discord when their tokens are set, otherwise the terminal, all on
// one database. Shuts down cleanly on SIGINT and SIGTERM, closing the database.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { pino } from 'pino';

import { createConsoleAdapter } from '../adapters/console/index.js';
import {
  ConfigError,
  discordEnabled,
  loadConfig,
  loadDotEnv,
  slackEnabled,
  type Config,
} from './config.js';
import type { PlatformAdapter } from './core/adapter.js';
import type { Context } from './core/context.js';
import { UserError } from './core/errors.js';
import { openRuntime } from './core/runtime.js';
import { createLogger, type Logger } from './logger.js';
import { startSchedules } from './schedules.js';

async function platformAdapters(config: Config, ctx: Context): Promise<PlatformAdapter[]> {
  const adapters: PlatformAdapter[] = [];
  if (slackEnabled(config)) {
    const { createSlackAdapter } = await import('../adapters/slack/index.js');
    adapters.push(createSlackAdapter({ config, ctx }));
  }
  if (discordEnabled(config)) {
    const { createDiscordAdapter } = await import('../adapters/discord/index.js');
    adapters.push(createDiscordAdapter({ config, ctx }));
  }
  return adapters;
}

/** In the terminal, logs go to a file so they do not break into the conversation. */
function loggerFor(config: Config, terminal: boolean): Logger {
  if (!terminal) return createLogger(config.LOG_LEVEL);
  const path = resolve(dirname(config.INCHANNEL_DATA_DIR), 'inchannel.log');
  mkdirSync(dirname(path), { recursive: true });
  return createLogger(config.LOG_LEVEL, pino.destination({ dest: path, sync: false }));
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const terminal = !slackEnabled(config) && !discordEnabled(config);
  const logger = loggerFor(config, terminal);
  const runtime = await openRuntime(config, logger);

  const adapters = await platformAdapters(config, runtime.ctx);
  const console = terminal
    ? createConsoleAdapter({ ctx: runtime.ctx, input: process.stdin, output: process.stdout })
    : undefined;
  if (console !== undefined) adapters.push(console);
  const schedules = startSchedules(runtime.ctx, config);

  let stopping = false;
  const shutdown = async (reason: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    schedules.stop();
    await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
    await runtime.database.close();
    logger.flush();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  for (const adapter of adapters) await adapter.start();
  logger.info(
    { adapters: adapters.map((adapter) => adapter.name), database: runtime.database.kind },
    'inchannel started',
  );
  if (console !== undefined) {
    await console.finished;
    await shutdown('terminal closed');
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof UserError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`inchannel failed to start: ${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
