// Content blocks to embeds. Long content is split, never cut: a quote longer than one embed
// continues in the next, a field value longer than 1,024 characters in further fields.
import type { APIEmbed, APIEmbedField } from 'discord.js';

import type { Block } from '../../../src/core/view.js';
import { LIMITS } from '../limits.js';
import { splitText } from './text.js';

const COLOUR = 0x5865f2;

class EmbedList {
  readonly embeds: APIEmbed[] = [];
  private open: APIEmbed | undefined;

  close(): void {
    this.open = undefined;
  }

  start(title?: string): APIEmbed {
    const embed: APIEmbed = { color: COLOUR, ...(title === undefined ? {} : { title }) };
    this.embeds.push(embed);
    this.open = embed;
    return embed;
  }

  current(): APIEmbed {
    return this.open ?? this.start();
  }
}

function addHeader(list: EmbedList, text: string): void {
  if (text.length <= LIMITS.embedTitle) {
    list.start(text);
    return;
  }
  list.close();
  addText(list, text);
}

function addText(list: EmbedList, text: string): void {
  for (const piece of splitText(text, LIMITS.embedDescription)) {
    const embed = list.current();
    const joined = embed.description === undefined ? piece : `${embed.description}\n\n${piece}`;
    if (joined.length <= LIMITS.embedDescription && (embed.fields ?? []).length === 0) {
      embed.description = joined;
    } else {
      list.start().description = piece;
    }
  }
}

function fieldPieces(label: string, value: string): APIEmbedField[] {
  const name = splitText(label, LIMITS.embedFieldName)[0] ?? label;
  return splitText(value === '' ? '—' : value, LIMITS.embedFieldValue).map((piece, index) => ({
    name: index === 0 ? name : `${name} (continued)`,
    value: piece,
    inline: value.length <= 40,
  }));
}

function addFields(list: EmbedList, fields: Array<{ label: string; value: string }>): void {
  for (const field of fields.flatMap((f) => fieldPieces(f.label, f.value))) {
    let embed = list.current();
    if ((embed.fields ?? []).length === LIMITS.embedFields) embed = list.start();
    embed.fields = [...(embed.fields ?? []), field];
  }
}

function addQuote(list: EmbedList, label: string, text: string): void {
  const pieces = splitText(text === '' ? '—' : text, LIMITS.embedDescription);
  pieces.forEach((piece, index) => {
    const part = pieces.length === 1 ? '' : ` (${index + 1}/${pieces.length})`;
    list.start(splitText(`${label}${part}`, LIMITS.embedTitle)[0]).description = piece;
  });
  list.close();
}

/** Every content block as embeds, in order; action blocks are rendered as components. */
export function contentEmbeds(blocks: Block[]): APIEmbed[] {
  const list = new EmbedList();
  for (const block of blocks) {
    if (block.type === 'header') addHeader(list, block.text);
    if (block.type === 'text') addText(list, block.text);
    if (block.type === 'fields') addFields(list, block.fields);
    if (block.type === 'quote') addQuote(list, block.label, block.text);
    if (block.type === 'divider') list.close();
  }
  return list.embeds;
}

/** Characters Discord counts towards its 6,000 per message. */
export function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  return (embed.title ?? '').length + (embed.description ?? '').length + fields;
}
