/**
 * The scenario's figures for the run so far (e.g. how long the cache served stale data), from
 * the worlds and steps up to the cursor.
 */
import { useMemo } from 'react';
import { useScenario, useShownCursor, useTrace } from '../hooks';

/** Returns the figures strip, or nothing when the scenario reports none. */
export function Figures() {
  const scenario = useScenario();
  const trace = useTrace();
  const cursor = useShownCursor();
  const figures = useMemo(
    () =>
      scenario.figures?.(trace.worlds.slice(0, cursor + 1), trace.records.slice(0, cursor)) ?? [],
    [scenario, trace, cursor],
  );
  if (figures.length === 0) return null;
  return (
    <dl className="figures" data-testid="figures">
      {figures.map((f) => (
        <div key={f.id} className="figure">
          <dt>{f.label}</dt>
          <dd>{f.text}</dd>
        </div>
      ))}
    </dl>
  );
}
