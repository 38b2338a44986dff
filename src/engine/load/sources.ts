/**
 * Where a load simulation's requests come from: open-loop Poisson arrivals (they never wait for
 * earlier requests) and closed-loop clients (each waits for its request, thinks, and asks
 * again). Every draw comes from the seeded generator given, so each fix sees the same arrivals.
 */
import type { Rng } from '../rng';
import { exponentialGap, type OpenLoop } from './arrivals';
import type { LoadSim, Runnable } from './sim';

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
  new Arrivals(sim, process, rng, until, arrive).next();
}

/**
 * The arrivals of one open-loop process as one runnable: each arrival schedules the next, as
 * `arrivalTimes` lists them (the same draws in the same order), without a closure per arrival.
 */
class Arrivals implements Runnable {
  private i = 0;
  /** The latest Poisson arrival time scheduled (0 before the first). */
  private t = 0;

  constructor(
    private readonly sim: LoadSim,
    private readonly process: OpenLoop,
    private readonly rng: Rng,
    private readonly until: number,
    private readonly arrive: (i: number) => void,
  ) {}

  /** Schedules the next arrival, if any falls before `until`. */
  next(): void {
    const process = this.process;
    if (process.kind === 'burst') {
      if (process.at < 0 || process.at >= this.until || this.i >= process.count) return;
      this.sim.atRun(process.at, this);
      return;
    }
    if (process.perSecond <= 0) return;
    this.t += exponentialGap(this.rng, process.perSecond);
    if (this.t < this.until) this.sim.atRun(this.t, this);
  }

  run(): void {
    this.arrive(this.i++);
    this.next();
  }
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
