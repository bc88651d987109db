// Response ranking: a pair judged A, B, tie or both bad, or a full order of three to six.
import { actionId } from '../core/actions.js';
import type { Block } from '../core/view.js';
import { letter, type Answer, type Candidate, type Choice } from './answer.js';
import type { TaskDefinition, TaskItem } from './task.js';

const PAIR_CHOICES: Array<{ choice: Choice; label: string }> = [
  { choice: 'A', label: 'A is better' },
  { choice: 'B', label: 'B is better' },
  { choice: 'tie', label: 'Tie' },
  { choice: 'both_bad', label: 'Both bad' },
];

function isPair(item: TaskItem): boolean {
  return item.responses.length === 2;
}

function orderProblems(order: string[] | undefined, candidates: Candidate[]): string[] {
  if (order === undefined || order.length === 0) return ['ranking: put every response in order'];
  const ids = candidates.map((candidate) => candidate.id);
  const complete = order.length === ids.length && ids.every((id) => order.includes(id));
  return complete ? [] : [`ranking: order must name each of ${ids.join(', ')} exactly once`];
}

function answerProblems(answer: Answer, item: TaskItem): string[] {
  if (answer.choice === undefined) return ['ranking: choose which response is better'];
  if (isPair(item)) {
    return answer.choice === 'ranked' ? ['ranking: a pair takes A, B, tie or both_bad'] : [];
  }
  if (answer.choice === 'A' || answer.choice === 'B') {
    return ['ranking: with three or more responses give a full order, a tie or both_bad'];
  }
  return answer.choice === 'ranked' ? orderProblems(answer.order, item.responses) : [];
}

function pairControls(assignmentId: string, answer: Answer): Block[] {
  const buttons = PAIR_CHOICES.map(({ choice, label }) => ({
    type: 'button' as const,
    id: actionId('pick', assignmentId, choice),
    label: answer.choice === choice ? `✓ ${label}` : label,
    ...(answer.choice === choice ? { style: 'primary' as const } : {}),
  }));
  return [{ type: 'actions', elements: buttons }];
}

function orderControls(assignmentId: string, item: TaskItem, answer: Answer): Block[] {
  const options = item.responses.map((candidate, index) => ({
    value: candidate.id,
    label: `Response ${letter(index)}`,
  }));
  const selects = item.responses.map((_, position) => {
    const chosen = answer.order?.[position];
    return {
      type: 'select' as const,
      id: actionId('order', assignmentId, String(position)),
      placeholder: `Rank ${position + 1}`,
      options,
      ...(chosen === undefined ? {} : { selected: [chosen] }),
    };
  });
  const extra = ['tie', 'both_bad'].map((choice) => ({
    type: 'button' as const,
    id: actionId('pick', assignmentId, choice),
    label: choice === 'tie' ? 'All tie' : 'All bad',
    ...(answer.choice === choice ? { style: 'primary' as const } : {}),
  }));
  return [
    { type: 'actions', elements: selects },
    { type: 'actions', elements: extra },
  ];
}

function summary(answer: Answer, item: TaskItem): string {
  const name = (id: string): string => letter(item.responses.findIndex((c) => c.id === id));
  switch (answer.choice) {
    case 'A':
    case 'B':
      return `Preferred response ${answer.choice}`;
    case 'tie':
      return 'Judged a tie';
    case 'both_bad':
      return 'Judged all responses bad';
    case 'ranked':
      return `Ranked ${(answer.order ?? []).map(name).join(' > ')}`;
    default:
      return 'No ranking';
  }
}

export const rankingTask: TaskDefinition = {
  type: 'ranking',
  title: 'Response ranking',
  candidates: { min: 2, max: 6 },
  wantsText: false,
  goldProblems: (gold, item) => answerProblems(gold, item).map((p) => `gold.${p}`),
  answerProblems,
  controls: (assignmentId, item, draft) =>
    isPair(item)
      ? pairControls(assignmentId, draft.answer)
      : orderControls(assignmentId, item, draft.answer),
  summary,
};

/** The (chosen, rejected) pairs a ranking implies, best first; none for ties or all-bad. */
export function preferencePairs(answer: Answer, item: TaskItem): Array<[Candidate, Candidate]> {
  const [first, second] = item.responses;
  if (answer.choice === 'A' && first && second) return [[first, second]];
  if (answer.choice === 'B' && first && second) return [[second, first]];
  if (answer.choice !== 'ranked') return [];

  const ordered = (answer.order ?? [])
    .map((id) => item.responses.find((candidate) => candidate.id === id))
    .filter((candidate): candidate is Candidate => candidate !== undefined);
  return ordered.flatMap((better, index) =>
    ordered.slice(index + 1).map((worse): [Candidate, Candidate] => [better, worse]),
  );
}

/** Response ids best first, for exports; empty for ties and all-bad. */
export function rankingOrder(answer: Answer, item: TaskItem): string[] {
  const pairs = preferencePairs(answer, item);
  if (answer.choice === 'ranked') return answer.order ?? [];
  return pairs.length === 1 && pairs[0] ? [pairs[0][0].id, pairs[0][1].id] : [];
}
