/**
 * Row bands (click to move the cursor after that step) and the time axis on the left (step
 * number and clock), which the zoom adapter keeps pinned to the left edge when panning.
 */
import { memo, useContext } from 'react';
import { OpaqueBackdrop } from './backdrop';
import type { DiagramLayout, Row } from '../../viz/types';
import { FONT, FUTURE_OPACITY, PALETTE } from './palette';
import { sameFields } from './sameFields';

interface RowsProps {
  layout: DiagramLayout;
  onSeek(cursor: number): void;
}

interface RowBandProps {
  row: Row;
  left: number;
  width: number;
  onSeek(cursor: number): void;
}

function RowBandView({ row: r, left, width, onSeek }: RowBandProps) {
  const opaque = useContext(OpaqueBackdrop);
  return (
    <g
      data-testid={`row-${r.row}`}
      opacity={r.future ? FUTURE_OPACITY + 0.2 : 1}
      cursor="pointer"
      onClick={() => onSeek(r.row)}
    >
      <title>{r.row === 0 ? 'Go to the start' : `Go to just after step ${r.row} (${r.key})`}</title>
      <rect
        x={left}
        y={r.top}
        width={width}
        height={r.height}
        fill={!opaque ? 'none' : r.row % 2 === 0 ? PALETTE.rowAlt : PALETTE.background}
      />
    </g>
  );
}

const RowBand = memo(
  RowBandView,
  (a, b) =>
    a.left === b.left && a.width === b.width && a.onSeek === b.onSeek && sameFields(a.row, b.row),
);

/** Returns the clickable row bands with their step number and clock tick on the left. */
export function RowBands({ layout, onSeek }: RowsProps) {
  const width = layout.right - layout.left;
  return (
    <g fontFamily={FONT}>
      {layout.rows.map((r) => (
        <RowBand key={r.row} row={r} left={layout.left} width={width} onSeek={onSeek} />
      ))}
    </g>
  );
}

interface TickProps {
  row: Row;
  onSeek(cursor: number): void;
}

function TickView({ row: r, onSeek }: TickProps) {
  return (
    <g opacity={r.future ? FUTURE_OPACITY + 0.2 : 1} cursor="pointer" onClick={() => onSeek(r.row)}>
      <text x={10} y={r.y - 2} fontSize={12.5} fontWeight={600} fill={PALETTE.text}>
        {r.label}
      </text>
      <text x={10} y={r.y + 13} fontSize={11.5} fill={PALETTE.subtle}>
        {r.tick}
      </text>
    </g>
  );
}

const Tick = memo(TickView, (a, b) => a.onSeek === b.onSeek && sameFields(a.row, b.row));

/**
 * Returns the time axis: each row's step number and clock. Its background only shows while the
 * axis is pinned over the diagram (the zoom adapter sets its opacity).
 */
export function TimeAxis({ layout, onSeek }: RowsProps) {
  return (
    <g fontFamily={FONT} data-testid="time-axis">
      <rect
        data-role="axis-bg"
        x={-4000}
        y={-100000}
        width={
          4000 +
          layout.lifelines.reduce((x, l) => Math.min(x, l.x), Infinity) -
          layout.columnWidth / 2
        }
        height={200000 + layout.height}
        fill={PALETTE.background}
        opacity={0}
        pointerEvents="none"
      />
      {layout.rows.map((r) => (
        <Tick key={r.row} row={r} onSeek={onSeek} />
      ))}
    </g>
  );
}
