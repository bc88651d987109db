// The sample batches shipped in samples/, one per task type, so a newcomer can annotate at once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Context } from '../core/context.js';
import { parseImport } from './parse.js';
import { assignBatch, importBatch, setBatchState } from './store.js';

export const SAMPLES_DIR = fileURLToPath(new URL('../../samples', import.meta.url));

/** Imports, activates and opens to all every sample batch the workspace does not have yet. */
export async function seedSamples(ctx: Context, workspaceId: string): Promise<string[]> {
  const seeded: string[] = [];
  for (const folder of readdirSync(SAMPLES_DIR).sort()) {
    const read = (file: string) => readFileSync(join(SAMPLES_DIR, folder, file), 'utf8');
    const parsed = parseImport(read('manifest.json'), read('items.jsonl'));
    const name = parsed.manifest.name;
    const exists = await ctx.prisma.batch.findUnique({
      where: { workspaceId_name: { workspaceId, name } },
    });
    if (exists !== null) continue;

    await importBatch(ctx, workspaceId, null, parsed);
    await assignBatch(ctx, workspaceId, null, name, { all: true, members: [] });
    await setBatchState(ctx, workspaceId, null, name, 'active');
    seeded.push(name);
  }
  return seeded;
}
