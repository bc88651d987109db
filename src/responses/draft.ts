// Each click changes the draft kept on the assignment, so nothing typed or chosen is lost
// between interactions, restarts or platforms.
import type { Context } from '../core/context.js';
import { UserError } from '../core/errors.js';
import { CHOICES, rationaleSchema, type Choice, type Draft } from '../tasks/index.js';
import type { Work } from '../assignment/load.js';

export async function saveDraft(ctx: Context, work: Work, draft: Draft): Promise<Work> {
  await ctx.prisma.assignment.update({
    where: { id: work.assignmentId },
    data: { draft },
  });
  return { ...work, draft };
}

export function withChoice(draft: Draft, choice: string): Draft {
  if (!CHOICES.includes(choice as Choice)) {
    throw new UserError('bad_choice', `Unknown ranking choice "${choice}".`);
  }
  const answer = { ...draft.answer, choice: choice as Choice };
  return { ...draft, answer };
}

/** Puts a response at a rank; the response leaves any other rank it held. */
export function withRank(draft: Draft, work: Work, position: number, responseId: string): Draft {
  const ids = work.item.responses.map((candidate) => candidate.id);
  if (!ids.includes(responseId) || position < 0 || position >= ids.length) {
    throw new UserError('bad_rank', 'That ranking choice does not match this item.');
  }
  const order = [...(draft.answer.order ?? [])];
  const emptied = order.map((id) => (id === responseId ? '' : id));
  emptied[position] = responseId;
  const filled = Array.from({ length: ids.length }, (_, index) => emptied[index] ?? '');
  const complete = filled.every((id) => id !== '');
  const answer = {
    ...draft.answer,
    order: filled,
    ...(complete ? { choice: 'ranked' as const } : {}),
  };
  return { ...draft, answer };
}

export function withLabels(draft: Draft, work: Work, labels: string[]): Draft {
  const unknown = labels.filter((label) => !work.rubric.labels.includes(label));
  if (unknown.length > 0) {
    throw new UserError('bad_label', `Not in this rubric's labels: ${unknown.join(', ')}.`);
  }
  return { ...draft, answer: { ...draft.answer, labels: [...new Set(labels)] } };
}

export function withSeverity(draft: Draft, work: Work, value: string): Draft {
  const severity = Number.parseInt(value, 10);
  if (!work.rubric.severityScale.some((level) => level.value === severity)) {
    throw new UserError('bad_severity', `Severity "${value}" is not on this rubric's scale.`);
  }
  return { ...draft, answer: { ...draft.answer, severity } };
}

export interface RationaleFields {
  decision?: string;
  evidence?: string;
  policy?: string;
  alternative?: string;
  confidence?: string;
  text?: string;
}

/** Parses the rationale form; returns field errors to show inline, or the new draft. */
export function withRationale(
  draft: Draft,
  fields: RationaleFields,
): { draft: Draft } | { errors: Record<string, string> } {
  const confidence = Number((fields.confidence ?? '').trim().replace(',', '.'));
  const raw = (fields.confidence ?? '').trim();
  if (raw === '' || !Number.isFinite(confidence) || confidence < 0 || confidence > 1) {
    return { errors: { confidence: 'Give a number from 0 to 1, for example 0.8.' } };
  }
  const rationale = rationaleSchema.parse({
    decision: fields.decision ?? '',
    evidence: fields.evidence ?? '',
    policy: fields.policy ?? '',
    alternative: fields.alternative ?? '',
  });
  if (rationale.decision === '') {
    return { errors: { decision: 'Say what you decided, e.g. "reject: factual error".' } };
  }
  const answer =
    fields.text === undefined ? draft.answer : { ...draft.answer, text: fields.text.trim() };
  return { draft: { ...draft, answer, rationale, confidence } };
}
