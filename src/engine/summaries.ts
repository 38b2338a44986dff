/**
 * Per-state search summaries in one typed array, a row per state: exact counts (a double while a
 * safe integer, a BigInt kept aside beyond, the double then NaN), the chance of harm and
 * shortest distances; and the running sums of a world being expanded, rows of the same layout
 * added to without making an object per successor.
 */
import { addCount, type Count } from './count';

/**
 * A row's layout, for `n` invariants: counts of interleavings (all, violating any, ending in
 * harm, violating invariant i), then the chance of harm, then the shortest distances to a
 * violation of invariant i, of any, of harm.
 */
const PATHS = 0;
const ANY = 1;
const HARM = 2;
const VIOLATING = 3;

/** A row of running sums (a world being expanded): its numbers, and its counts past 2^53. */
export class RowSums {
  readonly row: Float64Array;
  readonly big = new Map<number, bigint>();

  constructor(width: number) {
    this.row = new Float64Array(width);
  }

  /** The exact count in slot `k`. */
  count(k: number): Count {
    const value = this.row[k]!;
    return value === value ? value : this.big.get(k)!;
  }

  /** Sets slot `k` to the count `value` (NaN, the BigInt aside, past 2^53). */
  setCount(k: number, value: Count): void {
    if (typeof value === 'number') this.row[k] = value;
    else {
      this.row[k] = NaN;
      this.big.set(k, value);
    }
  }
}

/** Per stored world: what the search found below it (rows of `n` invariants). */
export class SummaryTable {
  private values: Float64Array;
  private readonly big = new Map<number, bigint>();
  /** Slots per row; the first `counts` are counts, then the chance, then `n + 2` distances. */
  readonly width: number;
  private readonly counts: number;
  private readonly chanceAt: number;

  constructor(
    private readonly n: number,
    private readonly harmMask: number,
  ) {
    this.counts = VIOLATING + n;
    this.chanceAt = this.counts;
    this.width = this.counts + 1 + n + 2;
    this.values = new Float64Array(this.width * 1024);
  }

  /** A row of running sums for this table. */
  sums(): RowSums {
    return new RowSums(this.width);
  }

  private count(state: number, k: number): Count {
    const at = state * this.width + k;
    const value = this.values[at]!;
    return value === value ? value : (this.big.get(at) ?? 0);
  }

  paths(state: number): Count {
    return this.count(state, PATHS);
  }
  any(state: number): Count {
    return this.count(state, ANY);
  }
  harm(state: number): Count {
    return this.count(state, HARM);
  }
  violating(state: number, i: number): Count {
    return this.count(state, VIOLATING + i);
  }
  chance(state: number): number {
    return this.values[state * this.width + this.chanceAt]!;
  }
  /** Shortest distance to a violation of invariant i (i < n), of any (n), of harm (n + 1). */
  shortest(state: number, i: number): number {
    return this.values[state * this.width + this.chanceAt + 1 + i]!;
  }

  /** Starts `s` as a world with steps: nothing found below it yet. */
  open(s: RowSums): void {
    const { row } = s;
    if (s.big.size > 0) s.big.clear();
    for (let k = 0; k <= this.chanceAt; k++) row[k] = 0;
    for (let k = this.chanceAt + 1; k < this.width; k++) row[k] = Infinity;
  }

  /** Sets `s` to a finished world (no steps) with violation mask `mask`. */
  leaf(s: RowSums, mask: number): void {
    const { row } = s;
    const { n, chanceAt } = this;
    const harmed = mask & this.harmMask ? 1 : 0;
    this.open(s);
    row[PATHS] = 1;
    row[ANY] = mask ? 1 : 0;
    row[HARM] = harmed;
    row[chanceAt] = harmed;
    for (let i = 0; i < n; i++) {
      const hit = mask & (1 << i);
      row[VIOLATING + i] = hit ? 1 : 0;
      if (hit) row[chanceAt + 1 + i] = 0;
    }
    if (mask) row[chanceAt + 1 + n] = 0;
    if (harmed) row[chanceAt + 2 + n] = 0;
  }

  /** Adds stored world `c`, reached by a step with violation mask `mask`, to `s`. */
  add(s: RowSums, c: number, mask: number): void {
    const { row } = s;
    const { values, width, counts, chanceAt, n } = this;
    const base = c * width;
    if (mask === 0) {
      for (let k = 0; k < counts; k++) {
        const sum = row[k]! + values[base + k]!;
        if (sum <= Number.MAX_SAFE_INTEGER) row[k] = sum;
        else this.addExact(s, k, c, k);
      }
      row[chanceAt] = row[chanceAt]! + values[base + chanceAt]!;
      for (let k = chanceAt + 1; k < width; k++) {
        const length = 1 + values[base + k]!;
        if (length < row[k]!) row[k] = length;
      }
      return;
    }
    const harmed = (mask & this.harmMask) !== 0;
    for (let k = 0; k < counts; k++) {
      const hit =
        k === ANY ||
        (k === HARM ? harmed : k >= VIOLATING && (mask & (1 << (k - VIOLATING))) !== 0);
      const from = hit ? PATHS : k;
      const sum = row[k]! + values[base + from]!;
      if (sum <= Number.MAX_SAFE_INTEGER) row[k] = sum;
      else this.addExact(s, k, c, from);
    }
    row[chanceAt] = row[chanceAt]! + (harmed ? 1 : values[base + chanceAt]!);
    for (let i = 0; i < n + 2; i++) {
      const k = chanceAt + 1 + i;
      const hit = i < n ? (mask & (1 << i)) !== 0 : i === n || harmed;
      const length = hit ? 1 : 1 + values[base + k]!;
      if (length < row[k]!) row[k] = length;
    }
  }

  /** Adds the count in slot `from` of world `c` to slot `k` of `s` exactly (past 2^53). */
  private addExact(s: RowSums, k: number, c: number, from: number): void {
    s.setCount(k, addCount(s.count(k), this.count(c, from)));
  }

  /** Stores `s` as the summaries of world `state`, which has `steps` steps. */
  store(state: number, s: RowSums, steps: number): void {
    const { width, chanceAt } = this;
    const base = state * width;
    if (base + width > this.values.length) {
      const grown = new Float64Array(Math.max(this.values.length * 2, base + width));
      grown.set(this.values);
      this.values = grown;
    }
    const { row } = s;
    for (let k = 0; k < width; k++) this.values[base + k] = row[k]!;
    if (steps > 0) this.values[base + chanceAt] = row[chanceAt]! / steps;
    if (s.big.size > 0) for (const [k, value] of s.big) this.big.set(base + k, value);
  }

  bytes(): number {
    return this.values.byteLength + this.big.size * 48;
  }
}
