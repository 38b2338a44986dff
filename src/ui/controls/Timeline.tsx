/**
 * The scrubbable timeline: a range over the pinned schedule, with red ticks where an
 * invariant breaks, and the step counter.
 */
import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store/index';
import { useCursor, useTrace } from '../hooks';
import { useAfterFirstPaint } from '../layout/useAfterFirstPaint';

// The chance strip (and its worker client) is fetched once a run is on the timeline, after the
// first paint.
const ChanceStrip = lazy(() => import('./ChanceStrip').then((m) => ({ default: m.ChanceStrip })));

/** Returns the timeline slider. */
export function Timeline() {
  const { cursor, length, pinned } = useCursor();
  const seek = useAppStore((s) => s.seek);
  const trace = useTrace();
  const painted = useAfterFirstPaint();
  const marks = [...new Set(trace.violations.map((v) => v.step + 1))];
  return (
    <div className="timeline">
      <div className="timeline-track">
        <input
          type="range"
          min={0}
          max={Math.max(length, 1)}
          step={1}
          value={cursor}
          disabled={length === 0}
          aria-label="Timeline"
          data-testid="timeline"
          onChange={(e) => seek(Number(e.target.value))}
        />
        {length > 0 &&
          marks.map((m) => (
            <span
              key={m}
              className="timeline-mark"
              style={{ left: `${(m / length) * 100}%` }}
              title={`An invariant breaks at step ${m}`}
            />
          ))}
        {length > 0 && painted && (
          <Suspense fallback={null}>
            <ChanceStrip />
          </Suspense>
        )}
      </div>
      <span className="timeline-count" data-testid="step-count">
        Step <strong>{cursor}</strong> / {length}
        {pinned > length && (
          <span className="timeline-pinned" data-testid="pinned-count">
            {' '}
            (pinned run: {pinned})
          </span>
        )}
      </span>
    </div>
  );
}
