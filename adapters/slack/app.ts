// Builds the Bolt app for the configured connection: Socket Mode when an app token is set,
// otherwise HTTP with the signing secret. Every Web API call goes to SLACK_API_URL.
import { App, HTTPReceiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { Logger } from 'pino';

import type { Config } from '../../src/config.js';
import { boltLogger } from './bolt-logger.js';

/** Where and how the receiver listens; the defaults come from the configuration. */
export interface SlackReceiverOverrides {
  /** HTTP mode: the interface to listen on (default: all). */
  host?: string;
  /** HTTP mode: the port (default SLACK_PORT; 0 picks a free one). */
  port?: number;
  /** Socket Mode: how long to wait for a pong, which also paces reconnects (default 5,000). */
  clientPingTimeout?: number;
}

export type SlackMode = 'socket' | 'http';

export interface BuiltApp {
  app: App;
  mode: SlackMode;
  http?: HTTPReceiver;
  socket?: SocketModeReceiver;
}

// An item that reaches the annotator a minute late is still useful; one that never arrives is
// lost work. So a 429 is waited out (the client pauses its queue for Retry-After) and a failed
// call is retried five times over about half a minute, never ten times over half an hour.
const RETRY_CONFIG: webApi.RetryOptions = {
  retries: 5,
  factor: 2,
  minTimeout: 1_000,
  maxTimeout: 15_000,
  randomize: true,
};

function clientOptions(config: Config, logger: Logger): webApi.WebClientOptions {
  const slackApiUrl = config.SLACK_API_URL.endsWith('/')
    ? config.SLACK_API_URL
    : `${config.SLACK_API_URL}/`;
  return {
    slackApiUrl,
    retryConfig: RETRY_CONFIG,
    rejectRateLimitedCalls: false,
    logger: boltLogger(logger),
  };
}

function required(value: string | undefined, name: string): string {
  if (value === undefined) throw new Error(`${name} is required for Slack`);
  return value;
}

export function buildApp(config: Config, logger: Logger, overrides: SlackReceiverOverrides) {
  const options = clientOptions(config, logger);
  const common = {
    token: required(config.SLACK_BOT_TOKEN, 'SLACK_BOT_TOKEN'),
    clientOptions: options,
    logger: boltLogger(logger),
    // auth.test runs in start(), where a failure can be reported, not in the constructor.
    deferInitialization: true,
  };

  if (config.SLACK_APP_TOKEN !== undefined) {
    const socket = new SocketModeReceiver({
      appToken: config.SLACK_APP_TOKEN,
      logger: boltLogger(logger),
      installerOptions: { clientOptions: options },
      ...(overrides.clientPingTimeout === undefined
        ? {}
        : { clientPingTimeout: overrides.clientPingTimeout }),
    });
    return { app: new App({ ...common, receiver: socket }), mode: 'socket', socket } as BuiltApp;
  }

  const http = new HTTPReceiver({
    signingSecret: required(config.SLACK_SIGNING_SECRET, 'SLACK_SIGNING_SECRET'),
    logger: boltLogger(logger),
    // Acknowledge first: the response goes out when a listener calls ack(), not when it ends.
    processBeforeResponse: false,
  });
  return { app: new App({ ...common, receiver: http }), mode: 'http', http } as BuiltApp;
}
