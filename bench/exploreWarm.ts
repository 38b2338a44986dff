/**
 * The explorer bench's warm-up and cold runs: rounds of searches of other models until the JIT
 * settles (the counterpart of compiling pan), and the first search of a case in a fresh process.
 */
import { execFileSync } from 'node:child_process';
import { explore } from '../src/engine/explore';
import { createStepper } from '../src/engine/machines';
import type { Granularity } from '../src/engine/types';
import { cacheAside } from '../src/scenarios/cacheAside';
import { paramsOf } from '../src/scenarios/index';

/** A size of cache-aside the bench runs. */
export interface Case {
  readonly granularity: Granularity;
  readonly readers: number;
  readonly writers: number;
}

/** CPU seconds this process has used (user + system): steadier than wall time on a busy machine. */
export function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Cache-aside with `fix` at the size of `c`, built afresh. */
export function modelOf(c: Case, fix: string): ReturnType<typeof cacheAside.build> {
  const params = paramsOf(cacheAside, { readers: c.readers, writers: c.writers });
  return cacheAside.build({ fix, granularity: c.granularity, params });
}

/**
 * The fixes the warm-up searches: not `none`, the one the bench measures, and of the others
 * those with about as many worlds as it (double-delete's delay and ttl-backstop's expiry make
 * 2–100× more, and their timers run code the measured model does not).
 */
const WARM_FIXES = ['leases', 'versioned-cas', 'write-through'];

/** The sizes the warm-up searches: up to the small ones, where compiling weighs. */
const WARM_SIZES: readonly Case[] = [
  { granularity: 'operations', readers: 2, writers: 2 },
  { granularity: 'operations', readers: 3, writers: 2 },
  { granularity: 'operations', readers: 3, writers: 3 },
  { granularity: 'messages', readers: 2, writers: 2 },
];

/** Rounds at least, and at most. */
const MIN_ROUNDS = 4;
const MAX_ROUNDS = 16;
/** A round counts as faster when it takes less than this share of the best round before it. */
const FASTER = 0.95;

/** What the warm-up did. */
export interface WarmUp {
  readonly rounds: number;
  readonly seconds: readonly number[];
}

/**
 * Searches other models (other fixes of cache-aside, at the small sizes), untimed, in rounds,
 * until two rounds in a row are no faster than the best round before them (at least
 * `MIN_ROUNDS`, at most `MAX_ROUNDS`): the JIT has then compiled what the searches run. Every
 * search gets a stepper of its own and a model built afresh, and a full collection runs after
 * each round, so no table, memo entry or decision tree is left for a measured run to reuse: only
 * compiled code (and the maps that keep it valid) outlive a round.
 */
export function warmUp(): WarmUp {
  const seconds: number[] = [];
  let best = Infinity;
  let slower = 0;
  while (seconds.length < MAX_ROUNDS) {
    const start = cpuSeconds();
    for (const fix of WARM_FIXES)
      for (const size of WARM_SIZES) explore(modelOf(size, fix), { stepper: createStepper() });
    global.gc?.();
    const round = cpuSeconds() - start;
    seconds.push(round);
    slower = round < best * FASTER ? 0 : slower + 1;
    best = Math.min(best, round);
    if (seconds.length >= MIN_ROUNDS && slower >= 2) break;
  }
  return { rounds: seconds.length, seconds };
}

/** The environment variable that makes the bench run one cold search and print its seconds. */
export const COLD_ENV = 'BENCH_COLD_CASE';

/** The first search of case `c` (fix none) in this fresh process: its CPU seconds, printed. */
export function coldRun(c: Case): void {
  const model = modelOf(c, 'none');
  const start = cpuSeconds();
  explore(model, { stepper: createStepper(), maxStates: 50_000_000, reduce: 'all' });
  console.log(JSON.stringify({ seconds: cpuSeconds() - start }));
}

/**
 * The CPU seconds of the first search of `c` in a fresh process (what a CLI user pays, modules
 * loaded but nothing compiled), by running this bench again with `COLD_ENV` set.
 */
export function coldSeconds(c: Case, script: string): number {
  const out = execFileSync(process.execPath, [...process.execArgv, script], {
    encoding: 'utf8',
    env: { ...process.env, [COLD_ENV]: JSON.stringify(c) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return (JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { seconds: number }).seconds;
}
