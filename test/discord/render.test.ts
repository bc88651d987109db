// Views rendered within Discord's limits without losing a character: long quotes split across
// embeds, more than one message's worth attached in full, buttons five to a row, ids unique.
import { describe, expect, it } from 'vitest';

import { renderView } from '../../adapters/discord/render/message.js';
import { renderModal } from '../../adapters/discord/render/modal.js';
import { splitText } from '../../adapters/discord/render/text.js';
import type { Block, View } from '../../src/core/view.js';

const words = (count: number, seed = 'word') =>
  Array.from({ length: count }, (_, i) => `${seed}${i}`).join(' ');

function embedTotals(view: View) {
  const rendered = renderView(view);
  const lengths = rendered.embeds.map(
    (e) =>
      (e.title ?? '').length +
      (e.description ?? '').length +
      (e.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0),
  );
  return { rendered, total: lengths.reduce((a, b) => a + b, 0) };
}

describe('splitting text', () => {
  it('gives back every character, in pieces no longer than the limit', () => {
    const text = words(3000);
    const pieces = splitText(text, 4096);
    expect(pieces.join('')).toBe(text);
    expect(pieces.every((piece) => piece.length <= 4096)).toBe(true);
  });
});

describe('rendering a view', () => {
  it('splits a long quote across embeds of at most 4,096 characters, in order', () => {
    const text = words(600);
    const { rendered, total } = embedTotals({
      blocks: [{ type: 'quote', label: 'Response A', text }],
    });
    expect(rendered.embeds.length).toBeGreaterThan(1);
    expect(rendered.embeds.every((e) => (e.description ?? '').length <= 4096)).toBe(true);
    expect(rendered.embeds.map((e) => e.description).join('')).toBe(text);
    expect(rendered.embeds[1]?.title).toBe('Response A (2/2)');
    expect(total).toBeLessThanOrEqual(6000);
    expect(rendered.files).toEqual([]);
  });

  it('attaches the whole text when one message cannot hold it, and says so', () => {
    const blocks: Block[] = [
      { type: 'header', text: 'Response ranking · long' },
      { type: 'quote', label: 'Prompt', text: 'Summarise the report.' },
      { type: 'quote', label: 'Response A', text: words(900, 'alpha') },
      { type: 'quote', label: 'Response B', text: words(900, 'beta') },
    ];
    const { rendered, total } = embedTotals({ blocks });
    expect(total).toBeLessThanOrEqual(6000);
    expect(rendered.embeds.length).toBeLessThanOrEqual(10);
    expect(rendered.files).toHaveLength(1);
    expect(rendered.files[0]?.content).toContain(words(900, 'alpha'));
    expect(rendered.files[0]?.content).toContain(words(900, 'beta'));
    expect(rendered.embeds.at(-1)?.description).toMatch(/Response B continue in the attached/);
  });

  it('splits a field value over 1,024 characters into continued fields', () => {
    const value = words(400);
    const { rendered } = embedTotals({
      blocks: [{ type: 'fields', fields: [{ label: 'Notes', value }] }],
    });
    const fields = rendered.embeds.flatMap((e) => e.fields ?? []);
    expect(fields.every((f) => f.value.length <= 1024)).toBe(true);
    expect(fields.map((f) => f.value).join('')).toBe(value);
    expect(fields[1]?.name).toBe('Notes (continued)');
  });

  it('puts buttons five to a row, shortens labels to 80 and keeps ids unique', () => {
    const buttons = Array.from({ length: 12 }, (_, i) => ({
      type: 'button' as const,
      id: i === 11 ? 'skip:0b7e7c7e-1a2b-4c3d-8e9f-0123456789ab' : `pick:x:${i}`,
      label: 'L'.repeat(i === 0 ? 120 : 5),
    }));
    const blocks: Block[] = [
      { type: 'actions', elements: buttons },
      { type: 'actions', elements: [{ type: 'button', id: buttons[11]!.id, label: 'Skip' }] },
    ];
    const { components } = renderView({ blocks });
    expect(components.map((row) => row.components.length)).toEqual([5, 5, 2, 1]);
    const ids = components.flatMap((row) =>
      row.components.map((c) => ('custom_id' in c ? c.custom_id : '')),
    );
    expect(new Set(ids).size).toBe(ids.length);
    const first = components[0]?.components[0];
    expect(first && 'label' in first ? first.label?.length : 0).toBeLessThanOrEqual(80);
  });

  it('keeps a modal title within 45 characters and at most five inputs', () => {
    const modal = renderModal({
      id: 'rationale:0b7e7c7e-1a2b-4c3d-8e9f-0123456789ab',
      title: 'Rationale for a very long task title that goes on and on',
      submitLabel: 'Save',
      fields: [
        { id: 'decision', label: 'Decision', style: 'short', required: true, maxLength: 300 },
      ],
    });
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.components).toHaveLength(1);
  });
});
