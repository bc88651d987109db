// Latency samples, deadlines and peak memory: the raw material of every row in the table.

/** Latencies of one operation in milliseconds, read back as nearest-rank percentiles. */
export class Samples {
  private readonly values: number[] = [];

  add(milliseconds: number): void {
    this.values.push(milliseconds);
  }

  /** Takes over another set's samples, for merging per-member timings. */
  absorb(other: Samples): void {
    for (const value of other.values) this.values.push(value);
  }

  get count(): number {
    return this.values.length;
  }

  percentile(p: number): number {
    if (this.values.length === 0) return Number.NaN;
    const sorted = [...this.values].sort((a, b) => a - b);
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
  }
}

/** Runs the work and adds its duration to the samples. */
export async function timed<T>(samples: Samples, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  samples.add(performance.now() - started);
  return result;
}

/** A point in time after which loops stop starting new work. */
export class Deadline {
  private readonly endsAt: number;

  constructor(seconds: number) {
    this.endsAt = performance.now() + seconds * 1000;
  }

  get passed(): boolean {
    return performance.now() >= this.endsAt;
  }
}

const MEGABYTE = 1024 * 1024;
const RSS_INTERVAL_MS = 20;

/** Samples the resident set size while the work runs; returns the work's result and the peak. */
export async function withPeakRss<T>(
  work: () => Promise<T>,
): Promise<{ result: T; rssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, RSS_INTERVAL_MS);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, rssMb: peak / MEGABYTE };
  } finally {
    clearInterval(timer);
  }
}

/** Runs the work and returns it with its wall-clock duration in seconds. */
export async function wallClock<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}
