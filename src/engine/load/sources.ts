/**
 * Where a load simulation's requests come from: open-loop Poisson arrivals (they never wait for
 * earlier requests) and closed-loop clients (each waits for its request, thinks, and asks
 * again). Every draw comes from the seeded generator given, so each fix sees the same arrivals.
 */
import type { Rng } from '../rng';
import { arrivalTimes, exponentialGap, type OpenLoop } from './arrivals';
import type { LoadSim } from './sim';

/**
 * Schedules the arrivals of `process` (Poisson or a burst) in [0, until) on `sim`, lazily;
 * `arrive(i)` runs at each (i counts from 0). Draws only from `rng`, so every fix sees the
 * same arrivals.
 */
export function arrivals(
  sim: LoadSim,
  process: OpenLoop,
  rng: Rng,
  until: number,
  arrive: (i: number) => void,
): void {
  const times = arrivalTimes(process, rng, 0, until);
  let i = 0;
  const next = (): void => {
    const t = times.next();
    if (t.done) return;
    sim.at(t.value, () => {
      arrive(i++);
      next();
    });
  };
  next();
}

/** Schedules Poisson arrivals at `perSecond` in [0, until); see `arrivals`. */
export function openLoop(
  sim: LoadSim,
  rng: Rng,
  perSecond: number,
  until: number,
  arrive: (i: number) => void,
): void {
  arrivals(sim, { kind: 'poisson', perSecond }, rng, until, arrive);
}

/**
 * Closed-loop clients: each of `clients` starts after a think time, and starts again a think
 * time after `finish(client)` is called. Returns `finish`. Think times come from `rng`.
 */
export function closedLoop(
  sim: LoadSim,
  rng: Rng,
  clients: number,
  thinkMs: number,
  until: number,
  start: (client: number) => void,
): (client: number) => void {
  const think = (client: number): void => {
    const at = sim.now + exponentialGap(rng, 1000 / thinkMs);
    if (at < until) sim.at(at, () => start(client));
  };
  for (let c = 0; c < clients; c++) think(c);
  return think;
}
