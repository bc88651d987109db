// /export: a batch's answers as a training-ready file, attached to the reply (admins).
import { z } from 'zod';

import { subcommand, type Command } from '../src/core/command.js';
import { batchNameSchema } from '../src/core/options.js';
import { findBatch } from '../src/batches/store.js';
import { EXPORT_FORMATS, exportBatch } from '../src/export/export.js';

export const exportCommand: Command = {
  name: 'export',
  description: 'Export a batch as JSONL, preference pairs or CSV (admins)',
  subcommands: {
    '': subcommand({
      description: 'Export a batch as JSONL, preference pairs or CSV (admins)',
      access: 'admin',
      options: [
        { name: 'batch', description: 'Batch name', type: 'string', required: true },
        { name: 'format', description: 'File format', type: 'string', choices: EXPORT_FORMATS },
      ],
      schema: z.object({ batch: batchNameSchema, format: z.enum(EXPORT_FORMATS).default('jsonl') }),
      run: async (ctx, { identity, input }) => {
        const batch = await findBatch(ctx, identity.workspaceId, input.batch);
        const result = await exportBatch(ctx, batch, input.format);
        return {
          type: 'message',
          visibility: 'private',
          view: {
            blocks: [
              { type: 'text', text: `Exported ${result.records} records of "${batch.name}".` },
            ],
          },
          files: [{ filename: result.filename, content: result.content }],
        };
      },
    }),
  },
};
