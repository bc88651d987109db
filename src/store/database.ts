// The only module that constructs the Prisma client. PGlite in a data directory when
// DATABASE_URL is unset, PostgreSQL when it is set; migrations applied before anything else.
import { fileURLToPath } from 'node:url';

import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Logger } from 'pino';

import { PrismaClient } from './generated/client.js';
import { lockDataDirectory } from './lock.js';
import { migrate, readMigrations, type SqlRunner } from './migrator.js';
import { createPgPool } from './pg-pool.js';

export type Prisma = PrismaClient;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  readonly kind: DatabaseKind;
  readonly prisma: PrismaClient;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  logger: Logger;
  poolSize?: number;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

function pgliteRunner(pglite: PGlite): SqlRunner {
  return {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) =>
      (await pglite.query<Row>(sql, params)).rows,
  };
}

function poolRunner(client: pg.PoolClient): SqlRunner {
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows as Row[],
  };
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const lock = lockDataDirectory(options.dataDir);
  try {
    const pglite = await PGlite.create(options.dataDir);
    const applied = await migrate(pgliteRunner(pglite), readMigrations(MIGRATIONS_DIR));
    if (applied.length > 0) options.logger.info({ applied }, 'migrations applied');

    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    const close = async (): Promise<void> => {
      await prisma.$disconnect();
      // $disconnect leaves the PGlite instance open, and an open instance keeps the process alive.
      await pglite.close();
      lock.release();
    };
    return { kind: 'pglite', prisma, close };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const pool = createPgPool(url, { max: options.poolSize ?? 10 }, (error) =>
    options.logger.warn({ err: error }, 'idle database connection lost'),
  );
  const client = await pool.connect();
  try {
    const applied = await migrate(poolRunner(client), readMigrations(MIGRATIONS_DIR));
    if (applied.length > 0) options.logger.info({ applied }, 'migrations applied');
  } finally {
    client.release();
  }

  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const close = async (): Promise<void> => {
    await prisma.$disconnect();
    await pool.end();
  };
  return { kind: 'postgres', prisma, close };
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const url = options.databaseUrl;
  const database = url === undefined ? await openPglite(options) : await openPostgres(url, options);
  options.logger.debug({ kind: database.kind }, 'database open');
  return database;
}
