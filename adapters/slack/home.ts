// App Home: the member's own record and a Start button for every batch open to them.
import type { types } from '@slack/bolt';

import { profileBlocks } from '../../commands/profile.js';
import { actionId } from '../../src/core/actions.js';
import type { Context } from '../../src/core/context.js';
import type { Actor } from '../../src/core/invocation.js';
import type { Block, Button } from '../../src/core/view.js';
import { openBatchesFor } from '../../src/batches/store.js';
import { resolveIdentity } from '../../src/members/identity.js';
import { memberProfile } from '../../src/quality/profile.js';
import { renderBlocks } from './blocks.js';
import { LIMITS } from './limits.js';

async function batchBlocks(ctx: Context, workspaceId: string, memberId: string): Promise<Block[]> {
  const batches = await openBatchesFor(ctx, workspaceId, memberId);
  if (batches.length === 0) return [{ type: 'text', text: 'No batch is open for you right now.' }];
  const buttons = batches.map((batch): Button => ({
    type: 'button',
    id: actionId('start', batch.id),
    label: `Start ${batch.name} (${batch.task})`,
    style: 'primary',
  }));
  return [
    { type: 'header', text: 'Open batches' },
    { type: 'actions', elements: buttons },
  ];
}

export async function homeView(ctx: Context, actor: Actor): Promise<types.HomeView> {
  const identity = await resolveIdentity(ctx, actor);
  const profile = await memberProfile(ctx, identity.memberId);
  const batches = await batchBlocks(ctx, identity.workspaceId, identity.memberId);
  const blocks = renderBlocks({
    blocks: [...profileBlocks(profile), { type: 'divider' }, ...batches],
  });
  // A Home tab holds 100 blocks: past about 2,400 open batches the last Start rows are left out.
  return { type: 'home', blocks: blocks.slice(0, LIMITS.blocksPerView) };
}
