// Creates one migrated database template per run; each test file then copies it, which is far
// cheaper than creating and migrating a database per file.
import { existsSync, renameSync, rmSync } from 'node:fs';

import pg from 'pg';
import { pino } from 'pino';

import { openDatabase } from '../../src/store/database.js';
import {
  adminUrl,
  pgliteTemplateDir,
  postgresTemplateName,
  testDbMode,
  urlFor,
} from './db-mode.js';

const silent = pino({ level: 'silent' });

// Each template is built under a temporary name and renamed once migrated, so a run killed
// half-way never leaves a half-built template for the next run to trust.

async function pgliteTemplate(): Promise<void> {
  const dir = pgliteTemplateDir();
  if (existsSync(dir)) return;
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: building, logger: silent });
  await database.close();
  renameSync(building, dir);
}

async function postgresTemplate(): Promise<void> {
  const name = postgresTemplateName();
  const building = `${name}_building`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount !== 0) return;
    await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${building}"`);
    const url = urlFor(building);
    const database = await openDatabase({ databaseUrl: url, dataDir: '', logger: silent });
    await database.close();
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
  } finally {
    await admin.end();
  }
}

export default async function setup(): Promise<void> {
  if (testDbMode() === 'postgres') await postgresTemplate();
  else await pgliteTemplate();
}
