/**
 * Arrival processes for open-loop load: Poisson arrivals at a rate, or a burst of requests at
 * one instant. Times are virtual milliseconds drawn from a seeded generator. Pure given it.
 */
import type { Rng } from '../rng';

/** How requests arrive, without waiting for earlier ones to finish. */
export type OpenLoop =
  | { readonly kind: 'poisson'; readonly perSecond: number }
  | { readonly kind: 'burst'; readonly count: number; readonly at: number };

/** Returns the gap to the next Poisson arrival, in ms, at `perSecond`. Pure given `rng`. */
export function exponentialGap(rng: Rng, perSecond: number): number {
  // 1 - u lies in (0, 1], so the logarithm is finite.
  return (-Math.log(1 - rng.float()) * 1000) / perSecond;
}

/**
 * Returns a generator of arrival times in [from, until) for `process`, in increasing order.
 * Lazy: a long run never holds every arrival in memory.
 */
export function* arrivalTimes(
  process: OpenLoop,
  rng: Rng,
  from: number,
  until: number,
): Generator<number> {
  if (process.kind === 'burst') {
    if (process.at >= from && process.at < until)
      for (let i = 0; i < process.count; i++) yield process.at;
    return;
  }
  if (process.perSecond <= 0) return;
  for (let t = from + exponentialGap(rng, process.perSecond); t < until;) {
    yield t;
    t += exponentialGap(rng, process.perSecond);
  }
}
