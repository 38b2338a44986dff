/**
 * An open-addressing hash table of integer state vectors: vectors of any length are packed into
 * one growing Int32Array and numbered in insertion order; lookups hash the vector (no strings).
 * Each slot holds a vector's number and its hash side by side, so that a probe reads the stored
 * vector only when the hashes match.
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
  private pool = new Int32Array(1 << 16);
  private used = 0;
  private starts = new Int32Array(1 << 12);
  private lengths = new Int32Array(1 << 12);
  private hashes = new Uint32Array(1 << 12);
  /** Pairs (number, hash) by slot; number EMPTY when free. */
  private slots = new Int32Array(2 << 13).fill(EMPTY);
  private mask = (1 << 13) - 1;
  /** How many vectors are stored. */
  size = 0;

  /** Returns the number of the stored vector equal to `vector[0..length)`, or -1. */
  find(vector: Int32Array, length: number, hash = hashVector(vector, length)): number {
    const slots = this.slots;
    const tag = hash | 0;
    for (let s = hash & this.mask; ; s = (s + 1) & this.mask) {
      const index = slots[2 * s]!;
      if (index === EMPTY) return -1;
      if (slots[2 * s + 1] === tag && this.equals(index, vector, length)) return index;
    }
  }

  /** Stores `vector[0..length)` (not already stored) and returns its number. */
  add(vector: Int32Array, length: number, hash = hashVector(vector, length)): number {
    const index = this.size++;
    if (index >= this.starts.length) this.growIndex();
    if (this.used + length > this.pool.length) {
      const pool = new Int32Array(Math.max(this.pool.length * 2, this.used + length));
      pool.set(this.pool.subarray(0, this.used));
      this.pool = pool;
    }
    for (let i = 0; i < length; i++) this.pool[this.used + i] = vector[i]!;
    this.starts[index] = this.used;
    this.lengths[index] = length;
    this.hashes[index] = hash;
    this.used += length;
    if (this.size * 4 > this.slots.length) this.rehash();
    else this.place(index);
    return index;
  }

  /** Bytes the table takes. */
  bytes(): number {
    return this.pool.byteLength + this.starts.byteLength * 3 + this.slots.byteLength;
  }

  private equals(index: number, vector: Int32Array, length: number): boolean {
    if (this.lengths[index] !== length) return false;
    const start = this.starts[index]!;
    for (let i = 0; i < length; i++) if (this.pool[start + i] !== vector[i]) return false;
    return true;
  }

  private place(index: number): void {
    const hash = this.hashes[index]!;
    let s = hash & this.mask;
    while (this.slots[2 * s] !== EMPTY) s = (s + 1) & this.mask;
    this.slots[2 * s] = index;
    this.slots[2 * s + 1] = hash | 0;
  }

  private growIndex(): void {
    const grow = <T extends Int32Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts, (n) => new Int32Array(n));
    this.lengths = grow(this.lengths, (n) => new Int32Array(n));
    this.hashes = grow(this.hashes, (n) => new Uint32Array(n));
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    this.mask = this.slots.length / 2 - 1;
    for (let i = 0; i < this.size; i++) this.place(i);
  }
}
