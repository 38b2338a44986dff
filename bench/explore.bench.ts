/**
 * Benchmark (prints figures; not a test): exhaustive exploration of cache-aside (fix none) at
 * growing sizes, both granularities, each case capped in time; and, when `spin` is on PATH, the
 * same sizes checked by Spin on the equivalent Promela model `bench/cacheAside.pml`, with ratios.
 * Run: node --expose-gc --import tsx bench/explore.bench.ts  (BENCH_CAP_S: CPU seconds per case,
 * default 60; BENCH_REDUCE: the explorer's reductions to run, e.g. `none,key,all`, default `all`;
 * BENCH_CORE: `integer,reference` (default: both, the integer core and the reference explorer);
 * BENCH_RUNS: runs per case, the median is printed, default 3; BENCH_CASES: a comma-separated
 * list of the cases to run, e.g. `operations 2R+2W,messages 3R+2W`, default all)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, copyFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { explore, type ExploreResult } from '../src/engine/explore';
import { createStepper } from '../src/engine/machines';
import type { Granularity } from '../src/engine/types';
import { cacheAside } from '../src/scenarios/cacheAside';
import { paramsOf } from '../src/scenarios/index';

const CAP_S = Number(process.env['BENCH_CAP_S'] ?? 60);

interface Case {
  readonly granularity: Granularity;
  readonly readers: number;
  readonly writers: number;
}

const CASES: readonly Case[] = [
  { granularity: 'operations', readers: 2, writers: 2 },
  { granularity: 'operations', readers: 3, writers: 2 },
  { granularity: 'operations', readers: 3, writers: 3 },
  { granularity: 'operations', readers: 4, writers: 4 },
  { granularity: 'messages', readers: 2, writers: 2 },
  { granularity: 'messages', readers: 3, writers: 2 },
  { granularity: 'messages', readers: 3, writers: 3 },
];

/**
 * Runs first, on other models (other fixes) and not timed, so that no case is charged for
 * compiling the code: the JIT's counterpart of compiling pan, which Spin's time leaves out too
 * (that takes gcc about 3 CPU s here; this about 1–2). Each gets its own stepper: nothing a
 * measured run could reuse is left behind.
 */
function warmUp(): void {
  for (const fix of ['leases', 'versioned-cas'])
    for (const [granularity, readers, writers] of [
      ['operations', 2, 2],
      ['operations', 3, 2],
      ['messages', 2, 2],
    ] as const) {
      const params = paramsOf(cacheAside, { readers, writers });
      explore(cacheAside.build({ fix, granularity, params }), { stepper: createStepper() });
    }
}

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

/** CPU seconds this process has used (user + system): steadier than wall time on a busy machine. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
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
  const model = cacheAside.build({
    fix: 'none',
    granularity: c.granularity,
    params: paramsOf(cacheAside, { readers: c.readers, writers: c.writers }),
  });
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

warmUp();
const hasSpin = spinOnPath();
let spinDir = '';
if (hasSpin) {
  spinDir = mkdtempSync(join(tmpdir(), 'interleave-spin-'));
  copyFileSync(new URL('./cacheAside.pml', import.meta.url), join(spinDir, 'cacheAside.pml'));
}

console.log(`cache-aside-set-after-delete, fix none, exhaustive, cap ${CAP_S} s per case\n`);
const widths = [22, 12, 24, 12, 12, 9, 8, 12, 11, 10, 9];
console.log(
  cells(
    [
      'case',
      'states',
      'interleavings',
      'transitions',
      'trans/s',
      'seconds',
      'B/state',
      'spin states',
      'spin trans',
      'spin s',
      'time ×',
    ],
    widths,
  ),
);
console.log(
  `median of ${RUNS} run(s); load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
// BENCH_CASES: only these cases, e.g. `operations 2R+2W,messages 3R+3W` (default: all).
const ONLY = process.env['BENCH_CASES']?.split(',');
for (const c of CASES) {
  if (ONLY && !ONLY.includes(`${c.granularity} ${c.readers}R+${c.writers}W`)) continue;
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

function report(c: Case, row: Row): void {
  const r = row.result;
  const answer = r.complete
    ? (r.interleavingsExact ?? String(r.interleavings))
    : `stopped (${r.stopped})`;
  const s = hasSpin && row.label.endsWith('W') ? median(() => spin(c, spinDir)) : null;
  console.log(
    cells(
      [
        row.label,
        fmt(r.states),
        answer,
        fmt(r.transitions),
        fmt(r.transitions / row.seconds),
        row.seconds.toFixed(2),
        fmt(row.bytesPerState),
        s ? fmt(s.states) : '-',
        s ? fmt(s.transitions) : '-',
        s ? s.seconds.toFixed(2) : '-',
        s ? `${(row.seconds / Math.max(s.seconds, 0.01)).toFixed(1)}×` : '-',
      ],
      widths,
    ),
  );
}
if (!hasSpin) console.log('\nspin (or gcc) is not on PATH: the Spin column is skipped.');
else {
  console.log('\nseconds are CPU seconds; time × = Interleave seconds / Spin seconds (pan alone,');
  console.log('at least 0.01 s); Spin stores fewer states partly by its partial-order reduction.');
}
