/**
 * Figures from a load run: percentiles of a sample and time series in fixed buckets. Pure.
 */

/** Returns the p-th percentile (0–100, nearest rank) of `sorted`, sorted ascending; 0 when empty. */
export function ranked(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[rankOf(sorted.length, p)] as number;
}

/** The index of the p-th percentile (0–100, nearest rank) in a sorted list of `n` values. */
function rankOf(n: number, p: number): number {
  return Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1));
}

/**
 * Returns the p-th percentile (0–100, nearest rank) of `values`, as `ranked` gives it on the
 * sorted list, by selection (linear time, no sort); reorders `values`. 0 when empty.
 */
export function selected(values: Float64Array, p: number): number {
  if (values.length === 0) return 0;
  const rank = rankOf(values.length, p);
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    // Three-way partition around the median of three: [lo, lt) < pivot, [lt, gt] = pivot.
    const a = values[lo] as number;
    const b = values[(lo + hi) >> 1] as number;
    const c = values[hi] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = values[i] as number;
      if (v < pivot) {
        values[i] = values[lt] as number;
        values[lt++] = v;
        i++;
      } else if (v > pivot) {
        values[i] = values[gt] as number;
        values[gt--] = v;
      } else i++;
    }
    if (rank < lt) hi = lt - 1;
    else if (rank > gt) lo = gt + 1;
    else return pivot;
  }
  return values[rank] as number;
}

/** Returns the p-th percentile (0–100, nearest rank) of `values`; 0 when empty. Pure. */
export function percentile(values: Float64Array | readonly number[], p: number): number {
  return ranked(Float64Array.from(values).sort(), p);
}

/** Returns several percentiles of `values` with one sort. Pure. */
export function percentiles(values: Float64Array, ps: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => ranked(sorted, p));
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
  // Group the values by bucket in one array (a counting sort on the bucket), then sort each.
  const bucketOf = new Int32Array(times.length);
  const starts = new Int32Array(n + 1);
  for (let i = 0; i < times.length; i++) {
    const b = Math.floor((times[i] as number) / bucket);
    const inside = b >= 0 && b < n;
    bucketOf[i] = inside ? b : -1;
    if (inside) starts[b + 1] = (starts[b + 1] as number) + 1;
  }
  for (let b = 0; b < n; b++) starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
  const grouped = new Float64Array(starts[n] as number);
  const fill = starts.slice(0, n);
  for (let i = 0; i < times.length; i++) {
    const b = bucketOf[i] as number;
    if (b < 0) continue;
    grouped[fill[b] as number] = values[i] as number;
    fill[b] = (fill[b] as number) + 1;
  }
  const out: number[] = [];
  for (let b = 0; b < n; b++) {
    const group = grouped.subarray(starts[b] as number, starts[b + 1] as number);
    out.push(selected(group, p));
  }
  return out;
}
