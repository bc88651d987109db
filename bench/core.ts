// The core benchmark: how quickly annotators store an answer and get their next item, from many
// members at once and from one, through the core and through dispatch, next to the plain insert
// rate of the same database. Fresh PGlite by default; a scratch database when DATABASE_URL is set.
//
//   npm run bench -- [--members 16] [--seconds 10] [--items 2000]
import os from 'node:os';
import { parseArgs } from 'node:util';

import { pino } from 'pino';

import type { Work } from '../src/assignment/load.js';
import { loadConfig } from '../src/config.js';
import { actionId } from '../src/core/actions.js';
import type { Context } from '../src/core/context.js';
import { dispatch } from '../src/core/dispatch.js';
import type { Invocation } from '../src/core/invocation.js';
import type { Reply } from '../src/core/view.js';
import {
  elements,
  findAction,
  GOOD_RATIONALE,
  press,
  replyText,
  submitForm,
} from '../test/support/fixtures.js';
import { openScratchDatabase, printableUrl } from './support/database.js';
import { Deadline, Samples, timed, wallClock, withPeakRss } from './support/stats.js';
import { formatTable, type Row } from './support/table.js';
import {
  claimWork,
  enrol,
  openRankingBatch,
  REDUNDANCY,
  storeAnswer,
  type Annotator,
} from './support/workload.js';

interface Options {
  members: number;
  seconds: number;
  items: number;
  args: string[];
}

const WARM_UP_SECONDS = 2;
const WARM_UP_ITEMS = 200;
const DISPATCH_ANSWERS_PER_MEMBER = 20;

function positiveInteger(flag: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new Error(`--${flag} takes a whole number of at least 1, got "${value}"`);
  }
  return parsed;
}

function readOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      members: { type: 'string', default: '16' },
      seconds: { type: 'string', default: '10' },
      items: { type: 'string', default: '2000' },
    },
  });
  return {
    members: positiveInteger('members', values.members),
    seconds: positiveInteger('seconds', values.seconds),
    items: positiveInteger('items', values.items),
    args,
  };
}

// ---- Answer and next: the hot path, called directly --------------------------------------------

interface HotTimings {
  store: Samples;
  claim: Samples;
  total: Samples;
}

async function answerLoop(ctx: Context, batchId: string, memberId: string, until: Deadline) {
  const timings: HotTimings = { store: new Samples(), claim: new Samples(), total: new Samples() };
  let work: Work | null = await claimWork(ctx, batchId, memberId);
  while (work !== null && !until.passed) {
    const started = performance.now();
    await storeAnswer(ctx, work);
    const stored = performance.now();
    work = await claimWork(ctx, batchId, memberId);
    const claimed = performance.now();

    timings.store.add(stored - started);
    timings.claim.add(claimed - stored);
    timings.total.add(claimed - started);
  }
  return timings;
}

function merge(parts: HotTimings[]): HotTimings {
  const merged: HotTimings = { store: new Samples(), claim: new Samples(), total: new Samples() };
  for (const part of parts) {
    for (const key of ['store', 'claim', 'total'] as const) merged[key].absorb(part[key]);
  }
  return merged;
}

async function answerAndNext(
  ctx: Context,
  annotators: Annotator[],
  batchId: string,
  seconds: number,
) {
  const until = new Deadline(seconds);
  const run = () => Promise.all(annotators.map((a) => answerLoop(ctx, batchId, a.memberId, until)));
  const { result, rssMb } = await withPeakRss(() => wallClock(run));
  return { timings: merge(result.result), seconds: result.seconds, rssMb };
}

async function answerScenario(ctx: Context, annotators: Annotator[], options: Options) {
  // Each scenario gets its own batch, so every one starts from an untouched queue.
  const workspaceId = annotators[0]?.workspaceId ?? '';
  const name = `answer-next-${annotators.length}`;
  const batchId = await openRankingBatch(ctx, workspaceId, name, options.items);
  const measured = await answerAndNext(ctx, annotators, batchId, options.seconds);

  const scenario = `answer and next, ${plural(annotators.length, 'member')}`;
  const { timings } = measured;
  const rows: Row[] = [
    { scenario, operation: 'store (draft + submitAnswer)', samples: timings.store },
    { scenario: '', operation: 'claim (claimNext + loadWork)', samples: timings.claim },
    {
      scenario: '',
      operation: 'store + next',
      samples: timings.total,
      rate: timings.total.count / measured.seconds,
      rssMb: measured.rssMb,
    },
  ];
  return rows;
}

// ---- Full dispatch path: what a platform adapter sees per click ---------------------------------

const CLICKS = [
  'press pick',
  'press rationale',
  'form rationale',
  'press submit',
  'press next',
] as const;

