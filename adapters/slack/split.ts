// Splits long text into pieces that each fit a Block Kit limit. Nothing is dropped: joining the
// pieces gives the original back, character for character.

/** How much one character costs against a limit (escaping makes `&` cost five). */
export type Cost = (character: string) => number;

const plain: Cost = () => 1;

/** Where to prefer a break, best first: a paragraph, a line, a sentence, a word. */
const BREAKS = ['\n\n', '\n', '. ', ' '];

function fits(characters: string[], limit: number, cost: Cost): number {
  let used = 0;
  let count = 0;
  for (const character of characters) {
    used += cost(character);
    if (used > limit) break;
    count += 1;
  }
  return count;
}

/** The length of the first piece: up to a natural break in its second half, else the hard fit. */
function pieceLength(characters: string[], limit: number, cost: Cost): number {
  const hard = fits(characters, limit, cost);
  if (hard === characters.length) return hard;
  const head = characters.slice(0, hard).join('');
  for (const separator of BREAKS) {
    const at = head.lastIndexOf(separator);
    if (at >= head.length / 2) return [...head.slice(0, at + separator.length)].length;
  }
  return Math.max(hard, 1);
}

/** Splits text into pieces of at most `limit` (by cost); surrogate pairs are never torn apart. */
export function splitText(text: string, limit: number, cost: Cost = plain): string[] {
  let rest = [...text];
  const pieces: string[] = [];
  while (rest.length > 0) {
    const length = pieceLength(rest, limit, cost);
    pieces.push(rest.slice(0, length).join(''));
    rest = rest.slice(length);
  }
  return pieces;
}

/** Cuts a list into consecutive chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}
