/**
 * Benchmark (prints figures; not a test): exhaustive exploration of cache-aside with 2 readers
 * and 2 writers, with and without memoized machine transitions, in the same run.
 * Run: npm run bench
 */
import { explore, type ExploreResult } from '../src/engine/explore';
import { createStepper } from '../src/engine/machines';
import type { Granularity } from '../src/engine/types';
import { cacheAside } from '../src/scenarios/cacheAside';
import { paramsOf } from '../src/scenarios/index';

interface Row {
  granularity: Granularity;
  memoize: boolean;
  result: ExploreResult;
  seconds: number;
  machineCalls: number;
  xstateCalls: number;
  heapMb: number;
}

function measure(granularity: Granularity, memoize: boolean): Row {
  const model = cacheAside.build({
    fix: 'none',
    granularity,
    params: paramsOf(cacheAside, { readers: 2, writers: 2 }),
  });
  const stepper = createStepper({ memoize });
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = explore(model, { stepper });
  const seconds = (performance.now() - start) / 1000;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  return {
    granularity,
    memoize,
    result,
    seconds,
    machineCalls: stepper.stats.calls,
    xstateCalls: stepper.stats.misses,
    heapMb,
  };
}

const rows: Row[] = [];
for (const granularity of ['operations', 'messages'] as const) {
  for (const memoize of [true, false]) rows.push(measure(granularity, memoize));
}

console.log('cache-aside-set-after-delete, fix none, 2 readers + 2 writers, exhaustive\n');
console.log(
  'granularity  memo  interleavings      states  transitions  seconds  transitions/s  xstate calls  heap Δ MB',
);
for (const r of rows) {
  console.log(
    [
      r.granularity.padEnd(11),
      (r.memoize ? 'yes' : 'no').padEnd(4),
      String(r.result.interleavings).padStart(14),
      String(r.result.states).padStart(11),
      String(r.result.transitions).padStart(12),
      r.seconds.toFixed(2).padStart(8),
      Math.round(r.result.transitions / r.seconds)
        .toLocaleString('en')
        .padStart(14),
      String(r.xstateCalls).padStart(13),
      r.heapMb.toFixed(0).padStart(10),
    ].join('  '),
  );
}
console.log('');
for (const granularity of ['operations', 'messages'] as const) {
  const memo = rows.find((r) => r.granularity === granularity && r.memoize);
  const plain = rows.find((r) => r.granularity === granularity && !r.memoize);
  if (!memo || !plain) continue;
  const same = JSON.stringify(memo.result) === JSON.stringify(plain.result);
  console.log(
    `${granularity}: memoized is ${(plain.seconds / memo.seconds).toFixed(2)}× faster; ` +
      `xstate transition() calls cut ${(plain.xstateCalls / memo.xstateCalls).toFixed(0)}× ` +
      `(${plain.xstateCalls} → ${memo.xstateCalls}); identical results: ${same ? 'yes' : 'NO'}`,
  );
}
