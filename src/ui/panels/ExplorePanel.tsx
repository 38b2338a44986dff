/**
 * Exploration results: the line for the current fix and, on request, the scenario × fix
 * matrix (interleavings and violating ones per fix).
 */
import { configKey } from '../../scenarios/session';
import { useAppStore, type ExploreSummary } from '../../store/index';
import { exploreAllFixes } from '../explore/exploreClient';
import { useConfig, useScenario } from '../hooks';
import { ExploreMatrix } from './ExploreMatrix';

/** Returns the one-line summary of an exploration. Pure. */
export function summaryLine(r: ExploreSummary): string {
  if (!r.complete || r.interleavings === null) {
    return `Stopped after ${(r.ms / 1000).toFixed(1)} s (${r.states.toLocaleString('en')} states): no complete count.`;
  }
  const count = `${r.interleavings.toLocaleString('en')} interleavings`;
  if (!r.violatingAny) return `${count} · none violates`;
  const by = Object.entries(r.violating ?? {})
    .filter(([, n]) => n > 0)
    .map(([id, n]) => `${id} ${n}`)
    .join(', ');
  const shortest = r.shortest ? ` · shortest: ${r.shortest.length} steps` : '';
  return `${count} · ${r.violatingAny} violate (${by})${shortest}`;
}

/** Returns how long the exploration took, e.g. `30 states explored in 12 ms`. Pure. */
export function timingLine(r: ExploreSummary): string {
  const time =
    r.ms < 1000 ? `${Math.max(1, Math.round(r.ms))} ms` : `${(r.ms / 1000).toFixed(1)} s`;
  return `${r.states.toLocaleString('en')} states explored in ${time}`;
}

/** Returns the exploration section. */
export function ExplorePanel() {
  const config = useConfig();
  const scenario = useScenario();
  const key = configKey(config);
  const result = useAppStore((s) => s.results[key]);
  const explore = useAppStore((s) => s.explore);
  const running = explore.status === 'running';
  const fix = scenario.fixes.find((f) => f.id === config.fix);
  const fixLabel = fix?.label ?? config.fix;
  const clean = result?.complete === true && result.violatingAny === 0;
  return (
    <section className="card explore" aria-label="Exploration">
      <h2 className="card-title">Every interleaving</h2>
      {result ? (
        <p
          className={
            result.violatingAny
              ? 'explore-line is-bad'
              : clean && !fix?.closes
                ? 'explore-line is-warn'
                : 'explore-line is-good'
          }
          data-testid="explore-result"
        >
          <strong>{fixLabel}:</strong> {summaryLine(result)}
          {clean && fix?.closes && (
            <span className="explore-verdict"> — this fix closes the race.</span>
          )}
          {clean && !fix?.closes && (
            <span className="explore-caveat">
              {' '}
              — in this model. This fix is not a general cure: raise a number under Model to see it
              fail.
            </span>
          )}
        </p>
      ) : (
        <p className="muted">
          {running
            ? 'Exploring every order of events…'
            : 'Press Find the race to try every order of events with this fix.'}
        </p>
      )}
      {result && result.complete && (
        <p className="muted explore-timing" data-testid="explore-timing">
          {timingLine(result)}
        </p>
      )}
      {running && explore.progress && <p className="muted">{explore.progress}</p>}
      {explore.status === 'cancelled' && <p className="muted">Exploration cancelled.</p>}
      {explore.status === 'error' && (
        <p className="explore-line is-bad">Explorer failed: {explore.error}</p>
      )}
      <ExploreMatrix />
      <button
        type="button"
        className="btn btn-small"
        data-testid="explore-all"
        disabled={running}
        onClick={exploreAllFixes}
      >
        Compare all fixes
      </button>
    </section>
  );
}
