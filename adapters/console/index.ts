// The terminal adapter: the same commands and views as Slack and Discord, with buttons and
// selects as numbered choices and forms as prompts. Needs no tokens; tries every flow locally.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';

import { COMMANDS } from '../../commands/index.js';
import type { PlatformAdapter } from '../../src/core/adapter.js';
import type { Context } from '../../src/core/context.js';
import { dispatch } from '../../src/core/dispatch.js';
import { describeError, UserError } from '../../src/core/errors.js';
import type { Actor, Invocation, OptionValue } from '../../src/core/invocation.js';
import { parseCommandText } from '../../src/core/parse-text.js';
import type { Element, Form, Reply } from '../../src/core/view.js';
import { seedSamples } from '../../src/batches/samples.js';
import { resolveIdentity } from '../../src/members/identity.js';
import { LineReader } from './lines.js';
import { renderReply } from './render.js';

export interface ConsoleOptions {
  ctx: Context;
  input: Readable;
  output: Writable;
  member?: string;
  exportDir?: string;
  seedSamples?: boolean;
}

export interface ConsoleAdapter extends PlatformAdapter {
  /** Settles when the person quits or the input ends. */
  readonly finished: Promise<void>;
}

const WELCOME = [
  'inchannel in your terminal.',
  'Type /annotate to start, a number to press a choice (add option numbers for a select,',
  'e.g. "4 1,3"), /help for every command, /as NAME to act as another annotator, quit to leave.',
].join('\n');

class ConsoleSession {
  private choices: Element[] = [];
  private actor: Actor;
  private readonly reader: LineReader;

  constructor(private readonly options: ConsoleOptions) {
    this.reader = new LineReader(options.input);
    this.actor = consoleActor(options.member ?? userInfo().username);
  }

  print(text: string): void {
    this.options.output.write(`${text}\n`);
  }

  async run(): Promise<void> {
    if (this.options.seedSamples !== false) await this.seed();
    this.print(WELCOME);
    for (;;) {
      this.options.output.write('> ');
      const line = await this.reader.next();
      if (line === null || ['quit', 'exit'].includes(line.trim())) return;
      await this.handle(line.trim());
    }
  }

  private async seed(): Promise<void> {
    const identity = await resolveIdentity(this.options.ctx, this.actor);
    const seeded = await seedSamples(this.options.ctx, identity.workspaceId);
    if (seeded.length > 0) this.print(`Loaded sample batches: ${seeded.join(', ')}`);
  }

  private async handle(line: string): Promise<void> {
    if (line === '') return;
    try {
      if (line.startsWith('/as ')) return this.switchMember(line.slice(4).trim());
      const invocation = /^\d+\b/.test(line) ? this.choose(line) : this.command(line);
      await this.show(await dispatch(this.options.ctx, invocation));
    } catch (error) {
      this.print(describeError(error).text);
    }
  }

  private switchMember(name: string): void {
    this.actor = consoleActor(name === '' ? userInfo().username : name);
    this.choices = [];
    this.print(`You are now ${this.actor.memberId}.`);
  }

  private command(line: string): Invocation {
    const [name = '', ...rest] = line.replace(/^\//, '').split(/\s+/);
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (command === undefined) {
      throw new UserError('unknown_command', `Unknown command "${name}". Type /help.`);
    }
    const parsed = parseCommandText(command, rest.join(' '));
    const spec = command.subcommands[parsed.subcommand];
    const options = readAttachments(parsed.options, spec?.options ?? []);
    return {
      kind: 'command',
      actor: this.actor,
      command: name,
      subcommand: parsed.subcommand,
      options,
    };
  }

  private choose(line: string): Invocation {
    const [number = '', ...rest] = line.split(/\s+/);
    const element = this.choices[Number(number) - 1];
    if (element === undefined) {
      throw new UserError('unknown_choice', `There is no choice ${number} on screen.`);
    }
    if (element.type === 'button')
      return { kind: 'action', actor: this.actor, actionId: element.id, values: [] };

    const picked = rest
      .join(' ')
      .split(/[\s,]+/)
      .filter((token) => token !== '');
    const values = picked.map((token) => element.options[Number(token) - 1]?.value ?? token);
    if (values.length === 0) {
      throw new UserError('no_options', `Add the option numbers, e.g. "${number} 1".`);
    }
    const chosen = element.multi === true ? values : values.slice(0, 1);
    return { kind: 'action', actor: this.actor, actionId: element.id, values: chosen };
  }

  private async show(reply: Reply): Promise<void> {
    if (reply.type === 'form') return this.fillForm(reply.form, {});
    const rendered = renderReply(reply);
    this.print(rendered.text);
    if (rendered.choices.length > 0) this.choices = rendered.choices;
    if (reply.type === 'message') this.saveFiles(reply.files ?? []);
  }

  private async fillForm(form: Form, earlier: Record<string, string>): Promise<void> {
    this.print(renderReply({ type: 'form', form }).text);
    const fields: Record<string, string> = {};
    for (const field of form.fields) {
      const initial = earlier[field.id] ?? field.initial ?? '';
      const hint = field.required ? '' : ' (optional)';
      this.options.output.write(`${field.label}${hint}${initial === '' ? '' : ` [${initial}]`}: `);
      const line = await this.reader.next();
      if (line === null) return;
      fields[field.id] = line.trim() === '' ? initial : line.trim();
    }
    const reply = await dispatch(this.options.ctx, {
      kind: 'form',
      actor: this.actor,
      formId: form.id,
      fields,
    });
    if (reply.type !== 'formErrors') return this.show(reply);
    this.print(renderReply(reply).text);
    return this.fillForm(form, fields);
  }

  private saveFiles(files: Array<{ filename: string; content: string }>): void {
    const directory = resolve(this.options.exportDir ?? 'exports');
    for (const file of files) {
      mkdirSync(directory, { recursive: true });
      const path = join(directory, file.filename);
      writeFileSync(path, file.content);
      this.print(`Saved ${path}`);
    }
  }
}

function consoleActor(member: string): Actor {
  return {
    platform: 'console',
    workspaceId: 'local',
    workspaceName: 'Terminal',
    memberId: member,
    displayName: member,
    // Whoever runs the terminal owns this machine's data: they administer its workspace.
    platformAdmin: true,
  };
}

/** In the terminal an attachment option names a file to read. */
function readAttachments(
  options: Record<string, OptionValue>,
  specs: Array<{ name: string; type: string }>,
): Record<string, OptionValue> {
  const result = { ...options };
  for (const spec of specs.filter((candidate) => candidate.type === 'attachment')) {
    const path = result[spec.name];
    if (typeof path !== 'string') continue;
    result[spec.name] = { filename: path, text: readFile(path) };
  }
  return result;
}

function readFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError('unreadable_file', `Cannot read ${path} (${reason}). Check the path.`);
  }
}

export function createConsoleAdapter(options: ConsoleOptions): ConsoleAdapter {
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolvePromise) => {
    finish = resolvePromise;
  });
  const session = new ConsoleSession(options);
  return {
    name: 'console',
    finished,
    start: async () => {
      session.run().then(finish, (error: unknown) => {
        session.print(describeError(error).text);
        finish();
      });
    },
    stop: async () => finish(),
  };
}
