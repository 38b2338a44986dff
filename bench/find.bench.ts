/**
 * Benchmark (prints figures; not a test): Find the race's searches on cache-aside (fix none) at
 * growing sizes, in Node — time to the first harmful run (depth-first, what the page pins first),
 * time to the shortest harmful run (breadth-first, capped), and the exhaustive explorer's time to
 * the same shortest run, for comparison. CPU seconds (steadier than wall time on a busy machine).
 * Run: npx tsx bench/find.bench.ts  (BENCH_CAP_S: CPU seconds per search, default 60;
 * BENCH_FULL=0 skips the exhaustive explorer)
 */
import { loadavg } from 'node:os';
import { findAnyHarm, findHarm } from '../src/engine/coreFind';
import { explore } from '../src/engine/explore';
import { createStepper } from '../src/engine/machines';
import type { Granularity } from '../src/engine/types';
import { cacheAside } from '../src/scenarios/cacheAside';
import { paramsOf } from '../src/scenarios/index';

const CAP_S = Number(process.env['BENCH_CAP_S'] ?? 60);
const FULL = process.env['BENCH_FULL'] !== '0';

const CASES: readonly [Granularity, number, number][] = [
  ['operations', 3, 3],
  ['operations', 4, 4],
  ['messages', 2, 2],
  ['messages', 3, 2],
  ['messages', 3, 3],
];

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Runs `search` with a fresh stepper and the CPU cap; its answer and CPU seconds. */
function timed<T>(search: (shouldStop: () => boolean) => T): { answer: T; seconds: number } {
  const start = cpuSeconds();
  const answer = search(() => cpuSeconds() - start > CAP_S);
  return { answer, seconds: cpuSeconds() - start };
}

const cell = (text: string, width: number) => text.padStart(width);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; cap ${CAP_S} CPU s`,
);
console.log(
  [
    'case'.padEnd(16),
    cell('first race', 11),
    cell('steps', 6),
    cell('shortest', 11),
    cell('steps', 6),
    cell('states', 9),
    cell('explorer', 11),
    cell('states', 10),
  ].join(' '),
);
for (const [granularity, readers, writers] of CASES) {
  const params = { ...paramsOf(cacheAside), readers, writers };
  const model = cacheAside.build({ fix: 'none', granularity, params });
  const harm = cacheAside.harm;
  const quick = timed((shouldStop) =>
    findAnyHarm(model, { harm, stepper: createStepper(), shouldStop }),
  );
  const best = timed((shouldStop) =>
    findHarm(model, { harm, stepper: createStepper(), shouldStop }),
  );
  const full = FULL
    ? timed((shouldStop) => explore(model, { harm, stepper: createStepper(), shouldStop }))
    : null;
  const s = (seconds: number, done: boolean) => `${seconds.toFixed(2)} s${done ? '' : '+'}`;
  const bestDone = best.answer.found !== null;
  if (full?.answer.complete && bestDone) {
    const same =
      JSON.stringify(full.answer.shortestHarm) === JSON.stringify(best.answer.shortestHarm);
    if (!same) throw new Error(`${granularity} ${readers}R+${writers}W: shortest runs differ`);
  }
  console.log(
    [
      `${granularity} ${readers}R+${writers}W`.padEnd(16),
      cell(s(quick.seconds, quick.answer.found !== null), 11),
      cell(String(quick.answer.shortestHarm?.length ?? '–'), 6),
      cell(s(best.seconds, bestDone), 11),
      cell(String(best.answer.shortestHarm?.length ?? '–'), 6),
      cell(best.answer.states.toLocaleString('en'), 9),
      cell(full ? s(full.seconds, full.answer.complete) : '–', 11),
      cell(full ? full.answer.states.toLocaleString('en') : '–', 10),
    ].join(' '),
  );
}
console.log(
  '+ = stopped at the cap before it knew; the shortest runs are checked equal where both finish',
);
