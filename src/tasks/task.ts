// What each task type supplies: how its items and answers are validated and how it is shown.
import type { Rubric } from '../rubrics/schema.js';
import type { Block } from '../core/view.js';
import type { Answer, Candidate, Draft, TaskType } from './answer.js';

export interface TaskItem {
  input: string;
  context: string | null;
  responses: Candidate[];
}

export interface TaskDefinition {
  type: TaskType;
  title: string;
  /** Fewest and most candidate responses an item of this task carries. */
  candidates: { min: number; max: number };
  /** Problems with a gold answer in an items file, each naming the field. */
  goldProblems(gold: Answer, item: TaskItem, rubric: Rubric): string[];
  /** What is still missing or invalid before the answer can be submitted. */
  answerProblems(answer: Answer, item: TaskItem, rubric: Rubric): string[];
  /** The controls that collect the answer, for the assignment with this id. */
  controls(assignmentId: string, item: TaskItem, draft: Draft, rubric: Rubric): Block[];
  /** One line that says what was answered. */
  summary(answer: Answer, item: TaskItem, rubric: Rubric): string;
  /** Whether the form asks for written text (instruction writing). */
  wantsText: boolean;
}

export function labelProblems(labels: string[], rubric: Rubric): string[] {
  const unknown = labels.filter((label) => !rubric.labels.includes(label));
  return unknown.length === 0
    ? []
    : [`labels: not in the rubric's taxonomy: ${unknown.join(', ')}`];
}

export function severityProblems(severity: number | undefined, rubric: Rubric): string[] {
  if (severity === undefined) return [];
  const known = rubric.severityScale.some((level) => level.value === severity);
  return known ? [] : [`severity: ${severity} is not on the rubric's scale`];
}

export function severityName(severity: number | undefined, rubric: Rubric): string {
  if (severity === undefined) return 'not set';
  const level = rubric.severityScale.find((candidate) => candidate.value === severity);
  return level === undefined ? String(severity) : `${severity} (${level.name})`;
}
