/**
 * Row bands (click to move the cursor after that step), the time axis, violation highlights,
 * and the cursor line with the band that holds the ghost arrows.
 */
import { memo } from 'react';
import type { DiagramLayout, Row } from '../../viz/types';
import { FONT, FUTURE_OPACITY, HALO, PALETTE } from './palette';
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
        fill={r.row % 2 === 0 ? PALETTE.rowAlt : PALETTE.background}
      />
      <text x={10} y={r.y - 2} fontSize={12.5} fontWeight={600} fill={PALETTE.text}>
        {r.label}
      </text>
      <text x={10} y={r.y + 13} fontSize={11.5} fill={PALETTE.subtle}>
        {r.tick}
      </text>
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

/** Returns the red bands across the rows where an invariant broke (drawn under arrows). */
export function ViolationBands({ layout }: { layout: DiagramLayout }) {
  const half = layout.columnWidth / 2;
  const x = (layout.lifelines[0]?.x ?? half) - half + 4;
  const end = (layout.lifelines.at(-1)?.x ?? 0) + half - 4;
  return (
    <g aria-hidden="true">
      {layout.violations.map((v) => (
        <g key={v.row} opacity={v.future ? FUTURE_OPACITY + 0.2 : 1}>
          <rect
            x={x}
            y={v.top + 2}
            width={end - x}
            height={v.height - 4}
            rx={6}
            fill={PALETTE.staleBand}
          />
          <rect x={x} y={v.top + 2} width={4} height={v.height - 4} fill={PALETTE.stale} />
        </g>
      ))}
    </g>
  );
}

/** Returns the violation notes, each below its row (drawn over everything). */
export function ViolationNotes({ layout }: { layout: DiagramLayout }) {
  return (
    <g fontFamily={FONT}>
      {layout.violations.map((v) => (
        <g
          key={v.row}
          data-testid="violation-mark"
          data-row={v.row}
          opacity={v.future ? FUTURE_OPACITY + 0.2 : 1}
        >
          <title>{v.title}</title>
          <circle cx={v.noteX + 8} cy={v.noteY - 4} r={8} fill={PALETTE.stale} />
          <text
            x={v.noteX + 8}
            y={v.noteY}
            textAnchor="middle"
            fontSize={12}
            fontWeight={800}
            fill="#ffffff"
          >
            !
          </text>
          <text
            x={v.noteX + 24}
            y={v.noteY}
            fontSize={13}
            fontWeight={650}
            fill={PALETTE.staleText}
            {...HALO}
            stroke={PALETTE.staleBand}
          >
            {v.lines.map((line, i) => (
              <tspan key={i} x={v.noteX + 24} dy={i === 0 ? 0 : 16}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * Returns the cursor line ("now") and the band below it where the ghost arrows sit. Drawn
 * over the arrows so messages still in flight do not clutter the band.
 */
export function CursorLine({ layout }: { layout: DiagramLayout }) {
  const { band } = layout;
  const x2 = layout.right - 8;
  return (
    <g data-testid="cursor-line" data-cursor={layout.cursor.row} fontFamily={FONT}>
      <rect
        x={layout.left}
        y={band.top}
        width={x2 - layout.left}
        height={band.height}
        fill={PALETTE.ghostBand}
        fillOpacity={0.92}
      />
      {layout.lifelines.map((l) => (
        <line
          key={l.id}
          x1={l.x}
          x2={l.x}
          y1={band.top}
          y2={band.top + band.height}
          stroke={PALETTE.lifeline}
          strokeWidth={1.5}
        />
      ))}
      <line
        x1={layout.left}
        x2={x2}
        y1={band.top}
        y2={band.top}
        stroke={PALETTE.ghost}
        strokeWidth={2}
      />
      <rect x={6} y={band.top + 5} width={40} height={18} rx={9} fill={PALETTE.ghost} />
      <text
        x={26}
        y={band.top + 18}
        textAnchor="middle"
        fontSize={11}
        fontWeight={700}
        fill="#ffffff"
      >
        now
      </text>
      {layout.ghosts.length === 0 ? (
        <text
          x={(layout.lifelines[0]?.x ?? 80) + 10}
          y={band.top + band.height / 2 + 4}
          fontSize={12.5}
          fill={PALETTE.subtle}
        >
          Nothing left to happen: the run is finished.
        </text>
      ) : null}
    </g>
  );
}
