// The Discord benchmark: time from an INTERACTION_CREATE sent on the fake gateway to the bot's
// callback arriving at the fake REST API, with many annotators clicking at once, through the
// real discord.js client and a real database. PGlite by default; a scratch PostgreSQL database
// when DATABASE_URL is set.
//
//   npm run bench:discord -- [--annotators 50] [--rounds 5]
import os from 'node:os';
import { parseArgs } from 'node:util';

import { pino } from 'pino';

import { createDiscordAdapter } from '../adapters/discord/index.js';
import { environmentSchema, loadConfig } from '../src/config.js';
import { FakeDiscord, TOKEN, type FakeMessage } from '../test/support/discord-fake.js';
import {
  IDS,
  MANAGE_GUILD,
  person,
  press,
  slash,
  submitModal,
  type InteractionPayload,
  type Person,
} from '../test/support/discord-payloads.js';
import { GOOD_RATIONALE, itemsJsonl, manifest } from '../test/support/fixtures.js';
import { openScratchDatabase, printableUrl } from './support/database.js';
import { Samples, wallClock } from './support/stats.js';
import { formatTable, type Row } from './support/table.js';

const STEPS = ['pick', 'rationale', 'form', 'submit', 'next'] as const;
type Step = (typeof STEPS)[number];

interface Bot {
  fake: FakeDiscord;
  /** Interaction callback types seen, to count deferrals (5 and 6). */
  types: Map<number, number>;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      annotators: { type: 'string', default: '50' },
      rounds: { type: 'string', default: '5' },
    },
  });
  return { annotators: Number(values.annotators), rounds: Number(values.rounds) };
}

/** Sends one interaction; resolves with its message and the milliseconds to the callback. */
async function send(bot: Bot, payload: InteractionPayload) {
  const path = `/interactions/${payload.id}/${payload.token}/callback`;
  const from = bot.fake.requests.length;
  const started = performance.now();
  const arrived = bot.fake.waitFor((r) => r.path === path && r.status !== 429, from);
  bot.fake.interact(payload);
  const callback = await arrived;
  const ms = performance.now() - started;
  const type = callback.body.type as number;
  bot.types.set(type, (bot.types.get(type) ?? 0) + 1);
  if (type === 5 || type === 6) {
    const webhook = `/webhooks/${IDS.application}/${payload.token}`;
    await bot.fake.waitFor((r) => r.path.includes(webhook), from);
  }
  return { ms, message: bot.fake.messageFor(payload.token), data: callback.body.data };
}

function idOf(message: FakeMessage | undefined, verb: string, arg?: string): string {
  const found = (message?.components ?? [])
    .flatMap((row) => row.components as Array<{ custom_id?: string }>)
    .map((c) => c.custom_id ?? '')
    .find((id) => id.startsWith(`${verb}:`) && (arg === undefined || id.endsWith(`:${arg}`)));
  if (found === undefined) throw new Error(`no ${verb} button on the message`);
  return found;
}

/** One answer by clicks: pick A, open the rationale modal, submit it, Submit, then Next. */
async function answer(bot: Bot, who: Person, item: FakeMessage, timings?: Map<Step, Samples>) {
  const record = (step: Step, ms: number) => timings?.get(step)?.add(ms);
  const picked = await send(bot, press(who, item, idOf(item, 'pick', 'A')));
  record('pick', picked.ms);
  const form = await send(bot, press(who, picked.message!, idOf(picked.message, 'rationale')));
  record('rationale', form.ms);
  const formId = (form.data as { custom_id: string }).custom_id;
  const saved = await send(bot, submitModal(who, picked.message, formId, GOOD_RATIONALE));
  record('form', saved.ms);
  const stored = await send(bot, press(who, saved.message!, idOf(saved.message, 'submit')));
  record('submit', stored.ms);
  const next = await send(bot, press(who, stored.message!, idOf(stored.message, 'next')));
  record('next', next.ms);
  return next.message!;
}

