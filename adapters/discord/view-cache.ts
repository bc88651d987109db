// Views whose controls did not fit one message and are shown a page at a time. Turning a page,
// or choosing in one chunk of a split select whose other chunks sit on another page, needs the
// whole view, which Discord does not send back; it is kept here, bounded, per process. After a
// restart such a message answers that it is out of date (Run /annotate brings the item back).
// Known limit: several processes behind one bot would each keep their own (shards split guilds,
// so one guild's interactions reach one process); a shared store would lift it.
import { UserError } from '../../src/core/errors.js';
import type { View } from '../../src/core/view.js';
import { TEXT } from './messages.js';

export interface PagedView {
  view: View;
  page: number;
}

export class ViewCache {
  private readonly entries = new Map<string, PagedView>();

  constructor(private readonly capacity = 10_000) {}

  remember(anchor: string, view: View, page: number): void {
    this.entries.delete(anchor);
    this.entries.set(anchor, { view, page });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get(anchor: string): PagedView | undefined {
    return this.entries.get(anchor);
  }

  /** The view behind a paged message, or a UserError telling the member how to recover. */
  require(anchor: string): PagedView {
    const entry = this.entries.get(anchor);
    if (entry === undefined) throw new UserError('stale_message', TEXT.stale);
    return entry;
  }
}
