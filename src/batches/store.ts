// Batches in the database: import, look-up, state changes and assignees.
import type { Context } from '../core/context.js';
import { UserError } from '../core/errors.js';
import { recordEvent } from '../events.js';
import type { RubricInput } from '../rubrics/schema.js';
import type { ParsedImport } from './parse.js';

export type BatchState = 'draft' | 'active' | 'paused' | 'closed';

type Tx = Parameters<Parameters<Context['prisma']['$transaction']>[0]>[0];

const ITEM_CHUNK = 500;

/** JSON with object keys sorted, so values read back from jsonb compare equal to the input. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

interface StoredRubric {
  criteria: unknown;
  labels: unknown;
  severityScale: unknown;
  policy: string;
  minRationaleLength: number;
  minTextLength: number;
  checkModes: unknown;
}

function sameRubric(stored: StoredRubric, input: RubricInput): boolean {
  const { criteria, labels, severityScale, policy, minRationaleLength, minTextLength } = input;
  const wanted = { criteria, labels, severityScale, policy, minRationaleLength, minTextLength };
  const have = {
    criteria: stored.criteria,
    labels: stored.labels,
    severityScale: stored.severityScale,
    policy: stored.policy,
    minRationaleLength: stored.minRationaleLength,
    minTextLength: stored.minTextLength,
  };
  return (
    canonical({ ...have, checkModes: stored.checkModes }) ===
    canonical({ ...wanted, checkModes: input.checks })
  );
}

/** The rubric version matching the input: the latest if it is identical, else a new version. */
async function rubricVersionFor(tx: Tx, workspaceId: string, input: RubricInput): Promise<string> {
  const rubric = await tx.rubric.upsert({
    where: { workspaceId_name: { workspaceId, name: input.name } },
    create: { workspaceId, name: input.name },
    update: {},
    include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
  });
  const latest = rubric.versions[0];
  if (latest !== undefined && sameRubric(latest, input)) return latest.id;

  const created = await tx.rubricVersion.create({
    data: {
      rubricId: rubric.id,
      version: (latest?.version ?? 0) + 1,
      criteria: input.criteria,
      labels: input.labels,
      severityScale: input.severityScale,
      policy: input.policy,
      minRationaleLength: input.minRationaleLength,
      minTextLength: input.minTextLength,
      checkModes: input.checks,
    },
  });
  return created.id;
}

