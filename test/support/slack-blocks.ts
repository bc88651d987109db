// Reading rendered Block Kit back in tests: the text of quotes, and Slack's limits checked.
import { expect } from 'vitest';

import { LIMITS } from '../../adapters/slack/limits.js';

export type Section = { type: string; text?: { type: string; text: string }; fields?: unknown[] };

/** A model response long enough for four sections, with characters Slack would interpret. */
export function longResponse(): string {
  const paragraph =
    'The treaty was signed in 1969 <not 1971> & ratified later; see §4 > §3. 🙂 Emoji stay whole. ';
  return Array.from({ length: 110 }, (_, i) => `${i}. ${paragraph}${i % 7 === 0 ? '\n\n' : ''}`)
    .join('')
    .concat('The end.');
}

/** The verbatim text rendered after a quote's label, up to the next block of another kind. */
export function quoted(blocks: Section[], label: string): string {
  const start = blocks.findIndex((block) => block.text?.text === `*${label}*`);
  expect(start).toBeGreaterThanOrEqual(0);
  const pieces: string[] = [];
  for (const block of blocks.slice(start + 1)) {
    if (block.type !== 'section' || block.text?.type !== 'plain_text') break;
    pieces.push(block.text.text);
  }
  return pieces.join('');
}

/** The quote's text when shown in the message; null when its label is not there. */
export function quotedOrNull(blocks: Section[], label: string): string | null {
  return blocks.some((block) => block.text?.text === `*${label}*`) ? quoted(blocks, label) : null;
}

export function expectWithinLimits(blocks: Section[]): void {
  for (const block of blocks) {
    if (block.text !== undefined) {
      expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      expect(block.text.text.length).toBeGreaterThan(0);
    }
    expect(block.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fieldsPerSection);
  }
}
