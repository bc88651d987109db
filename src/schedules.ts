// Recurring work: lease expiry every minute, so abandoned items go back to the pool.
import cron from 'node-cron';

import type { Config } from './config.js';
import type { Context } from './core/context.js';
import { expireLeases } from './assignment/claim.js';

export interface Schedules {
  stop(): void;
}

export function startSchedules(ctx: Context, _config: Config): Schedules {
  const leases = cron.schedule('* * * * *', async () => {
    try {
      const expired = await expireLeases(ctx);
      if (expired > 0) ctx.logger.info({ expired }, 'leases expired');
    } catch (error) {
      ctx.logger.error({ err: error }, 'lease expiry failed');
    }
  });
  return {
    stop: () => {
      void leases.stop();
    },
  };
}
