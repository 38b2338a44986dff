/**
 * One side of the compare view: the sequence diagram of one run at its natural proportions
 * (both sides share a width, so they scale alike and their aligned rows stay level), its
 * headers pinned above, the step where the runs part outlined, and the marker of where the run
 * stops when it cannot go as far as the other.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Trace } from '../../engine/replay';
import type { Model } from '../../engine/types';
import type { ScenarioDef } from '../../scenarios/types';
import type { DivergenceInput } from '../../viz/divergence';
import { layoutDiagram } from '../../viz/layout';
import type { DiagramLayout, DiagramMetrics, RowAlignment } from '../../viz/index';
import { DiagramLayers } from '../diagram/DiagramLayers';
import { LifelineHeaders } from '../diagram/Lifelines';
import { TimeAxis } from '../diagram/Rows';
import { FONT, HALO, PALETTE } from '../diagram/palette';

const OUTLINE = '#d97706';
const NONE: readonly never[] = [];
const ignore = (): void => undefined;

export interface CompareDiagramProps {
  side: 'left' | 'right';
  scenario: ScenarioDef;
  model: Model;
  trace: Trace;
  cursor: number;
  align: RowAlignment;
  /** Sizes shared by both sides (columns for every actor of the shared order). */
  metrics: DiagramMetrics;
  /** Index of the step where the runs part, or null. */
  parted: number | null;
  /** Where and why this run stops, when it does before the other. */
  divergence: DivergenceInput | null;
  /** Accessible name, e.g. `Sequence diagram without a fix`. */
  label: string;
  onSeek(cursor: number): void;
}

/** The y range of the row for step `step`, or of the marker where the run stops before it. */
function rowRange(layout: DiagramLayout, step: number): { top: number; height: number } | null {
  const row = layout.rows.find((r) => r.row === step + 1);
  if (row) return { top: row.top, height: row.height };
  const d = layout.divergence;
  if (d && d.step === step + 1) return { top: d.top - 4, height: d.height + 8 };
  return null;
}

function PartedOutline({ layout, step }: { layout: DiagramLayout; step: number }) {
  const range = rowRange(layout, step);
  if (!range) return null;
  const x = layout.left + 4;
  const width = layout.right - layout.left - 8;
  return (
    <g data-testid="compare-parted" data-row={step + 1} pointerEvents="none">
      <rect
        x={x}
        y={range.top + 1}
        width={width}
        height={range.height - 2}
        rx={6}
        fill="none"
        stroke={OUTLINE}
        strokeWidth={2.5}
        strokeDasharray="7 4"
      />
      <text
        x={layout.right - 14}
        y={range.top + 15}
        textAnchor="end"
        fontSize={11.5}
        fontWeight={700}
        fill="#92400e"
        {...HALO}
      >
        runs part here
      </text>
    </g>
  );
}

/** Returns one side of the compare view. */
export function CompareDiagram(props: CompareDiagramProps) {
  const { side, scenario, model, trace, cursor, align, metrics, parted, divergence, onSeek } =
    props;
  const layout = useMemo(
    () =>
      layoutDiagram({ scenario, model, trace, cursor, enabled: NONE, align, metrics, divergence }),
    [scenario, model, trace, cursor, align, metrics, divergence],
  );
  const { width, height, headerHeight } = layout;
  const bandRef = useRef<SVGRectElement>(null);
  // Keep the cursor in view as it moves (the right side leads; both scroll together).
  useEffect(() => {
    if (side === 'right') bandRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [side, layout.band.top]);
  return (
    <div className="compare-side-diagram">
      <svg
        className="compare-headers"
        viewBox={`0 0 ${width} ${headerHeight}`}
        xmlns="http://www.w3.org/2000/svg"
        fontFamily={FONT}
        aria-hidden="true"
      >
        <LifelineHeaders layout={layout} />
      </svg>
      <svg
        className="compare-body"
        data-testid={`compare-diagram-${side}`}
        data-steps={trace.records.length}
        data-cursor={layout.cursor.row}
        role="group"
        aria-label={props.label}
        viewBox={`0 ${headerHeight} ${width} ${height - headerHeight}`}
        xmlns="http://www.w3.org/2000/svg"
        fontFamily={FONT}
      >
        <rect
          x={0}
          y={headerHeight}
          width={width}
          height={height - headerHeight}
          fill={PALETTE.background}
        />
        <DiagramLayers layout={layout} onSeek={onSeek} onChoose={ignore} />
        {parted !== null ? <PartedOutline layout={layout} step={parted} /> : null}
        <TimeAxis layout={layout} onSeek={onSeek} />
        <rect
          ref={bandRef}
          x={0}
          y={Math.max(headerHeight, layout.band.top - layout.rowHeight)}
          width={1}
          height={layout.band.height + layout.rowHeight}
          fill="none"
          pointerEvents="none"
        />
      </svg>
    </div>
  );
}
