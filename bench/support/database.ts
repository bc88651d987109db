// A database the benchmark may fill and throw away: PGlite in a temporary directory, or a scratch
// database created on the PostgreSQL server DATABASE_URL names, so real data is never touched.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';
import type { Logger } from 'pino';

import type { Context } from '../../src/core/context.js';
import { openDatabase, type Database } from '../../src/store/database.js';

export interface ScratchDatabase {
  database: Database;
  ctx: Context;
  /** What the run measured against, for the report's header. */
  description: string;
  dispose(): Promise<void>;
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

const DROP_WAIT_MS = 10_000;
const DROP_POLL_MS = 50;

async function sessionsOn(client: pg.Client, name: string): Promise<number> {
  const result = await client.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
    [name],
  );
  return result.rows[0]?.n ?? 0;
}

/**
 * Drops the scratch database once the closed pool's sessions have gone. Forcing it while they
 * linger terminates them, and the pool reports that as an unhandled error that ends the process.
 */
async function dropWhenIdle(client: pg.Client, name: string): Promise<void> {
  const giveUpAt = Date.now() + DROP_WAIT_MS;
  while ((await sessionsOn(client, name)) > 0 && Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, DROP_POLL_MS));
  }
  await client.query(`DROP DATABASE "${name}" WITH (FORCE)`);
}

function contextFor(database: Database, logger: Logger): Context {
  return { prisma: database.prisma, logger, now: () => new Date() };
}

async function openScratchPostgres(url: string, logger: Logger, poolSize: number) {
  const name = `inchannel_bench_${randomBytes(6).toString('hex')}`;
  const version = await onServer(url, async (client) => {
    await client.query(`CREATE DATABASE "${name}"`);
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? 'unknown';
  });
  const drop = () => onServer(url, (client) => dropWhenIdle(client, name));

  try {
    const databaseUrl = withDatabaseName(url, name);
    const database = await openDatabase({ databaseUrl, dataDir: '', logger, poolSize });
    const dispose = async () => {
      await database.close();
      await drop();
    };
    const description = `PostgreSQL ${version}, scratch database ${name}, pool ${poolSize}`;
    return { database, ctx: contextFor(database, logger), description, dispose };
  } catch (error) {
    await drop();
    throw error;
  }
}

async function openScratchPglite(logger: Logger): Promise<ScratchDatabase> {
  const root = mkdtempSync(join(tmpdir(), 'inchannel-bench-'));
  const remove = () => rmSync(root, { recursive: true, force: true });

  try {
    const database = await openDatabase({ dataDir: join(root, 'pglite'), logger });
    const dispose = async () => {
      await database.close();
      remove();
    };
    const description = `PGlite (embedded), fresh data directory under ${tmpdir()}`;
    return { database, ctx: contextFor(database, logger), description, dispose };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Opens a fresh, migrated database; dispose() closes it and deletes everything it held. */
export async function openScratchDatabase(
  databaseUrl: string | undefined,
  logger: Logger,
  poolSize: number,
): Promise<ScratchDatabase> {
  if (databaseUrl === undefined) return openScratchPglite(logger);
  return openScratchPostgres(databaseUrl, logger, poolSize);
}

/** The URL with any password masked, safe to print in a report. */
export function printableUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}
