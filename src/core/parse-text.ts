// Parses the text after a slash command (Slack, the terminal) into a subcommand and options:
// positional words fill the declared options in order, `--name value` sets one by name.
import { UserError } from './errors.js';
import type { Command } from './command.js';
import type { OptionValue } from './invocation.js';

/** Splits on spaces, keeping "quoted phrases" together. */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of text.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3] ?? '');
  return words;
}

export interface ParsedText {
  subcommand: string;
  options: Record<string, OptionValue>;
}

function pickSubcommand(command: Command, words: string[]): string {
  if (command.subcommands[''] !== undefined) return '';
  const name = words.shift();
  if (name === undefined || command.subcommands[name] === undefined) {
    const known = Object.keys(command.subcommands).join(', ');
    throw new UserError(
      'unknown_subcommand',
      name === undefined
        ? `/${command.name} needs one of: ${known}.`
        : `/${command.name} has no "${name}". Use one of: ${known}.`,
    );
  }
  return name;
}

export function parseCommandText(command: Command, text: string): ParsedText {
  const words = splitWords(text.trim());
  const subcommand = pickSubcommand(command, words);
  const specs = command.subcommands[subcommand]?.options ?? [];
  const options: Record<string, OptionValue> = {};
  const positional: string[] = [];

  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] ?? '';
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const name = word.slice(2);
    const spec = specs.find((candidate) => candidate.name === name);
    if (spec === undefined) throw new UserError('unknown_option', `Unknown option --${name}.`);
    const next = words[index + 1];
    if (spec.type === 'boolean' && (next === undefined || next.startsWith('--'))) {
      options[name] = true;
    } else {
      options[name] = next ?? '';
      index += 1;
    }
  }

  // Attachments and switches are only ever given by name.
  const fillable = specs.filter((spec) => spec.type !== 'attachment' && spec.type !== 'boolean');
  for (const spec of fillable.filter((candidate) => options[candidate.name] === undefined)) {
    if (positional.length === 0) break;
    options[spec.name] = spec.variadic === true ? positional.splice(0) : (positional.shift() ?? '');
  }
  if (positional.length > 0) {
    throw new UserError('extra_words', `Did not understand: ${positional.join(' ')}.`);
  }
  return { subcommand, options };
}
