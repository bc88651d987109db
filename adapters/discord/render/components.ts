// Action blocks to Discord action rows: five buttons to a row, one select to a row, selects of
// more than 25 options split into several selects, and repeated ids made unique.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIStringSelectComponent,
} from 'discord.js';

import type { Block, Button, Element, Select } from '../../../src/core/view.js';
import { checked, chunkId, duplicateId } from '../custom-ids.js';
import { LIMITS } from '../limits.js';
import { shortLabel } from './text.js';

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Gives each id once per message; a repeat gets a suffix the adapter strips on the way back. */
class IdRegistry {
  private readonly seen = new Map<string, number>();

  claim(id: string): string {
    const copies = this.seen.get(id) ?? 0;
    this.seen.set(id, copies + 1);
    return copies === 0 ? checked(id) : duplicateId(id, copies);
  }
}

type ActionStyle = APIButtonComponentWithCustomId['style'];

const STYLES: Record<NonNullable<Button['style']> | 'default', ActionStyle> = {
  primary: ButtonStyle.Primary,
  danger: ButtonStyle.Danger,
  default: ButtonStyle.Secondary,
};

function button(element: Button, ids: IdRegistry): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    custom_id: ids.claim(element.id),
    label: shortLabel(element.label, LIMITS.buttonLabel),
    style: STYLES[element.style ?? 'default'],
  };
}

function chunkPlaceholder(select: Select, from: number, to: number): string {
  const range = `${from + 1}–${to} of ${select.options.length}`;
  return shortLabel(`${select.placeholder} (${range})`, LIMITS.selectPlaceholder);
}

/** One select, or one per 25 options; a multi-select keeps its choices in every chunk. */
export function selectChunks(select: Select, ids: IdRegistry): APIStringSelectComponent[] {
  const size = LIMITS.selectOptions;
  const chunked = select.options.length > size;
  const selected = new Set(select.selected ?? []);
  const chunks: APIStringSelectComponent[] = [];
  for (let from = 0; from < select.options.length || from === 0; from += size) {
    const options = select.options.slice(from, from + size);
    const to = from + options.length;
    const index = from / size;
    chunks.push({
      type: ComponentType.StringSelect,
      custom_id: ids.claim(chunked ? chunkId(select.id, index) : select.id),
      placeholder: chunked
        ? chunkPlaceholder(select, from, to)
        : shortLabel(select.placeholder, LIMITS.selectPlaceholder),
      options: options.map((option) => ({
        label: shortLabel(option.label, LIMITS.optionLabel),
        value: option.value,
        default: selected.has(option.value),
      })),
      min_values: select.multi === true ? 0 : 1,
      max_values: select.multi === true ? Math.max(options.length, 1) : 1,
    });
  }
  return chunks;
}

function row(components: APIComponentInMessageActionRow[]): Row {
  return { type: ComponentType.ActionRow, components };
}

function elementRows(elements: Element[], ids: IdRegistry): Row[] {
  const rows: Row[] = [];
  let buttons: APIButtonComponentWithCustomId[] = [];
  const flush = () => {
    if (buttons.length > 0) rows.push(row(buttons));
    buttons = [];
  };
  for (const element of elements) {
    if (element.type === 'button') {
      if (buttons.length === LIMITS.buttonsPerRow) flush();
      buttons.push(button(element, ids));
      continue;
    }
    flush();
    rows.push(...selectChunks(element, ids).map((select) => row([select])));
  }
  flush();
  return rows;
}

/** The rows of every action block, in order; the last block's rows are reported separately. */
export function controlRows(blocks: Block[]): { rows: Row[]; lastBlockRows: number } {
  const ids = new IdRegistry();
  const perBlock = blocks.flatMap((block) =>
    block.type === 'actions' ? [elementRows(block.elements, ids)] : [],
  );
  return { rows: perBlock.flat(), lastBlockRows: perBlock.at(-1)?.length ?? 0 };
}

export { IdRegistry };
