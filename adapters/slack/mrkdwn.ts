// Slack's mrkdwn reserves three characters; everything else is shown as written.
import type { Cost } from './split.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (character) => ESCAPES[character] ?? character);
}

/** What a character costs once escaped, for splitting before escaping. */
export const escapedCost: Cost = (character) => ESCAPES[character]?.length ?? character.length;

/** A name on a button or an option is a label, not content: a long one ends in an ellipsis. */
export function shortLabel(text: string, limit: number): string {
  const characters = [...text];
  if (characters.length <= limit) return text === '' ? ' ' : text;
  return `${characters.slice(0, limit - 1).join('')}…`;
}
