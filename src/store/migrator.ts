// Applies prisma/migrations at start-up inside the bot's own process, recording each in Prisma's
// `_prisma_migrations` table with Prisma's checksum, so `prisma migrate status` agrees with it.
// Running in-process matters for PGlite, whose directory only one process may open.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The two statements a migrator needs from either driver. */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

const LEDGER = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any constant works; it only has to be the same in every inchannel process.
const MIGRATION_LOCK_KEY = 7_346_201;

export function readMigrations(directory: string): Migration[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(directory, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      return { name, sql, checksum };
    });
}

async function appliedNames(runner: SqlRunner): Promise<Set<string>> {
  const rows = await runner.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Set(rows.map((row) => row.migration_name));
}

async function applyOne(runner: SqlRunner, migration: Migration): Promise<void> {
  // The migration and its ledger row commit together or not at all.
  await runner.exec('BEGIN');
  try {
    await runner.exec(migration.sql);
    await runner.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await runner.exec('COMMIT');
  } catch (error) {
    await runner.exec('ROLLBACK');
    throw error;
  }
}

/** Applies every migration not yet applied; returns the names it applied, in order. */
export async function migrate(runner: SqlRunner, migrations: Migration[]): Promise<string[]> {
  // Several processes may start at once against one PostgreSQL: one migrates, the rest wait.
  await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await runner.exec(LEDGER);
    const done = await appliedNames(runner);
    const pending = migrations.filter((migration) => !done.has(migration.name));
    for (const migration of pending) await applyOne(runner, migration);
    return pending.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
  }
}
