// Downloads an attachment option (an import's manifest or items) as text, with a size cap so a
// stray upload cannot exhaust memory. The URL comes from Discord's own interaction payload.
import type { Attachment as DiscordAttachment } from 'discord.js';

import { UserError } from '../../src/core/errors.js';
import type { Attachment } from '../../src/core/invocation.js';
import { MAX_ATTACHMENT_BYTES } from './limits.js';
import { TEXT } from './messages.js';

const DOWNLOAD_TIMEOUT_MS = 20_000;

async function readCapped(response: Response, filename: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const read = await reader?.read();
    const chunk = read?.value as Uint8Array | undefined;
    if (read === undefined || read.done || chunk === undefined) break;
    total += chunk.length;
    if (total > MAX_ATTACHMENT_BYTES) {
      await reader?.cancel();
      throw new UserError('attachment_too_large', TEXT.attachmentTooLarge(filename, total));
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Uint8Array, filename: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UserError('attachment_not_text', TEXT.notText(filename));
  }
}

export async function downloadAttachment(attachment: DiscordAttachment): Promise<Attachment> {
  const filename = attachment.name;
  if (attachment.size > MAX_ATTACHMENT_BYTES) {
    throw new UserError('attachment_too_large', TEXT.attachmentTooLarge(filename, attachment.size));
  }
  const response = await fetch(attachment.url, {
    signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
  }).catch(() => undefined);
  if (response === undefined || !response.ok) {
    throw new UserError('attachment_unreadable', TEXT.attachmentUnreadable(filename));
  }
  return { filename, text: decode(await readCapped(response, filename), filename) };
}
