// Everything the Discord adapter itself says to people, in one place.
import { MAX_ATTACHMENT_BYTES } from './limits.js';

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const PAGER_TEXT = {
  previous: '◀ Previous',
  next: 'Next ▶',
  position: (page: number, count: number) => `Controls ${page}/${count}`,
};

export const TEXT = {
  guildOnly: 'inchannel works inside a server. Run this command in a channel of your server.',
  stale:
    'This message is out of date (the bot restarted since it was sent). ' +
    'Run /annotate to bring your item back.',
  overflow: (filename: string, parts: string[]) =>
    `This item is longer than one Discord message. ${parts.join(', ')} ` +
    `${parts.length === 1 ? 'continues' : 'continue'} in the attached file ${filename}, ` +
    'which holds the whole text.',
  formTooLate: 'That took too long to open the form. Press the button again.',
  postedBelow: 'Posted in the channel.',
  formErrors: 'Not saved yet. Please fix these and open the form again:',
  reopenForm: 'Open the form again',
  attachmentTooLarge: (filename: string, size: number) =>
    `${filename} is ${megabytes(size)}; the limit is ${megabytes(MAX_ATTACHMENT_BYTES)}. ` +
    'Split the batch into smaller imports.',
  attachmentUnreadable: (filename: string) =>
    `Could not download ${filename} from Discord. Attach it again and retry.`,
  notText: (filename: string) => `${filename} is not a UTF-8 text file.`,
};
