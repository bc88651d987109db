// The work the benchmark repeats, built from the same calls the commands and adapters use:
// members enrolled as a platform would present them, ranking batches imported from a manifest,
// and one answer stored the way the Submit button stores it.
import { claimNext } from '../../src/assignment/claim.js';
import { loadWork, type Work } from '../../src/assignment/load.js';
import { importBatch, assignBatch, setBatchState } from '../../src/batches/store.js';
import { parseImport } from '../../src/batches/parse.js';
import type { Context } from '../../src/core/context.js';
import type { Actor } from '../../src/core/invocation.js';
import { resolveIdentity } from '../../src/members/identity.js';
import { submitAnswer } from '../../src/responses/submit.js';
import type { Draft } from '../../src/tasks/index.js';
import { GOOD_RATIONALE, itemsJsonl, manifest } from '../../test/support/fixtures.js';

export const REDUNDANCY = 3;

export interface Annotator {
  actor: Actor;
  memberId: string;
  workspaceId: string;
}

const COMPLETE_DRAFT: Draft = {
  answer: { choice: 'A', labels: [] },
  rationale: {
    decision: GOOD_RATIONALE.decision,
    evidence: GOOD_RATIONALE.evidence,
    policy: GOOD_RATIONALE.policy,
    alternative: GOOD_RATIONALE.alternative,
  },
  confidence: Number(GOOD_RATIONALE.confidence),
};

function benchActor(index: number): Actor {
  const name = `annotator-${String(index).padStart(2, '0')}`;
  return {
    platform: 'console',
    workspaceId: 'bench',
    workspaceName: 'Benchmark',
    memberId: name,
    displayName: name,
  };
}

/** Creates the workspace and its members through the identity path every invocation takes. */
export async function enrol(ctx: Context, count: number): Promise<Annotator[]> {
  const annotators: Annotator[] = [];
  for (let index = 1; index <= count; index += 1) {
    const actor = benchActor(index);
    const identity = await resolveIdentity(ctx, actor);
    annotators.push({ actor, memberId: identity.memberId, workspaceId: identity.workspaceId });
  }
  return annotators;
}

/** Imports a ranking batch of pairs, opens it to everyone and activates it; returns its id. */
export async function openRankingBatch(
  ctx: Context,
  workspaceId: string,
  name: string,
  items: number,
): Promise<string> {
  const manifestText = JSON.stringify(manifest('ranking', { name, redundancy: REDUNDANCY }));
  const parsed = parseImport(manifestText, itemsJsonl('ranking', items));
  const { batchId } = await importBatch(ctx, workspaceId, null, parsed);
  await assignBatch(ctx, workspaceId, null, name, { all: true, members: [] });
  await setBatchState(ctx, workspaceId, null, name, 'active');
  return batchId;
}

/** Claims the member's next item and loads it, as the Next button does; null when none is left. */
export async function claimWork(ctx: Context, batchId: string, memberId: string) {
  const claim = await claimNext(ctx, batchId, memberId);
  return claim === null ? null : loadWork(ctx, claim.assignmentId, memberId);
}

/** Puts a complete draft on the assignment and submits it, confirmed. */
export async function storeAnswer(ctx: Context, work: Work): Promise<void> {
  await ctx.prisma.assignment.update({
    where: { id: work.assignmentId },
    data: { draft: COMPLETE_DRAFT },
  });
  const outcome = await submitAnswer(ctx, { ...work, draft: COMPLETE_DRAFT }, { confirmed: true });
  if (outcome.kind !== 'stored' || outcome.duplicate) {
    throw new Error(`answer for assignment ${work.assignmentId} not stored: ${outcome.kind}`);
  }
}
