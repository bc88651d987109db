// The annotation flow behind every button, select and form: start, answer, explain, submit.
import { parseActionId, type ActionRef } from '../core/actions.js';
import type { Context } from '../core/context.js';
import { UserError } from '../core/errors.js';
import type { ActionInvocation, FormInvocation } from '../core/invocation.js';
import { message, replaceWith, textReply, type Reply } from '../core/view.js';
import { checkEligible, claimNext, openAssignment } from '../assignment/claim.js';
import { loadWork, requireOpen, type Work } from '../assignment/load.js';
import type { Identity } from '../members/identity.js';
import {
  saveDraft,
  withChoice,
  withLabels,
  withRank,
  withRationale,
  withSeverity,
} from '../responses/draft.js';
import { skipAssignment, startCorrection, submitAnswer } from '../responses/submit.js';
import { checkBlocks, rationaleForm, storedBlocks, workBlocks } from './item-view.js';

function parse(id: string): ActionRef {
  const ref = parseActionId(id);
  if (ref === undefined) throw new UserError('unknown_action', 'That button is no longer valid.');
  return ref;
}

/** Offers the member their open item in a batch, or the next one. */
export async function offerNext(
  ctx: Context,
  identity: Identity,
  batchId: string,
  replace: boolean,
): Promise<Reply> {
  await checkEligible(ctx, batchId, identity.memberId);
  const claim =
    (await openAssignment(ctx, batchId, identity.memberId)) ??
    (await claimNext(ctx, batchId, identity.memberId));
  if (claim === null) {
    const done = '🎉 Nothing left for you in this batch. Thank you!';
    return replace ? replaceWith([{ type: 'text', text: done }]) : textReply(done);
  }
  const work = await loadWork(ctx, claim.assignmentId, identity.memberId);
  const blocks = workBlocks(work);
  return replace ? replaceWith(blocks) : message(blocks);
}

async function openWork(ctx: Context, identity: Identity, ref: ActionRef): Promise<Work> {
  const work = await loadWork(ctx, ref.ref, identity.memberId);
  requireOpen(work, ctx.now());
  return work;
}

async function submit(ctx: Context, work: Work, confirmed: boolean): Promise<Reply> {
  const outcome = await submitAnswer(ctx, work, { confirmed });
  switch (outcome.kind) {
    case 'incomplete': {
      const notice = `Not stored yet:\n${outcome.problems.map((p) => `• ${p}`).join('\n')}`;
      return replaceWith(workBlocks(work, notice));
    }
    case 'blocked':
      return replaceWith(checkBlocks(work, outcome.checks, true));
    case 'needs_confirmation':
      return replaceWith(checkBlocks(work, outcome.checks, false));
    case 'stored':
      ctx.logger.info(
        { responseId: outcome.responseId, duplicate: outcome.duplicate },
        'answer stored',
      );
      return replaceWith(storedBlocks(work, outcome.duplicate));
  }
}

async function changeDraft(ctx: Context, work: Work, ref: ActionRef, values: string[]) {
  const first = values[0] ?? '';
  switch (ref.verb) {
    case 'pick':
      return saveDraft(ctx, work, withChoice(work.draft, ref.arg));
    case 'order':
      return saveDraft(ctx, work, withRank(work.draft, work, Number(ref.arg), first));
    case 'labels':
      return saveDraft(ctx, work, withLabels(work.draft, work, values));
    default:
      return saveDraft(ctx, work, withSeverity(work.draft, work, first));
  }
}

/** Reopens a stored answer so the member can fix it; the fix is stored as a new revision. */
async function correct(ctx: Context, identity: Identity, ref: ActionRef): Promise<Reply> {
  const work = await loadWork(ctx, ref.ref, identity.memberId);
  if (work.state !== 'submitted') {
    throw new UserError('not_stored', 'This item has no stored answer to correct yet.');
  }
  requireOpen({ ...work, draft: { ...work.draft, correcting: 1 } }, ctx.now());
  const reopened = await startCorrection(ctx, work);
  const notice = 'Correcting your stored answer: change it, then Submit. The earlier one is kept.';
  return replaceWith(workBlocks(reopened, notice));
}

export async function handleAction(
  ctx: Context,
  identity: Identity,
  invocation: ActionInvocation,
): Promise<Reply> {
  const ref = parse(invocation.actionId);
  if (ref.verb === 'start') return offerNext(ctx, identity, ref.ref, false);
  if (ref.verb === 'next') return offerNext(ctx, identity, ref.ref, true);

  // A repeated Submit or Confirm after storing must answer with what was stored, not an error.
  if (ref.verb === 'submit' || ref.verb === 'confirm') {
    const work = await loadWork(ctx, ref.ref, identity.memberId);
    if (work.state !== 'submitted' || work.draft.correcting !== undefined) {
      requireOpen(work, ctx.now());
    }
    return submit(ctx, work, ref.verb === 'confirm');
  }
  if (ref.verb === 'correct') return correct(ctx, identity, ref);

  const work = await openWork(ctx, identity, ref);
  if (ref.verb === 'rationale') return { type: 'form', form: rationaleForm(work) };
  if (ref.verb === 'skip') {
    await skipAssignment(ctx, work);
    return offerNext(ctx, identity, work.batch.id, true);
  }
  const changed = await changeDraft(ctx, work, ref, invocation.values);
  return replaceWith(workBlocks(changed));
}

export async function handleForm(
  ctx: Context,
  identity: Identity,
  invocation: FormInvocation,
): Promise<Reply> {
  const ref = parse(invocation.formId);
  if (ref.verb !== 'rationale') throw new UserError('unknown_form', 'That form is not known.');
  const work = await openWork(ctx, identity, ref);
  const result = withRationale(work.draft, invocation.fields);
  if ('errors' in result) return { type: 'formErrors', errors: result.errors };
  const saved = await saveDraft(ctx, work, result.draft);
  return replaceWith(workBlocks(saved, 'Rationale saved. Submit when ready.'));
}