/** Stores a validated import in one transaction: all of it, or nothing. */
export async function importBatch(
  ctx: Context,
  workspaceId: string,
  actorId: string | null,
  parsed: ParsedImport,
): Promise<{ batchId: string; items: number }> {
  const { manifest, items } = parsed;
  const existing = await ctx.prisma.batch.findUnique({
    where: { workspaceId_name: { workspaceId, name: manifest.name } },
  });
  if (existing !== null) {
    throw new UserError(
      'batch_exists',
      `A batch named "${manifest.name}" already exists. ` +
        'Rename it in the manifest and import again.',
    );
  }

  return ctx.prisma.$transaction(
    async (tx) => {
      const rubricVersionId = await rubricVersionFor(tx, workspaceId, manifest.rubric);
      const batch = await tx.batch.create({
        data: {
          workspaceId,
          name: manifest.name,
          task: manifest.task,
          rubricVersionId,
          redundancy: manifest.redundancy,
          goldRate: manifest.goldRate,
          leaseSeconds: manifest.leaseMinutes * 60,
          guidelines: manifest.guidelines,
          dueAt: manifest.dueAt === undefined ? null : new Date(manifest.dueAt),
        },
      });
      const rows = items.map((item, position) => ({
        batchId: batch.id,
        externalId: item.item_id,
        position,
        input: item.input,
        responses: item.responses,
        context: item.context ?? null,
        isGold: item.gold !== undefined,
        ...(item.gold === undefined ? {} : { goldAnswer: item.gold }),
      }));
      for (let start = 0; start < rows.length; start += ITEM_CHUNK) {
        await tx.item.createMany({ data: rows.slice(start, start + ITEM_CHUNK) });
      }
      await recordEvent(
        tx,
        {
          workspaceId,
          actorId,
          action: 'batch.imported',
          subjectType: 'batch',
          subjectId: batch.id,
          data: { name: manifest.name, items: rows.length, task: manifest.task },
        },
        ctx.now(),
      );
      return { batchId: batch.id, items: rows.length };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

export async function findBatch(ctx: Context, workspaceId: string, name: string) {
  const batch = await ctx.prisma.batch.findUnique({
    where: { workspaceId_name: { workspaceId, name } },
  });
  if (batch === null) {
    throw new UserError('unknown_batch', `No batch named "${name}". See the list with: batch list`);
  }
  return batch;
}

/** The active batches a member may work on: open to all, or assigned to them. Oldest first. */
export async function openBatchesFor(ctx: Context, workspaceId: string, memberId: string) {
  return ctx.prisma.batch.findMany({
    where: {
      workspaceId,
      state: 'active',
      OR: [{ openToAll: true }, { assignees: { some: { memberId } } }],
    },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, task: true },
  });
}

const TRANSITIONS: Record<BatchState, BatchState[]> = {
  draft: ['active', 'closed'],
  active: ['paused', 'closed'],
  paused: ['active', 'closed'],
  closed: [],
};

export async function setBatchState(
  ctx: Context,
  workspaceId: string,
  actorId: string | null,
  name: string,
  next: BatchState,
): Promise<void> {
  const batch = await findBatch(ctx, workspaceId, name);
  if (!TRANSITIONS[batch.state].includes(next)) {
    throw new UserError(
      'bad_transition',
      `Batch "${name}" is ${batch.state} and cannot become ${next}.`,
    );
  }
  await ctx.prisma.$transaction(async (tx) => {
    await tx.batch.update({ where: { id: batch.id }, data: { state: next } });
    await recordEvent(
      tx,
      {
        workspaceId,
        actorId,
        action: `batch.${next}`,
        subjectType: 'batch',
        subjectId: batch.id,
        data: { from: batch.state },
      },
      ctx.now(),
    );
  });
}

export interface AssignTarget {
  all: boolean;
  members: Array<{ externalId: string; displayName?: string }>;
}

/** Opens a batch to everyone in the workspace, or to the named members (created if new). */
export async function assignBatch(
  ctx: Context,
  workspaceId: string,
  actorId: string | null,
  name: string,
  target: AssignTarget,
): Promise<number> {
  const batch = await findBatch(ctx, workspaceId, name);
  return ctx.prisma.$transaction(async (tx) => {
    if (target.all) await tx.batch.update({ where: { id: batch.id }, data: { openToAll: true } });
    for (const member of target.members) {
      const row = await tx.member.upsert({
        where: { workspaceId_externalId: { workspaceId, externalId: member.externalId } },
        create: {
          workspaceId,
          externalId: member.externalId,
          displayName: member.displayName ?? member.externalId,
        },
        update: {},
      });
      await tx.batchAssignee.upsert({
        where: { batchId_memberId: { batchId: batch.id, memberId: row.id } },
        create: { batchId: batch.id, memberId: row.id },
        update: {},
      });
    }
    await recordEvent(
      tx,
      {
        workspaceId,
        actorId,
        action: 'batch.assigned',
        subjectType: 'batch',
        subjectId: batch.id,
        data: { all: target.all, members: target.members.map((member) => member.externalId) },
      },
      ctx.now(),
    );
    return target.members.length;
  });
}

export interface BatchSummary {
  name: string;
  task: string;
  state: BatchState;
  items: number;
  redundancy: number;
  answers: number;
  openToAll: boolean;
  assignees: number;
}

export async function listBatches(ctx: Context, workspaceId: string): Promise<BatchSummary[]> {
  const batches = await ctx.prisma.batch.findMany({
    where: { workspaceId },
    orderBy: { createdAt: 'asc' },
    include: { _count: { select: { items: true, assignees: true } } },
  });
  const answers = await ctx.prisma.assignment.groupBy({
    by: ['batchId'],
    where: { batchId: { in: batches.map((batch) => batch.id) }, state: 'submitted' },
    _count: { _all: true },
  });
  const answered = new Map(answers.map((row) => [row.batchId, row._count._all]));
  return batches.map((batch) => ({
    name: batch.name,
    task: batch.task,
    state: batch.state,
    items: batch._count.items,
    redundancy: batch.redundancy,
    answers: answered.get(batch.id) ?? 0,
    openToAll: batch.openToAll,
    assignees: batch._count.assignees,
  }));
}
