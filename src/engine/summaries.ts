/**
 * Per-state search summaries in typed arrays: exact counts (a double while a safe integer, a
 * BigInt kept aside beyond), probabilities and shortest distances, grown as states are added.
 */
import type { Count } from './count';

/** A growable column of exact counts, `width` per state. */
export class CountColumn {
  private values: Float64Array;
  private readonly big = new Map<number, bigint>();

  constructor(private readonly width: number) {
    this.values = new Float64Array(Math.max(1, width) * 1024);
  }

  get(state: number, slot = 0): Count {
    const at = state * this.width + slot;
    const value = this.values[at]!;
    return value === value ? value : (this.big.get(at) ?? 0);
  }

  set(state: number, slot: number, count: Count): void {
    const at = state * this.width + slot;
    if (at >= this.values.length) this.values = grown(this.values, at);
    if (typeof count === 'number') this.values[at] = count;
    else {
      this.values[at] = NaN;
      this.big.set(at, count);
    }
  }

  bytes(): number {
    return this.values.byteLength + this.big.size * 48;
  }
}

/** A growable column of doubles (probabilities, distances), `width` per state. */
export class NumberColumn {
  private values: Float64Array;

  constructor(private readonly width: number) {
    this.values = new Float64Array(Math.max(1, width) * 1024);
  }

  get(state: number, slot = 0): number {
    return this.values[state * this.width + slot]!;
  }

  set(state: number, slot: number, value: number): void {
    const at = state * this.width + slot;
    if (at >= this.values.length) this.values = grown(this.values, at);
    this.values[at] = value;
  }

  bytes(): number {
    return this.values.byteLength;
  }
}

function grown(values: Float64Array, at: number): Float64Array {
  const out = new Float64Array(Math.max(values.length * 2, at + 1));
  out.set(values);
  return out;
}
