// Work after an acknowledgement runs a few jobs at a time, urgent ones (opening a modal) first.
import { describe, expect, it } from 'vitest';

import { AfterAck } from '../../adapters/slack/after-ack.js';

function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('work after an acknowledgement', () => {
  it('runs one job at a time, an urgent job ahead of those waiting', async () => {
    const queue = new AfterAck(1);
    const started: string[] = [];
    const first = gate();
    const firstStarted = gate();

    const jobs = [
      queue.run(async () => {
        started.push('first');
        firstStarted.open();
        await first.opened;
      }),
      queue.run(async () => void started.push('plain')),
      queue.run(async () => void started.push('urgent'), true),
    ];
    await firstStarted.opened;
    expect(started).toEqual(['first']);

    first.open();
    await Promise.all(jobs);
    expect(started).toEqual(['first', 'urgent', 'plain']);
  });

  it('frees its slot when a job fails', async () => {
    const queue = new AfterAck(1);
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    let ran = false;
    await queue.run(async () => void (ran = true));
    expect(ran).toBe(true);
  });
});
