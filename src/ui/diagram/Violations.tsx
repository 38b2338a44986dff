/**
 * Where an invariant broke: a red band over the row and its note, and the note's text.
 */
import type { DiagramLayout } from '../../viz/types';
import { FONT, FUTURE_OPACITY, HALO, PALETTE } from './palette';

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