type DispatchTimings = Record<(typeof CLICKS)[number] | 'answer', Samples>;

function dispatchTimings(): DispatchTimings {
  const names = [...CLICKS, 'answer'] as const;
  return Object.fromEntries(names.map((name) => [name, new Samples()])) as DispatchTimings;
}

function hasItem(reply: Reply): boolean {
  return elements(reply).some((element) => element.id.startsWith('pick:'));
}

/** One answer by clicks: pick A, open and fill the rationale form, submit, then Next. */
async function answerByClicks(ctx: Context, who: Annotator, item: Reply, timings: DispatchTimings) {
  const step = (name: keyof DispatchTimings, invocation: Invocation) =>
    timed(timings[name], () => dispatch(ctx, invocation));

  const picked = await step('press pick', press(who.actor, findAction(item, 'pick', 'A')));
  const form = await step('press rationale', press(who.actor, findAction(picked, 'rationale')));
  if (form.type !== 'form') throw new Error(`expected the rationale form: ${replyText(form)}`);
  const fields = submitForm(who.actor, form.form.id, GOOD_RATIONALE);
  const saved = await step('form rationale', fields);
  const stored = await step('press submit', press(who.actor, findAction(saved, 'submit')));
  if (!replyText(stored).includes('Stored')) throw new Error(`not stored: ${replyText(stored)}`);
  return step('press next', press(who.actor, findAction(stored, 'next')));
}

async function clickLoop(ctx: Context, who: Annotator, batchId: string, until: Deadline) {
  const timings = dispatchTimings();
  let item = await dispatch(ctx, press(who.actor, actionId('start', batchId)));
  for (let n = 0; n < DISPATCH_ANSWERS_PER_MEMBER && hasItem(item) && !until.passed; n += 1) {
    const started = performance.now();
    item = await answerByClicks(ctx, who, item, timings);
    timings.answer.add(performance.now() - started);
  }
  return timings;
}

async function dispatchScenario(ctx: Context, annotators: Annotator[], options: Options) {
  // Smaller and count-bound: each answer costs five invocations with identity resolution.
  const workspaceId = annotators[0]?.workspaceId ?? '';
  const batchId = await openRankingBatch(ctx, workspaceId, 'dispatch', options.items);
  const until = new Deadline(options.seconds);
  const run = () => Promise.all(annotators.map((a) => clickLoop(ctx, a, batchId, until)));
  const { result, rssMb } = await withPeakRss(() => wallClock(run));

  const merged = dispatchTimings();
  for (const part of result.result) {
    for (const name of Object.keys(merged) as Array<keyof DispatchTimings>) {
      merged[name].absorb(part[name]);
    }
  }
  const scenario = `dispatch, ${plural(annotators.length, 'member')}`;
  const rows: Row[] = CLICKS.map((name, index) => ({
    scenario: index === 0 ? scenario : '',
    operation: name,
    samples: merged[name],
  }));
  const answers = merged.answer;
  const rate = answers.count / result.seconds;
  rows.push({ scenario: '', operation: 'answer (5 invocations)', samples: answers, rate, rssMb });
  return rows;
}

// ---- Raw inserts: the ceiling the database itself sets through Prisma ---------------------------

async function insertLoop(ctx: Context, caller: number, until: Deadline, samples: Samples) {
  while (!until.passed) {
    await timed(
      samples,
      () => ctx.prisma.$executeRaw`
      INSERT INTO bench_insert (caller, payload) VALUES (${caller}, ${'answer-sized payload'})`,
    );
  }
}

async function insertScenario(ctx: Context, callers: number, seconds: number): Promise<Row> {
  const samples = new Samples();
  const until = new Deadline(seconds);
  const callerIds = Array.from({ length: callers }, (_, index) => index);
  const run = () => Promise.all(callerIds.map((id) => insertLoop(ctx, id, until, samples)));
  const { result, rssMb } = await withPeakRss(() => wallClock(run));
  return {
    scenario: `raw insert, ${plural(callers, 'caller')}`,
    operation: '$executeRaw INSERT',
    samples,
    rate: samples.count / result.seconds,
    rssMb,
  };
}

