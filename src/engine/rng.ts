/**
 * Seeded pseudo-random numbers for schedules and timed simulations.
 * Deterministic: the same seed gives the same sequence on every machine.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Rng {
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [0, 1). */
  float(): number;
}

/** Returns a seeded generator (mutable; create a new one to restart the sequence). */
export function createRng(seed: number): Rng {
  // The generator's first outputs barely depend on nearby seeds: spread the seed's bits first.
  const generator = xoroshiro128plus(mix32(seed | 0));
  return {
    int: (min, max) => uniformInt(generator, min, max),
    float: () => uniformInt(generator, 0, 0x3fffffff) / 0x40000000,
  };
}

/** Returns murmur3's 32-bit finalizer of `x`: every input bit affects every output bit. Pure. */
function mix32(x: number): number {
  let h = x ^ (x >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Returns a 32-bit FNV-1a hash of `text`. Pure. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/**
 * Returns a generator seeded by `seed` and a label (e.g. a message id): the same pair always
 * gives the same sequence, whatever else was drawn before. Pure.
 */
export function rngFor(seed: number, label: string): Rng {
  return createRng((seed | 0) ^ hash32(label));
}
