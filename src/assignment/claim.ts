// Who gets which item next. One statement locks a candidate item with SKIP LOCKED, inserts the
// assignment and counts it on the item, so concurrent claimers never exceed an item's redundancy
// and a member never gets an item twice. The check `liveCount < redundancy` sits on the locked
// row itself, so PostgreSQL re-evaluates it against the newest version after a concurrent claim.
import type { Context } from '../core/context.js';
import { UserError } from '../core/errors.js';

export interface Claim {
  assignmentId: string;
  itemId: string;
}

interface ClaimRow {
  assignment_id: string;
  item_id: string;
}

async function tryClaim(ctx: Context, batchId: string, memberId: string): Promise<Claim | null> {
  const now = ctx.now();
  const rows = await ctx.prisma.$queryRaw<ClaimRow[]>`
    WITH batch AS (
      SELECT b.id, b.redundancy, b."goldRate", b."leaseSeconds"
        FROM "Batch" b WHERE b.id = ${batchId}::uuid AND b.state = 'active'
    ),
    served AS (
      SELECT count(*)::int AS n FROM "Assignment" a
       WHERE a."batchId" = ${batchId}::uuid AND a."memberId" = ${memberId}::uuid
    ),
    wants AS (
      -- Gold is due each time served * rate crosses a whole number, shifted by a phase drawn
      -- from the member's id: exactly the batch's rate over any stretch, at positions a member
      -- cannot predict.
      SELECT floor((served.n + 1) * batch."goldRate" + phase.p)
               > floor(served.n * batch."goldRate" + phase.p) AS gold
        FROM batch, served,
             (SELECT (abs(hashtext(${memberId})) % 10000) / 10000.0 AS p) phase
    ),
    -- Two candidates, each read in index order: a gold item (only when gold is due) and
    -- otherwise the open item closest to complete, so items finish early and in order.
    gold_pick AS (
      SELECT i.id FROM "Item" i
       WHERE i."batchId" = ${batchId}::uuid AND i."isGold" AND (SELECT gold FROM wants)
         AND NOT EXISTS (
           SELECT 1 FROM "Assignment" a
            WHERE a."itemId" = i.id AND a."memberId" = ${memberId}::uuid AND a.state <> 'expired')
       ORDER BY i.position
       LIMIT 1
       FOR UPDATE OF i SKIP LOCKED
    ),
    open_pick AS (
      SELECT i.id FROM "Item" i
       WHERE i."batchId" = ${batchId}::uuid AND NOT i."isGold"
         AND i."liveCount" < (SELECT redundancy FROM batch)
         AND NOT EXISTS (
           SELECT 1 FROM "Assignment" a
            WHERE a."itemId" = i.id AND a."memberId" = ${memberId}::uuid AND a.state <> 'expired')
       ORDER BY i."liveCount" DESC, i.position
       LIMIT 1
       FOR UPDATE OF i SKIP LOCKED
    ),
    pick AS (
      SELECT id FROM (SELECT id, 0 AS rank FROM gold_pick
                      UNION ALL SELECT id, 1 AS rank FROM open_pick) candidates
       ORDER BY rank LIMIT 1
    ),
    offered AS (
      INSERT INTO "Assignment" (id, "batchId", "itemId", "memberId", state, "offeredAt",
                                "leaseExpiresAt")
      SELECT gen_random_uuid(), batch.id, pick.id, ${memberId}::uuid, 'offered', ${now},
             ${now}::timestamptz + make_interval(secs => batch."leaseSeconds")
        FROM pick, batch
      ON CONFLICT ("itemId", "memberId") DO UPDATE
         SET state = 'offered', "offeredAt" = EXCLUDED."offeredAt",
             "leaseExpiresAt" = EXCLUDED."leaseExpiresAt", "closedAt" = NULL
       WHERE "Assignment".state = 'expired'
      RETURNING id, "itemId"
    ),
    counted AS (
      UPDATE "Item" SET "liveCount" = "Item"."liveCount" + 1
        FROM offered WHERE "Item".id = offered."itemId"
    ),
    logged AS (
      INSERT INTO "Event" ("workspaceId", "actorId", action, "subjectType", "subjectId", data,
                           "createdAt")
      SELECT b."workspaceId", ${memberId}::uuid, 'assignment.offered', 'assignment',
             offered.id::text, jsonb_build_object('itemId', offered."itemId"), ${now}
        FROM offered, "Batch" b WHERE b.id = ${batchId}::uuid
    )
    SELECT offered.id AS assignment_id, offered."itemId" AS item_id FROM offered`;
  const row = rows[0];
  return row === undefined ? null : { assignmentId: row.assignment_id, itemId: row.item_id };
}

