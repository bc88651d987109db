// The discord.js client: Guilds intent only (interactions need none; the guild cache gives role
// names), REST pointed at DISCORD_API_URL, and the REST queue left to wait out 429s.
import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Logger } from 'pino';

import type { Config } from '../../src/config.js';

export type ClientOverrides = Partial<Omit<ClientOptions, 'rest' | 'ws'>> & {
  rest?: ClientOptions['rest'];
  ws?: ClientOptions['ws'];
};

export function createClient(config: Config, overrides: ClientOverrides = {}): Client {
  const { rest, ws, ...rest_of } = overrides;
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...rest_of,
    // Rate limits: the queue honours retry_after on 429s and retries transient failures.
    rest: { api: config.DISCORD_API_URL, timeout: 15_000, retries: 3, ...rest },
    ...(ws === undefined ? {} : { ws }),
  });
}

/** Connection life as structured logs: the gateway drops and resumes sessions routinely. */
export function logConnection(client: Client, logger: Logger): void {
  client.on(Events.ShardDisconnect, (event, shardId) => {
    logger.warn({ shardId, code: event.code }, 'gateway disconnected');
  });
  client.on(Events.ShardReconnecting, (shardId) =>
    logger.info({ shardId }, 'gateway reconnecting'),
  );
  client.on(Events.ShardResume, (shardId, replayed) => {
    logger.info({ shardId, replayed }, 'gateway resumed');
  });
  client.on(Events.ShardError, (err, shardId) => logger.error({ err, shardId }, 'gateway error'));
  client.on(Events.Warn, (warning) => logger.warn({ warning }, 'discord.js warning'));
  client.on(Events.Error, (err) => logger.error({ err }, 'discord.js error'));
  client.rest.on('rateLimited', (info) => {
    logger.warn({ route: info.route, retryAfter: info.retryAfter }, 'rate limited; waiting');
  });
}
