// /help: every command and what it does, with the ones this member may run.
import { z } from 'zod';

import { subcommand, type Access, type Command, type Subcommand } from '../src/core/command.js';
import type { Identity } from '../src/members/identity.js';
import { textReply } from '../src/core/view.js';

function mayRun(access: Access, identity: Identity): boolean {
  if (access === 'admin') return identity.isAdmin;
  return access === 'member' || identity.isLead;
}

function usageLine(command: string, name: string, sub: Subcommand): string {
  const args = sub.options.map((o) => (o.required === true ? `<${o.name}>` : `[${o.name}]`));
  const words = [command, name, ...args].filter((word) => word !== '');
  return `• /${words.join(' ')}: ${sub.description}`;
}

/** Built from the command list so it can never fall out of date. */
export function helpCommand(all: () => Command[]): Command {
  return {
    name: 'help',
    description: 'List the commands',
    subcommands: {
      '': subcommand({
        description: 'List the commands',
        access: 'member',
        options: [],
        schema: z.object({}),
        run: async (_ctx, { identity }) => {
          const lines = all().flatMap((command) =>
            Object.entries(command.subcommands)
              .filter(([, sub]) => mayRun(sub.access, identity))
              .map(([name, sub]) => usageLine(command.name, name, sub)),
          );
          return textReply(lines.join('\n'));
        },
      }),
    },
  };
}
