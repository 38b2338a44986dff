/**
 * The divergence marker: where the pinned run stops under the fix on screen, and why.
 */
import type { DiagramLayout } from '../../viz/types';
import { FONT, HALO, PALETTE } from './palette';

/** Returns the marker row after the last step that could be replayed (nothing when none). */
export function DivergenceMarker({ layout }: { layout: DiagramLayout }) {
  const d = layout.divergence;
  if (!d) return null;
  return (
    <g
      fontFamily={FONT}
      data-testid="divergence-mark"
      data-step={d.step}
      data-pinned-steps={d.pinnedSteps}
    >
      <title>{d.title}</title>
      <rect
        x={d.x}
        y={d.top}
        width={d.width - 8}
        height={d.height}
        rx={8}
        fill={PALETTE.divergeBand}
        stroke={PALETTE.diverge}
        strokeWidth={1.5}
        strokeDasharray="6 4"
      />
      <circle cx={d.x + 17} cy={d.textY - 4} r={9} fill={PALETTE.diverge} />
      <path
        d={`M${d.x + 13},${d.textY - 8} L${d.x + 21},${d.textY} M${d.x + 21},${d.textY - 8} L${d.x + 13},${d.textY}`}
        stroke="#ffffff"
        strokeWidth={2}
        strokeLinecap="round"
      />
      <text
        x={d.textX}
        y={d.textY}
        fontSize={13}
        fill={PALETTE.divergeText}
        {...HALO}
        stroke={PALETTE.divergeBand}
      >
        {d.lines.map((line, i) => (
          <tspan
            key={i}
            x={d.textX}
            dy={i === 0 ? 0 : 16}
            fontWeight={i < d.headlineLines ? 700 : 500}
          >
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}
