// Turns a platform-neutral View into Block Kit. Long text is split over several sections, long
// lists over several selects or action rows: within every limit, and nothing is ever dropped.
import type { types } from '@slack/bolt';

import type { Block, Button, Element, Select, SelectOption, View } from '../../src/core/view.js';
import { viewText } from '../../src/core/view.js';
import { LIMITS } from './limits.js';
import { escapedCost, escapeMrkdwn, shortLabel } from './mrkdwn.js';
import { chunk, splitText } from './split.js';

type KnownBlock = types.KnownBlock;
type ActionsElement = types.ActionsBlockElement;

/** A select split over several menus carries its part after this mark in its action id. */
export const PART_MARK = '#';

function mrkdwnSections(text: string): KnownBlock[] {
  return splitText(text, LIMITS.sectionText, escapedCost).map((piece) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: escapeMrkdwn(piece) },
  }));
}

/** Verbatim text (a model response) as plain_text sections, so nothing in it is interpreted. */
function plainSections(text: string): KnownBlock[] {
  return splitText(text, LIMITS.sectionText).map((piece) => ({
    type: 'section',
    text: { type: 'plain_text', text: piece, emoji: false },
  }));
}

function header(text: string): KnownBlock[] {
  if ([...text].length > LIMITS.headerText) return plainSections(text);
  return [{ type: 'header', text: { type: 'plain_text', text, emoji: true } }];
}

function quote(label: string, text: string): KnownBlock[] {
  const title: KnownBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: `*${escapeMrkdwn(label)}*` },
  };
  if (text === '') return [title, { type: 'context', elements: [plainText('(empty)')] }];
  return [title, ...plainSections(text)];
}

function fields(list: Array<{ label: string; value: string }>): KnownBlock[] {
  const rendered = list.map(
    (field) => `*${escapeMrkdwn(field.label)}*\n${escapeMrkdwn(field.value)}`,
  );
  const fitting = rendered.filter((text) => text.length <= LIMITS.fieldText);
  // A field too long for a field column is shown as text of its own, after the others.
  const long = list.filter((_, index) => (rendered[index] ?? '').length > LIMITS.fieldText);
  return [
    ...chunk(fitting, LIMITS.fieldsPerSection).map((texts): KnownBlock => ({
      type: 'section',
      fields: texts.map((text) => ({ type: 'mrkdwn', text })),
    })),
    ...long.flatMap((field) => [
      ...mrkdwnSections(`${field.label}:`),
      ...plainSections(field.value),
    ]),
  ];
}

function plainText(text: string): types.PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

function button(element: Button): types.Button {
  return {
    type: 'button',
    action_id: element.id,
    text: plainText(shortLabel(element.label, LIMITS.buttonText)),
    ...(element.style === undefined ? {} : { style: element.style }),
  };
}

function option(choice: SelectOption): types.PlainTextOption {
  return { text: plainText(shortLabel(choice.label, LIMITS.optionText)), value: choice.value };
}

function selectPart(select: Select, options: SelectOption[], part: number, parts: number) {
  const actionId = parts === 1 ? select.id : `${select.id}${PART_MARK}${part + 1}`;
  const placeholder =
    parts === 1 ? select.placeholder : `${select.placeholder} (${part + 1}/${parts})`;
  const chosen = options.filter((choice) => select.selected?.includes(choice.value)).map(option);
  const common = {
    action_id: actionId,
    placeholder: plainText(shortLabel(placeholder, LIMITS.placeholderText)),
    options: options.map(option),
  };
  if (select.multi === true) {
    const element: types.MultiStaticSelect = { type: 'multi_static_select', ...common };
    return chosen.length === 0 ? element : { ...element, initial_options: chosen };
  }
  const element: types.StaticSelect = { type: 'static_select', ...common };
  return chosen[0] === undefined ? element : { ...element, initial_option: chosen[0] };
}

/** A select with more options than one menu holds becomes several menus, never a shorter one. */
function selects(select: Select): ActionsElement[] {
  const parts = chunk(select.options, LIMITS.optionsPerSelect);
  return parts.map((options, part) => selectPart(select, options, part, parts.length));
}

function actions(elements: Element[]): KnownBlock[] {
  const rendered = elements.flatMap((element) =>
    element.type === 'button' ? [button(element)] : selects(element),
  );
  return chunk(rendered, LIMITS.elementsPerActions).map((row) => ({
    type: 'actions',
    elements: row,
  }));
}

function renderBlock(block: Block): KnownBlock[] {
  switch (block.type) {
    case 'header':
      return header(block.text);
    case 'text':
      return block.text === '' ? [] : mrkdwnSections(block.text);
    case 'fields':
      return fields(block.fields);
    case 'quote':
      return quote(block.label, block.text);
    case 'actions':
      return actions(block.elements);
    case 'divider':
      return [{ type: 'divider' }];
  }
}

export function renderBlocks(view: View): KnownBlock[] {
  return view.blocks.flatMap(renderBlock);
}

/** The notification text Slack shows where blocks cannot be (push, screen readers). */
export function fallbackText(view: View): string {
  const first = viewText(view).split('\n')[0] ?? '';
  return shortLabel(first === '' ? 'inchannel' : first, LIMITS.headerText);
}

/** The core's id behind a rendered action id: a split select's part mark is dropped. */
export function coreActionId(actionId: string): string {
  const at = actionId.lastIndexOf(PART_MARK);
  return at === -1 || !/^\d+$/.test(actionId.slice(at + 1)) ? actionId : actionId.slice(0, at);
}
