/**
 * Benchmark (prints figures; not a test): simulated requests per wall-clock second of the
 * timed load simulation, and the time of each load scenario's default run per fix; then the
 * fast kernels against stepping the xstate machines on the same small run.
 * Run: npm run bench (or npx tsx bench/load.bench.ts [--runs N] [--only TEXT]); with N > 1
 * each fix runs N times and the median wall time is kept; `--only` keeps the runs whose
 * `scenario/fix` contains TEXT (e.g. `key-normalisation/raw`) and skips the comparison. CPU
 * time is printed next to wall time: on a shared machine it shows how much of the wall time was
 * this process's own work, and requests per CPU second are printed next to requests per second.
 */
import { loadavg } from 'node:os';
import { fastBehaviour, xstateBehaviour } from '../src/actors/load/behaviours';
import { loadParams, runLoad } from '../src/scenarios/load/harness';
import { LOAD_SCENARIOS } from '../src/scenarios/load/index';

const pad = (text: string | number, width: number): string => String(text).padStart(width);
const runsArg = process.argv.indexOf('--runs');
const runs = Math.max(1, runsArg >= 0 ? Number(process.argv[runsArg + 1]) || 1 : 1);
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? (process.argv[onlyArg + 1] ?? '') : undefined;
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const rate = (requests: number, ms: number): number => Math.round((requests * 1000) / ms);

interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

/** Times `task` in wall-clock and CPU milliseconds. */
function timed(task: () => void): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  task();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

const median = (timings: Timing[]): Timing =>
  [...timings].sort((a, b) => a.wall - b.wall)[Math.floor(timings.length / 2)] as Timing;

console.log(`load average before: ${load()} (2 cores; above 2 the machine is shared)`);
console.log(`default runs (seed 1), fast kernels, median of ${runs} run(s) per fix`);
console.log(
  `${'scenario / fix'.padEnd(44)}${pad('sim s', 6)}${pad('requests', 10)}${pad('events', 10)}${pad('wall ms', 9)}${pad('cpu ms', 8)}${pad('req/s', 9)}${pad('req/cpu s', 10)}`,
);
let allRequests = 0;
let allWall = 0;
let allCpu = 0;
for (const scenario of LOAD_SCENARIOS) {
  const seconds = loadParams(scenario).seconds ?? 0;
  for (const fix of scenario.fixes) {
    if (only !== undefined && !`${scenario.id}/${fix.id}`.includes(only)) continue;
    let requests = 0;
    let events = 0;
    const timings = Array.from({ length: runs }, () =>
      timed(() => {
        const row = runLoad(scenario, { fixes: [fix.id], seed: 1 }).rows[0];
        requests = row?.requests ?? 0;
        events = row?.events ?? 0;
      }),
    );
    const { wall, cpu } = median(timings);
    allRequests += requests;
    allWall += wall;
    allCpu += cpu;
    console.log(
      `${`${scenario.id} / ${fix.id}`.padEnd(44)}${pad(seconds, 6)}${pad(requests, 10)}${pad(events, 10)}${pad(wall.toFixed(0), 9)}${pad(cpu.toFixed(0), 8)}${pad(rate(requests, wall), 9)}${pad(rate(requests, cpu), 10)}`,
    );
  }
}
console.log(
  `all default runs: ${allRequests} requests in ${(allWall / 1000).toFixed(2)} s wall (${(allCpu / 1000).toFixed(2)} s CPU) = ${rate(allRequests, allWall)} simulated requests/s (${rate(allRequests, allCpu)} per CPU second)`,
);
console.log(`load average after: ${load()}`);
if (only !== undefined) process.exit(0);

console.log('\nfast kernels vs xstate machines, set-after-delete, 5 simulated seconds, fix none');
for (const [name, behaviour] of [
  ['xstate', xstateBehaviour()],
  ['fast', fastBehaviour()],
] as const) {
  const scenario = LOAD_SCENARIOS.find((s) => s.id === 'set-after-delete');
  if (!scenario) break;
  let requests = 0;
  const { wall } = timed(() => {
    const table = runLoad(scenario, {
      fixes: ['none'],
      seed: 1,
      params: { seconds: 5 },
      behaviour,
    });
    requests = table.rows[0]?.requests ?? 0;
  });
  console.log(
    `${name.padEnd(8)}${pad(requests, 8)} requests${pad(wall.toFixed(0), 8)} ms${pad(rate(requests, wall), 9)} req/s`,
  );
}
