// Builds the shared context (logger, database, clock) that every adapter serves from.
import type { Logger } from 'pino';

import type { Config } from '../config.js';
import { openDatabase, type Database } from '../store/database.js';
import type { Context } from './context.js';

export interface Runtime {
  ctx: Context;
  database: Database;
}

export async function openRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.INCHANNEL_DATA_DIR,
    logger,
  });
  const ctx: Context = { prisma: database.prisma, logger, now: () => new Date() };
  return { ctx, database };
}
