// Drives the terminal adapter as a person would: type a line, wait for the next prompt, read.
import { PassThrough } from 'node:stream';

import { createConsoleAdapter, type ConsoleAdapter } from '../../adapters/console/index.js';
import type { Context } from '../../src/core/context.js';

export class ConsoleDriver {
  readonly input = new PassThrough();
  readonly output = new PassThrough();
  readonly adapter: ConsoleAdapter;
  private buffer = '';
  private seen = 0;

  constructor(ctx: Context, exportDir: string) {
    this.output.on('data', (chunk: Buffer) => (this.buffer += chunk.toString()));
    this.adapter = createConsoleAdapter({
      ctx,
      input: this.input,
      output: this.output,
      member: 'newcomer',
      exportDir,
    });
  }

  /** Waits until the adapter asks for input again (a command prompt or a form field). */
  async prompt(): Promise<string> {
    for (let waited = 0; waited < 600; waited += 1) {
      if (/(> |: )$/.test(this.buffer) && this.buffer.length > this.seen) {
        const fresh = this.buffer.slice(this.seen);
        this.seen = this.buffer.length;
        return fresh;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`No prompt after:\n${this.buffer.slice(this.seen)}`);
  }

  async type(line: string): Promise<string> {
    this.input.write(`${line}\n`);
    return this.prompt();
  }
}

/** The number the screen gives to a choice whose label starts with the text. */
export function choice(screen: string, label: string): string {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`\\[(\\d+)\\] ${escaped}`).exec(screen);
  if (match?.[1] === undefined) throw new Error(`No choice "${label}" on screen:\n${screen}`);
  return match[1];
}