async function createInsertTable(ctx: Context): Promise<void> {
  await ctx.prisma.$executeRawUnsafe(`
    CREATE TABLE bench_insert (
      id bigserial PRIMARY KEY,
      caller int NOT NULL,
      payload text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
}

// ---- Consistency: the property the hot path must keep under concurrency ------------------------

interface Violations {
  responses: number;
  overfilled: number;
  repeated: number;
  overcounted: number;
}

async function findViolations(ctx: Context): Promise<Violations> {
  const rows = await ctx.prisma.$queryRaw<Violations[]>`
    SELECT
      (SELECT count(*)::int FROM "Response") AS responses,
      (SELECT count(*)::int FROM (
         SELECT r."itemId" FROM "Response" r
           JOIN "Item" i ON i.id = r."itemId" JOIN "Batch" b ON b.id = i."batchId"
          GROUP BY r."itemId", b.redundancy HAVING count(*) > b.redundancy) o) AS overfilled,
      (SELECT count(*)::int FROM (
         SELECT 1 FROM "Response" GROUP BY "itemId", "memberId" HAVING count(*) > 1) p)
        AS repeated,
      (SELECT count(*)::int FROM "Item" i JOIN "Batch" b ON b.id = i."batchId"
        WHERE i."liveCount" > b.redundancy) AS overcounted`;
  const found = rows[0];
  if (found === undefined) throw new Error('the consistency query returned no row');
  return found;
}

function describeViolations(found: Violations): string[] {
  const problems: string[] = [];
  if (found.overfilled > 0) {
    problems.push(`${found.overfilled} items have more than ${REDUNDANCY} answers`);
  }
  if (found.repeated > 0) problems.push(`${found.repeated} (item, member) pairs answered twice`);
  if (found.overcounted > 0) {
    problems.push(`${found.overcounted} items count more than ${REDUNDANCY} live assignments`);
  }
  return problems;
}

// ---- Report -----------------------------------------------------------------------------------

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function loadAverage(): string {
  const [one, five] = os.loadavg();
  return `load average ${one?.toFixed(1)} (1 min), ${five?.toFixed(1)} (5 min) at the end`;
}

function header(options: Options, databaseUrl: string | undefined, target: string): string {
  const prefix = databaseUrl === undefined ? '' : `DATABASE_URL=${printableUrl(databaseUrl)} `;
  const args = options.args.length === 0 ? '' : ` -- ${options.args.join(' ')}`;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const memory = Math.round(os.totalmem() / 1024 ** 3);
  return [
    `# command:  ${prefix}npm run bench${args}`,
    `# database: ${target}`,
    `# machine:  ${os.availableParallelism()} cores (${cpu}), ${memory} GB, ` +
      `node ${process.version}`,
    `# load:     ${loadAverage()}; other work on the machine widens the spread`,
    `# settings: ${options.members} members, ${options.seconds} s per scenario, ` +
      `${options.items} items per batch, redundancy ${REDUNDANCY}, ` +
      `${WARM_UP_SECONDS} s warm-up, dispatch up to ${DISPATCH_ANSWERS_PER_MEMBER} answers/member`,
  ].join('\n');
}

// ---- Run ----------------------------------------------------------------------------------------

async function warmUp(ctx: Context, annotators: Annotator[]): Promise<void> {
  // Compiles Prisma's queries and lets the JIT and the database caches settle; nothing is kept.
  const workspaceId = annotators[0]?.workspaceId ?? '';
  const batchId = await openRankingBatch(ctx, workspaceId, 'warm-up', WARM_UP_ITEMS);
  await answerAndNext(ctx, annotators, batchId, WARM_UP_SECONDS);
  const few = annotators.slice(0, 2);
  await Promise.all(few.map((a) => clickLoop(ctx, a, batchId, new Deadline(WARM_UP_SECONDS))));
}

async function measure(ctx: Context, annotators: Annotator[], options: Options): Promise<Row[]> {
  const first = annotators.slice(0, 1);
  const rows = [
    ...(await answerScenario(ctx, annotators, options)),
    ...(await answerScenario(ctx, first, options)),
    ...(await dispatchScenario(ctx, annotators, options)),
  ];
  await createInsertTable(ctx);
  rows.push(await insertScenario(ctx, 1, options.seconds));
  rows.push(await insertScenario(ctx, annotators.length, options.seconds));
  return rows;
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  const { DATABASE_URL: databaseUrl } = loadConfig();
  // Warnings and errors only, on stderr: a failed invocation must show, the table stays clean.
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const scratch = await openScratchDatabase(databaseUrl, logger, options.members + 4);

  try {
    const annotators = await enrol(scratch.ctx, options.members);
    await warmUp(scratch.ctx, annotators);
    const rows = await measure(scratch.ctx, annotators, options);
    console.log(`${header(options, databaseUrl, scratch.description)}\n\n${formatTable(rows)}\n`);

    const found = await findViolations(scratch.ctx);
    const problems = describeViolations(found);
    if (problems.length === 0) console.log(`consistency: ok (${found.responses} responses)`);
    else console.log(`consistency: FAILED\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return problems.length === 0 ? 0 : 1;
  } finally {
    await scratch.dispose();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
