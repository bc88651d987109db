// /member: admins give members a role (annotator, lead, admin) or a tier.
import { z } from 'zod';

import { subcommand, type Subcommand, type Command } from '../src/core/command.js';
import { memberRefSchema } from '../src/core/options.js';
import { textReply } from '../src/core/view.js';
import { recordEvent } from '../src/events.js';

const ROLES = ['annotator', 'lead', 'admin'] as const;
const TIERS = ['standard', 'advanced', 'domain_expert'] as const;

/** A subcommand that sets one field of a member, creating the member if new. */
function setter<Field extends 'role' | 'tier'>(
  field: Field,
  values: readonly [string, ...string[]],
): Subcommand {
  return subcommand({
    description: `Set a member's ${field}`,
    access: 'admin',
    options: [
      { name: 'member', description: 'The member (mention or id)', type: 'string', required: true },
      {
        name: field,
        description: `The new ${field}`,
        type: 'string',
        required: true,
        choices: values,
      },
    ],
    schema: z.object({ member: memberRefSchema, [field]: z.enum(values) }),
    run: async (ctx, { identity, input }) => {
      const { workspaceId } = identity;
      // The schema's key is computed, so its type is widened: read the two fields back.
      const { member: externalId, [field]: value } = input as Record<string, string>;
      if (externalId === undefined || value === undefined) throw new Error('validated input lost');
      const change =
        field === 'role'
          ? { role: value as (typeof ROLES)[number] }
          : { tier: value as (typeof TIERS)[number] };
      await ctx.prisma.$transaction(async (tx) => {
        const member = await tx.member.upsert({
          where: { workspaceId_externalId: { workspaceId, externalId } },
          create: { workspaceId, externalId, displayName: externalId, ...change },
          update: change,
        });
        const event = {
          workspaceId,
          actorId: identity.memberId,
          action: `member.${field}`,
          subjectType: 'member',
          subjectId: member.id,
          data: { [field]: value },
        };
        await recordEvent(tx, event, ctx.now());
      });
      return textReply(`${externalId} is now ${value}.`);
    },
  });
}

export const memberCommand: Command = {
  name: 'member',
  description: "Set a member's role or tier (admins)",
  subcommands: {
    role: setter('role', ROLES),
    tier: setter('tier', TIERS),
  },
};
