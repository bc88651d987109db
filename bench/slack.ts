// How fast the Slack adapter acknowledges a button press when 50 annotators press at once: the
// real Bolt app in HTTP mode, the fake Slack from the test suite, and a real database (PGlite in
// a temporary directory, or a scratch database on the DATABASE_URL server).
// Run: npm run bench:slack
import { randomBytes } from 'node:crypto';

import { pino } from 'pino';

import { createSlackAdapter } from '../adapters/slack/index.js';
import { environmentSchema, loadConfig } from '../src/config.js';
import type { Context } from '../src/core/context.js';
import { openScratchDatabase } from './support/database.js';
import { command, itemsJsonl, manifest, run } from '../test/support/fixtures.js';
import { SlackFake, type Json } from '../test/support/slack-fake.js';
import {
  blockActions,
  FORM,
  interaction,
  signature,
  slashCommand,
} from '../test/support/slack-requests.js';

const ANNOTATORS = 50;
const WARM_UP_ROUNDS = 5;
const ROUNDS = 20;
const SECRET = 'bench-signing-secret';
const TEAM = `TBENCH${randomBytes(3).toString('hex').toUpperCase()}`;
const CHANNEL = 'CBENCH';

interface Signed {
  body: string;
  headers: Record<string, string>;
}

function sign(body: string): Signed {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      'content-type': FORM,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(SECRET, timestamp, body),
    },
  };
}

async function send(endpoint: string, signed: Signed): Promise<number> {
  const started = performance.now();
  const response = await fetch(endpoint, { method: 'POST', ...signed });
  await response.text();
  if (response.status !== 200) throw new Error(`Bolt answered ${response.status}`);
  return performance.now() - started;
}

interface Timing {
  ack: number;
  delivered: number;
}

/** One press: milliseconds to Bolt's acknowledgement and to the updated item at the fake. */
async function press(fake: SlackFake, endpoint: string, signed: Signed, responseUrl: string) {
  const started = performance.now();
  const delivered = fake.waitForPost(responseUrl).then(() => performance.now() - started);
  const ack = await send(endpoint, signed);
  return { ack, delivered: await delivered };
}

async function seed(ctx: Context): Promise<void> {
  const admin = {
    platform: 'slack' as const,
    workspaceId: TEAM,
    workspaceName: 'bench',
    memberId: 'UADMIN',
    displayName: 'admin',
    platformAdmin: true,
  };
  const files = {
    manifest: { filename: 'm.json', text: JSON.stringify(manifest('ranking', { redundancy: 1 })) },
    items: { filename: 'i.jsonl', text: itemsJsonl('ranking', ANNOTATORS * 2) },
  };
  await run(ctx, command(admin, 'batch', 'import', files));
  await run(ctx, command(admin, 'batch', 'assign', { name: 'ranking-batch', all: true }));
  await run(ctx, command(admin, 'batch', 'activate', { name: 'ranking-batch' }));
}

/** Each annotator types /annotate and keeps the "A is better" button of their item. */
async function offerItems(fake: SlackFake, endpoint: string): Promise<Map<string, Json>> {
  const buttons = new Map<string, Json>();
  await Promise.all(
    Array.from({ length: ANNOTATORS }, async (_, index) => {
      const userId = `UBENCH${index}`;
      const responseUrl = fake.responseUrl();
      const body = slashCommand({ userId, teamId: TEAM }, '/annotate', 'ranking-batch', {
        channelId: CHANNEL,
        responseUrl,
        triggerId: fake.nextId('trigger-'),
      });
      await send(endpoint, sign(body));
      const item = await fake.waitForPost(responseUrl);
      const elements = (item.blocks as Json[]).flatMap((block) =>
        block.type === 'actions' ? (block.elements as Json[]) : [],
      );
      const pick = elements.find((element) => String(element.action_id).startsWith('pick:'));
      if (pick === undefined) throw new Error(`no item for ${userId}`);
      buttons.set(userId, pick);
    }),
  );
  return buttons;
}

/** Everyone presses at once; resolves once every updated item has been delivered. */
async function round(fake: SlackFake, endpoint: string, buttons: Map<string, Json>) {
  const presses = [...buttons].map(([userId, button]) => {
    const responseUrl = fake.responseUrl();
    const payload = blockActions(
      { userId, teamId: TEAM },
      {
        action: { action_id: button.action_id, type: 'button', value: '' },
        container: { type: 'message', channelId: CHANNEL, ts: '1.000001', ephemeral: true },
        responseUrl,
        triggerId: fake.nextId('trigger-'),
      },
    );
    return { responseUrl, signed: sign(interaction(payload)) };
  });
  return Promise.all(presses.map((one) => press(fake, endpoint, one.signed, one.responseUrl)));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function report(what: string, values: number[]): void {
  const sorted = [...values].sort((a, b) => a - b);
  const median = percentile(sorted, 50).toFixed(1);
  const p99 = percentile(sorted, 99).toFixed(1);
  console.log(`  ${what}: median ${median} ms, p99 ${p99} ms`);
}

async function main(): Promise<void> {
  const logger = pino({ level: 'silent' });
  // A scratch database (PGlite, or a new database on the DATABASE_URL server), dropped at the end:
  // the benchmark never writes into the database the URL names.
  const databaseUrl = loadConfig().DATABASE_URL;
  const scratch = await openScratchDatabase(databaseUrl, logger, 24);
  const { ctx } = scratch;
  const fake = await SlackFake.start();
  const config = environmentSchema.parse({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
  });
  const adapter = createSlackAdapter({
    config,
    ctx,
    receiverOverrides: { host: '127.0.0.1', port: 0 },
  });
  await adapter.start();
  const endpoint = `http://127.0.0.1:${adapter.address()?.port}/slack/events`;

  await seed(ctx);
  const buttons = await offerItems(fake, endpoint);
  for (let i = 0; i < WARM_UP_ROUNDS; i += 1) await round(fake, endpoint, buttons);
  const samples: Timing[] = [];
  for (let i = 0; i < ROUNDS; i += 1) samples.push(...(await round(fake, endpoint, buttons)));

  const kind = databaseUrl === undefined ? 'PGlite' : 'PostgreSQL';
  console.log(`Slack button press, ${ANNOTATORS} annotators at once, ${kind}`);
  console.log(`  ${samples.length} presses (${ROUNDS} rounds after ${WARM_UP_ROUNDS} warm-up)`);
  report(
    'to Bolt acknowledgement',
    samples.map((sample) => sample.ack),
  );
  report(
    'to the updated item',
    samples.map((sample) => sample.delivered),
  );

  await adapter.stop();
  await fake.close();
  await scratch.dispose();
}

await main();
