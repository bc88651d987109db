// Views whose controls did not fit one message and are shown a page at a time. Turning a page,
// or choosing in one chunk of a split select whose other chunks sit on another page, needs the
// whole view, which Discord does not send back; it is kept here, bounded, per process. After a
// restart such a message answers that it is out of date (Run /annotate brings the item back).
// Views that fit one message need none of this: every chunk's choices travel with the message.
import { ComponentType, type APIStringSelectComponent, type Message } from 'discord.js';

import { UserError } from '../../src/core/errors.js';
import type { Select, View } from '../../src/core/view.js';
import { decodeId } from './custom-ids.js';
import { LIMITS } from './limits.js';
import { TEXT } from './messages.js';

export interface PagedView {
  view: View;
  page: number;
}

export class ViewCache {
  private readonly entries = new Map<string, PagedView>();

  constructor(private readonly capacity = 10_000) {}

  remember(anchor: string, view: View, page: number): void {
    this.entries.delete(anchor);
    this.entries.set(anchor, { view, page });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get(anchor: string): PagedView | undefined {
    return this.entries.get(anchor);
  }

  /** The view behind a paged message, or a UserError telling the member how to recover. */
  require(anchor: string): PagedView {
    const entry = this.entries.get(anchor);
    if (entry === undefined) throw new UserError('stale_message', TEXT.stale);
    return entry;
  }
}

function messageSelects(message: Message): APIStringSelectComponent[] {
  return message.components.flatMap((top) => {
    const json = top.toJSON();
    if (json.type !== ComponentType.ActionRow) return [];
    return json.components.filter(
      (c): c is APIStringSelectComponent => c.type === ComponentType.StringSelect,
    );
  });
}

function pagerAnchor(message: Message): string | undefined {
  for (const top of message.components) {
    const json = top.toJSON();
    if (json.type !== ComponentType.ActionRow) continue;
    for (const component of json.components) {
      if (!('custom_id' in component)) continue;
      const decoded = decodeId(component.custom_id);
      if (decoded.kind === 'page') return decoded.anchor;
    }
  }
  return undefined;
}

function fromView(select: Select, chunk: number, picked: string[]): string[] {
  if (select.multi !== true) return picked;
  const size = LIMITS.selectOptions;
  const inChunk = new Set(
    select.options.slice(chunk * size, (chunk + 1) * size).map((o) => o.value),
  );
  const kept = new Set((select.selected ?? []).filter((value) => !inChunk.has(value)));
  for (const value of picked) kept.add(value);
  return select.options.map((o) => o.value).filter((value) => kept.has(value));
}

function fromMessage(message: Message, coreId: string, chunk: number, picked: string[]) {
  const chunks = messageSelects(message).flatMap((select) => {
    const decoded = decodeId(select.custom_id);
    return decoded.kind === 'core' && decoded.id === coreId && decoded.chunk !== undefined
      ? [{ select, index: decoded.chunk }]
      : [];
  });
  const own = chunks.find((entry) => entry.index === chunk);
  if (own === undefined || own.select.min_values !== 0) return picked;
  return chunks
    .sort((a, b) => a.index - b.index)
    .flatMap((entry) =>
      entry.index === chunk
        ? picked
        : entry.select.options.filter((o) => o.default === true).map((o) => o.value),
    );
}

function findSelect(view: View, id: string): Select | undefined {
  for (const block of view.blocks) {
    if (block.type !== 'actions') continue;
    const found = block.elements.find((e): e is Select => e.type === 'select' && e.id === id);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Every value chosen across the chunks of one split select, with this chunk's new choice. */
export function mergeChunkChoice(
  views: ViewCache,
  message: Message,
  coreId: string,
  chunk: number,
  picked: string[],
): string[] {
  const anchor = pagerAnchor(message);
  if (anchor === undefined) return fromMessage(message, coreId, chunk, picked);
  const select = findSelect(views.require(anchor).view, coreId);
  if (select === undefined) throw new UserError('stale_message', TEXT.stale);
  return fromView(select, chunk, picked);
}
