// The admin command line: `inchannel batch import|list|activate|pause|close|assign`,
// `inchannel export`, `inchannel member role|tier`. It runs the same commands as the chat
// platforms, as an admin of the chosen workspace, and exits 1 on any problem it reports.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { pino } from 'pino';

import { COMMANDS } from '../../commands/index.js';
import { ConfigError, loadConfig, loadDotEnv } from '../config.js';
import type { Actor, OptionValue } from '../core/invocation.js';
import { execute } from '../core/dispatch.js';
import { describeError, UserError } from '../core/errors.js';
import { openRuntime } from '../core/runtime.js';
import { viewText, type Reply } from '../core/view.js';
import { createLogger } from '../logger.js';

const USAGE = `Usage: inchannel <command> [options]

  batch import <manifest.json> <items.jsonl>   validate and import a batch (as a draft)
  batch list                                   list batches
  batch activate|pause|close <name>            change a batch's state
  batch assign <name> <member...> | --all      assign members, or open to all
  export <batch> --format jsonl|preferences|csv [--out FILE]
  member role <member> annotator|lead|admin    set a member's role
  member tier <member> standard|advanced|domain_expert

Options:
  --workspace PLATFORM:ID   the workspace to act in (default console:local),
                            e.g. slack:T0123ABCD or discord:123456789012345678
  --help                    this text

The database is the one the bot uses: DATABASE_URL, or the PGlite directory
INCHANNEL_DATA_DIR (default ./data/pglite) while no bot has it open.`;

const PLATFORMS = ['slack', 'discord', 'console'] as const;

function workspaceActor(spec: string): Actor {
  const [platform, ...rest] = spec.split(':');
  const id = rest.join(':');
  if (!PLATFORMS.includes(platform as (typeof PLATFORMS)[number]) || id === '') {
    throw new UserError(
      'bad_workspace',
      `--workspace "${spec}" should be PLATFORM:ID, e.g. slack:T0123ABCD.`,
    );
  }
  return {
    platform: platform as Actor['platform'],
    workspaceId: id,
    workspaceName: id,
    memberId: 'cli',
    displayName: 'command line',
    platformAdmin: true,
  };
}

function readFile(path: string): { filename: string; text: string } {
  try {
    return { filename: path, text: readFileSync(path, 'utf8') };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError('unreadable_file', `Cannot read ${path} (${reason}). Check the path.`);
  }
}

interface CliCall {
  command: string;
  subcommand: string;
  options: Record<string, OptionValue>;
  out?: string;
}

function requireWords(words: string[], count: number, usage: string): void {
  if (words.length < count) throw new UserError('usage', `Usage: inchannel ${usage}`);
}

/** Maps the command line's words onto a command, its subcommand and its options. */
function toCall(words: string[], flags: { all?: boolean; format?: string; out?: string }): CliCall {
  const [command = '', subcommand = '', ...rest] = words;
  if (command === 'batch' && subcommand === 'import') {
    requireWords(rest, 2, 'batch import <manifest.json> <items.jsonl>');
    return {
      command,
      subcommand,
      options: { manifest: readFile(rest[0] ?? ''), items: readFile(rest[1] ?? '') },
    };
  }
  if (command === 'batch' && subcommand === 'assign') {
    requireWords(rest, 1, 'batch assign <name> <member...> | --all');
    const [name = '', ...members] = rest;
    return { command, subcommand, options: { name, members, all: flags.all === true } };
  }
  if (command === 'batch' && ['activate', 'pause', 'close'].includes(subcommand)) {
    requireWords(rest, 1, `batch ${subcommand} <name>`);
    return { command, subcommand, options: { name: rest[0] ?? '' } };
  }
  if (command === 'batch' && subcommand === 'list') return { command, subcommand, options: {} };
  if (command === 'export') {
    requireWords([subcommand], 1, 'export <batch> --format jsonl|preferences|csv [--out FILE]');
    const options: Record<string, OptionValue> = { batch: subcommand };
    if (flags.format !== undefined) options.format = flags.format;
    return {
      command,
      subcommand: '',
      options,
      ...(flags.out === undefined ? {} : { out: flags.out }),
    };
  }
  if (command === 'member' && (subcommand === 'role' || subcommand === 'tier')) {
    requireWords(rest, 2, `member ${subcommand} <member> <value>`);
    return { command, subcommand, options: { member: rest[0] ?? '', [subcommand]: rest[1] ?? '' } };
  }
  throw new UserError('usage', USAGE);
}

function deliver(reply: Reply, out: string | undefined): void {
  if (reply.type !== 'message') return;
  const files = reply.files ?? [];
  const file = files[0];
  if (file !== undefined && out === undefined) {
    process.stdout.write(file.content);
    process.stderr.write(`${viewText(reply.view)}\n`);
    return;
  }
  if (file !== undefined && out !== undefined) writeFileSync(out, file.content);
  process.stdout.write(
    `${viewText(reply.view)}${out === undefined ? '' : ` Written to ${out}.`}\n`,
  );
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      workspace: { type: 'string', default: 'console:local' },
      all: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true || positionals.length === 0) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const call = toCall(positionals, values);
  if (!COMMANDS.some((command) => command.name === call.command))
    throw new UserError('usage', USAGE);

  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(
    config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
    pino.destination(2),
  );
  const runtime = await openRuntime(config, logger);
  try {
    const actor = workspaceActor(values.workspace);
    const invocation = { kind: 'command' as const, actor, ...call };
    deliver(await execute(runtime.ctx, invocation), call.out);
    return 0;
  } finally {
    await runtime.database.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    const described = describeError(error);
    process.stderr.write(`${described.text}\n`);
    if (!(error instanceof UserError) && error instanceof Error)
      process.stderr.write(`${error.stack ?? ''}\n`);
    process.exit(1);
  },
);
