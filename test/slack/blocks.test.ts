// Block Kit rendering keeps every limit and loses nothing: long model responses are split over
// sections, long option lists over several menus, long button rows over several rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { coreActionId, renderBlocks } from '../../adapters/slack/blocks.js';
import { LIMITS } from '../../adapters/slack/limits.js';
import { splitText } from '../../adapters/slack/split.js';
import type { View } from '../../src/core/view.js';
import { itemLine } from '../support/fixtures.js';
import { expectWithinLimits, longResponse, quoted, type Section } from '../support/slack-blocks.js';
import type { Json } from '../support/slack-fake.js';
import { blocksOf, elementsOf, seedBatch, SlackHarness } from '../support/slack-harness.js';

describe('splitting text', () => {
  it('gives back the original when the pieces are joined, each piece within the limit', () => {
    const text = longResponse();
    const pieces = splitText(text, LIMITS.sectionText);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(LIMITS.sectionText);
  });

  it('never tears an emoji in two, even at a hard break', () => {
    const text = '🙂'.repeat(2000);
    const pieces = splitText(text, 3);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(piece).toMatch(/^(🙂)+$/u);
  });
});

describe('rendering views', () => {
  it('splits long mrkdwn text after escaping, within the section limit', () => {
    const text = '<&>'.repeat(2500);
    const blocks = renderBlocks({ blocks: [{ type: 'text', text }] }) as Section[];
    expectWithinLimits(blocks);
    const joined = blocks.map((block) => block.text?.text ?? '').join('');
    expect(joined).toBe('&lt;&amp;&gt;'.repeat(2500));
  });

  it('splits a select of 250 options over three menus and keeps every option and choice', () => {
    const options = Array.from({ length: 250 }, (_, i) => ({
      value: `v${i}`,
      label: `Label ${i}`,
    }));
    const view: View = {
      blocks: [
        {
          type: 'actions',
          elements: [
            {
              type: 'select',
              id: 'labels:00000000-0000-4000-8000-000000000000',
              placeholder: 'Labels',
              options,
              multi: true,
              selected: ['v3', 'v150', 'v249'],
            },
          ],
        },
      ],
    };
    const menus = elementsOf(renderBlocks(view) as unknown as Json[]);
    expect(menus).toHaveLength(3);
    const rendered = menus.flatMap((menu) => menu.options as Array<{ value: string }>);
    expect(rendered.map((option) => option.value)).toEqual(options.map((option) => option.value));
    for (const menu of menus) {
      expect((menu.options as unknown[]).length).toBeLessThanOrEqual(LIMITS.optionsPerSelect);
      expect(coreActionId(String(menu.action_id))).toBe(
        'labels:00000000-0000-4000-8000-000000000000',
      );
    }
    const chosen = menus.flatMap((menu) => (menu.initial_options as Json[] | undefined) ?? []);
    expect(chosen.map((option) => option.value)).toEqual(['v3', 'v150', 'v249']);
  });

  it('puts 30 buttons in two rows and keeps a long label within 75 characters', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({
      type: 'button' as const,
      id: `pick:00000000-0000-4000-8000-000000000000:${i}`,
      label: i === 0 ? 'x'.repeat(200) : `Option ${i}`,
    }));
    const rows = renderBlocks({
      blocks: [{ type: 'actions', elements: buttons }],
    }) as unknown as Json[];
    expect(rows.map((row) => (row.elements as unknown[]).length)).toEqual([25, 5]);
    const first = elementsOf(rows)[0]?.text as { text: string };
    expect(first.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
  });
});

describe('a long model response delivered through Slack', () => {
  let slack: SlackHarness;
  const response = longResponse();

  beforeAll(async () => {
    slack = await SlackHarness.start('http');
    const line = itemLine('ranking', 1, {
      responses: [
        { id: 'r1', text: response },
        { id: 'r2', text: 'A short answer.' },
      ],
    });
    await seedBatch(slack, 'ranking', { items: JSON.stringify(line) });
  });

  afterAll(async () => {
    await slack?.close();
  });

  it('arrives whole, over sections that each fit, in a message within 50 blocks', async () => {
    const ana = slack.member('UANA');
    const sent = await ana.command('annotate', 'ranking-batch');
    const offered = await slack.fake.waitForPost(sent.responseUrl);
    const blocks = blocksOf(offered) as Section[];

    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expectWithinLimits(blocks);
    expect(quoted(blocks, 'Response A')).toBe(response);
    expect(quoted(blocks, 'Response B')).toBe('A short answer.');
  });
});
