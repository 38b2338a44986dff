/**
 * Benchmark (prints figures; not a test): the sequence diagram on long cache-aside traces —
 * layout time for 100 / 1,000 / 5,000 steps, and the SVG elements React renders with and
 * without viewport culling (with the ratio and render times), all in the same run.
 * Run: npx tsx bench/diagram.bench.ts
 */
import type { Trace } from '../src/engine/replay';
import { enabledSteps } from '../src/engine/steps';
import type { Model } from '../src/engine/types';
import { cacheAside } from '../src/scenarios/cacheAside';
import { paramsOf } from '../src/scenarios/index';
import { CULL_THRESHOLD } from '../src/viz/cull';
import { layoutDiagram } from '../src/viz/layout';
import { longTrace } from '../test/support/longTrace';
import { renderDiagram } from '../test/support/renderDiagram';

const SIZES = [100, 1000, 5000];

/** Best of the runs: the least disturbed by other work on the machine. */
function best(values: number[]): number {
  return Math.min(...values);
}

function timed<T>(runs: number, fn: () => T): { ms: number; value: T } {
  let value = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = fn();
    times.push(performance.now() - start);
  }
  return { ms: best(times), value };
}

function render(model: Model, trace: Trace, cursor: number, cull: boolean): string {
  return renderDiagram(model, trace, cursor, { cull });
}

/** SVG elements in the markup (every opening tag inside the svg). */
function svgElements(html: string): number {
  const svg = html.slice(html.indexOf('<svg'), html.lastIndexOf('</svg>'));
  return (svg.match(/<[a-zA-Z]/g) ?? []).length;
}

const model = cacheAside.build({
  fix: 'double-delete',
  granularity: 'messages',
  params: paramsOf(cacheAside, { readers: 3, writers: 3 }),
});

console.log('sequence diagram — cache-aside, 3 readers, 3 writers, messages granularity');
console.log(
  'steps  first layout ms  cursor move ms  arrows  elements(all)  elements(culled)  ratio  render ms(all)  render ms(culled)',
);
for (const steps of SIZES) {
  const trace = longTrace(model, steps, 11);
  const layoutAt = (t: Trace, cursor: number) => {
    const world = t.worlds[cursor];
    const enabled = world ? enabledSteps(model, world) : [];
    return layoutDiagram({ scenario: cacheAside, model, trace: t, cursor, enabled });
  };
  // A new trace object each run: nothing cached (what opening a link or a new schedule costs).
  const first = timed(5, () => layoutAt({ ...trace }, Math.floor(steps / 2)));
  // The same trace, another cursor each run: what a step, back or seek costs.
  let cursor = 0;
  const move = timed(9, () => layoutAt(trace, (cursor = (cursor + 37) % (steps + 1))));
  const all = timed(3, () => render(model, trace, 0, false));
  const culled = timed(3, () => render(model, trace, 0, true));
  const nAll = svgElements(all.value);
  const nCulled = svgElements(culled.value);
  console.log(
    [
      String(steps).padStart(5),
      first.ms.toFixed(1).padStart(16),
      move.ms.toFixed(1).padStart(15),
      String(first.value.arrows.length).padStart(7),
      String(nAll).padStart(14),
      String(nCulled).padStart(17),
      `${(nAll / nCulled).toFixed(1)}×`.padStart(6),
      all.ms.toFixed(1).padStart(15),
      culled.ms.toFixed(1).padStart(18),
    ].join(' '),
  );
}
console.log('times are the best of several runs (ms); elements are counted in the SSR markup');
console.log(
  `culling applies from ${CULL_THRESHOLD} rows; the view is the first screen (1,200 px plus margins)`,
);
