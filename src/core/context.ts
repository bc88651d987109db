// Dependencies travel in a context object, never through globals.
import type { Logger } from 'pino';

import type { Prisma } from '../store/database.js';

export interface Context {
  prisma: Prisma;
  logger: Logger;
  now: () => Date;
}
