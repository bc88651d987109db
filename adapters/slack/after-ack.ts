// Work that follows an acknowledgement runs a few jobs at a time, each from a fresh turn of the
// event loop, so requests arriving meanwhile are read and acknowledged in between. Without it,
// fifty presses at once on PGlite (which runs on the event loop) hold acknowledgements back for
// about a second, and a larger burst would miss Slack's 3 seconds. PGlite answers one query at
// a time anyway, so one job at a time costs it nothing; PostgreSQL gets four (bench/slack.ts).
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class AfterAck {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** `urgent` jobs go to the front of the line: opening a modal must beat the trigger_id's
   * 3 seconds. */
  async run(job: () => Promise<void>, urgent = false): Promise<void> {
    await this.slot(urgent);
    try {
      await nextTurn();
      await job();
    } finally {
      this.release();
    }
  }

  private slot(urgent: boolean): Promise<void> {
    if (this.running < this.limit) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      if (urgent) this.waiting.unshift(resolve);
      else this.waiting.push(resolve);
    });
  }

  /** Hands the slot straight to the next job, or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next === undefined) this.running -= 1;
    else next();
  }
}
