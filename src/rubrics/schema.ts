// A rubric as admins write it in a manifest and as it is read back from its JSON columns.
import { z } from 'zod';

export const CHECK_CODES = [
  'severity_without_labels',
  'labels_without_severity',
  'certain_without_evidence',
  'short_rationale',
  'tie_with_order',
  'extreme_confidence',
  'unsafe_without_alternative',
] as const;

export type CheckCode = (typeof CHECK_CODES)[number];
export type CheckMode = 'block' | 'warn' | 'off';

export const DEFAULT_CHECK_MODES: Record<CheckCode, CheckMode> = {
  severity_without_labels: 'warn',
  labels_without_severity: 'warn',
  certain_without_evidence: 'warn',
  short_rationale: 'block',
  tie_with_order: 'block',
  extreme_confidence: 'warn',
  unsafe_without_alternative: 'block',
};

const key = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/i, 'use 1-40 letters, digits, _ . -');

export const criterionSchema = z.object({
  key,
  weight: z.number().positive('must be above 0'),
  description: z.string().trim().min(1, 'describe what the criterion measures'),
});

export const severityLevelSchema = z.object({
  value: z.number().int().min(0).max(10),
  name: z.string().trim().min(1).max(40),
});

export const DEFAULT_SEVERITY_SCALE = [
  { value: 0, name: 'none' },
  { value: 1, name: 'minor' },
  { value: 2, name: 'moderate' },
  { value: 3, name: 'severe' },
];

export const rubricInputSchema = z.object({
  name: z.string().trim().min(1).max(80),
  criteria: z.array(criterionSchema).min(1, 'give at least one criterion'),
  labels: z.array(z.string().trim().min(1).max(75)).max(500).default([]),
  severityScale: z
    .array(severityLevelSchema)
    .min(2, 'give at least two levels')
    .refine((levels) => levels.some((level) => level.value === 0), 'include a level with value 0')
    .default(DEFAULT_SEVERITY_SCALE),
  policy: z.string().max(20_000).default(''),
  minRationaleLength: z.number().int().min(0).max(2000).default(20),
  minTextLength: z.number().int().min(0).max(3000).default(40),
  checks: z.partialRecord(z.enum(CHECK_CODES), z.enum(['block', 'warn', 'off'])).default({}),
});

export type RubricInput = z.infer<typeof rubricInputSchema>;

/** A stored rubric version, as the core works with it. */
export interface Rubric {
  id: string;
  name: string;
  version: number;
  criteria: Array<z.infer<typeof criterionSchema>>;
  labels: string[];
  severityScale: Array<z.infer<typeof severityLevelSchema>>;
  policy: string;
  minRationaleLength: number;
  minTextLength: number;
  checkModes: Record<CheckCode, CheckMode>;
}

const storedSchema = z.object({
  criteria: z.array(criterionSchema),
  labels: z.array(z.string()),
  severityScale: z.array(severityLevelSchema),
  checkModes: z.partialRecord(z.enum(CHECK_CODES), z.enum(['block', 'warn', 'off'])),
});

interface RubricRow {
  id: string;
  version: number;
  criteria: unknown;
  labels: unknown;
  severityScale: unknown;
  checkModes: unknown;
  policy: string;
  minRationaleLength: number;
  minTextLength: number;
  rubric: { name: string };
}

/** Validates the JSON columns of a rubric version read back from the database. */
export function rubricFromRow(row: RubricRow): Rubric {
  const stored = storedSchema.parse(row);
  return {
    id: row.id,
    name: row.rubric.name,
    version: row.version,
    criteria: stored.criteria,
    labels: stored.labels,
    severityScale: [...stored.severityScale].sort((a, b) => a.value - b.value),
    policy: row.policy,
    minRationaleLength: row.minRationaleLength,
    minTextLength: row.minTextLength,
    checkModes: { ...DEFAULT_CHECK_MODES, ...stored.checkModes },
  };
}
