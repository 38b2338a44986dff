/**
 * Timer spans: a thin teal bar beside the owner's lifeline from where a timer was set to where
 * it fired (dashed when it was cancelled or has not fired), so a delay reads as a window.
 */
import { SPAN_LABEL_MIN } from '../../viz/placeMarks';
import type { DiagramLayout, TimerSpan } from '../../viz/types';
import { FONT, FUTURE_OPACITY, HALO, PALETTE } from './palette';

function Span({ span: t }: { span: TimerSpan }) {
  const path = `M${t.x - 4},${t.y1}H${t.x}V${t.y2}${t.fired ? `H${t.x - 4}` : ''}`;
  return (
    <g data-testid={`timer-span-${t.actor}`} opacity={t.future ? FUTURE_OPACITY : 0.9}>
      <title>{t.title}</title>
      <path
        d={path}
        fill="none"
        stroke={PALETTE.timer}
        strokeWidth={2}
        strokeDasharray={t.fired ? undefined : '4 3'}
        strokeLinejoin="round"
      />
      {t.y2 - t.y1 < SPAN_LABEL_MIN ? null : (
        <text
          x={t.labelX}
          y={t.labelY}
          fontSize={11}
          fontStyle="italic"
          fill={PALETTE.timer}
          {...HALO}
        >
          {t.label}
        </text>
      )}
    </g>
  );
}

/** Returns the timer spans of the (possibly culled) layout. */
export function TimerSpans({ layout }: { layout: DiagramLayout }) {
  return (
    <g fontFamily={FONT}>
      {layout.timers.map((t) => (
        <Span key={t.id} span={t} />
      ))}
    </g>
  );
}
