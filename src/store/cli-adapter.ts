// The driver adapter the Prisma CLI uses for migrate commands: PostgreSQL when DATABASE_URL is
// set, otherwise the embedded PGlite directory (which must not be open in a running bot).
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

import { loadConfig } from '../config.js';
import { createPgPool } from './pg-pool.js';

export async function openCliAdapter(): Promise<PrismaPg | PrismaPGlite> {
  const config = loadConfig();
  if (config.DATABASE_URL !== undefined) {
    return new PrismaPg(createPgPool(config.DATABASE_URL, 2));
  }
  return new PrismaPGlite(await PGlite.create(config.INCHANNEL_DATA_DIR));
}
