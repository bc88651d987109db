// Which database the suite runs on: INCHANNEL_TEST_DB=pglite (default) or postgres, the latter
// at INCHANNEL_TEST_POSTGRES_URL (default: the local server with trust authentication).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MIGRATIONS_DIR } from '../../src/store/database.js';

export type TestDb = 'pglite' | 'postgres';

export function testDbMode(): TestDb {
  return process.env.INCHANNEL_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export function adminUrl(): string {
  return process.env.INCHANNEL_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
}

export function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/** Changes whenever a migration changes, so stale templates are never reused. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS_DIR).sort()) {
    if (name.endsWith('.toml')) continue;
    hash.update(name).update(readFileSync(join(MIGRATIONS_DIR, name, 'migration.sql')));
  }
  return hash.digest('hex').slice(0, 12);
}

export function pgliteTemplateDir(): string {
  return join(tmpdir(), `inchannel-template-${migrationsHash()}`);
}

export function postgresTemplateName(): string {
  return `inchannel_template_${migrationsHash()}`;
}
