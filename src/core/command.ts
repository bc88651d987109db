// A slash command is declared once: its name, its subcommands, each subcommand's options (for
// registering with the platforms), the zod schema that validates them, who may run it, and what
// it does. Adapters register and parse; the core validates and runs.
import type { z } from 'zod';

import type { Context } from './context.js';
import type { CommandInvocation } from './invocation.js';
import type { Reply } from './view.js';
import type { Identity } from '../members/identity.js';

export type Access = 'member' | 'lead' | 'admin';

export interface OptionSpec {
  name: string;
  description: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'attachment';
  required?: boolean;
  choices?: readonly string[];
  /** Takes the rest of the words (several members, say). Adapters split on spaces. */
  variadic?: boolean;
}

export interface CommandCall<Input> {
  identity: Identity;
  invocation: CommandInvocation;
  input: Input;
}

export interface Subcommand<Schema extends z.ZodType = z.ZodType> {
  description: string;
  access: Access;
  options: OptionSpec[];
  schema: Schema;
  run(ctx: Context, call: CommandCall<z.infer<Schema>>): Promise<Reply>;
}

export interface Command {
  name: string;
  description: string;
  /** Subcommands by name; a command without subcommands has one under the empty name. */
  subcommands: Record<string, Subcommand>;
}

/** Declares a subcommand, keeping its input typed by its schema. */
export function subcommand<Schema extends z.ZodType>(spec: Subcommand<Schema>): Subcommand {
  return spec;
}
