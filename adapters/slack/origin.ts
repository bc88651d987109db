// Where an invocation came from and where its answer goes: the channel, the message whose button
// was pressed, and the response_url that answers privately or replaces an ephemeral message.
import { z } from 'zod';

export interface SourceMessage {
  channel: string;
  ts: string;
  ephemeral: boolean;
}

export interface Origin {
  userId: string;
  channelId?: string;
  responseUrl?: string;
  message?: SourceMessage;
  triggerId?: string;
}

/** What a modal remembers of the message it was opened from (private_metadata, <= 3,000). */
const storedOrigin = z.object({
  channelId: z.string().optional(),
  responseUrl: z.url().optional(),
  message: z.object({ channel: z.string(), ts: z.string(), ephemeral: z.boolean() }).optional(),
});

export function originMetadata(origin: Origin): string {
  const { channelId, responseUrl, message } = origin;
  return JSON.stringify({ channelId, responseUrl, message });
}

/** Reads a modal's private_metadata back; an unreadable one means the answer goes by DM. */
export function originFromMetadata(userId: string, metadata: string | undefined): Origin {
  let raw: unknown;
  try {
    raw = JSON.parse(metadata ?? '{}');
  } catch {
    raw = {};
  }
  const parsed = storedOrigin.safeParse(raw);
  if (!parsed.success) return { userId };
  const { channelId, responseUrl, message } = parsed.data;
  return {
    userId,
    ...(channelId === undefined ? {} : { channelId }),
    ...(responseUrl === undefined ? {} : { responseUrl }),
    ...(message === undefined ? {} : { message }),
  };
}
