/**
 * Benchmark (prints figures; not a test): exhaustive exploration of cache-aside (fix none) at
 * growing sizes, both granularities, each case capped in time; and, when `spin` is on PATH, the
 * same sizes checked by Spin on the equivalent Promela model `bench/cacheAside.pml`, with ratios.
 * Run: node --expose-gc --import tsx bench/explore.bench.ts  (BENCH_CAP_S: CPU seconds per case,
 * default 60; BENCH_REDUCE: the explorer's reductions to run, e.g. `none,key,all`, default `all`;
 * BENCH_CORE: `integer,reference` (default: both, the integer core and the reference explorer);
 * BENCH_RUNS: runs per case, the median is printed, default 3; BENCH_CASES: a comma-separated
 * list of the cases to run, e.g. `operations 2R+2W,messages 3R+2W`, default all).
 * First, untimed, a warm-up (`exploreWarm.ts`): rounds of searches of other fixes at the small
 * sizes until a round's CPU time stops falling, the JIT's counterpart of compiling pan (which
 * Spin's time leaves out). Fair because only compiled code outlives it: each search, there and
 * in the timed runs, has its own stepper and a model built afresh, with a full collection
 * between, so every timed run fills its own tables. `cold s` is the first search of the case in
 * a fresh process (what one CLI search pays).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, copyFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { explore, type ExploreResult } from '../src/engine/explore';
import { createStepper } from '../src/engine/machines';
import {
  COLD_ENV,
  coldRun,
  coldSeconds,
  cpuSeconds,
  modelOf,
  warmUp,
  type Case,
} from './exploreWarm';

const CAP_S = Number(process.env['BENCH_CAP_S'] ?? 60);

const CASES: readonly Case[] = [
  { granularity: 'operations', readers: 2, writers: 2 },
  { granularity: 'operations', readers: 3, writers: 2 },
  { granularity: 'operations', readers: 3, writers: 3 },
  { granularity: 'operations', readers: 4, writers: 4 },
  { granularity: 'messages', readers: 2, writers: 2 },
  { granularity: 'messages', readers: 3, writers: 2 },
  { granularity: 'messages', readers: 3, writers: 3 },
];

type Reduce = 'all' | 'key' | 'none';
type Core = 'integer' | 'reference';
const REDUCE = (process.env['BENCH_REDUCE'] ?? 'all').split(',') as Reduce[];
const CORES = (process.env['BENCH_CORE'] ?? 'integer,reference').split(',') as Core[];
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

/** Returns the run with the median time of `runs` runs of `run`. */
function median<T extends { readonly seconds: number }>(run: () => T): T {
  const rows = Array.from({ length: RUNS }, run).sort((a, b) => a.seconds - b.seconds);
  return rows[Math.floor((rows.length - 1) / 2)]!;
}

interface Row {
  readonly label: string;
  readonly result: ExploreResult;
  readonly seconds: number;
  readonly bytesPerState: number;
}

