/**
 * Every view of a judged run the app can show: stepping through the whole run (the cursor at
 * each step, the steps after it drawn as the pinned future, the enabled steps as ghosts), and
 * presentation mode (each prefix of the run revealed alone, cursor at its end, no ghosts).
 * Pure apart from CPU time.
 */
import { replay } from '../../src/engine/replay';
import { enabledSteps } from '../../src/engine/steps';
import { layoutDiagram } from '../../src/viz/layout';
import type { DiagramMetrics } from '../../src/viz/metrics';
import type { DiagramLayout } from '../../src/viz/types';
import type { JudgedRun } from './raceRuns';

export type ViewMode = 'stepping' | 'presenting';

export interface DiagramView {
  readonly mode: ViewMode;
  /** Steps shown as happened. */
  readonly cursor: number;
  readonly layout: DiagramLayout;
}

/**
 * Returns the layout of `run` with the cursor after `cursor` steps, ghosts included (`metrics`:
 * e.g. a phone's; by default the diagram's own).
 */
export function steppingView(
  run: JudgedRun,
  cursor: number,
  metrics?: DiagramMetrics,
): DiagramLayout {
  const world = run.trace.worlds[cursor];
  if (!world) throw new Error(`${run.name}: no world at ${cursor}`);
  const { scenario, model, trace } = run;
  const enabled = enabledSteps(model, world);
  return layoutDiagram({ scenario, model, trace, cursor, enabled, ...(metrics && { metrics }) });
}

/** Returns the layout of the first `steps` steps of `run` alone, as presentation mode draws it. */
export function presentingView(
  run: JudgedRun,
  steps: number,
  metrics?: DiagramMetrics,
): DiagramLayout {
  const { scenario, model } = run;
  const trace = replay(model, run.trace.schedule.slice(0, steps));
  const input = { scenario, model, trace, cursor: steps, enabled: [] };
  return layoutDiagram({ ...input, ...(metrics && { metrics }) });
}

/** Returns every view of `run` in `mode`: one per cursor position 0..steps. */
export function* diagramViews(
  run: JudgedRun,
  mode: ViewMode,
  metrics?: DiagramMetrics,
): Generator<DiagramView> {
  const view = mode === 'stepping' ? steppingView : presentingView;
  for (let cursor = 0; cursor <= run.trace.records.length; cursor++) {
    yield { mode, cursor, layout: view(run, cursor, metrics) };
  }
}
