// When the core takes longer than the adapter allows before its 3-second deadline, the adapter
// defers first and edits the original afterwards. The threshold is set to zero here so every
// answer takes the deferred path, without depending on how fast this machine is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  customId,
  embedText,
  seedBatch,
  startHarness,
  upload,
  type Harness,
} from '../support/discord-harness.js';
import { person, press, slash } from '../support/discord-payloads.js';
import { itemsJsonl, manifest } from '../support/fixtures.js';

const EPHEMERAL = 64;
let h: Harness;
const ana = person('ana');

beforeAll(async () => {
  h = await startHarness({ deferAfterMs: 0 });
  await seedBatch(h, 'ranking', 2);
});

afterAll(async () => {
  expect(h.loggedErrors()).toEqual([]);
  await h?.close();
});

describe('deferred answers', () => {
  it('defers a slash command privately (type 5) and edits the original', async () => {
    const payload = slash(ana, 'annotate', '');
    const answer = await h.interact(payload);
    expect(answer.type).toBe(5);
    expect(answer.data.flags).toBe(EPHEMERAL);
    const edit = h.fake.requests.find(
      (r) => r.method === 'PATCH' && r.path.includes(payload.token),
    );
    expect(edit?.path).toMatch(/\/messages\/@original$/);
    expect(embedText(answer.message)).toContain('Batches open for you');
  });

  it('defers a button (type 6): a new item follows up, a change edits in place', async () => {
    const list = (await h.interact(slash(ana, 'annotate', ''))).message!;
    const opened = await h.interact(press(ana, list, customId(list, 'start')));
    expect(opened.type).toBe(6);
    expect(opened.message?.id).not.toBe(list.id);
    expect(opened.message?.flags).toBe(EPHEMERAL);
    expect(embedText(opened.message)).toContain('Question 1?');

    const item = opened.message!;
    const picked = await h.interact(press(ana, item, customId(item, 'pick', 'B')));
    expect(picked.type).toBe(6);
    expect(picked.message?.id).toBe(item.id);
    expect(embedText(picked.message)).toContain('Preferred response B');
  });

  it('posts a channel announcement publicly after a private deferral', async () => {
    const files = {
      manifest: upload(h, 'manifest.json', JSON.stringify(manifest('ranking', { name: 'later' }))),
      items: upload(h, 'items.jsonl', itemsJsonl('ranking', 1)),
    };
    await h.interact(slash(h.admin, 'batch', 'import', files));
    const payload = slash(h.admin, 'batch', 'activate', { name: 'later' });
    await h.interact(payload);
    const followUp = await h.fake.waitFor(
      (r) => r.method === 'POST' && r.path.endsWith(`/${payload.token}`),
    );
    expect(followUp.body.flags ?? 0).toBe(0);
    expect(JSON.stringify(followUp.body.embeds)).toContain('New batch: later');
  });
});
