// Admin commands on Discord: imports from attachments (downloaded from the fake's CDN), who may
// run them (Manage Server or the configured role), the public announcement, and exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { embedText, startHarness, upload, type Harness } from '../support/discord-harness.js';
import { IDS, person, slash } from '../support/discord-payloads.js';
import { itemLine, itemsJsonl, manifest } from '../support/fixtures.js';

const EPHEMERAL = 64;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  expect(h.loggedErrors()).toEqual([]);
  await h?.close();
});

function importFiles(name: string, items: string) {
  return {
    manifest: upload(h, 'manifest.json', JSON.stringify(manifest('ranking', { name }))),
    items: upload(h, 'items.jsonl', items),
  };
}

describe('admin commands on Discord', () => {
  it('an import with a bad line names the line and imports nothing', async () => {
    const good = JSON.stringify(itemLine('ranking', 1));
    const bad = JSON.stringify({ item_id: 'item-2', responses: [] });
    const files = importFiles('broken-batch', [good, bad].join('\n'));

    const answer = await h.interact(slash(h.admin, 'batch', 'import', files));
    expect(answer.data.flags).toBe(EPHEMERAL);
    const text = embedText(answer.message);
    expect(text).toContain('nothing was imported');
    expect(text).toMatch(/line 2: input/);
    expect(text).not.toMatch(/line 1:/);
    expect(await h.db.ctx.prisma.batch.count()).toBe(0);
    expect(await h.db.ctx.prisma.item.count()).toBe(0);
  });

  it('privately refuses an admin command to a member without the role or permission', async () => {
    const files = importFiles('sneaky-batch', itemsJsonl('ranking', 2));
    const answer = await h.interact(slash(person('mallory'), 'batch', 'import', files));
    expect(answer.data.flags).toBe(EPHEMERAL);
    expect(embedText(answer.message)).toContain('Only workspace admins');
    expect(await h.db.ctx.prisma.batch.count()).toBe(0);
  });

  it('accepts a member holding the role named in DISCORD_ADMIN_ROLE', async () => {
    const lead = person('rosa', { roles: [IDS.adminRole] });
    const files = importFiles('role-batch', itemsJsonl('ranking', 2));
    const answer = await h.interact(slash(lead, 'batch', 'import', files));
    expect(embedText(answer.message)).toContain('Imported batch "role-batch" with 2 items');
  });

  it('refuses an attachment over the size cap before downloading it', async () => {
    const files = importFiles('huge-batch', itemsJsonl('ranking', 1));
    files.items.attachment.size = 50 * 1024 * 1024;
    const answer = await h.interact(slash(h.admin, 'batch', 'import', files));
    expect(embedText(answer.message)).toContain('items.jsonl is 50.0 MB; the limit is 8.0 MB');
    expect(await h.db.ctx.prisma.batch.count({ where: { name: 'huge-batch' } })).toBe(0);
  });

  it('announces an activated batch publicly with a Start button', async () => {
    await h.interact(slash(h.admin, 'batch', 'assign', { name: 'role-batch', all: true }));
    const answer = await h.interact(slash(h.admin, 'batch', 'activate', { name: 'role-batch' }));
    expect(answer.type).toBe(4);
    expect(answer.data.flags ?? 0).toBe(0);
    expect(embedText(answer.message)).toContain('New batch: role-batch');
    const buttons = answer.message?.components.flatMap((row) => row.components);
    expect(buttons).toEqual([expect.objectContaining({ label: 'Start' })]);
  });

  it('attaches an export as a file', async () => {
    const answer = await h.interact(slash(h.admin, 'export', '', { batch: 'role-batch' }));
    expect(answer.data.flags).toBe(EPHEMERAL);
    expect(answer.callback.files).toHaveLength(1);
    expect(answer.callback.files[0]?.name).toMatch(/role-batch.*\.jsonl$/);
  });
});
