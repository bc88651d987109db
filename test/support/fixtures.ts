// Builders for manifests, items and invocations, so tests say only what matters to them.
import { dispatch } from '../../src/core/dispatch.js';
import type { Context } from '../../src/core/context.js';
import type { Actor, Invocation, OptionValue } from '../../src/core/invocation.js';
import type { Block, Element, Reply } from '../../src/core/view.js';
import type { TaskType } from '../../src/tasks/index.js';

export function manifest(task: TaskType, overrides: Record<string, unknown> = {}) {
  return {
    name: `${task.replace('_', '-')}-batch`,
    task,
    rubric: {
      name: `${task}-rubric`,
      criteria: [
        { key: 'safety', weight: 3, description: 'No harmful content' },
        { key: 'accuracy', weight: 2, description: 'Facts are right' },
        { key: 'style', weight: 1, description: 'Reads well' },
      ],
      labels: ['factual', 'logical', 'style', 'harm'],
      minRationaleLength: 10,
      minTextLength: 20,
    },
    redundancy: 2,
    goldRate: 0,
    ...overrides,
  };
}

export function itemLine(task: TaskType, index: number, extra: Record<string, unknown> = {}) {
  const responses =
    task === 'ranking'
      ? [
          { id: 'r1', text: `First answer to question ${index}` },
          { id: 'r2', text: `Second answer to question ${index}` },
        ]
      : [{ id: 'r1', text: `The only answer to question ${index}` }];
  return { item_id: `item-${index}`, input: `Question ${index}?`, responses, ...extra };
}

export function itemsJsonl(task: TaskType, count: number): string {
  return Array.from({ length: count }, (_, i) => JSON.stringify(itemLine(task, i + 1))).join('\n');
}

export function actor(
  memberId: string,
  options: { admin?: boolean; workspace?: string } = {},
): Actor {
  return {
    platform: 'console',
    workspaceId: options.workspace ?? 'test-workspace',
    workspaceName: 'Test workspace',
    memberId,
    displayName: memberId,
    ...(options.admin === true ? { platformAdmin: true } : {}),
  };
}

export function command(
  who: Actor,
  name: string,
  subcommand: string,
  options: Record<string, OptionValue> = {},
): Invocation {
  return { kind: 'command', actor: who, command: name, subcommand, options };
}

export function press(who: Actor, actionId: string, values: string[] = []): Invocation {
  return { kind: 'action', actor: who, actionId, values };
}

export function submitForm(who: Actor, formId: string, fields: Record<string, string>): Invocation {
  return { kind: 'form', actor: who, formId, fields };
}

export function elements(reply: Reply): Element[] {
  if (reply.type !== 'message') return [];
  return reply.view.blocks.flatMap((block: Block) =>
    block.type === 'actions' ? block.elements : [],
  );
}

/** The id of the first button or select whose id starts with the verb (and has the arg). */
export function findAction(reply: Reply, verb: string, arg?: string): string {
  const found = elements(reply).find((element) => {
    const [v, , a] = element.id.split(':');
    return v === verb && (arg === undefined || a === arg);
  });
  if (found === undefined)
    throw new Error(`No ${verb}${arg ? `:${arg}` : ''} in ${replyText(reply)}`);
  return found.id;
}

export function replyText(reply: Reply): string {
  if (reply.type === 'form') return `form ${reply.form.title}`;
  if (reply.type === 'formErrors') return `errors ${JSON.stringify(reply.errors)}`;
  return reply.view.blocks
    .map((block) =>
      'text' in block
        ? block.text
        : block.type === 'fields'
          ? block.fields.map((f) => `${f.label}: ${f.value}`).join('; ')
          : '',
    )
    .join('\n');
}

export const GOOD_RATIONALE = {
  decision: 'prefer A: it is accurate',
  evidence: 'The source says 1969; A says 1969 and B says 1971.',
  policy: 'accuracy 2.1',
  alternative: '',
  confidence: '0.8',
};

export async function run(ctx: Context, invocation: Invocation): Promise<Reply> {
  return dispatch(ctx, invocation);
}

/** Imports, opens to all and activates a batch through the admin commands. */
export async function setUpBatch(
  ctx: Context,
  admin: Actor,
  manifestValue: Record<string, unknown>,
  items: string,
): Promise<string> {
  const files = {
    manifest: { filename: 'manifest.json', text: JSON.stringify(manifestValue) },
    items: { filename: 'items.jsonl', text: items },
  };
  const name = String(manifestValue.name);
  const imported = await run(ctx, command(admin, 'batch', 'import', files));
  if (!replyText(imported).includes('Imported')) throw new Error(replyText(imported));
  await run(ctx, command(admin, 'batch', 'assign', { name, all: true }));
  const activated = await run(ctx, command(admin, 'batch', 'activate', { name }));
  return findAction(activated, 'start').split(':')[1] ?? '';
}

/** Answers a pairwise ranking item on screen with A and a good rationale; returns the reply. */
export async function answerPair(ctx: Context, who: Actor, item: Reply): Promise<Reply> {
  const picked = await run(ctx, press(who, findAction(item, 'pick', 'A')));
  const formId = findAction(picked, 'rationale');
  const saved = await run(ctx, submitForm(who, formId, GOOD_RATIONALE));
  return run(ctx, press(who, findAction(saved, 'submit')));
}
