/**
 * A self-contained, non-interactive SVG of the whole diagram (no culling, no pan/zoom, explicit
 * size and viewBox, presentation attributes only), for exporting as SVG or PNG: render it with
 * `renderToStaticMarkup` (see ui/export/svg.ts).
 */
import type { Trace } from '../../engine/replay';
import type { Model, Step } from '../../engine/types';
import type { ScenarioDef } from '../../scenarios/types';
import type { DivergenceInput } from '../../viz/divergence';
import { layoutDiagram } from '../../viz/layout';
import { withNotes } from '../../viz/notes';
import { OpaqueBackdrop } from './backdrop';
import { DiagramLayers } from './DiagramLayers';
import { LifelineHeaders } from './Lifelines';
import { TimeAxis } from './Rows';
import { FONT, PALETTE } from './palette';

export interface StaticDiagramProps {
  scenario: ScenarioDef;
  model: Model;
  trace: Trace;
  cursor: number;
  /** Enabled steps to show as ghost arrows; none by default. */
  enabled?: readonly Step[];
  title?: string;
  /** The run's step notes (1-based step number → plain text). */
  notes?: Readonly<Record<string, string>>;
  /** Where the pinned run stops under this configuration, when it does. */
  divergence?: DivergenceInput | null;
  /** Background: white (default) or none (transparent). */
  background?: 'white' | 'none';
}

const ignore = (): void => undefined;

/** Returns the whole diagram as a standalone `<svg>` element. */
export function StaticDiagram({
  scenario,
  model,
  trace,
  cursor,
  enabled,
  title,
  notes,
  divergence,
  background,
}: StaticDiagramProps) {
  const layout = withNotes(
    layoutDiagram({
      scenario,
      model,
      trace,
      cursor,
      enabled: enabled ?? [],
      divergence: divergence ?? null,
    }),
    notes,
  );
  const { width, height } = layout;
  return (
    <OpaqueBackdrop.Provider value={background !== 'none'}>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        fontFamily={FONT}
      >
        <title>{title ?? `Sequence diagram: ${scenario.title}`}</title>
        {background !== 'none' && (
          <rect x={0} y={0} width={width} height={height} fill={PALETTE.background} />
        )}
        <DiagramLayers layout={layout} onSeek={ignore} onChoose={ignore} />
        <TimeAxis layout={layout} onSeek={ignore} />
        <LifelineHeaders layout={layout} />
      </svg>
    </OpaqueBackdrop.Provider>
  );
}
