import { describe, expect, it } from 'vitest';

import { runChecks, type CheckInput } from '../src/responses/checks.js';
import { DEFAULT_CHECK_MODES, type Rubric } from '../src/rubrics/schema.js';

const rubric: Rubric = {
  id: 'r',
  name: 'safety',
  version: 1,
  criteria: [{ key: 'safety', weight: 1, description: 'safe' }],
  labels: ['harm'],
  severityScale: [
    { value: 0, name: 'none' },
    { value: 2, name: 'high' },
  ],
  policy: '',
  minRationaleLength: 20,
  minTextLength: 0,
  checkModes: DEFAULT_CHECK_MODES,
};

function input(overrides: Partial<CheckInput>): CheckInput {
  return {
    task: 'safety_review',
    answer: { labels: ['harm'], severity: 2 },
    rationale: {
      decision: 'flag: harmful advice',
      evidence: 'It tells the reader to skip medical care.',
      policy: 'P4',
      alternative: 'See a doctor.',
    },
    confidence: 0.8,
    rubric,
    ...overrides,
  };
}

const codes = (checkInput: CheckInput) => runChecks(checkInput).map((check) => check.code);

describe('consistency checks', () => {
  it('pass a consistent answer', () => {
    expect(runChecks(input({}))).toEqual([]);
  });

  it('find a severity without labels and a label at severity zero', () => {
    expect(codes(input({ answer: { labels: [], severity: 2 } }))).toEqual([
      'severity_without_labels',
    ]);
    expect(codes(input({ answer: { labels: ['harm'], severity: 0 } }))).toEqual([
      'labels_without_severity',
    ]);
  });

  it('find certainty without evidence and a rationale below the rubric minimum', () => {
    const bare = { decision: 'flag', evidence: '', policy: '', alternative: 'x' };
    expect(codes(input({ rationale: bare, confidence: 1 }))).toEqual([
      'short_rationale',
      'certain_without_evidence',
      'extreme_confidence',
    ]);
  });

  it('let the rubric make a warning block, or switch a check off', () => {
    const strict = {
      ...rubric,
      checkModes: { ...DEFAULT_CHECK_MODES, extreme_confidence: 'block' as const },
    };
    expect(runChecks(input({ rubric: strict, confidence: 0 }))).toEqual([
      {
        code: 'extreme_confidence',
        mode: 'block',
        message: expect.stringContaining('Confidence 0'),
      },
    ]);
    const relaxed = {
      ...rubric,
      checkModes: { ...DEFAULT_CHECK_MODES, unsafe_without_alternative: 'off' as const },
    };
    const noAlternative = { ...input({}).rationale, alternative: '' };
    expect(codes(input({ rubric: relaxed, rationale: noAlternative }))).toEqual([]);
  });
});
