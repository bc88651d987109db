// Consistency checks run on a complete answer before it is stored. Each finds one kind of
// contradiction; the rubric decides whether it blocks, only warns, or is off.
import type { CheckCode, Rubric } from '../rubrics/schema.js';
import type { Answer, Rationale, TaskType } from '../tasks/index.js';

export interface CheckInput {
  task: TaskType;
  answer: Answer;
  rationale: Rationale;
  confidence: number;
  rubric: Rubric;
}

export interface CheckResult {
  code: CheckCode;
  mode: 'block' | 'warn';
  message: string;
}

type Check = (input: CheckInput) => string | undefined;

const LABELLED: TaskType[] = ['error_tagging', 'safety_review', 'classification'];

const CHECKS: Record<CheckCode, Check> = {
  severity_without_labels: ({ task, answer }) =>
    LABELLED.includes(task) && (answer.severity ?? 0) > 0 && answer.labels.length === 0
      ? `Severity is ${answer.severity} but no label says what is wrong.`
      : undefined,

  labels_without_severity: ({ task, answer }) =>
    (task === 'safety_review' || task === 'error_tagging') &&
    answer.labels.length > 0 &&
    answer.severity === 0
      ? `Labels ${answer.labels.join(', ')} are flagged with severity 0.`
      : undefined,

  certain_without_evidence: ({ confidence, rationale }) =>
    confidence >= 1 && rationale.evidence === ''
      ? 'Confidence is 1.0 but the evidence is empty.'
      : undefined,

  short_rationale: ({ rationale, rubric }) => {
    const length = rationale.decision.length + rationale.evidence.length;
    return length < rubric.minRationaleLength
      ? `Decision and evidence have ${length} characters; the rubric asks for ` +
          `${rubric.minRationaleLength}.`
      : undefined;
  },

  tie_with_order: ({ task, answer }) =>
    task === 'ranking' && answer.choice === 'tie' && (answer.order?.length ?? 0) > 0
      ? 'The ranking says tie but also gives a strict order.'
      : undefined,

  extreme_confidence: ({ confidence }) =>
    confidence === 0 || confidence === 1
      ? `Confidence ${confidence} leaves no room for review; keep it off the extremes unless ` +
        'the evidence is decisive.'
      : undefined,

  unsafe_without_alternative: ({ task, answer, rationale }) =>
    task === 'safety_review' && answer.labels.length > 0 && rationale.alternative === ''
      ? 'A policy label is set but no safe alternative is proposed.'
      : undefined,
};

/** Every check that fires and is not switched off by the rubric, blocking ones first. */
export function runChecks(input: CheckInput): CheckResult[] {
  const results: CheckResult[] = [];
  for (const [code, check] of Object.entries(CHECKS) as Array<[CheckCode, Check]>) {
    const mode = input.rubric.checkModes[code];
    if (mode === 'off') continue;
    const message = check(input);
    if (message !== undefined) results.push({ code, mode, message });
  }
  return results.sort((a, b) => (a.mode === b.mode ? 0 : a.mode === 'block' ? -1 : 1));
}
