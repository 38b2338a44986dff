/**
 * Exploration results: the line for the current configuration and, on request, the fix
 * matrix (every fix's verdict over the scenario's sweep, judged by the explorer).
 */
import { lazy, Suspense, useState } from 'react';
import { configKey } from '../../scenarios/session';
import { useAppStore } from '../../store/index';
import { compareAllFixes } from '../explore/onDemand';
import { useConfig, useScenario } from '../hooks';

// What only an exploration shows, fetched when it has something to show.
const ExploreMatrix = lazy(() =>
  import('./ExploreMatrix').then((m) => ({ default: m.ExploreMatrix })),
);
const ExploreResult = lazy(() =>
  import('./ExploreResult').then((m) => ({ default: m.ExploreResult })),
);
const RaceLine = lazy(() => import('./RaceLine').then((m) => ({ default: m.RaceLine })));

/** Returns the exploration section. */
export function ExplorePanel() {
  const config = useConfig();
  const scenario = useScenario();
  const result = useAppStore((s) => s.results[configKey(config)]);
  const race = useAppStore((s) => s.races[configKey(config)]);
  const explore = useAppStore((s) => s.explore);
  const [comparing, setComparing] = useState(false);
  const running = explore.status === 'running';
  const fix = scenario.fixes.find((f) => f.id === config.fix);
  return (
    <section className="card explore" aria-label="Exploration">
      <h2 className="card-title">Every interleaving</h2>
      <Suspense fallback={null}>
        {race && !result?.complete && (
          <RaceLine race={race} running={running && explore.key === configKey(config)} />
        )}
        {result && <ExploreResult fix={fix} result={result} />}
      </Suspense>
      {result || race ? null : (
        <p className="muted">
          {running && explore.mode === 'one'
            ? 'Exploring every order of events…'
            : 'Press Find the race to try every order of events with this fix.'}
        </p>
      )}
      {running && explore.progress && (
        <p className="muted" data-testid="explore-progress">
          {explore.progress}
        </p>
      )}
      {explore.status === 'cancelled' && <p className="muted">Exploration cancelled.</p>}
      {explore.status === 'error' && (
        <p className="explore-line is-bad">Explorer failed: {explore.error}</p>
      )}
      {comparing && (
        <Suspense fallback={null}>
          <ExploreMatrix />
        </Suspense>
      )}
      <button
        type="button"
        className="btn btn-small"
        data-testid="explore-all"
        disabled={running}
        title="Every fix's verdict over the scenario's sweep of model sizes"
        onClick={() => {
          setComparing(true);
          compareAllFixes();
        }}
      >
        Compare all fixes
      </button>
    </section>
  );
}
