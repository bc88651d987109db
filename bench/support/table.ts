// The printed report: one row per measured operation, columns aligned for a terminal or a
// Markdown code block.
import type { Samples } from './stats.js';

export interface Row {
  scenario: string;
  operation: string;
  samples?: Samples;
  /** Operations per second for the scenario as a whole, shown on its summary row. */
  rate?: number;
  rssMb?: number;
}

const HEADINGS = ['scenario', 'operation', 'count', 'median ms', 'p99 ms', 'per s', 'peak RSS MB'];
const RIGHT_ALIGNED_FROM = 2;

function fixed(value: number | undefined, digits: number): string {
  return value === undefined || Number.isNaN(value) ? '' : value.toFixed(digits);
}

function cells(row: Row): string[] {
  return [
    row.scenario,
    row.operation,
    row.samples === undefined ? '' : String(row.samples.count),
    fixed(row.samples?.percentile(50), 1),
    fixed(row.samples?.percentile(99), 1),
    fixed(row.rate, 0),
    fixed(row.rssMb, 0),
  ];
}

function pad(text: string, width: number, column: number): string {
  return column >= RIGHT_ALIGNED_FROM ? text.padStart(width) : text.padEnd(width);
}

/** Formats the rows as a plain-text table with a rule under the headings. */
export function formatTable(rows: Row[]): string {
  const lines = [HEADINGS, ...rows.map(cells)];
  const widths = HEADINGS.map((_, column) =>
    Math.max(...lines.map((line) => (line[column] ?? '').length)),
  );
  const render = (line: string[]) =>
    line
      .map((cell, column) => pad(cell, widths[column] ?? 0, column))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [render(HEADINGS), rule, ...lines.slice(1).map(render)].join('\n');
}
