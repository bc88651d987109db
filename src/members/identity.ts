// Turns the platform's view of who acted into our workspace and member rows, creating them on
// first contact. Workspace ids are cached per database: they never change once made.
import type { Context } from '../core/context.js';
import { UserError } from '../core/errors.js';
import type { Actor } from '../core/invocation.js';

export interface Identity {
  workspaceId: string;
  memberId: string;
  role: 'annotator' | 'lead' | 'admin';
  isAdmin: boolean;
  isLead: boolean;
}

const workspaceIds = new WeakMap<Context['prisma'], Map<string, string>>();

async function workspaceFor(ctx: Context, actor: Actor): Promise<string> {
  const key = `${actor.platform}:${actor.workspaceId}`;
  const known = workspaceIds.get(ctx.prisma) ?? new Map<string, string>();
  workspaceIds.set(ctx.prisma, known);
  const cached = known.get(key);
  if (cached !== undefined) return cached;

  const workspace = await ctx.prisma.workspace.upsert({
    where: { platform_externalId: { platform: actor.platform, externalId: actor.workspaceId } },
    create: { platform: actor.platform, externalId: actor.workspaceId, name: actor.workspaceName },
    update: {},
    select: { id: true },
  });
  known.set(key, workspace.id);
  return workspace.id;
}

export async function resolveIdentity(ctx: Context, actor: Actor): Promise<Identity> {
  const workspaceId = await workspaceFor(ctx, actor);
  const member = await ctx.prisma.member.upsert({
    where: { workspaceId_externalId: { workspaceId, externalId: actor.memberId } },
    create: { workspaceId, externalId: actor.memberId, displayName: actor.displayName },
    update: {},
    select: { id: true, role: true },
  });
  const isAdmin = member.role === 'admin' || actor.platformAdmin === true;
  return {
    workspaceId,
    memberId: member.id,
    role: member.role,
    isAdmin,
    isLead: isAdmin || member.role === 'lead',
  };
}

export function requireAdmin(identity: Identity): void {
  if (!identity.isAdmin) {
    throw new UserError(
      'not_admin',
      'Only workspace admins can run this command. Ask an admin to run it, or to make you one.',
    );
  }
}

export function requireLead(identity: Identity): void {
  if (!identity.isLead) {
    throw new UserError('not_lead', 'Only team leads and admins can run this command.');
  }
}
