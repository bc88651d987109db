// The real Slack adapter (Bolt and all) on a fresh database, talking to the fake Slack, and
// members who type slash commands, press buttons and submit modals as Slack would send them.
import type { Logger } from 'pino';

import { environmentSchema } from '../../src/config.js';
import type { Actor } from '../../src/core/invocation.js';
import type { TaskType } from '../../src/tasks/index.js';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.js';
import { freshDatabase, type TestDatabase } from './database.js';
import { command, itemsJsonl, manifest, replyText, run } from './fixtures.js';
import { SlackFake, type Json } from './slack-fake.js';
import {
  blockActions,
  FORM,
  interaction,
  postSigned,
  slashCommand,
  viewSubmission,
  type Container,
  type SlackAnswer,
  type SignOptions,
} from './slack-requests.js';

export const TEAM = 'T1';
export const CHANNEL = 'C1';
export const SECRET = 'test-signing-secret';

export interface Sent {
  answer: SlackAnswer;
  responseUrl: string;
  triggerId: string;
}

export class SlackMember {
  constructor(
    private readonly harness: SlackHarness,
    readonly userId: string,
  ) {}

  private get who() {
    return { userId: this.userId, teamId: TEAM };
  }

  /** Types `/name text` in the channel. */
  async command(name: string, text = '', sign: Partial<SignOptions> = {}): Promise<Sent> {
    const { fake } = this.harness;
    const responseUrl = fake.responseUrl();
    const triggerId = fake.nextId('trigger-');
    const body = slashCommand(this.who, `/${name}`, text, {
      channelId: CHANNEL,
      responseUrl,
      triggerId,
    });
    const answer = await this.harness.post(body, FORM, sign);
    return { answer, responseUrl, triggerId };
  }

  /** Presses a button (or picks menu options) on a message or in App Home. */
  async press(
    element: Json,
    container: Container,
    options: { selected?: string[]; state?: Json; headers?: Record<string, string> } = {},
  ): Promise<Sent> {
    const { fake } = this.harness;
    const responseUrl = container.type === 'message' ? fake.responseUrl() : undefined;
    const triggerId = fake.nextId('trigger-');
    const action = actionPayload(element, options.selected);
    const payload = blockActions(this.who, {
      action,
      container,
      triggerId,
      ...(responseUrl === undefined ? {} : { responseUrl }),
      ...(options.state === undefined ? {} : { state: options.state }),
    });
    const sign = options.headers === undefined ? {} : { headers: options.headers };
    const answer = await this.harness.post(interaction(payload), FORM, sign);
    return { answer, responseUrl: responseUrl ?? '', triggerId };
  }

  /** Submits a modal the app opened with views.open. */
  async submit(view: Json, values: Record<string, string>): Promise<SlackAnswer> {
    const payload = viewSubmission(this.who, {
      callbackId: String(view.callback_id),
      privateMetadata: String(view.private_metadata),
      values,
    });
    return this.harness.post(interaction(payload), FORM);
  }
}

function actionPayload(element: Json, selected: string[] | undefined): Json {
  const base = { action_id: element.action_id, type: element.type };
  const options = (element.options as Array<{ value: string; text: Json }> | undefined) ?? [];
  const chosen = options.filter((option) => selected?.includes(option.value));
  if (element.type === 'static_select') return { ...base, selected_option: chosen[0] };
  if (element.type === 'multi_static_select') return { ...base, selected_options: chosen };
  return { ...base, value: element.value ?? '' };
}

export class SlackHarness {
  private constructor(
    readonly fake: SlackFake,
    readonly db: TestDatabase,
    readonly adapter: SlackAdapter,
  ) {}

  static async start(mode: 'http' | 'socket' = 'http', logger?: Logger): Promise<SlackHarness> {
    const fake = await SlackFake.start();
    const db = await freshDatabase(logger);
    const config = environmentSchema.parse({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      ...(mode === 'socket' ? { SLACK_APP_TOKEN: 'xapp-test-token' } : {}),
    });
    const receiverOverrides =
      mode === 'http' ? { host: '127.0.0.1', port: 0 } : { clientPingTimeout: 3_000 };
    const adapter = createSlackAdapter({ config, ctx: db.ctx, receiverOverrides });
    await adapter.start();
    return new SlackHarness(fake, db, adapter);
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.adapter.address()?.port ?? 0}/slack/events`;
  }

  member(userId: string, options: { admin?: boolean } = {}): SlackMember {
    this.fake.users.set(userId, { id: userId, name: userId, isAdmin: options.admin === true });
    return new SlackMember(this, userId);
  }

  post(body: string, contentType: string, sign: Partial<SignOptions> = {}): Promise<SlackAnswer> {
    return postSigned(this.endpoint, body, contentType, { secret: SECRET, ...sign });
  }

  async close(): Promise<void> {
    await this.adapter.stop();
    await this.fake.close();
    await this.db.close();
  }
}

/** The Slack workspace's admin as the core sees them, for setting batches up directly. */
export function slackAdmin(): Actor {
  return {
    platform: 'slack',
    workspaceId: TEAM,
    workspaceName: 'acme',
    memberId: 'UADMIN',
    displayName: 'admin',
    platformAdmin: true,
  };
}

/** Imports a batch in the Slack workspace, open to everyone; active unless told otherwise. */
export async function seedBatch(
  harness: SlackHarness,
  task: TaskType,
  options: { items?: string; activate?: boolean; manifest?: Record<string, unknown> } = {},
): Promise<string> {
  const spec = manifest(task, options.manifest ?? {});
  const files = {
    manifest: { filename: 'm.json', text: JSON.stringify(spec) },
    items: { filename: 'i.jsonl', text: options.items ?? itemsJsonl(task, 3) },
  };
  const { ctx } = harness.db;
  const imported = await run(ctx, command(slackAdmin(), 'batch', 'import', files));
  if (!replyText(imported).includes('Imported')) throw new Error(replyText(imported));
  await run(ctx, command(slackAdmin(), 'batch', 'assign', { name: spec.name, all: true }));
  if (options.activate !== false) {
    await run(ctx, command(slackAdmin(), 'batch', 'activate', { name: spec.name }));
  }
  return spec.name;
}

export type Blocks = Json[];

/** Every interactive element in a list of Block Kit blocks. */
export function elementsOf(blocks: Blocks): Json[] {
  return blocks.flatMap((block) => (block.type === 'actions' ? (block.elements as Json[]) : []));
}

/** The element whose action id has this verb (and argument). */
export function findElement(blocks: Blocks, verb: string, arg?: string): Json {
  const found = elementsOf(blocks).find((element) => {
    const [v, , a] = String(element.action_id).split(':');
    return v === verb && (arg === undefined || a === arg);
  });
  if (found === undefined) throw new Error(`No ${verb} element in ${blocksText(blocks)}`);
  return found;
}

/** All the text in blocks, as a reader would see it. */
export function blocksText(blocks: Blocks): string {
  return blocks
    .flatMap((block) => {
      const text = (block.text as { text?: string } | undefined)?.text;
      const fields = ((block.fields as Array<{ text: string }> | undefined) ?? []).map(
        (field) => field.text,
      );
      const context = ((block.elements as Array<{ text?: string }> | undefined) ?? [])
        .map((element) => element.text)
        .filter((value): value is string => typeof value === 'string');
      return [text ?? '', ...fields, ...(block.type === 'context' ? context : [])];
    })
    .filter((text) => text !== '')
    .join('\n');
}

export function blocksOf(body: Json): Blocks {
  return (body.blocks as Blocks | undefined) ?? [];
}
