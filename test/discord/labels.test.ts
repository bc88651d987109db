// Label taxonomies beyond Discord's 25 options per select: every label is offered, none is cut,
// and choices made in one part of the taxonomy survive choices made in another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FakeMessage } from '../support/discord-fake.js';
import {
  components,
  embedText,
  seedBatch,
  startHarness,
  type Harness,
} from '../support/discord-harness.js';
import { choose, person, press, slash } from '../support/discord-payloads.js';
import { manifest } from '../support/fixtures.js';

let h: Harness;
const tess = person('tess');

const taxonomy = (count: number) =>
  Array.from({ length: count }, (_, i) => `label-${String(i + 1).padStart(3, '0')}`);

function withLabels(name: string, count: number) {
  const base = manifest('error_tagging');
  return { name, rubric: { ...base.rubric, labels: taxonomy(count) } };
}

beforeAll(async () => {
  h = await startHarness();
  await seedBatch(h, 'error_tagging', 2, withLabels('forty-labels', 40));
  await seedBatch(h, 'error_tagging', 2, withLabels('many-labels', 130));
});

afterAll(async () => {
  expect(h.loggedErrors()).toEqual([]);
  await h?.close();
});

async function openItem(batch: string): Promise<FakeMessage> {
  const answer = await h.interact(slash(tess, 'annotate', '', { batch }));
  return answer.message!;
}

const labelSelects = (message: FakeMessage | undefined) =>
  components(message).filter((c) => c.type === 3 && c.custom_id?.startsWith('labels:'));

const offered = (message: FakeMessage | undefined) =>
  labelSelects(message).flatMap((select) => select.options?.map((o) => o.value) ?? []);

const chosen = (message: FakeMessage | undefined) =>
  labelSelects(message).flatMap(
    (select) => select.options?.filter((o) => o.default === true).map((o) => o.value) ?? [],
  );

describe('a taxonomy of 40 labels', () => {
  it('is offered in full across two multi-selects of at most 25', async () => {
    const item = await openItem('forty-labels');
    const selects = labelSelects(item);
    expect(selects).toHaveLength(2);
    expect(selects.every((s) => (s.options?.length ?? 0) <= 25 && s.min_values === 0)).toBe(true);
    expect(offered(item)).toEqual(taxonomy(40));
    expect(item.components.length).toBeLessThanOrEqual(5);
  });

  it('keeps a choice in the first select when the second one changes', async () => {
    const item = await openItem('forty-labels');
    const [first, second] = labelSelects(item);
    const one = await h.interact(choose(tess, item, first!.custom_id!, ['label-003']));
    const two = await h.interact(
      choose(tess, one.message!, second!.custom_id!, ['label-030', 'label-040']),
    );
    expect(chosen(two.message)).toEqual(['label-003', 'label-030', 'label-040']);
    expect(embedText(two.message)).toContain('label-003, label-030, label-040');
  });
});

describe('a taxonomy of 130 labels', () => {
  async function allPages(item: FakeMessage): Promise<FakeMessage[]> {
    const pages = [item];
    for (;;) {
      const last = pages.at(-1)!;
      const next = components(last).find((c) => c.label === 'Next ▶');
      if (next?.custom_id === undefined) return pages;
      const turned = await h.interact(press(tess, last, next.custom_id));
      expect(turned.type).toBe(7);
      pages.push(structuredClone(turned.message!));
    }
  }

  it('is paged within five rows and every label appears exactly once', async () => {
    const item = await openItem('many-labels');
    const pages = await allPages(structuredClone(item));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((page) => page.components.length <= 5)).toBe(true);
    expect(pages.flatMap(offered)).toEqual(taxonomy(130));
    expect(pages.every((page) => components(page).some((c) => c.label === 'Submit'))).toBe(true);
  });

  it('keeps choices made on another page', async () => {
    const item = structuredClone(await openItem('many-labels'));
    const first = labelSelects(item)[0]!;
    const one = await h.interact(choose(tess, item, first.custom_id!, ['label-001']));
    const pages = await allPages(structuredClone(one.message!));
    const later = pages.find((page) => offered(page).includes('label-130'))!;
    expect(later).not.toBe(pages[0]);
    const select = labelSelects(later).at(-1)!;
    const two = await h.interact(choose(tess, later, select.custom_id!, ['label-130']));
    expect(embedText(two.message)).toContain('label-001, label-130');
  });
});
