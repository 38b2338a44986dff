/**
 * Shared pieces of the load scenarios: seeded database latency, read-latency recorders, the
 * driver loop with progress, parameters, and rounding for stable tables. Pure given the seeded
 * generators passed in.
 */
import type { KeyedInput } from '../../engine/load/behaviour';
import type { DatabaseSpec, LoadActor, LoadSim } from '../../engine/load/sim';
import { bucketPercentile, ranked, Samples, Series } from '../../engine/load/stats';
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

  private sorted: Float64Array | null = null;

  /** The p-th percentile latency (nearest rank), in ms; sorts once, after the run. */
  percentile(p: number): number {
    if (this.sorted?.length !== this.latency.length) {
      this.sorted = Float64Array.from(this.latency.values()).sort();
    }
    return ranked(this.sorted, p);
  }

  /** p50, p99 and max, in ms. */
  summary(): { p50: number; p99: number; max: number } {
    return { p50: this.percentile(50), p99: this.percentile(99), max: this.percentile(100) };
  }

  /** p99 per bucket. */
  p99Series(bucket: number, until: number): number[] {
    return bucketPercentile(this.started.values(), this.latency.values(), bucket, until, 99);
  }
}

/**
 * Returns key `i`'s name, built once by `name`: every request for a key then carries the same
 * string, which is hashed and compared once instead of per request. Pure.
 */
export function keyNames(name: (i: number) => string): (i: number) => string {
  // Dense, so that index lookups stay fast (an array written far past its end turns sparse).
  const names: (string | undefined)[] = [];
  return (i) => {
    while (names.length <= i) names.push(undefined);
    return (names[i] ??= name(i));
  };
}

/**
 * Returns `{ [key]: value }` as a dictionary object (no prototype), the same JSON: a literal
 * with a computed name gives the engine a new object shape per key name, which is slow with
 * tens of thousands of keys. For the per-key inputs of caches and databases. Pure.
 */
export function one<T>(key: string, value: T): { readonly [key: string]: T } {
  const record = Object.create(null) as { [key: string]: T };
  record[key] = value;
  return record;
}

/** Every key's first row in the load scenarios' databases (rows are never mutated). */
const FIRST_ROW = Object.freeze({ value: 'v1', version: 1 });

/**
 * Returns the load scenarios' database `db`: every key's row starts at v1, `connections`
 * connections, `latency` ms per statement. Its `own` gives each key's row without building the
 * key's input. Pure.
 */
export function rowDatabase(connections: number, latency: () => number): DatabaseSpec {
  return {
    id: 'db',
    kind: 'database',
    connections,
    latency,
    input: (key) => ({ rows: one(key, FIRST_ROW) }),
    own: () => FIRST_ROW,
  };
}

/**
 * Returns how a warm cache starts: every key holds `entry` (one object, never mutated), told
 * as the key's input and, shorter, as its own part. Pure.
 */
export function warmEntries(entry: {
  readonly value: string;
  readonly version: number;
  readonly expiresAt: number | null;
  readonly tombstone: boolean;
}): KeyedInput {
  const shared = Object.freeze({ ...entry });
  return { input: (key) => ({ entries: one(key, shared) }), own: () => shared };
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

/** A series of `part`'s share of `whole` per second, in %, rounded. Pure. */
export function shareSeries(id: string, label: string, part: Series, whole: Series): LoadSeries {
  return series(
    id,
    label,
    '%',
    1000,
    part.shareOf(whole).map((s) => 100 * s),
  );
}

/** The origin's queries per second, in `origin`'s buckets, rounded. Pure. */
export function originSeries(origin: Series): LoadSeries {
  return series('originQps', 'origin QPS', 'q/s', origin.bucket, origin.rates());
}

/** The p99 read latency per second up to `until`, rounded. */
export function p99Series(latencies: Latencies, until: number, label = 'p99 read latency') {
  return series('p99', label, 'ms', 1000, latencies.p99Series(1000, until));
}

/** The p50 and p99 read latency figures. */
export function latencyFigures(p50: number, p99: number): LoadFigure[] {
  return [
    figure('p50', 'p50 read latency', 'ms', p50),
    figure('p99', 'p99 read latency', 'ms', p99),
  ];
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

/** The run's length in simulated seconds (every load scenario's first parameter). */
export const SECONDS = param('seconds', 'simulated seconds', 60, 1, 600);

/** The skew of key popularity. */
export const ZIPF = param('zipf', 'Zipf exponent (×100)', 100, 0, 300);

/**
 * The database's mean latency (`db`, ms) and connections, named as the scenario calls it
 * (`origin` or `database`), with their defaults. Pure.
 */
export function databaseParams(name: string, latency: number, connections: number) {
  return [
    param('db', `${name} latency, mean (ms)`, latency, 1, 10000),
    param('connections', `${name} connections`, connections, 1, 1000),
  ];
}
