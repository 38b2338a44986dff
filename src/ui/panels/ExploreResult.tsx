/**
 * The exploration line for the configuration in view: counts, shortest race, the verdict on
 * the fix, and how long it took.
 */
import type { FixDef } from '../../scenarios/types';
import type { ExploreSummary } from '../../store/index';
import { useScenario } from '../hooks';
import { verdictOf } from './verdict';

/** Returns the one-line summary of an exploration. Pure. */
export function summaryLine(r: ExploreSummary): string {
  if (!r.complete || r.interleavings === null) {
    return `Stopped after ${(r.ms / 1000).toFixed(1)} s (${r.states.toLocaleString('en')} states): too many orders to count. Try a smaller model or stepping by operations.`;
  }
  const count = `${r.interleavings.toLocaleString('en')} interleavings`;
  if (!r.violatingAny) return `${count} · none violates`;
  const by = Object.entries(r.violating ?? {})
    .filter(([, n]) => n > 0)
    .map(([id, n]) => `${id} ${n.toLocaleString('en')}`)
    .join(', ');
  const shortest = r.shortest ? ` · shortest: ${r.shortest.length} steps` : '';
  return `${count} · ${r.violatingAny.toLocaleString('en')} violate (${by})${shortest}`;
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
  const verdict = verdictOf(useScenario(), result);
  const tone = verdict?.tone ?? 'warn';
  return (
    <>
      <p
        className={`explore-line is-${tone}`}
        data-testid="explore-result"
        data-harmful={verdict?.harmful ?? ''}
        data-violating={result.violatingAny ?? ''}
      >
        <strong>{fix?.label ?? 'This fix'}:</strong> {summaryLine(result)}
        {verdict?.note && <span className={`explore-note is-${tone}`}> — {verdict.note}</span>}
      </p>
      {result.complete && (
        <p className="muted explore-timing" data-testid="explore-timing">
          {timingLine(result)}
        </p>
      )}
    </>
  );
}
