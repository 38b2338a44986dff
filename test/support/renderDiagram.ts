/**
 * Server-side renders the cache-aside sequence diagram at a cursor, with the steps enabled
 * there as ghost arrows, for diagram tests and benchmarks. Pure apart from CPU time.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Trace } from '../../src/engine/replay';
import { enabledSteps } from '../../src/engine/steps';
import type { Model } from '../../src/engine/types';
import { cacheAside } from '../../src/scenarios/cacheAside';
import { SequenceDiagram, type SequenceDiagramProps } from '../../src/ui/diagram/SequenceDiagram';

/** Returns the diagram's SVG markup; `extra` sets further props (e.g. `cull`, `title`). */
export function renderDiagram(
  model: Model,
  trace: Trace,
  cursor: number,
  extra: Partial<SequenceDiagramProps> = {},
): string {
  const world = trace.worlds[cursor] ?? trace.worlds[0];
  return renderToStaticMarkup(
    createElement(SequenceDiagram, {
      scenario: cacheAside,
      model,
      trace,
      cursor,
      enabled: world ? enabledSteps(model, world) : [],
      onChoose: () => undefined,
      onSeek: () => undefined,
      ...extra,
    }),
  );
}
