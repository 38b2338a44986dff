/**
 * The cursor: a line under the last step that happened, and the band below it that holds the
 * ghost arrows of the steps that can happen next.
 */
import type { DiagramLayout } from '../../viz/types';
import { FONT, PALETTE } from './palette';

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
      {layout.finished ? (
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
