// Starts the fake Discord, a fresh database and the real Discord adapter against them, and
// offers `interact`: send an interaction through the gateway, wait for the bot's answer.
import { Writable } from 'node:stream';

import { pino } from 'pino';

import { createDiscordAdapter } from '../../adapters/discord/index.js';
import { environmentSchema, type Config } from '../../src/config.js';
import type { PlatformAdapter } from '../../src/core/adapter.js';
import type { TaskType } from '../../src/tasks/index.js';
import { freshDatabase, type TestDatabase } from './database.js';
import { FakeDiscord, TOKEN, type FakeMessage, type RecordedRequest } from './discord-fake.js';
import {
  IDS,
  MANAGE_GUILD,
  person,
  slash,
  type InteractionPayload,
  type Person,
} from './discord-payloads.js';
import { itemsJsonl, manifest } from './fixtures.js';

export interface Answer {
  callback: RecordedRequest;
  /** Interaction callback type: 4 reply, 5 deferred reply, 6 deferred update, 7 update, 9 modal. */
  type: number;
  data: Record<string, unknown>;
  /** The message the answer created or updated, as the fake now holds it. */
  message: FakeMessage | undefined;
}

export interface Harness {
  fake: FakeDiscord;
  db: TestDatabase;
  config: Config;
  adapter: PlatformAdapter;
  admin: Person;
  /** Messages of every error-level log record so far: a test expects none unless it says so. */
  loggedErrors(): string[];
  /** Every log line written so far, as written. */
  logText(): string;
  interact(payload: InteractionPayload): Promise<Answer>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  deferAfterMs?: number;
}

export function discordConfig(fake: FakeDiscord): Config {
  return environmentSchema.parse({
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: IDS.application,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_ADMIN_ROLE: 'inchannel-admin',
    DISCORD_GUILD_ID: IDS.guild,
  });
}

export const TEST_CLIENT = {
  waitGuildTimeout: 0,
  rest: { retries: 0, timeout: 5_000, globalRequestsPerSecond: 10_000 },
};

function capturingLogger() {
  const errors: string[] = [];
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      const record = JSON.parse(chunk.toString('utf8')) as { level: number; msg: string };
      if (record.level >= 50) errors.push(record.msg);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), errors, lines };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start();
  const { logger, errors, lines } = capturingLogger();
  const db = await freshDatabase(logger);
  const config = discordConfig(fake);
  const adapter = createDiscordAdapter({
    config,
    ctx: db.ctx,
    clientOverrides: TEST_CLIENT,
    ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
  });
  await adapter.start();

  const interact = async (payload: InteractionPayload): Promise<Answer> => {
    const from = fake.requests.length;
    const path = `/interactions/${payload.id}/${payload.token}/callback`;
    fake.interact(payload);
    const callback = await fake.waitFor((r) => r.path === path && r.status !== 429, from);
    // A deferred answer is complete once the bot edits the original or follows up.
    const type = callback.body.type as number;
    if (type === 5 || type === 6) {
      await fake.waitFor(
        (r) => r.path.includes(`/webhooks/${IDS.application}/${payload.token}`),
        from,
      );
    }
    return {
      callback,
      type: callback.body.type as number,
      data: (callback.body.data ?? {}) as Record<string, unknown>,
      message: fake.messageFor(payload.token),
    };
  };
  const close = async () => {
    await adapter.stop();
    await fake.close();
    await db.close();
  };
  const admin = person('lead-admin', { permissions: MANAGE_GUILD });
  const loggedErrors = () => [...errors];
  const logText = () => lines.join('');
  return { fake, db, config, adapter, admin, loggedErrors, logText, interact, close };
}

/** Imports, opens to all and activates a batch through the bot, as an admin would. */
export async function seedBatch(
  h: Harness,
  task: TaskType,
  items: number | string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const spec = manifest(task, overrides);
  const lines = typeof items === 'number' ? itemsJsonl(task, items) : items;
  const files = {
    manifest: upload(h, 'manifest.json', JSON.stringify(spec)),
    items: upload(h, 'items.jsonl', lines),
  };
  await h.interact(slash(h.admin, 'batch', 'import', files));
  await h.interact(slash(h.admin, 'batch', 'assign', { name: spec.name, all: true }));
  await h.interact(slash(h.admin, 'batch', 'activate', { name: spec.name }));
  return spec.name;
}

export function upload(h: Harness, filename: string, text: string) {
  const url = h.fake.serveFile(filename, text);
  return { attachment: { filename, url, size: Buffer.byteLength(text) } };
}

/** Every text an embed shows: titles, descriptions, field names and values. */
export function embedText(message: FakeMessage | undefined): string {
  return (message?.embeds ?? [])
    .map((embed) => {
      const fields = (embed.fields as Array<{ name: string; value: string }> | undefined) ?? [];
      const parts = [embed.title, embed.description, ...fields.flatMap((f) => [f.name, f.value])];
      return parts.filter((part) => typeof part === 'string').join('\n');
    })
    .join('\n');
}

export interface ComponentJson {
  type: number;
  custom_id?: string;
  label?: string;
  disabled?: boolean;
  options?: Array<{ label: string; value: string; default?: boolean }>;
  min_values?: number;
  max_values?: number;
}

export function components(message: FakeMessage | undefined): ComponentJson[] {
  return (message?.components ?? []).flatMap(
    (row) => (row.components as ComponentJson[] | undefined) ?? [],
  );
}

/** The custom id of the first component whose id starts with `verb:` (and carries `arg`). */
export function customId(message: FakeMessage | undefined, verb: string, arg?: string): string {
  const found = components(message).find((c) => {
    const [v, , a] = (c.custom_id ?? '').split(':');
    return v === verb && (arg === undefined || a === arg);
  });
  if (found?.custom_id === undefined) {
    throw new Error(`no ${verb} control in ${JSON.stringify(message?.components)}`);
  }
  return found.custom_id;
}
