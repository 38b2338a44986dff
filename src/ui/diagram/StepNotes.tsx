/**
 * The run's step notes beside the diagram, each level with its step: plain text (React text
 * nodes), the whole note in a tooltip when it is cut to fit its row.
 */
import { NOTE_LINE } from '../../viz/notes';
import type { DiagramLayout } from '../../viz/types';
import { FONT, FUTURE_OPACITY, PALETTE } from './palette';

/** Returns the notes column (nothing when the run has no notes). */
export function StepNotes({ layout }: { layout: DiagramLayout }) {
  if (!layout.notes || layout.notes.length === 0) return null;
  return (
    <g fontFamily={FONT} data-testid="step-notes">
      {layout.notes.map((n) => (
        <g
          key={n.step}
          data-testid={`step-note-${n.step}`}
          opacity={n.future ? FUTURE_OPACITY + 0.2 : 1}
        >
          <title>{`Note on step ${n.step}: ${n.text}`}</title>
          <rect
            x={n.x}
            y={n.top}
            width={n.width}
            height={n.height}
            rx={5}
            fill={PALETTE.noteFill}
            stroke={PALETTE.noteStroke}
          />
          <rect x={n.x} y={n.top} width={4} height={n.height} fill={PALETTE.noteStroke} />
          <text x={n.x + 12} y={n.textY} fontSize={13} fill={PALETTE.noteText}>
            {n.lines.map((line, i) => (
              <tspan key={i} x={n.x + 12} dy={i === 0 ? 0 : NOTE_LINE}>
                {line}
              </tspan>
            ))}
          </text>
        </g>
      ))}
    </g>
  );
}
