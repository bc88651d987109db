// The Slack adapter: Bolt in Socket Mode or HTTP mode, translating Slack's payloads into the
// core's invocations and the core's replies into Block Kit.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Config } from '../../src/config.js';
import type { PlatformAdapter } from '../../src/core/adapter.js';
import type { Context } from '../../src/core/context.js';
import { AfterAck } from './after-ack.js';
import { buildApp, type SlackReceiverOverrides } from './app.js';
import { DirectMessages } from './deliver.js';
import { registerListeners } from './listeners.js';
import { MemberDirectory } from './members.js';
import { guardSocketMode, type SocketGuard } from './socket-guard.js';

export type { SlackReceiverOverrides } from './app.js';

export interface SlackAdapterOptions {
  config: Config;
  ctx: Context;
  receiverOverrides?: SlackReceiverOverrides;
}

export interface SlackAdapter extends PlatformAdapter {
  /** HTTP mode: where the receiver listens, once started. */
  address(): AddressInfo | undefined;
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config, ctx } = options;
  const overrides = options.receiverOverrides ?? {};
  const logger = ctx.logger.child({ platform: 'slack' });
  const built = buildApp(config, logger, overrides);
  const guard: SocketGuard | undefined =
    built.socket === undefined ? undefined : guardSocketMode(built.socket, logger);
  let address: AddressInfo | undefined;
  let server: Server | undefined;
  let initialized = false;

  registerListeners(built.app, {
    ctx: { ...ctx, logger },
    logger,
    members: new MemberDirectory(logger, ctx.now),
    directMessages: new DirectMessages(),
    afterAck: new AfterAck(config.DATABASE_URL === undefined ? 1 : 4),
  });

  return {
    name: 'slack',
    address: () => address,
    async start() {
      if (!initialized) await built.app.init();
      initialized = true;
      if (guard !== undefined) {
        guard.resume();
        await built.app.start();
        logger.info({ mode: built.mode }, 'slack adapter started');
        return;
      }
      const port = overrides.port ?? config.SLACK_PORT;
      const listen = overrides.host === undefined ? { port } : { port, host: overrides.host };
      server = await built.app.start(listen);
      address = server.address() as AddressInfo;
      logger.info({ mode: built.mode, port: address.port }, 'slack adapter started');
    },
    async stop() {
      if (guard !== undefined) {
        await guard.stop();
      } else if (server !== undefined) {
        // Idle keep-alive connections would hold the server open for seconds; in-flight ones
        // still finish.
        const stopped = built.app.stop();
        server.closeIdleConnections();
        server = undefined;
        await stopped;
      }
      logger.info({ mode: built.mode }, 'slack adapter stopped');
    },
  };
}
