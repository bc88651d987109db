// A fresh database for one test file, copied from the run's migrated template.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';
import { pino, type Logger } from 'pino';

import type { Context } from '../../src/core/context.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import {
  adminUrl,
  pgliteTemplateDir,
  postgresTemplateName,
  testDbMode,
  urlFor,
} from './db-mode.js';

export interface TestDatabase {
  database: Database;
  ctx: Context;
  /** Where the data lives: a PGlite directory or a PostgreSQL URL. */
  location: { dataDir: string; databaseUrl?: string };
  close(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function freshPostgres(logger: Logger): Promise<TestDatabase> {
  const name = `inchannel_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${postgresTemplateName()}"`);
  const databaseUrl = urlFor(name);
  const database = await openDatabase({ databaseUrl, dataDir: '', logger, poolSize: 24 });
  const close = async () => {
    await database.close();
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  const ctx = { prisma: database.prisma, logger, now: () => new Date() };
  return { database, ctx, location: { dataDir: '', databaseUrl }, close };
}

async function freshPglite(logger: Logger): Promise<TestDatabase> {
  const root = mkdtempSync(join(tmpdir(), 'inchannel-test-'));
  const dataDir = join(root, 'pglite');
  cpSync(pgliteTemplateDir(), dataDir, { recursive: true });
  const database = await openDatabase({ dataDir, logger });
  const close = async () => {
    await database.close();
    rmSync(root, { recursive: true, force: true });
  };
  const ctx = { prisma: database.prisma, logger, now: () => new Date() };
  return { database, ctx, location: { dataDir }, close };
}

export function testLogger(): Logger {
  return pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
}

export async function freshDatabase(logger: Logger = testLogger()): Promise<TestDatabase> {
  return testDbMode() === 'postgres' ? freshPostgres(logger) : freshPglite(logger);
}

export interface TestLocation {
  /** Environment that points a child process (the bot, the command line) at this database. */
  env: Record<string, string>;
  open(): Promise<TestDatabase>;
  cleanup(): Promise<void>;
}

/** A fresh database that is not opened here, for child processes to use. */
export async function freshLocation(): Promise<TestLocation> {
  if (testDbMode() === 'postgres') {
    const name = `inchannel_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${postgresTemplateName()}"`);
    const databaseUrl = urlFor(name);
    return {
      env: { DATABASE_URL: databaseUrl, INCHANNEL_DATA_DIR: './data/unused' },
      open: async () => openAt({ databaseUrl, dataDir: '' }),
      cleanup: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const root = mkdtempSync(join(tmpdir(), 'inchannel-test-'));
  const dataDir = join(root, 'pglite');
  cpSync(pgliteTemplateDir(), dataDir, { recursive: true });
  return {
    env: { DATABASE_URL: '', INCHANNEL_DATA_DIR: dataDir },
    open: async () => openAt({ dataDir }),
    cleanup: async () => rmSync(root, { recursive: true, force: true }),
  };
}

async function openAt(location: { dataDir: string; databaseUrl?: string }): Promise<TestDatabase> {
  const logger = testLogger();
  const database = await openDatabase({ ...location, logger });
  const ctx = { prisma: database.prisma, logger, now: () => new Date() };
  return { database, ctx, location, close: () => database.close() };
}
