/**
 * Shared pieces of the load scenarios: open-loop and closed-loop sources, seeded database
 * latency, read-latency and origin recorders, and rounding for stable tables. Pure given the
 * seeded generators passed in.
 */
import { arrivalTimes, exponentialGap } from '../../engine/load/arrivals';
import type { LoadActor, LoadSim } from '../../engine/load/sim';
import { bucketPercentile, percentiles, Samples, Series } from '../../engine/load/stats';
import type { Rng } from '../../engine/rng';
import type { LoadFigure, LoadSeries } from './types';

/** Rounds for tables: the same run prints the same digits. Pure. */
export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** A figure, rounded. Pure. */
export function figure(id: string, label: string, unit: string, value: number): LoadFigure {
  return { id, label, unit, value: round(value) };
}

/** A series, rounded. Pure. */
export function series(
  id: string,
  label: string,
  unit: string,
  bucket: number,
  values: readonly number[],
): LoadSeries {
  return { id, label, unit, bucket, values: values.map((v) => round(v)) };
}

/**
 * Schedules Poisson arrivals at `perSecond` in [0, until) on `sim`, lazily; `arrive(i)` runs
 * at each (i counts from 0). Draws only from `rng`, so every fix sees the same arrivals.
 */
export function openLoop(
  sim: LoadSim,
  rng: Rng,
  perSecond: number,
  until: number,
  arrive: (i: number) => void,
): void {
  const times = arrivalTimes({ kind: 'poisson', perSecond }, rng, 0, until);
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

/** Returns a latency draw: `floor` plus an exponential tail of mean `mean − floor`. */
export function latencyDraw(rng: Rng, mean: number, floor: number): () => number {
  const tail = Math.max(0, mean - floor);
  return () => floor + (tail > 0 ? -Math.log(1 - rng.float()) * tail : 0);
}

/** Read latencies (spawn → answer) with the time each read started. */
export class Latencies {
  readonly started = new Samples();
  readonly latency = new Samples();

  /** Records `actor`'s answer at `now`, once. */
  record(actor: LoadActor, now: number): void {
    if (actor.returned) return;
    actor.returned = true;
    this.started.push(actor.started);
    this.latency.push(now - actor.started);
  }

  /** p50, p99 and max, in ms. */
  summary(): { p50: number; p99: number; max: number } {
    const [p50 = 0, p99 = 0, max = 0] = percentiles(this.latency.values(), [50, 99, 100]);
    return { p50, p99, max };
  }

  /** p99 per bucket. */
  p99Series(bucket: number, until: number): number[] {
    return bucketPercentile(this.started.values(), this.latency.values(), bucket, until, 99);
  }
}

/** Returns the peak of per-bucket rates. Pure. */
export function peakRate(s: Series): number {
  return Math.max(0, ...s.rates());
}

/** Whether a reader-like actor has answered: its context's `result` is set. */
export function answered(actor: LoadActor): boolean {
  return (actor.state.context as { result?: unknown }).result != null;
}

/** Runs `sim` to `until` a virtual second at a time, reporting progress, then drains it. */
export function drive(sim: LoadSim, until: number, progress?: (done: number) => void): void {
  for (let t = 1000; t < until; t += 1000) {
    sim.run(t);
    progress?.(t / until);
  }
  sim.run(Number.POSITIVE_INFINITY);
  progress?.(1);
}

/** A parameter definition. Pure. */
export function param(id: string, label: string, defaultValue: number, min: number, max: number) {
  return { id, label, defaultValue, min, max };
}

/** Reads parameter `id` from `params` (which the harness fills with defaults). */
export function p(params: Readonly<Record<string, number>>, id: string): number {
  const value = params[id];
  if (value === undefined) throw new Error(`missing load parameter "${id}"`);
  return value;
}
