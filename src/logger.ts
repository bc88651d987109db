// One pino root logger. Children bind platform, workspace, command and member; messages are
// constant and data goes in fields. Secrets are redacted wherever they appear in a log record.
import { pino, type DestinationStream, type Logger } from 'pino';

export const REDACTED_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'botToken',
  'appToken',
  'signingSecret',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.*.headers.authorization',
  'headers.authorization',
  'config.SLACK_BOT_TOKEN',
  'config.SLACK_APP_TOKEN',
  'config.SLACK_SIGNING_SECRET',
  'config.DISCORD_TOKEN',
  'config.DATABASE_URL',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'DISCORD_TOKEN',
  'DATABASE_URL',
  'databaseUrl',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'inchannel' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

export type { Logger };
