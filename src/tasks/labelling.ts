// The three label-based tasks: error tagging, safety review, and classification with rationale
// (also used for legal, medical and financial domain annotation).
import { actionId } from '../core/actions.js';
import type { Block } from '../core/view.js';
import type { Rubric } from '../rubrics/schema.js';
import type { Answer, Draft } from './answer.js';
import {
  labelProblems,
  severityName,
  severityProblems,
  type TaskDefinition,
  type TaskItem,
} from './task.js';

function labelControls(assignmentId: string, draft: Draft, rubric: Rubric, severity: boolean) {
  const blocks: Block[] = [];
  if (rubric.labels.length > 0) {
    const labels = rubric.labels.map((label) => ({ value: label, label }));
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'select',
          id: actionId('labels', assignmentId),
          placeholder: 'Labels',
          options: labels,
          multi: true,
          selected: draft.answer.labels,
        },
      ],
    });
  }
  if (severity) {
    const levels = rubric.severityScale.map((level) => ({
      value: String(level.value),
      label: `${level.value} ${level.name}`,
    }));
    const chosen = draft.answer.severity;
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'select',
          id: actionId('severity', assignmentId),
          placeholder: 'Severity',
          options: levels,
          ...(chosen === undefined ? {} : { selected: [String(chosen)] }),
        },
      ],
    });
  }
  return blocks;
}

function labelSummary(answer: Answer, rubric: Rubric, withSeverity: boolean): string {
  const labels = answer.labels.length === 0 ? 'no labels' : answer.labels.join(', ');
  return withSeverity ? `${labels}; severity ${severityName(answer.severity, rubric)}` : labels;
}

function commonProblems(answer: Answer, rubric: Rubric): string[] {
  return [...labelProblems(answer.labels, rubric), ...severityProblems(answer.severity, rubric)];
}

function requireSeverity(answer: Answer): string[] {
  return answer.severity === undefined ? ['severity: choose a severity (0 for none)'] : [];
}

function labelTask(
  type: 'error_tagging' | 'safety_review' | 'classification',
  title: string,
  extraProblems: (answer: Answer, item: TaskItem, rubric: Rubric) => string[],
  withSeverity: boolean,
): TaskDefinition {
  const answerProblems = (answer: Answer, item: TaskItem, rubric: Rubric): string[] => [
    ...commonProblems(answer, rubric),
    ...extraProblems(answer, item, rubric),
  ];
  return {
    type,
    title,
    candidates: { min: 0, max: 6 },
    wantsText: false,
    goldProblems: (gold, item, rubric) =>
      commonProblems(gold, rubric).map((problem) => `gold.${problem}`),
    answerProblems,
    controls: (assignmentId, _item, draft, rubric) =>
      labelControls(assignmentId, draft, rubric, withSeverity),
    summary: (answer, _item, rubric) => labelSummary(answer, rubric, withSeverity),
  };
}

export const errorTaggingTask = labelTask('error_tagging', 'Error tagging', requireSeverity, true);

export const safetyReviewTask = labelTask('safety_review', 'Safety review', requireSeverity, true);

export const classificationTask = labelTask(
  'classification',
  'Classification',
  (answer) => (answer.labels.length === 0 ? ['labels: choose at least one label'] : []),
  true,
);
