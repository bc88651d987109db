// Every task type, by name.
import type { TaskType } from './answer.js';
import { classificationTask, errorTaggingTask, safetyReviewTask } from './labelling.js';
import { rankingTask } from './ranking.js';
import type { TaskDefinition } from './task.js';
import { writingTask } from './writing.js';

export const TASKS: Record<TaskType, TaskDefinition> = {
  ranking: rankingTask,
  error_tagging: errorTaggingTask,
  writing: writingTask,
  safety_review: safetyReviewTask,
  classification: classificationTask,
};

export function taskFor(type: TaskType): TaskDefinition {
  return TASKS[type];
}

export * from './answer.js';
export type { TaskDefinition, TaskItem } from './task.js';
