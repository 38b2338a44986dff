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
  const generator = xoroshiro128plus(seed | 0);
  return {
    int: (min, max) => uniformInt(generator, min, max),
    float: () => uniformInt(generator, 0, 0x3fffffff) / 0x40000000,
  };
}
