/**
 * The exploration line for the configuration in view: counts, shortest race, what they say of
 * the fix here, and how long it took. It never contradicts the fix's verdict over the sweep:
 * no harm here while the fix fails elsewhere says where, with a link to open it.
 */
import { verdictBrief } from '../../scenarios/verdictBrief';
import type { FixDef } from '../../scenarios/types';
import type { ExploreSummary } from '../../store/index';
import { useConfig, useScenario } from '../hooks';
import { OpenFailing } from './OpenFailing';
import { useVerdicts } from './useVerdicts';
import { verdictOf } from './verdict';

/**
 * Returns a count with thousands separators, exact however large: from its decimal text when
 * given (numbers round past 2^53). Pure.
 */
export function countLabel(exact: string | null | undefined, n: number | null): string {
  if (exact) return exact.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n ?? 0).toLocaleString('en');
}

/** Returns the one-line summary of an exploration. Pure. */
export function summaryLine(r: ExploreSummary): string {
  if (!r.complete || r.interleavings === null) {
    const why = r.stoppedMessage;
    if (why) return `${why.charAt(0).toUpperCase()}${why.slice(1)}.`;
    return `Stopped after ${(r.ms / 1000).toFixed(1)} s (${r.states.toLocaleString('en')} states): too many orders to count. Try a smaller model or stepping by operations.`;
  }
  const count = `${countLabel(r.interleavingsExact, r.interleavings)} interleavings`;
  if (!r.violatingAny) return `${count} · none violates`;
  const by = Object.entries(r.violating ?? {})
    .filter(([, n]) => n > 0)
    .map(([id, n]) => `${id} ${countLabel(r.violatingExact?.[id], n)}`)
    .join(', ');
  const shortest = r.shortest ? ` · shortest: ${r.shortest.length} steps` : '';
  return `${count} · ${countLabel(r.violatingAnyExact, r.violatingAny)} violate (${by})${shortest}`;
}

/** Returns how long the exploration took, e.g. `30 states explored in 12 ms`. Pure. */
export function timingLine(r: ExploreSummary): string {
  const time =
    r.ms < 1000 ? `${Math.max(1, Math.round(r.ms))} ms` : `${(r.ms / 1000).toFixed(1)} s`;
  return `${r.states.toLocaleString('en')} states explored in ${time}`;
}

/** Returns the result line and its timing. */
export function ExploreResult({
  fix,
  result,
}: {
  fix: FixDef | undefined;
  result: ExploreSummary;
}) {
  const scenario = useScenario();
  const config = useConfig();
  const sweep = useVerdicts().get(config.fix)?.summary ?? null;
  const verdict = verdictOf(scenario, result);
  // No harm in this configuration, but the sweep found harm in another one.
  const elsewhere = verdict?.tone === 'good' && sweep?.mark === '✗' ? sweep : null;
  const tone = elsewhere ? 'warn' : (verdict?.tone ?? 'warn');
  return (
    <>
      <p
        className={`explore-line is-${tone}`}
        data-testid="explore-result"
        data-harmful={verdict?.harmful ?? ''}
        data-violating={result.violatingAny ?? ''}
      >
        <strong>{fix?.label ?? 'This fix'}:</strong> {summaryLine(result)}
        {elsewhere ? (
          <span className="explore-note is-warn" data-testid="explore-elsewhere">
            {' '}
            — no harm in this configuration; but ✗{' '}
            {verdictBrief(scenario, elsewhere, config.params)}.{' '}
            <OpenFailing verdict={elsewhere} label="Open it" testId="open-elsewhere" />
          </span>
        ) : (
          verdict?.note && <span className={`explore-note is-${tone}`}> — {verdict.note}</span>
        )}
      </p>
      {result.complete && (
        <p className="muted explore-timing" data-testid="explore-timing">
          {timingLine(result)}
        </p>
      )}
    </>
  );
}
