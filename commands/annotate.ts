// /annotate: start annotating, in a named batch or by picking from the open ones.
import { z } from 'zod';

import { actionId } from '../src/core/actions.js';
import { subcommand, type Command } from '../src/core/command.js';
import { batchNameSchema } from '../src/core/options.js';
import { message, textReply, type Block } from '../src/core/view.js';
import { findBatch, openBatchesFor } from '../src/batches/store.js';
import { offerNext } from '../src/flows/annotate.js';

export const annotateCommand: Command = {
  name: 'annotate',
  description: 'Start annotating: the next item of a batch, privately',
  subcommands: {
    '': subcommand({
      description: 'Start annotating: the next item of a batch, privately',
      access: 'member',
      options: [{ name: 'batch', description: 'Batch name (optional)', type: 'string' }],
      schema: z.object({ batch: batchNameSchema.optional() }),
      run: async (ctx, { identity, input }) => {
        if (input.batch !== undefined) {
          const batch = await findBatch(ctx, identity.workspaceId, input.batch);
          return offerNext(ctx, identity, batch.id, false);
        }
        const batches = await openBatchesFor(ctx, identity.workspaceId, identity.memberId);
        if (batches.length === 0) return textReply('No batch is open for you right now.');
        const blocks: Block[] = [
          { type: 'text', text: 'Batches open for you:' },
          {
            type: 'actions',
            elements: batches.slice(0, 25).map((batch) => ({
              type: 'button' as const,
              id: actionId('start', batch.id),
              label: `${batch.name} (${batch.task})`,
            })),
          },
        ];
        return message(blocks);
      },
    }),
  },
};
