// /batch: admins import, list, open, pause, close and assign batches.
import { z } from 'zod';

import { actionId } from '../src/core/actions.js';
import { subcommand, type Command, type OptionSpec } from '../src/core/command.js';
import { attachmentSchema, batchNameSchema, memberListSchema } from '../src/core/options.js';
import { message, textReply, type Reply } from '../src/core/view.js';
import { parseImport } from '../src/batches/parse.js';
import {
  assignBatch,
  findBatch,
  importBatch,
  listBatches,
  setBatchState,
  type BatchState,
} from '../src/batches/store.js';
import { taskFor } from '../src/tasks/index.js';

const nameOption: OptionSpec = {
  name: 'name',
  description: 'Batch name',
  type: 'string',
  required: true,
};

const byName = z.object({ name: batchNameSchema });

function stateChange(next: BatchState, description: string, reply: (name: string) => string) {
  return subcommand({
    description,
    access: 'admin',
    options: [nameOption],
    schema: byName,
    run: async (ctx, { identity, input }) => {
      await setBatchState(ctx, identity.workspaceId, identity.memberId, input.name, next);
      return textReply(reply(input.name));
    },
  });
}

async function announce(
  ctx: Parameters<Command['subcommands'][string]['run']>[0],
  workspaceId: string,
  name: string,
): Promise<Reply> {
  const batch = await findBatch(ctx, workspaceId, name);
  const items = await ctx.prisma.item.count({ where: { batchId: batch.id, isGold: false } });
  const guidelines =
    batch.guidelines === '' ? [] : [{ type: 'text' as const, text: batch.guidelines }];
  return message(
    [
      { type: 'header', text: `New batch: ${batch.name}` },
      {
        type: 'fields',
        fields: [
          { label: 'Task', value: taskFor(batch.task).title },
          { label: 'Items', value: String(items) },
          { label: 'Answers per item', value: String(batch.redundancy) },
        ],
      },
      ...guidelines,
      {
        type: 'actions',
        elements: [
          { type: 'button', id: actionId('start', batch.id), label: 'Start', style: 'primary' },
        ],
      },
    ],
    'channel',
  );
}

export const batchCommand: Command = {
  name: 'batch',
  description: 'Import, list, activate, pause, close and assign batches (admins)',
  subcommands: {
    list: subcommand({
      description: 'List the batches of this workspace',
      access: 'lead',
      options: [],
      schema: z.object({}),
      run: async (ctx, { identity }) => {
        const batches = await listBatches(ctx, identity.workspaceId);
        if (batches.length === 0)
          return textReply('No batches yet. Import one with /batch import.');
        const lines = batches.map(
          (b) =>
            `• ${b.name}: ${b.task}, ${b.state}, ${b.items} items × ${b.redundancy}, ` +
            `${b.answers} answers, ${b.openToAll ? 'open to all' : `${b.assignees} assignees`}`,
        );
        return textReply(lines.join('\n'));
      },
    }),
    import: subcommand({
      description: 'Import a batch from a manifest (JSON) and an items file (JSONL)',
      access: 'admin',
      options: [
        { name: 'manifest', description: 'The manifest, JSON', type: 'attachment', required: true },
        { name: 'items', description: 'The items, JSON Lines', type: 'attachment', required: true },
      ],
      schema: z.object({ manifest: attachmentSchema, items: attachmentSchema }),
      run: async (ctx, { identity, input }) => {
        const parsed = parseImport(input.manifest.text, input.items.text);
        const result = await importBatch(ctx, identity.workspaceId, identity.memberId, parsed);
        return textReply(
          `Imported batch "${parsed.manifest.name}" with ${result.items} items as a draft. ` +
            `Open it with /batch activate ${parsed.manifest.name}.`,
        );
      },
    }),
    activate: subcommand({
      description: 'Open a batch for annotation and announce it in this channel',
      access: 'admin',
      options: [nameOption],
      schema: byName,
      run: async (ctx, { identity, input }) => {
        await setBatchState(ctx, identity.workspaceId, identity.memberId, input.name, 'active');
        return announce(ctx, identity.workspaceId, input.name);
      },
    }),
    pause: stateChange(
      'paused',
      'Pause a batch; drafts are kept',
      (name) => `Batch "${name}" is paused.`,
    ),
    close: stateChange('closed', 'Close a batch for good', (name) => `Batch "${name}" is closed.`),
    assign: subcommand({
      description: 'Assign a batch to members, or to everyone with --all',
      access: 'admin',
      options: [
        nameOption,
        {
          name: 'members',
          description: 'Members to assign (mentions or ids)',
          type: 'string',
          variadic: true,
        },
        { name: 'all', description: 'Open the batch to every member', type: 'boolean' },
      ],
      schema: z
        .object({
          name: batchNameSchema,
          members: memberListSchema.default([]),
          all: z.coerce.boolean().default(false),
        })
        .refine((input) => input.all || input.members.length > 0, {
          message: 'name members to assign, or pass --all',
          path: ['members'],
        }),
      run: async (ctx, { identity, input }) => {
        const target = {
          all: input.all,
          members: input.members.map((externalId) => ({ externalId })),
        };
        const count = await assignBatch(
          ctx,
          identity.workspaceId,
          identity.memberId,
          input.name,
          target,
        );
        return textReply(
          input.all
            ? `Batch "${input.name}" is open to every member.`
            : `Assigned ${count} member(s) to batch "${input.name}".`,
        );
      },
    }),
  },
};
