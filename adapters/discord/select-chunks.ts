// A select of more than 25 options is sent as several selects of 25 (chunks). Discord reports a
// choice in one chunk only, so the choices in the other chunks are joined in here: from the
// message itself when all its chunks are on it, from the kept view when the message is paged.
import { ComponentType, type APIStringSelectComponent, type Message } from 'discord.js';

import { UserError } from '../../src/core/errors.js';
import type { Select, View } from '../../src/core/view.js';
import { decodeId } from './custom-ids.js';
import { LIMITS } from './limits.js';
import { TEXT } from './messages.js';
import type { ViewCache } from './view-cache.js';

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