/** Expires leases that ran out and gives their slots back to the items. Returns how many. */
export async function expireLeases(ctx: Context, batchId?: string): Promise<number> {
  const now = ctx.now();
  const rows = await ctx.prisma.$queryRaw<Array<{ expired: number }>>`
    WITH expired AS (
      UPDATE "Assignment" SET state = 'expired', "closedAt" = ${now}
       WHERE state = 'offered' AND "leaseExpiresAt" <= ${now}
         AND (${batchId ?? null}::uuid IS NULL OR "batchId" = ${batchId ?? null}::uuid)
      RETURNING id, "itemId", "memberId"
    ),
    freed AS (
      UPDATE "Item" SET "liveCount" = "Item"."liveCount" - n.count
        FROM (SELECT "itemId", count(*)::int AS count FROM expired GROUP BY "itemId") n
       WHERE "Item".id = n."itemId"
    ),
    logged AS (
      INSERT INTO "Event" ("actorId", action, "subjectType", "subjectId", data, "createdAt")
      SELECT NULL, 'assignment.expired', 'assignment', expired.id::text,
             jsonb_build_object('memberId', expired."memberId"), ${now}
        FROM expired
    )
    SELECT count(*)::int AS expired FROM expired`;
  return rows[0]?.expired ?? 0;
}

/** The member's unexpired open assignment in a batch, if any (a second press of Start). */
export async function openAssignment(
  ctx: Context,
  batchId: string,
  memberId: string,
): Promise<Claim | null> {
  const open = await ctx.prisma.assignment.findFirst({
    where: { batchId, memberId, state: 'offered', leaseExpiresAt: { gt: ctx.now() } },
    orderBy: { offeredAt: 'desc' },
    select: { id: true, itemId: true },
  });
  return open === null ? null : { assignmentId: open.id, itemId: open.itemId };
}

/** Checks that the member may work on the batch now; throws a UserError saying why not. */
export async function checkEligible(ctx: Context, batchId: string, memberId: string) {
  const batch = await ctx.prisma.batch.findUnique({
    where: { id: batchId },
    include: { assignees: { where: { memberId }, select: { memberId: true } } },
  });
  if (batch === null) throw new UserError('unknown_batch', 'That batch no longer exists.');
  if (batch.state !== 'active') {
    throw new UserError('batch_not_active', `Batch "${batch.name}" is ${batch.state} right now.`);
  }
  if (!batch.openToAll && batch.assignees.length === 0) {
    throw new UserError(
      'not_assigned',
      `You are not assigned to batch "${batch.name}". Ask an admin to add you.`,
    );
  }
  return batch;
}

/**
 * Offers the member the next item of a batch, or null when none is left for them. Expired leases
 * are only swept when nothing else is available, keeping the common path one statement. The
 * second try also covers a member's own double click: both claims can pick the same item, and
 * the loser's insert yields to the winner's assignment (ON CONFLICT) and comes back empty.
 */
export async function claimNext(ctx: Context, batchId: string, memberId: string) {
  const claim = await tryClaim(ctx, batchId, memberId);
  if (claim !== null) return claim;
  await expireLeases(ctx, batchId);
  return tryClaim(ctx, batchId, memberId);
}
