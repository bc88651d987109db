// Training-ready exports of a batch's current answers: JSON Lines, preference pairs for DPO, CSV.
// Superseded responses are left out; gold expectations never are part of an export row's answer.
import type { Context } from '../core/context.js';
import { answerSchema, candidateSchema, rationaleSchema } from '../tasks/index.js';
import { preferencePairs, rankingOrder } from '../tasks/ranking.js';

export const EXPORT_FORMATS = ['jsonl', 'preferences', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRow {
  item_id: string;
  input: string;
  labels: string[];
  rationale: { decision: string; evidence: string; policy: string; alternative: string };
  severity: number | null;
  confidence: number;
  annotator: string;
  task: string;
  ranking: string[];
  text: string | null;
  rubric_version: string;
  duration_ms: number;
  created_at: string;
}

export interface PreferencePair {
  prompt: string;
  chosen: string;
  rejected: string;
}

const candidates = candidateSchema.array();

async function currentResponses(ctx: Context, batchId: string) {
  return ctx.prisma.response.findMany({
    where: { assignment: { batchId }, supersededBy: null },
    orderBy: [{ item: { position: 'asc' } }, { createdAt: 'asc' }],
    include: {
      item: true,
      member: { select: { externalId: true } },
      rubricVersion: { include: { rubric: { select: { name: true } } } },
      assignment: { select: { batch: { select: { task: true } } } },
    },
  });
}

type ResponseWithItem = Awaited<ReturnType<typeof currentResponses>>[number];

function toRow(response: ResponseWithItem): ExportRow {
  const answer = answerSchema.parse(response.answer);
  const item = {
    input: response.item.input,
    context: response.item.context,
    responses: candidates.parse(response.item.responses),
  };
  return {
    item_id: response.item.externalId,
    input: response.item.input,
    labels: response.labels,
    rationale: rationaleSchema.parse(response.rationale),
    severity: response.severity,
    confidence: response.confidence,
    annotator: response.member.externalId,
    task: response.assignment.batch.task,
    ranking: rankingOrder(answer, item),
    text: answer.text ?? null,
    rubric_version: `${response.rubricVersion.rubric.name}@${response.rubricVersion.version}`,
    duration_ms: response.durationMs,
    created_at: response.createdAt.toISOString(),
  };
}

function toPairs(response: ResponseWithItem): PreferencePair[] {
  const answer = answerSchema.parse(response.answer);
  const item = {
    input: response.item.input,
    context: response.item.context,
    responses: candidates.parse(response.item.responses),
  };
  return preferencePairs(answer, item).map(([chosen, rejected]) => ({
    prompt: response.item.input,
    chosen: chosen.text,
    rejected: rejected.text,
  }));
}

const CSV_COLUMNS: Array<keyof ExportRow> = [
  'item_id',
  'input',
  'labels',
  'rationale',
  'severity',
  'confidence',
  'annotator',
  'task',
  'ranking',
  'text',
  'rubric_version',
  'duration_ms',
  'created_at',
];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(rows: ExportRow[]): string {
  const lines = rows.map((row) => CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
  return [CSV_COLUMNS.join(','), ...lines].join('\n') + '\n';
}

function jsonLines(values: unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join('\n') + (values.length > 0 ? '\n' : '');
}

export interface ExportResult {
  content: string;
  records: number;
  filename: string;
}

export async function exportBatch(
  ctx: Context,
  batch: { id: string; name: string },
  format: ExportFormat,
): Promise<ExportResult> {
  const responses = await currentResponses(ctx, batch.id);
  if (format === 'preferences') {
    const pairs = responses.flatMap(toPairs);
    return {
      content: jsonLines(pairs),
      records: pairs.length,
      filename: `${batch.name}.preferences.jsonl`,
    };
  }
  const rows = responses.map(toRow);
  if (format === 'csv')
    return { content: toCsv(rows), records: rows.length, filename: `${batch.name}.csv` };
  return { content: jsonLines(rows), records: rows.length, filename: `${batch.name}.jsonl` };
}
