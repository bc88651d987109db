// Reads an import (manifest plus items) and reports every problem at once, by line and field.
import { UserError } from '../core/errors.js';
import type { Rubric } from '../rubrics/schema.js';
import { DEFAULT_CHECK_MODES } from '../rubrics/schema.js';
import { taskFor } from '../tasks/index.js';
import {
  describeIssues,
  itemLineSchema,
  manifestSchema,
  type ItemLine,
  type Manifest,
} from './manifest.js';

export interface ParsedImport {
  manifest: Manifest;
  items: Array<ItemLine & { line: number }>;
}

function parseJson(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

export function parseManifest(text: string): Manifest {
  const json = parseJson(text);
  if (json.error !== undefined) {
    throw new UserError('invalid_manifest', `The manifest is not valid JSON: ${json.error}`);
  }
  const parsed = manifestSchema.safeParse(json.value);
  if (!parsed.success) {
    throw new UserError(
      'invalid_manifest',
      'The manifest has problems; fix them and import again:',
      describeIssues(parsed.error),
    );
  }
  return parsed.data;
}

/** The rubric a manifest describes, before it is stored, for checking gold answers. */
function draftRubric(manifest: Manifest): Rubric {
  const { rubric } = manifest;
  return {
    id: '',
    name: rubric.name,
    version: 0,
    criteria: rubric.criteria,
    labels: rubric.labels,
    severityScale: rubric.severityScale,
    policy: rubric.policy,
    minRationaleLength: rubric.minRationaleLength,
    minTextLength: rubric.minTextLength,
    checkModes: { ...DEFAULT_CHECK_MODES, ...rubric.checks },
  };
}

function lineProblems(item: ItemLine, manifest: Manifest, rubric: Rubric): string[] {
  const task = taskFor(manifest.task);
  const problems: string[] = [];
  const count = item.responses.length;
  if (count < task.candidates.min) {
    problems.push(`responses: ${manifest.task} needs ${task.candidates.min} to 6, got ${count}`);
  }
  const ids = item.responses.map((candidate) => candidate.id);
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeated.length > 0) problems.push(`responses: repeated id ${repeated.join(', ')}`);
  if (item.gold !== undefined && problems.length === 0) {
    const view = { input: item.input, context: item.context ?? null, responses: item.responses };
    problems.push(...task.goldProblems(item.gold, view, rubric));
  }
  return problems;
}

/** Validates every line of an items file against the manifest; throws naming every bad line. */
export function parseItems(text: string, manifest: Manifest): ParsedImport['items'] {
  const rubric = draftRubric(manifest);
  const items: ParsedImport['items'] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const json = parseJson(raw);
    if (json.error !== undefined) {
      problems.push(`line ${line}: (line): not valid JSON: ${json.error}`);
      return;
    }
    const parsed = itemLineSchema.safeParse(json.value);
    if (!parsed.success) {
      problems.push(...describeIssues(parsed.error).map((problem) => `line ${line}: ${problem}`));
      return;
    }
    const earlier = seen.get(parsed.data.item_id);
    const own = lineProblems(parsed.data, manifest, rubric);
    if (earlier !== undefined)
      own.push(`item_id: "${parsed.data.item_id}" repeats line ${earlier}`);
    seen.set(parsed.data.item_id, earlier ?? line);
    problems.push(...own.map((problem) => `line ${line}: ${problem}`));
    items.push({ ...parsed.data, line });
  });

  if (problems.length > 0) {
    throw new UserError(
      'invalid_items',
      `The items file has problems; nothing was imported. Fix these lines and import again:`,
      problems,
    );
  }
  if (items.length === 0) throw new UserError('invalid_items', 'The items file has no items.');
  return items;
}

export function parseImport(manifestText: string, itemsText: string): ParsedImport {
  const manifest = parseManifest(manifestText);
  return { manifest, items: parseItems(itemsText, manifest) };
}
