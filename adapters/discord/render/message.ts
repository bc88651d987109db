// A whole view as one Discord message: embeds within 10 and 6,000 characters, action rows within
// five (paged beyond), and the complete text attached as a file when the embeds cannot hold it.
import type { APIEmbed } from 'discord.js';

import { viewText, type FileOut, type View } from '../../../src/core/view.js';
import { LIMITS } from '../limits.js';
import { TEXT } from '../messages.js';
import { controlRows, type Row } from './components.js';
import { contentEmbeds, embedLength } from './embeds.js';
import { pageRows } from './pages.js';

export interface RenderedMessage {
  embeds: APIEmbed[];
  components: Row[];
  files: FileOut[];
  /** Present when the rows are paged: the key the pager buttons carry. */
  anchor?: string;
  page: number;
}

export const FULL_TEXT_FILE = 'full-text.txt';

function fits(embeds: APIEmbed[], reserve: number): boolean {
  const total = embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  return embeds.length <= LIMITS.embedsPerMessage && total <= LIMITS.embedCharsPerMessage - reserve;
}

/** The embeds that fit, and a notice naming what continues in the attached full text. */
function packEmbeds(view: View, embeds: APIEmbed[]): { embeds: APIEmbed[]; files: FileOut[] } {
  if (fits(embeds, 0)) return { embeds, files: [] };

  // Keep room for the notice: one embed and its text.
  const reserve = 600;
  const kept: APIEmbed[] = [];
  for (const embed of embeds) {
    const next = [...kept, embed];
    if (next.length > LIMITS.embedsPerMessage - 1 || !fits(next, reserve)) break;
    kept.push(embed);
  }
  const rest = embeds.slice(kept.length).map((embed) => embed.title ?? 'The text');
  const parts = [...new Set(rest.map((title) => title.replace(/ \(\d+\/\d+\)$/, '')))];
  const notice: APIEmbed = { description: TEXT.overflow(FULL_TEXT_FILE, parts) };
  const file = { filename: FULL_TEXT_FILE, content: viewText(view) };
  return { embeds: [...kept, notice], files: [file] };
}

/** The id the pager keys on: the view's first control, stable across updates of one item. */
export function viewAnchor(view: View): string | undefined {
  for (const block of view.blocks) {
    if (block.type === 'actions' && block.elements[0] !== undefined) return block.elements[0].id;
  }
  return undefined;
}

export function renderView(view: View, page = 0, extraFiles: FileOut[] = []): RenderedMessage {
  const packed = packEmbeds(view, contentEmbeds(view.blocks));
  const { rows, lastBlockRows } = controlRows(view.blocks);
  const anchor = viewAnchor(view) ?? '';
  const paged = pageRows(rows, lastBlockRows, anchor, page);
  return {
    embeds: packed.embeds,
    components: paged.rows,
    files: [...packed.files, ...extraFiles],
    ...(paged.pageCount > 1 ? { anchor } : {}),
    page: paged.page,
  };
}
