// The import formats: a batch manifest (JSON) and its items (JSON Lines).
import { z } from 'zod';

import { rubricInputSchema } from '../rubrics/schema.js';
import { answerSchema, candidateSchema, TASK_TYPES } from '../tasks/index.js';

export const batchNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,62}$/i, 'use 1-63 letters, digits, _ . - (no spaces)');

export const manifestSchema = z.object({
  name: batchNameSchema,
  task: z.enum(TASK_TYPES),
  rubric: rubricInputSchema,
  redundancy: z.number().int().min(1).max(50),
  goldRate: z.number().min(0).max(1).default(0),
  guidelines: z.string().max(20_000).default(''),
  leaseMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  dueAt: z.iso.datetime({ offset: true }).optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;

export const itemLineSchema = z.object({
  item_id: z.string().trim().min(1, 'must not be empty').max(200),
  input: z.string().min(1, 'must not be empty').max(100_000),
  responses: z.array(candidateSchema).max(6, 'at most 6 responses').default([]),
  context: z.string().max(100_000).optional(),
  gold: answerSchema.optional(),
});

export type ItemLine = z.infer<typeof itemLineSchema>;

/** Formats zod issues as `field: problem`, one per issue. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length === 0 ? '(line)' : issue.path.join('.');
    return `${field}: ${issue.message}`;
  });
}
