// Splitting long text into pieces that fit a limit, at the most natural break available.
// Nothing is ever dropped: joining the pieces gives back every character of the original.

/** Where to break `text` so the head is at most `max` characters and ends at a good boundary. */
function breakPoint(text: string, max: number): number {
  const window = text.slice(0, max);
  const floor = Math.floor(max / 2);
  for (const separator of ['\n\n', '\n', '. ', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at >= floor) return at + separator.length;
  }
  return max;
}

/** Pieces of at most `max` characters whose concatenation is exactly `text`. */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const at = breakPoint(rest, max);
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/** A display label shortened to `max` with an ellipsis; only for labels, never for content. */
export function shortLabel(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
