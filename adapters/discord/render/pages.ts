// A message holds five action rows. When a view needs more (a ranking of six responses, a large
// label taxonomy), its rows are shown a page at a time with Previous/Next buttons, and the
// view's last row (Submit, Skip) stays on every page.
import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId } from 'discord.js';

import { pagerId } from '../custom-ids.js';
import { LIMITS } from '../limits.js';
import { PAGER_TEXT } from '../messages.js';
import type { Row } from './components.js';

export interface Paged {
  rows: Row[];
  pageCount: number;
  page: number;
}

function pagerButton(
  anchor: string,
  page: number,
  label: string,
  disabled = false,
): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    custom_id: pagerId(anchor, page),
    label,
    style: ButtonStyle.Secondary,
    disabled,
  };
}

function navRow(anchor: string, page: number, pageCount: number): Row {
  const buttons: APIButtonComponentWithCustomId[] = [];
  if (page > 0) buttons.push(pagerButton(anchor, page - 1, PAGER_TEXT.previous));
  buttons.push(pagerButton(anchor, page, PAGER_TEXT.position(page + 1, pageCount), true));
  if (page < pageCount - 1) buttons.push(pagerButton(anchor, page + 1, PAGER_TEXT.next));
  return { type: ComponentType.ActionRow, components: buttons };
}

/** The rows to show on `page`; every row when they fit in one message. */
export function pageRows(rows: Row[], lastBlockRows: number, anchor: string, page: number): Paged {
  if (rows.length <= LIMITS.rowsPerMessage) return { rows, pageCount: 1, page: 0 };

  // Pin the finishing row only when it is a single row, so pages keep room for the body.
  const pinned = lastBlockRows === 1 ? rows.slice(-1) : [];
  const body = pinned.length === 1 ? rows.slice(0, -1) : rows;
  const perPage = LIMITS.rowsPerMessage - 1 - pinned.length;
  const pageCount = Math.ceil(body.length / perPage);
  const shown = Math.min(Math.max(page, 0), pageCount - 1);
  const slice = body.slice(shown * perPage, (shown + 1) * perPage);
  return { rows: [...slice, navRow(anchor, shown, pageCount), ...pinned], pageCount, page: shown };
}
