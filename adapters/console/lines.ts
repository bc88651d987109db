// Reads a stream line by line on demand, so the console can ask a question mid-conversation.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export class LineReader {
  private readonly queued: string[] = [];
  private waiting: ((line: string | null) => void) | undefined;
  private closed = false;

  constructor(input: Readable) {
    const lines = createInterface({ input, terminal: false, crlfDelay: Infinity });
    lines.on('line', (line) => this.push(line));
    lines.on('close', () => {
      this.closed = true;
      this.waiting?.(null);
      this.waiting = undefined;
    });
  }

  private push(line: string): void {
    if (this.waiting === undefined) {
      this.queued.push(line);
      return;
    }
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve(line);
  }

  /** The next line, or null once the input has ended. */
  next(): Promise<string | null> {
    const line = this.queued.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }
}
