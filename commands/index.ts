// Every slash command, listed once. A test checks that each file in this folder is here.
import type { Command } from '../src/core/command.js';
import { annotateCommand } from './annotate.js';
import { batchCommand } from './batch.js';
import { exportCommand } from './export.js';
import { helpCommand } from './help.js';
import { memberCommand } from './member.js';
import { profileCommand } from './profile.js';

export const COMMANDS: Command[] = [
  annotateCommand,
  batchCommand,
  exportCommand,
  memberCommand,
  profileCommand,
  helpCommand(() => COMMANDS),
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
