// Posts to a response_url: how Slack lets an app answer privately (an ephemeral message) and
// replace the ephemeral message whose button was pressed. A 429 is waited out, never dropped.
import type { Logger } from 'pino';

import { DeliveryError } from './errors.js';

const ATTEMPTS = 4;
const MAX_WAIT_S = 60;

const pause = (seconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, seconds * 1000));

function retryAfter(response: Response): number {
  const seconds = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  return Number.isNaN(seconds) ? 1 : Math.min(Math.max(seconds, 0), MAX_WAIT_S);
}

export async function postToResponseUrl(
  url: string,
  body: Record<string, unknown>,
  logger: Logger,
): Promise<void> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 429) {
      await response.body?.cancel();
      if (response.ok) return;
      throw new DeliveryError('response_url', `HTTP ${response.status}`);
    }
    const seconds = retryAfter(response);
    await response.body?.cancel();
    logger.warn({ retryAfterS: seconds, attempt }, 'slack response_url rate limited');
    await pause(seconds);
  }
  throw new DeliveryError('response_url', `still rate limited after ${ATTEMPTS} attempts`);
}
