// Creates one migrated database template per run; each test file then copies it, which is far
// cheaper than creating and migrating a database per file.
import { existsSync, rmSync } from 'node:fs';

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

async function pgliteTemplate(): Promise<void> {
  const dir = pgliteTemplateDir();
  if (existsSync(`${dir}/PG_VERSION`)) return;
  rmSync(dir, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: dir, logger: silent });
  await database.close();
}

async function postgresTemplate(): Promise<void> {
  const name = postgresTemplateName();
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${name}"`);
      const database = await openDatabase({
        databaseUrl: urlFor(name),
        dataDir: '',
        logger: silent,
      });
      await database.close();
    }
  } finally {
    await admin.end();
  }
}

export default async function setup(): Promise<void> {
  if (testDbMode() === 'postgres') await postgresTemplate();
  else await pgliteTemplate();
}
