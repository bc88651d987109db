// Loads an assignment with everything needed to show or answer it, after checking that the
// acting member owns it: ids in buttons are references, never proof.
import type { Context } from '../core/context.js';
import { UserError } from '../core/errors.js';
import { rubricFromRow, type Rubric } from '../rubrics/schema.js';
import {
  candidateSchema,
  readDraft,
  type Draft,
  type TaskItem,
  type TaskType,
} from '../tasks/index.js';

export interface Work {
  assignmentId: string;
  state: 'offered' | 'submitted' | 'skipped' | 'expired';
  memberId: string;
  offeredAt: Date;
  leaseExpiresAt: Date;
  draft: Draft;
  batch: {
    id: string;
    name: string;
    task: TaskType;
    state: string;
    guidelines: string;
    workspaceId: string;
  };
  item: TaskItem & { id: string; externalId: string };
  rubric: Rubric;
}

const candidates = candidateSchema.array();

export async function loadWork(ctx: Context, assignmentId: string, memberId: string) {
  const row = await ctx.prisma.assignment.findUnique({
    where: { id: assignmentId },
    include: {
      item: true,
      batch: { include: { rubricVersion: { include: { rubric: true } } } },
    },
  });
  if (row === null || row.memberId !== memberId) {
    throw new UserError('not_yours', 'That item is not assigned to you. Press Start for your own.');
  }
  const work: Work = {
    assignmentId: row.id,
    state: row.state,
    memberId: row.memberId,
    offeredAt: row.offeredAt,
    leaseExpiresAt: row.leaseExpiresAt,
    draft: readDraft(row.draft),
    batch: {
      id: row.batch.id,
      name: row.batch.name,
      task: row.batch.task,
      state: row.batch.state,
      guidelines: row.batch.guidelines,
      workspaceId: row.batch.workspaceId,
    },
    item: {
      id: row.item.id,
      externalId: row.item.externalId,
      input: row.item.input,
      context: row.item.context,
      responses: candidates.parse(row.item.responses),
    },
    rubric: rubricFromRow(row.batch.rubricVersion),
  };
  return work;
}

/** Throws unless the assignment can still take changes. */
export function requireOpen(work: Work, now: Date): void {
  if (work.batch.state !== 'active') {
    throw new UserError(
      'batch_not_active',
      `Batch "${work.batch.name}" is ${work.batch.state}; your draft is kept until it reopens.`,
    );
  }
  if (work.state === 'submitted') {
    if (work.draft.correcting !== undefined) return;
    throw new UserError(
      'already_submitted',
      'This answer is already stored. Press Correct answer on it to change it.',
    );
  }
  if (work.state === 'skipped') throw new UserError('skipped', 'You skipped this item.');
  if (work.state === 'expired' || work.leaseExpiresAt <= now) {
    throw new UserError(
      'lease_expired',
      'Your time on this item ran out and it went back to the pool. Press Start for the next one.',
    );
  }
}
