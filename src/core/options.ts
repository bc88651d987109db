// zod pieces shared by command option schemas.
import { z } from 'zod';

import { batchNameSchema } from '../batches/manifest.js';

export { batchNameSchema };

/** A member as typed or mentioned: `U123`, `<@U123|ana>` (Slack) or `<@123>` (Discord). */
export const memberRefSchema = z
  .string()
  .trim()
  .min(1)
  .transform((value) => value.replace(/^<@!?([^|>]+)(\|[^>]*)?>$/, '$1'));

/** Several members, as one string with spaces or as separate words. */
export const memberListSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(/[\s,]+/)))
  .transform((values) => values.filter((value) => value.trim() !== ''))
  .pipe(z.array(memberRefSchema));

export const attachmentSchema = z.object(
  { filename: z.string(), text: z.string() },
  { error: 'attach the file to the command' },
);
