// Who acted, as the core sees it. Admin rights come from Discord itself: the Manage Server
// permission, or the role named in DISCORD_ADMIN_ROLE (its name or its id).
import { PermissionFlagsBits, type Interaction } from 'discord.js';

import type { Actor } from '../../src/core/invocation.js';

function roleIds(interaction: Interaction): string[] {
  const member = interaction.member;
  if (member === null) return [];
  return Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
}

function hasAdminRole(interaction: Interaction, adminRole: string | undefined): boolean {
  if (adminRole === undefined) return false;
  return roleIds(interaction).some(
    (id) => id === adminRole || interaction.guild?.roles.cache.get(id)?.name === adminRole,
  );
}

function displayName(interaction: Interaction): string {
  const member = interaction.member;
  const nick = member === null ? null : 'displayName' in member ? member.displayName : member.nick;
  return nick ?? interaction.user.displayName;
}

/** The actor of an interaction in a guild; undefined in direct messages. */
export function actorFor(interaction: Interaction, adminRole?: string): Actor | undefined {
  if (interaction.guildId === null) return undefined;
  const manager = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true;
  return {
    platform: 'discord',
    workspaceId: interaction.guildId,
    workspaceName: interaction.guild?.name ?? interaction.guildId,
    memberId: interaction.user.id,
    displayName: displayName(interaction),
    platformAdmin: manager || hasAdminRole(interaction, adminRole),
  };
}
