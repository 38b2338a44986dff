/**
 * Figures from a load run: percentiles of a sample and time series in fixed buckets. Pure.
 */

/** Returns the p-th percentile (0–100, nearest rank) of `values`; 0 when empty. Pure. */
export function percentile(values: Float64Array | readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Returns several percentiles of `values` with one sort. Pure. */
export function percentiles(values: Float64Array, ps: readonly number[]): number[] {
  if (values.length === 0) return ps.map(() => 0);
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => {
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[rank] as number;
  });
}

/** A growable list of numbers backed by a typed array. */
export class Samples {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The values pushed so far (a view; copy before keeping). */
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** Per-bucket sums over virtual time, e.g. origin queries per 100 ms. */
export class Series {
  readonly sums: Float64Array;
  readonly counts: Float64Array;
  readonly peaks: Float64Array;

  constructor(
    readonly bucket: number,
    readonly until: number,
  ) {
    const n = Math.max(1, Math.ceil(until / bucket));
    this.sums = new Float64Array(n);
    this.counts = new Float64Array(n);
    this.peaks = new Float64Array(n);
  }

  /** Adds `value` at time `t` (ignored outside [0, until)). */
  add(t: number, value = 1): void {
    const i = Math.floor(t / this.bucket);
    if (i < 0 || i >= this.sums.length) return;
    this.sums[i] = (this.sums[i] as number) + value;
    this.counts[i] = (this.counts[i] as number) + 1;
    if (value > (this.peaks[i] as number)) this.peaks[i] = value;
  }

  /** Sums per second (rates) per bucket. */
  rates(): number[] {
    return Array.from(this.sums, (s) => (s * 1000) / this.bucket);
  }

  /** Mean value per bucket (0 for empty buckets). */
  means(): number[] {
    return Array.from(this.sums, (s, i) => {
      const c = this.counts[i] as number;
      return c === 0 ? 0 : s / c;
    });
  }

  /** Share per bucket of `this` over the counts of `total` (e.g. hits over reads). */
  shareOf(total: Series): number[] {
    return Array.from(this.sums, (s, i) => {
      const c = total.sums[i] as number;
      return c === 0 ? 0 : s / c;
    });
  }
}

/**
 * Returns the p-th percentile of `values` per bucket of `bucket` ms over [0, until), grouping
 * each value by its time in `times`. Pure.
 */
export function bucketPercentile(
  times: Float64Array,
  values: Float64Array,
  bucket: number,
  until: number,
  p: number,
): number[] {
  const n = Math.max(1, Math.ceil(until / bucket));
  const groups: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < times.length; i++) {
    const b = Math.floor((times[i] as number) / bucket);
    if (b >= 0 && b < n) (groups[b] as number[]).push(values[i] as number);
  }
  return groups.map((g) => percentile(g, p));
}
