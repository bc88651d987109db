// Bolt and its clients log through this bridge into our pino logger, under component "bolt".
// Their messages are free text, so they travel in a field under one constant message.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

const join = (parts: unknown[]) =>
  parts.map((part) => (typeof part === 'string' ? part : String(part))).join(' ');

export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  let level = logger.isLevelEnabled('debug') ? LogLevel.DEBUG : LogLevel.INFO;
  return {
    debug: (...parts: unknown[]) => child.debug({ detail: join(parts) }, 'bolt debug'),
    info: (...parts: unknown[]) => child.info({ detail: join(parts) }, 'bolt info'),
    warn: (...parts: unknown[]) => child.warn({ detail: join(parts) }, 'bolt warning'),
    error: (...parts: unknown[]) => child.error({ detail: join(parts) }, 'bolt error'),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
