// The shapes every task shares: an item's candidate responses, an answer, a rationale, and the
// draft that collects them between clicks.
import { z } from 'zod';

export const TASK_TYPES = [
  'ranking',
  'error_tagging',
  'writing',
  'safety_review',
  'classification',
] as const;

export type TaskType = (typeof TASK_TYPES)[number];

export const candidateSchema = z.object({
  id: z.string().trim().min(1).max(40),
  text: z.string().min(1, 'must not be empty').max(100_000),
});

export type Candidate = z.infer<typeof candidateSchema>;

export const CHOICES = ['A', 'B', 'tie', 'both_bad', 'ranked'] as const;
export type Choice = (typeof CHOICES)[number];

export const answerSchema = z.object({
  choice: z.enum(CHOICES).optional(),
  order: z.array(z.string()).optional(),
  labels: z.array(z.string()).default([]),
  severity: z.number().int().min(0).max(10).optional(),
  text: z.string().max(20_000).optional(),
});

export type Answer = z.infer<typeof answerSchema>;

export const rationaleSchema = z.object({
  decision: z.string().trim().max(500).default(''),
  evidence: z.string().trim().max(3000).default(''),
  policy: z.string().trim().max(500).default(''),
  alternative: z.string().trim().max(3000).default(''),
});

export type Rationale = z.infer<typeof rationaleSchema>;

export const draftSchema = z.object({
  answer: answerSchema.default({ labels: [] }),
  rationale: rationaleSchema.optional(),
  confidence: z.number().min(0).max(1).optional(),
  /** The revision being corrected, while a stored answer is reopened; cleared once stored. */
  correcting: z.number().int().positive().optional(),
});

export type Draft = z.infer<typeof draftSchema>;

/** Reads a draft back from its JSON column; a damaged one starts over rather than failing. */
export function readDraft(value: unknown): Draft {
  const parsed = draftSchema.safeParse(value);
  return parsed.success ? parsed.data : { answer: { labels: [] } };
}

/** The letter an annotator sees for the n-th candidate: A, B, C ... */
export function letter(index: number): string {
  return String.fromCharCode(65 + index);
}
