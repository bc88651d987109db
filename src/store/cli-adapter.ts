// The driver adapter the Prisma CLI uses for migrate commands: PostgreSQL when DATABASE_URL is
// set, otherwise the embedded PGlite directory (which must not be open in a running bot).
// Known shortcoming: against PGlite the CLI finishes its work but does not exit, since Prisma
// never disposes the adapter and the open instance keeps the process alive. The bot migrates
// PGlite itself at start-up; run the CLI against PostgreSQL.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

import { loadConfig } from '../config.js';
import { createPgPool } from './pg-pool.js';

export async function openCliAdapter(): Promise<PrismaPg | PrismaPGlite> {
  const config = loadConfig();
  if (config.DATABASE_URL !== undefined) {
    // A short idle timeout lets the CLI exit soon after its last query.
    return new PrismaPg(createPgPool(config.DATABASE_URL, { max: 2, idleTimeoutMillis: 500 }));
  }
  return new PrismaPGlite(await PGlite.create(config.INCHANNEL_DATA_DIR));
}
