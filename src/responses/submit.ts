// Storing an answer: complete it, check it for contradictions, then write it in one statement
// that is safe to repeat. A second delivery of the same submission finds the stored response.
import type { Context } from '../core/context.js';
import type { Work } from '../assignment/load.js';
import {
  answerSchema,
  rationaleSchema,
  taskFor,
  type Answer,
  type Rationale,
} from '../tasks/index.js';
import { runChecks, type CheckResult } from './checks.js';

export type SubmitOutcome =
  | { kind: 'incomplete'; problems: string[] }
  | { kind: 'blocked'; checks: CheckResult[] }
  | { kind: 'needs_confirmation'; checks: CheckResult[] }
  | { kind: 'stored'; responseId: string; duplicate: boolean; checks: CheckResult[] };

interface Complete {
  answer: Answer;
  rationale: Rationale;
  confidence: number;
}

function completeDraft(work: Work): { complete?: Complete; problems: string[] } {
  const { draft } = work;
  const problems = taskFor(work.batch.task).answerProblems(draft.answer, work.item, work.rubric);
  if (draft.rationale === undefined || draft.confidence === undefined) {
    problems.push('rationale: open Rationale and give your decision, evidence and confidence');
  }
  if (problems.length > 0 || draft.rationale === undefined || draft.confidence === undefined) {
    return { problems };
  }
  const complete = {
    answer: draft.answer,
    rationale: draft.rationale,
    confidence: draft.confidence,
  };
  return { complete, problems };
}

async function existingResponse(ctx: Context, assignmentId: string): Promise<string | null> {
  const found = await ctx.prisma.response.findFirst({
    where: { assignmentId },
    orderBy: { revision: 'desc' },
    select: { id: true },
  });
  return found?.id ?? null;
}

/** What every stored answer records besides itself: when, time on item, the checks that fired. */
function writeFacts(ctx: Context, work: Work, checks: CheckResult[]) {
  const now = ctx.now();
  const durationMs = Math.max(0, now.getTime() - work.offeredAt.getTime());
  const fired = JSON.stringify(checks.map(({ code, mode }) => ({ code, mode })));
  return { now, durationMs, fired };
}

async function storeResponse(
  ctx: Context,
  work: Work,
  answer: Complete,
  checks: CheckResult[],
): Promise<string | null> {
  const { now, durationMs, fired } = writeFacts(ctx, work, checks);
  // Response, assignment state and audit row are written by one statement: all or nothing.
  const rows = await ctx.prisma.$queryRaw<Array<{ id: string }>>`
    WITH open AS (
      SELECT a.id, a."itemId", a."memberId" FROM "Assignment" a
       WHERE a.id = ${work.assignmentId}::uuid AND a."memberId" = ${work.memberId}::uuid
         AND a.state = 'offered'
       FOR UPDATE
    ),
    stored AS (
      INSERT INTO "Response" (id, "assignmentId", "itemId", "memberId", "rubricVersionId",
        revision, answer, labels, severity, rationale, confidence, "durationMs", checks,
        "createdAt")
      SELECT gen_random_uuid(), open.id, open."itemId", open."memberId",
             ${work.rubric.id}::uuid, 1, ${JSON.stringify(answer.answer)}::jsonb,
             ${answer.answer.labels}::text[], ${answer.answer.severity ?? null}::int,
             ${JSON.stringify(answer.rationale)}::jsonb, ${answer.confidence}, ${durationMs},
             ${fired}::jsonb, ${now}
        FROM open
      ON CONFLICT ("assignmentId", revision) DO NOTHING
      RETURNING id, "assignmentId"
    ),
    closed AS (
      UPDATE "Assignment" SET state = 'submitted', "closedAt" = ${now}
        FROM stored WHERE "Assignment".id = stored."assignmentId"
    ),
    logged AS (
      INSERT INTO "Event" ("workspaceId", "actorId", action, "subjectType", "subjectId", data,
                           "createdAt")
      SELECT ${work.batch.workspaceId}::uuid, ${work.memberId}::uuid, 'response.stored',
             'response', stored.id::text,
             jsonb_build_object('assignmentId', stored."assignmentId",
                                'durationMs', ${durationMs}::int),
             ${now}
        FROM stored
    )
    SELECT id FROM stored`;
  return rows[0]?.id ?? null;
}