async function seed(bot: Bot, admin: Person, items: number): Promise<void> {
  const spec = manifest('ranking', { name: 'bench' });
  const file = (name: string, text: string) => ({
    attachment: { filename: name, url: bot.fake.serveFile(name, text), size: text.length },
  });
  const files = {
    manifest: file('manifest.json', JSON.stringify(spec)),
    items: file('items.jsonl', itemsJsonl('ranking', items)),
  };
  await send(bot, slash(admin, 'batch', 'import', files));
  await send(bot, slash(admin, 'batch', 'assign', { name: 'bench', all: true }));
  await send(bot, slash(admin, 'batch', 'activate', { name: 'bench' }));
}

async function firstItem(bot: Bot, who: Person): Promise<FakeMessage> {
  const listed = await send(bot, slash(who, 'annotate', ''));
  const opened = await send(bot, press(who, listed.message!, idOf(listed.message, 'start')));
  return opened.message!;
}

async function measure(bot: Bot, people: Person[], rounds: number) {
  const items = await Promise.all(people.map((who) => firstItem(bot, who)));
  // Warm-up: one answer each, not counted (JIT, connection pools, prepared statements).
  const warm = await Promise.all(people.map((who, i) => answer(bot, who, items[i]!)));

  const timings = new Map(STEPS.map((step) => [step, new Samples()]));
  bot.types.clear();
  const run = () =>
    Promise.all(
      people.map(async (who, i) => {
        let item = warm[i]!;
        for (let round = 0; round < rounds; round += 1)
          item = await answer(bot, who, item, timings);
      }),
    );
  const { seconds } = await wallClock(run);
  return { timings, seconds };
}

function report(timings: Map<Step, Samples>, seconds: number, people: number): Row[] {
  const all = new Samples();
  for (const samples of timings.values()) all.absorb(samples);
  const scenario = `${people} annotators at once`;
  const rows: Row[] = STEPS.map((step, index) => ({
    scenario: index === 0 ? scenario : '',
    operation: `INTERACTION_CREATE -> callback: ${step}`,
    samples: timings.get(step)!,
  }));
  rows.push({
    scenario: '',
    operation: 'all interactions',
    samples: all,
    rate: all.count / seconds,
  });
  return rows;
}

async function main(): Promise<void> {
  const options = readOptions();
  const logger = pino({ level: 'silent' });
  const databaseUrl = loadConfig().DATABASE_URL;
  const scratch = await openScratchDatabase(databaseUrl, logger, 24);
  const fake = await FakeDiscord.start();
  const config = environmentSchema.parse({
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: IDS.application,
    DISCORD_API_URL: fake.apiUrl,
  });
  const adapter = createDiscordAdapter({
    config,
    ctx: scratch.ctx,
    clientOverrides: { waitGuildTimeout: 0, rest: { globalRequestsPerSecond: 100_000 } },
  });
  const bot: Bot = { fake, types: new Map() };
  try {
    await adapter.start();
    const people = Array.from({ length: options.annotators }, (_, i) => person(`annotator-${i}`));
    await seed(
      bot,
      person('bench-admin', { permissions: MANAGE_GUILD }),
      people.length * (options.rounds + 2),
    );
    const { timings, seconds } = await measure(bot, people, options.rounds);

    console.log(`Discord adapter benchmark: ${os.cpus().length} CPUs, Node ${process.version}`);
    console.log(
      `Database: ${databaseUrl === undefined ? scratch.description : printableUrl(databaseUrl)}`,
    );
    console.log(
      `Rounds: ${options.rounds} answers (5 interactions each) per annotator after warm-up`,
    );
    console.log(
      `Deferred answers (types 5/6): ${(bot.types.get(5) ?? 0) + (bot.types.get(6) ?? 0)}`,
    );
    console.log('');
    console.log(formatTable(report(timings, seconds, people.length)));
  } finally {
    await adapter.stop();
    await fake.close();
    await scratch.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
