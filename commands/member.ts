// /member: admins give members a role (annotator, lead, admin) or a tier.
import { z } from 'zod';

import { subcommand, type Command } from '../src/core/command.js';
import { memberRefSchema } from '../src/core/options.js';
import { textReply } from '../src/core/view.js';
import { recordEvent } from '../src/events.js';

const ROLES = ['annotator', 'lead', 'admin'] as const;
const TIERS = ['standard', 'advanced', 'domain_expert'] as const;

export const memberCommand: Command = {
  name: 'member',
  description: "Set a member's role or tier (admins)",
  subcommands: {
    role: subcommand({
      description: "Set a member's role",
      access: 'admin',
      options: [
        {
          name: 'member',
          description: 'The member (mention or id)',
          type: 'string',
          required: true,
        },
        {
          name: 'role',
          description: 'The new role',
          type: 'string',
          required: true,
          choices: ROLES,
        },
      ],
      schema: z.object({ member: memberRefSchema, role: z.enum(ROLES) }),
      run: async (ctx, { identity, input }) => {
        const where = {
          workspaceId_externalId: { workspaceId: identity.workspaceId, externalId: input.member },
        };
        await ctx.prisma.$transaction(async (tx) => {
          const member = await tx.member.upsert({
            where,
            create: {
              workspaceId: identity.workspaceId,
              externalId: input.member,
              displayName: input.member,
              role: input.role,
            },
            update: { role: input.role },
          });
          const event = {
            workspaceId: identity.workspaceId,
            actorId: identity.memberId,
            action: 'member.role',
            subjectType: 'member',
            subjectId: member.id,
            data: { role: input.role },
          };
          await recordEvent(tx, event, ctx.now());
        });
        return textReply(`${input.member} is now ${input.role}.`);
      },
    }),
    tier: subcommand({
      description: "Set a member's tier",
      access: 'admin',
      options: [
        {
          name: 'member',
          description: 'The member (mention or id)',
          type: 'string',
          required: true,
        },
        {
          name: 'tier',
          description: 'The new tier',
          type: 'string',
          required: true,
          choices: TIERS,
        },
      ],
      schema: z.object({ member: memberRefSchema, tier: z.enum(TIERS) }),
      run: async (ctx, { identity, input }) => {
        const where = {
          workspaceId_externalId: { workspaceId: identity.workspaceId, externalId: input.member },
        };
        await ctx.prisma.$transaction(async (tx) => {
          const member = await tx.member.upsert({
            where,
            create: {
              workspaceId: identity.workspaceId,
              externalId: input.member,
              displayName: input.member,
              tier: input.tier,
            },
            update: { tier: input.tier },
          });
          const event = {
            workspaceId: identity.workspaceId,
            actorId: identity.memberId,
            action: 'member.tier',
            subjectType: 'member',
            subjectId: member.id,
            data: { tier: input.tier },
          };
          await recordEvent(tx, event, ctx.now());
        });
        return textReply(`${input.member} is now ${input.tier}.`);
      },
    }),
  },
};