/** Stores a corrected answer as the next revision, superseding the latest one. */
async function storeCorrection(
  ctx: Context,
  work: Work,
  answer: Complete,
  checks: CheckResult[],
): Promise<string | null> {
  const { now, durationMs, fired } = writeFacts(ctx, work, checks);
  // The correction names the revision it replaces, so a repeated delivery collides with the
  // first on (assignment, revision) and stores nothing more.
  const rows = await ctx.prisma.$queryRaw<Array<{ id: string }>>`
    WITH latest AS (
      SELECT r.id, r.revision, r."itemId", r."memberId" FROM "Response" r
       WHERE r."assignmentId" = ${work.assignmentId}::uuid
         AND r."memberId" = ${work.memberId}::uuid
         AND r.revision = ${work.draft.correcting ?? 0}::int
    ),
    stored AS (
      INSERT INTO "Response" (id, "assignmentId", "itemId", "memberId", "rubricVersionId",
        revision, "supersedesId", answer, labels, severity, rationale, confidence, "durationMs",
        checks, "createdAt")
      SELECT gen_random_uuid(), ${work.assignmentId}::uuid, latest."itemId", latest."memberId",
             ${work.rubric.id}::uuid, latest.revision + 1, latest.id,
             ${JSON.stringify(answer.answer)}::jsonb, ${answer.answer.labels}::text[],
             ${answer.answer.severity ?? null}::int, ${JSON.stringify(answer.rationale)}::jsonb,
             ${answer.confidence}, ${durationMs}, ${fired}::jsonb, ${now}
        FROM latest
      ON CONFLICT DO NOTHING
      RETURNING id, "supersedesId"
    ),
    settled AS (
      UPDATE "Assignment" SET draft = draft - 'correcting'
        FROM stored WHERE "Assignment".id = ${work.assignmentId}::uuid
    ),
    logged AS (
      INSERT INTO "Event" ("workspaceId", "actorId", action, "subjectType", "subjectId", data,
                           "createdAt")
      SELECT ${work.batch.workspaceId}::uuid, ${work.memberId}::uuid, 'response.corrected',
             'response', stored.id::text, jsonb_build_object('supersedes', stored."supersedesId"),
             ${now}
        FROM stored
    )
    SELECT id FROM stored`;
  return rows[0]?.id ?? null;
}

/**
 * Submits the draft of an assignment. Blocking checks stop it; warnings stop it until the
 * annotator confirms. A repeated submission returns the response already stored.
 */
export async function submitAnswer(
  ctx: Context,
  work: Work,
  options: { confirmed: boolean },
): Promise<SubmitOutcome> {
  const correcting = work.state === 'submitted' && work.draft.correcting !== undefined;
  if (work.state === 'submitted' && !correcting) {
    const responseId = await existingResponse(ctx, work.assignmentId);
    if (responseId !== null) return { kind: 'stored', responseId, duplicate: true, checks: [] };
  }
  const { complete, problems } = completeDraft(work);
  if (complete === undefined) return { kind: 'incomplete', problems };

  const checks = runChecks({ task: work.batch.task, rubric: work.rubric, ...complete });
  const blocking = checks.filter((check) => check.mode === 'block');
  if (blocking.length > 0) return { kind: 'blocked', checks: blocking };
  if (checks.length > 0 && !options.confirmed) return { kind: 'needs_confirmation', checks };

  const store = correcting ? storeCorrection : storeResponse;
  const responseId = await store(ctx, work, complete, checks);
  if (responseId !== null) return { kind: 'stored', responseId, duplicate: false, checks };

  // Nothing was inserted: another delivery of this submission got there first.
  const earlier = await existingResponse(ctx, work.assignmentId);
  if (earlier === null) return { kind: 'incomplete', problems: ['This item is no longer open.'] };
  return { kind: 'stored', responseId: earlier, duplicate: true, checks };
}

/** Opens a stored answer for correction: the draft becomes the latest revision's answer. */
export async function startCorrection(ctx: Context, work: Work): Promise<Work> {
  const latest = await ctx.prisma.response.findFirstOrThrow({
    where: { assignmentId: work.assignmentId },
    orderBy: { revision: 'desc' },
  });
  const draft = {
    answer: answerSchema.parse(latest.answer),
    rationale: rationaleSchema.parse(latest.rationale),
    confidence: latest.confidence,
    correcting: latest.revision,
  };
  await ctx.prisma.assignment.update({ where: { id: work.assignmentId }, data: { draft } });
  return { ...work, draft };
}

export async function skipAssignment(ctx: Context, work: Work): Promise<void> {
  const now = ctx.now();
  await ctx.prisma.$executeRaw`
    WITH skipped AS (
      UPDATE "Assignment" SET state = 'skipped', "closedAt" = ${now}
       WHERE id = ${work.assignmentId}::uuid AND state = 'offered'
      RETURNING id, "itemId"
    ),
    freed AS (
      UPDATE "Item" SET "liveCount" = "Item"."liveCount" - 1
        FROM skipped WHERE "Item".id = skipped."itemId"
    )
    INSERT INTO "Event" ("workspaceId", "actorId", action, "subjectType", "subjectId", data,
                         "createdAt")
    SELECT ${work.batch.workspaceId}::uuid, ${work.memberId}::uuid, 'assignment.skipped',
           'assignment', skipped.id::text, '{}'::jsonb, ${now}
      FROM skipped`;
}