/** Heap in use plus typed-array buffers (the integer core keeps its tables in those). */
function memory(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function measure(c: Case, reduce: Reduce, core: Core): Row {
  const model = modelOf(c, 'none');
  global.gc?.();
  const heapBefore = memory();
  let peak = heapBefore;
  const start = cpuSeconds();
  let calls = 0;
  // A stepper of its own: the machines' transitions are computed in every run, as they are on a
  // first search (the shared stepper would keep them from the runs before).
  const result = explore(model, {
    stepper: createStepper(),
    maxStates: 50_000_000,
    reduce,
    core,
    shouldStop: () => {
      if (++calls % 64 === 0) peak = Math.max(peak, memory());
      return cpuSeconds() - start > CAP_S;
    },
  });
  const seconds = cpuSeconds() - start;
  peak = Math.max(peak, memory());
  const bytesPerState = (peak - heapBefore) / Math.max(1, result.states);
  const label =
    `${c.granularity} ${c.readers}R+${c.writers}W` +
    `${reduce === 'all' ? '' : ` ${reduce}`}${core === 'integer' ? '' : ' ref'}`;
  return { label, result, seconds, bytesPerState };
}

interface SpinRow {
  readonly states: number;
  readonly transitions: number;
  readonly seconds: number;
  readonly bytesPerState: number;
}

function spinOnPath(): boolean {
  try {
    execFileSync('spin', ['-V'], { stdio: 'pipe' });
    execFileSync('gcc', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** Runs Spin's exhaustive safety search on the Promela model at one size. */
function spin(c: Case, dir: string): SpinRow {
  const defines = [
    `-DREADERS=${c.readers}`,
    `-DWRITERS=${c.writers}`,
    `-DOPS=${c.granularity === 'operations' ? 1 : 0}`,
  ];
  const run = (cmd: string, args: string[]): string =>
    execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', stdio: 'pipe', maxBuffer: 1 << 24 });
  run('spin', ['-a', ...defines, 'cacheAside.pml']);
  run('gcc', ['-O2', '-DSAFETY', '-DMEMLIM=8192', '-w', '-o', 'pan', 'pan.c']);
  // Time to answer is the search alone (pan's CPU time, from the shell's `times`); compiling
  // is not counted.
  const out = run('bash', ['-c', './pan -c0 -m200000 -w20; times']);
  const [user = 0, system = 0] = (out.trim().split('\n').at(-1) ?? '').split(' ').map((t) =>
    Number(
      /(\d+)m([\d.]+)s/
        .exec(t)
        ?.slice(1)
        .reduce((m, s) => Number(m) * 60 + Number(s), 0),
    ),
  );
  const num = (re: RegExp): number => Number(re.exec(out)?.[1] ?? NaN);
  const states = num(/([\d.e+]+) states, stored/);
  const transitions = num(/([\d.e+]+) transitions \(= stored\+matched\)/);
  const seconds = user + system;
  const mb = num(/([\d.]+)\s+actual memory usage for states/);
  return { states, transitions, seconds, bytesPerState: (mb * 2 ** 20) / states };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en');
const cells = (values: readonly string[], widths: readonly number[]): string =>
  values.map((v, i) => v.padStart(widths[i] ?? 10)).join('  ');

const WIDTHS = [22, 12, 24, 12, 12, 9, 8, 8, 12, 11, 10, 9];
const HEADINGS = [
  'case',
  'states',
  'interleavings',
  'transitions',
  'trans/s',
  'seconds',
  'cold s',
  'B/state',
  'spin states',
  'spin trans',
  'spin s',
  'time ×',
];

/** The cold run of each case, timed once per case (each in a fresh process). */
const colds = new Map<Case, number>();
let hasSpin = false;
let spinDir = '';
const COLD = process.env[COLD_ENV];
if (COLD) coldRun(JSON.parse(COLD) as Case);
else main();

function main(): void {
  const warm = warmUp();
  hasSpin = spinOnPath();
  if (hasSpin) {
    spinDir = mkdtempSync(join(tmpdir(), 'interleave-spin-'));
    copyFileSync(new URL('./cacheAside.pml', import.meta.url), join(spinDir, 'cacheAside.pml'));
  }
  console.log(`cache-aside-set-after-delete, fix none, exhaustive, cap ${CAP_S} s per case\n`);
  console.log(
    `warm-up: ${warm.rounds} rounds of other fixes at the small sizes, CPU s per round ` +
      warm.seconds.map((t) => t.toFixed(2)).join(' '),
  );
  console.log(cells(HEADINGS, WIDTHS));
  console.log(
    `median of ${RUNS} run(s); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  // BENCH_CASES: only these cases, e.g. `operations 2R+2W,messages 3R+3W` (default: all).
  const only = process.env['BENCH_CASES']?.split(',');
  for (const c of CASES) {
    if (only && !only.includes(`${c.granularity} ${c.readers}R+${c.writers}W`)) continue;
    for (const reduce of REDUCE) {
      for (const core of CORES)
        report(
          c,
          median(() => measure(c, reduce, core)),
        );
    }
  }
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (!hasSpin) console.log('\nspin (or gcc) is not on PATH: the Spin column is skipped.');
  else {
    console.log(
      '\nseconds are CPU seconds; time × = Interleave seconds / Spin seconds (pan alone,',
    );
    console.log(
      'at least 0.01 s); Spin stores fewer states partly by its partial-order reduction.',
    );
  }
  console.log('cold s: the first search of the case in a fresh process (nothing compiled yet),');
  console.log(`median of ${RUNS}; what one CLI search pays.`);
}

/** The median CPU seconds of the first search of `c` in a fresh process, once per case. */
function cold(c: Case): number {
  let seconds = colds.get(c);
  if (seconds === undefined) {
    const script = fileURLToPath(import.meta.url);
    const runs = Array.from({ length: RUNS }, () => coldSeconds(c, script)).sort((a, b) => a - b);
    colds.set(c, (seconds = runs[Math.floor((runs.length - 1) / 2)]!));
  }
  return seconds;
}

function report(c: Case, row: Row): void {
  const r = row.result;
  const answer = r.complete
    ? (r.interleavingsExact ?? String(r.interleavings))
    : `stopped (${r.stopped})`;
  // The integer core with every reduction (the other rows' labels name what they leave out).
  const integer = row.label.endsWith('W');
  const s = hasSpin && integer ? median(() => spin(c, spinDir)) : null;
  console.log(
    cells(
      [
        row.label,
        fmt(r.states),
        answer,
        fmt(r.transitions),
        fmt(r.transitions / row.seconds),
        row.seconds.toFixed(2),
        integer ? cold(c).toFixed(2) : '-',
        fmt(row.bytesPerState),
        s ? fmt(s.states) : '-',
        s ? fmt(s.transitions) : '-',
        s ? s.seconds.toFixed(2) : '-',
        s ? `${(row.seconds / Math.max(s.seconds, 0.01)).toFixed(1)}×` : '-',
      ],
      WIDTHS,
    ),
  );
}
