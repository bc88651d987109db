// A message holds 50 blocks. When an item's texts need more, the longest are sent as files in
// full and the message says where they are: attached, never cut.
import { createHash } from 'node:crypto';

import type { Block, FileOut, View } from '../../src/core/view.js';
import { renderBlocks } from './blocks.js';
import { ViewTooLargeError } from './errors.js';
import { LIMITS } from './limits.js';

export interface FittedView {
  view: View;
  /** Full texts moved out of the message, to send alongside it. */
  files: FileOut[];
}

type Quote = Extract<Block, { type: 'quote' }>;

function longestQuote(blocks: Block[]): number {
  let found = -1;
  let longest: number = LIMITS.sectionText;
  blocks.forEach((block, index) => {
    if (block.type === 'quote' && block.text.length > longest) {
      found = index;
      longest = block.text.length;
    }
  });
  return found;
}

/** Named by label and content, so the same text is recognised when the item is shown again. */
function attachmentFor(quote: Quote): FileOut {
  const slug = quote.label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const hash = createHash('sha256').update(quote.text).digest('hex').slice(0, 8);
  return { filename: `${slug || 'text'}-${hash}.txt`, content: quote.text };
}

function notice(quote: Quote, file: FileOut): Block {
  const size = quote.text.length.toLocaleString('en-US');
  return {
    type: 'text',
    text:
      `${quote.label}: ${size} characters, too long for one Slack message. ` +
      `It is attached in full as ${file.filename}.`,
  };
}

export function fitView(view: View): FittedView {
  let blocks = view.blocks;
  const files: FileOut[] = [];
  while (renderBlocks({ blocks }).length > LIMITS.blocksPerMessage) {
    const index = longestQuote(blocks);
    const quote = blocks[index];
    if (quote?.type !== 'quote') throw new ViewTooLargeError(renderBlocks({ blocks }).length);
    const file = attachmentFor(quote);
    files.push(file);
    blocks = blocks.map((block, at) => (at === index ? notice(quote, file) : block));
  }
  return { view: { blocks }, files };
}
