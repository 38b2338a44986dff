/**
 * An open-addressing hash table of integer state vectors: vectors of any length are packed into
 * one growing Int32Array and numbered in insertion order; lookups hash the vector (no strings).
 * Each slot holds a vector's number, its hash and where it starts, so that a probe reads the stored
 * vector (its length first) only when the hashes match, and nothing else.
 */

const EMPTY = -1;

/** Returns the hash of `vector[0..length)`. Pure. */
export function hashVector(vector: Int32Array, length: number): number {
  let h = 0x811c9dc5 ^ length;
  for (let i = 0; i < length; i++) {
    h = Math.imul(h ^ vector[i]!, 0x01000193);
    h ^= h >>> 15;
  }
  return Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
}

/** Stored vectors, each numbered 0, 1, 2, … in the order they were added. */
export class StateTable {
  /** Each vector's length, then its entries, vector after vector. */
  private pool = new Int32Array(1 << 16);
  private used = 0;
  private starts = new Int32Array(1 << 12);
  private hashes = new Uint32Array(1 << 12);
  /**
   * Triples (number, hash, start in the pool) by slot; number EMPTY when free. A probe that
   * finds its vector reads two places: its slot, and the vector's length and entries side by side.
   */
  private slots = new Int32Array(3 << 13).fill(EMPTY);
  private mask = (1 << 13) - 1;
  /** How many vectors are stored. */
  size = 0;

  /** The number in the first slot a probe for `hash` reads (EMPTY when free). */
  first(hash: number): number {
    return this.slots[3 * (hash & this.mask)]!;
  }

  /**
   * Returns the number of the stored vector equal to `vector[0..length)`, or -1; `first`: the
   * number in its first slot, read earlier (`first`), the table unchanged since.
   */
  find(
    vector: Int32Array,
    length: number,
    hash = hashVector(vector, length),
    first = this.first(hash),
  ): number {
    const slots = this.slots;
    const tag = hash | 0;
    let index = first;
    for (let s = hash & this.mask; ;) {
      if (index === EMPTY) return -1;
      if (slots[3 * s + 1] === tag && this.equals(slots[3 * s + 2]!, vector, length)) return index;
      s = (s + 1) & this.mask;
      index = slots[3 * s]!;
    }
  }

  /** Stores `vector[0..length)` (not already stored) and returns its number. */
  add(vector: Int32Array, length: number, hash = hashVector(vector, length)): number {
    const index = this.size++;
    if (index >= this.starts.length) this.growIndex();
    if (this.used + length + 1 > this.pool.length) {
      const pool = new Int32Array(Math.max(this.pool.length * 2, this.used + length + 1));
      pool.set(this.pool.subarray(0, this.used));
      this.pool = pool;
    }
    const pool = this.pool;
    const start = this.used;
    pool[start] = length;
    for (let i = 0; i < length; i++) pool[start + 1 + i] = vector[i]!;
    this.starts[index] = start;
    this.hashes[index] = hash;
    this.used += length + 1;
    if (this.size * 2 > this.mask + 1) this.rehash();
    else this.place(index);
    return index;
  }

  /** Bytes the table takes. */
  bytes(): number {
    return this.pool.byteLength + this.starts.byteLength * 2 + this.slots.byteLength;
  }

  /** Whether the vector stored at `start` in the pool is `vector[0..length)`. */
  private equals(start: number, vector: Int32Array, length: number): boolean {
    const pool = this.pool;
    if (pool[start] !== length) return false;
    for (let i = 0; i < length; i++) if (pool[start + 1 + i] !== vector[i]) return false;
    return true;
  }

  private place(index: number): void {
    const hash = this.hashes[index]!;
    const slots = this.slots;
    let s = hash & this.mask;
    while (slots[3 * s] !== EMPTY) s = (s + 1) & this.mask;
    slots[3 * s] = index;
    slots[3 * s + 1] = hash | 0;
    slots[3 * s + 2] = this.starts[index]!;
  }

  private growIndex(): void {
    const starts = new Int32Array(this.starts.length * 2);
    starts.set(this.starts);
    this.starts = starts;
    const hashes = new Uint32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }

  private rehash(): void {
    const capacity = 2 * (this.mask + 1);
    this.slots = new Int32Array(3 * capacity).fill(EMPTY);
    this.mask = capacity - 1;
    for (let i = 0; i < this.size; i++) this.place(i);
  }
}
