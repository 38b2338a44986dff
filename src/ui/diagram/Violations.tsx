/**
 * Where an invariant broke: a band over the row and its note, with the note's text. Harm is
 * red with a "!"; a diagnostic (the race window opened, no harm) is calm slate with an "i"
 * and its note starts with "diagnostic:".
 */
import type { DiagramLayout, ViolationMark } from '../../viz/types';
import { FONT, FUTURE_OPACITY, HALO, PALETTE } from './palette';

/** Returns the colours of a violation mark: red for harm, slate for a diagnostic. */
function tones(v: ViolationMark) {
  return v.harm
    ? { mark: PALETTE.stale, text: PALETTE.staleText, band: PALETTE.staleBand, glyph: '!' }
    : {
        mark: PALETTE.diagnostic,
        text: PALETTE.diagnosticText,
        band: PALETTE.diagnosticBand,
        glyph: 'i',
      };
}

/** Returns the bands across the rows where an invariant broke (drawn under arrows). */
export function ViolationBands({ layout }: { layout: DiagramLayout }) {
  const half = layout.columnWidth / 2;
  const x = (layout.lifelines[0]?.x ?? half) - half + 4;
  const end = (layout.lifelines.at(-1)?.x ?? 0) + half - 4;
  return (
    <g aria-hidden="true">
      {layout.violations.map((v) => {
        const tone = tones(v);
        return (
          <g key={v.row} opacity={v.future ? FUTURE_OPACITY + 0.2 : 1}>
            <rect
              x={x}
              y={v.top + 2}
              width={end - x}
              height={v.height - 4}
              rx={6}
              fill={tone.band}
            />
            <rect x={x} y={v.top + 2} width={4} height={v.height - 4} fill={tone.mark} />
          </g>
        );
      })}
    </g>
  );
}

/** Returns the violation notes, each below its row (drawn over everything). */
export function ViolationNotes({ layout }: { layout: DiagramLayout }) {
  return (
    <g fontFamily={FONT}>
      {layout.violations.map((v) => {
        const tone = tones(v);
        return (
          <g
            key={v.row}
            data-testid={v.harm ? 'violation-mark' : 'diagnostic-mark'}
            data-row={v.row}
            opacity={v.future ? FUTURE_OPACITY + 0.2 : 1}
          >
            <title>{v.harm ? v.title : `Diagnostic (no harm): ${v.title}`}</title>
            <circle cx={v.noteX + 8} cy={v.noteY - 4} r={8} fill={tone.mark} />
            <text
              x={v.noteX + 8}
              y={v.noteY}
              textAnchor="middle"
              fontSize={12}
              fontWeight={800}
              fontStyle={v.harm ? undefined : 'italic'}
              fill="#ffffff"
            >
              {tone.glyph}
            </text>
            <text
              x={v.noteX + 24}
              y={v.noteY}
              fontSize={13}
              fontWeight={650}
              fill={tone.text}
              {...HALO}
              stroke={tone.band}
            >
              {v.lines.map((line, i) => (
                <tspan key={i} x={v.noteX + 24} dy={i === 0 ? 0 : 16}>
                  {line}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
    </g>
  );
}
