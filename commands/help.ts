// /help: every command and what it does, with the ones this member may run.
import { z } from 'zod';

import { subcommand, type Command } from '../src/core/command.js';
import { textReply } from '../src/core/view.js';

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
              .filter(([, sub]) => sub.access === 'member' || identity.isLead)
              .filter(([, sub]) => sub.access !== 'admin' || identity.isAdmin)
              .map(([name, sub]) => {
                const args = sub.options.map((o) =>
                  o.required === true ? `<${o.name}>` : `[${o.name}]`,
                );
                return `• /${[command.name, name, ...args].filter((w) => w !== '').join(' ')}: ${sub.description}`;
              }),
          );
          return textReply(lines.join('\n'));
        },
      }),
    },
  };
}
