/**
 * Benchmark (prints figures; not a test): simulated requests per wall-clock second of the
 * timed load simulation, and the time of each load scenario's default run per fix; then the
 * fast kernels against stepping the xstate machines on the same small run.
 * Run: npm run bench (or npx tsx bench/load.bench.ts)
 */
import { fastBehaviour, xstateBehaviour } from '../src/actors/load/behaviours';
import { loadParams, runLoad } from '../src/scenarios/load/harness';
import { LOAD_SCENARIOS } from '../src/scenarios/load/index';

const pad = (text: string | number, width: number): string => String(text).padStart(width);

console.log('default runs (seed 1), fast kernels');
console.log(
  `${'scenario / fix'.padEnd(44)}${pad('sim s', 7)}${pad('requests', 10)}${pad('wall ms', 9)}${pad('req/s', 10)}`,
);
let allRequests = 0;
let allMs = 0;
for (const scenario of LOAD_SCENARIOS) {
  const seconds = loadParams(scenario).seconds ?? 0;
  for (const fix of scenario.fixes) {
    const start = performance.now();
    const table = runLoad(scenario, { fixes: [fix.id], seed: 1 });
    const ms = performance.now() - start;
    const requests = table.rows[0]?.requests ?? 0;
    allRequests += requests;
    allMs += ms;
    console.log(
      `${`${scenario.id} / ${fix.id}`.padEnd(44)}${pad(seconds, 7)}${pad(requests, 10)}${pad(ms.toFixed(0), 9)}${pad(Math.round((requests * 1000) / ms), 10)}`,
    );
  }
}
console.log(
  `all default runs: ${allRequests} requests in ${(allMs / 1000).toFixed(2)} s = ${Math.round((allRequests * 1000) / allMs)} simulated requests/s`,
);

console.log('\nfast kernels vs xstate machines, set-after-delete, 5 simulated seconds, fix none');
for (const [name, behaviour] of [
  ['xstate', xstateBehaviour()],
  ['fast', fastBehaviour()],
] as const) {
  const scenario = LOAD_SCENARIOS.find((s) => s.id === 'set-after-delete');
  if (!scenario) break;
  const start = performance.now();
  const table = runLoad(scenario, { fixes: ['none'], seed: 1, params: { seconds: 5 }, behaviour });
  const ms = performance.now() - start;
  const requests = table.rows[0]?.requests ?? 0;
  console.log(
    `${name.padEnd(8)}${pad(requests, 8)} requests${pad(ms.toFixed(0), 8)} ms${pad(Math.round((requests * 1000) / ms), 9)} req/s`,
  );
}
