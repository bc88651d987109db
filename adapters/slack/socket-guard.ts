// Two ways Socket Mode can take the whole process down, closed off here:
// - an events_api envelope without payload.event throws inside the client's message handler,
//   which nothing awaits, so it surfaces as an unhandled rejection;
// - stopping while the client reconnects lets the pending reconnect reject unobserved (or connect
//   again after the stop).
import type { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import { z } from 'zod';

type SocketClient = SocketModeReceiver['client'];
type MessageListener = (data: unknown, isBinary: boolean) => unknown;

const envelopeSchema = z.object({
  envelope_id: z.string().optional(),
  type: z.string(),
  payload: z.unknown().optional(),
});

const eventsPayloadSchema = z.object({ event: z.object({ type: z.string() }) });

/** An events_api envelope the client cannot handle; other types pass through untouched. */
function malformedEnvelope(data: unknown): { envelopeId?: string } | undefined {
  if (typeof data !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return undefined;
  }
  const envelope = envelopeSchema.safeParse(parsed);
  if (!envelope.success || envelope.data.type !== 'events_api') return undefined;
  if (eventsPayloadSchema.safeParse(envelope.data.payload).success) return undefined;
  const envelopeId = envelope.data.envelope_id;
  return envelopeId === undefined ? {} : { envelopeId };
}

/** The client's own send(), private in its typings, is the one way to acknowledge an envelope. */
function ackEnvelope(client: SocketClient, envelopeId: string): Promise<void> {
  const sender = client as unknown as { send(id: string, body?: object): Promise<void> };
  return sender.send(envelopeId, {});
}

function guardMessages(client: SocketClient, logger: Logger): void {
  const original = client.listeners('ws_message')[0] as MessageListener | undefined;
  if (original === undefined) return;
  client.removeAllListeners('ws_message');
  client.on('ws_message', (data: unknown, isBinary: boolean) => {
    const malformed = malformedEnvelope(data);
    if (malformed === undefined) {
      Promise.resolve(original(data, isBinary)).catch((error: unknown) => {
        logger.error({ err: error }, 'slack socket message failed');
      });
      return;
    }
    // Acknowledged so Slack does not send it again; there is nothing in it to act on.
    logger.warn({ envelopeId: malformed.envelopeId }, 'slack envelope without event ignored');
    if (malformed.envelopeId === undefined) return;
    ackEnvelope(client, malformed.envelopeId).catch((error: unknown) => {
      logger.warn({ err: error }, 'slack envelope ack failed');
    });
  });
}

/** Private in the client's typings; read and set only to stop it cleanly. */
interface ClientInternals {
  autoReconnectEnabled: boolean;
  reconnectionTimer?: unknown;
}

export interface SocketGuard {
  /** Before (re)starting: connection failures go to the caller again, and reconnects resume. */
  resume(): void;
  /** Disconnects, waiting out a reconnect in flight so it neither rejects nor reconnects. */
  stop(): Promise<void>;
}

export function guardSocketMode(receiver: SocketModeReceiver, logger: Logger): SocketGuard {
  const { client } = receiver;
  const start = client.start.bind(client);
  let stopping = false;
  let started = false;
  let inFlight: Promise<unknown> = Promise.resolve();

  guardMessages(client, logger);

  // The client reconnects by calling its own start() again, unobserved: wrap it.
  const guardedStart = async () => {
    const first = !started;
    started = true;
    try {
      const connection = await start();
      if (stopping) await client.disconnect();
      return connection;
    } catch (error) {
      if (first) throw error;
      if (stopping) logger.info({ err: error }, 'slack socket reconnect ended by stop');
      else logger.error({ err: error }, 'slack socket reconnect failed');
      // Closing again schedules the client's next attempt, with its growing delay.
      if (!stopping) client.emit('close');
      return undefined as unknown as Awaited<ReturnType<typeof start>>;
    }
  };
  client.start = () => {
    const attempt = guardedStart();
    inFlight = attempt.catch(() => undefined);
    return attempt;
  };

  return {
    resume() {
      stopping = false;
      started = false;
      (client as unknown as ClientInternals).autoReconnectEnabled = true;
    },
    async stop() {
      stopping = true;
      // From here a failed attempt rejects at once instead of scheduling another one.
      const internals = client as unknown as ClientInternals;
      internals.autoReconnectEnabled = false;
      // A reconnect waiting on its timer is cancelled by disconnect() and never settles.
      const waiting = internals.reconnectionTimer !== undefined;
      await client.disconnect();
      if (!waiting) await inFlight;
    },
  };
}
