// The single entry point every adapter calls: resolve who acted, route the invocation, and turn
// whatever was thrown into a reply: the user's mistake shown to them, ours logged with an id.
import { COMMANDS } from '../../commands/index.js';
import type { Context } from './context.js';
import { describeError, newIncidentId, UserError } from './errors.js';
import type { CommandInvocation, Invocation } from './invocation.js';
import { textReply, type Reply } from './view.js';
import type { Command, Subcommand } from './command.js';
import { handleAction, handleForm } from '../flows/annotate.js';
import { requireAdmin, requireLead, resolveIdentity, type Identity } from '../members/identity.js';

function findSubcommand(invocation: CommandInvocation): { command: Command; sub: Subcommand } {
  const command = COMMANDS.find((candidate) => candidate.name === invocation.command);
  const sub = command?.subcommands[invocation.subcommand];
  if (command === undefined || sub === undefined) {
    throw new UserError('unknown_command', `Unknown command. Try /help.`);
  }
  return { command, sub };
}

function checkAccess(sub: Subcommand, identity: Identity): void {
  if (sub.access === 'admin') requireAdmin(identity);
  if (sub.access === 'lead') requireLead(identity);
}

async function runCommand(ctx: Context, identity: Identity, invocation: CommandInvocation) {
  const { command, sub } = findSubcommand(invocation);
  checkAccess(sub, identity);
  const parsed = sub.schema.safeParse(invocation.options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`,
    );
    const usage = `/${[command.name, invocation.subcommand].filter((w) => w !== '').join(' ')}`;
    throw new UserError('invalid_options', `${usage} needs a fix (see /help):`, problems);
  }
  return sub.run(ctx, { identity, invocation, input: parsed.data });
}

function route(ctx: Context, identity: Identity, invocation: Invocation): Promise<Reply> {
  switch (invocation.kind) {
    case 'command':
      return runCommand(ctx, identity, invocation);
    case 'action':
      return handleAction(ctx, identity, invocation);
    case 'form':
      return handleForm(ctx, identity, invocation);
  }
}

function describeInvocation(invocation: Invocation): Record<string, string> {
  if (invocation.kind === 'command') {
    return {
      command: [invocation.command, invocation.subcommand].filter((w) => w !== '').join(' '),
    };
  }
  if (invocation.kind === 'action') return { action: invocation.actionId.split(':')[0] ?? '' };
  return { form: invocation.formId.split(':')[0] ?? '' };
}

/** Resolves the actor and runs the invocation; throws what the handler throws. */
export async function execute(ctx: Context, invocation: Invocation): Promise<Reply> {
  const identity = await resolveIdentity(ctx, invocation.actor);
  return route(ctx, identity, invocation);
}

/** Handles one invocation from any platform and never throws. */
export async function dispatch(ctx: Context, invocation: Invocation): Promise<Reply> {
  const started = performance.now();
  const logger = ctx.logger.child({
    platform: invocation.actor.platform,
    workspace: invocation.actor.workspaceId,
    member: invocation.actor.memberId,
    ...describeInvocation(invocation),
  });
  const scoped: Context = { ...ctx, logger };
  try {
    const reply = await execute(scoped, invocation);
    logger.info({ durationMs: Math.round(performance.now() - started) }, 'invocation handled');
    return reply;
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    const incidentId = newIncidentId();
    const described = describeError(error, incidentId);
    if (error instanceof UserError) {
      logger.info({ durationMs, code: error.code }, 'invocation refused');
    } else {
      logger.error({ durationMs, incidentId, err: error }, 'invocation failed');
    }
    return textReply(described.text);
  }
}
