/**
 * What one configuration's exploration says of the fix in view: harm (the scenario's harm
 * invariants) is bad; diagnostics that fire without harm are reported calmly. Pure.
 */
import type { ScenarioDef } from '../../scenarios/types';
import type { ExploreSummary } from '../../store/index';

export interface Verdict {
  readonly tone: 'bad' | 'good';
  /** Interleavings that cause harm. */
  readonly harmful: number;
  /** Plain words after the counts, or '' when the counts say it all. */
  readonly note: string;
}

/** Returns the verdict on this configuration from a complete exploration, or null. Pure. */
export function verdictOf(scenario: ScenarioDef, result: ExploreSummary): Verdict | null {
  if (!result.complete || !result.violating || result.violatingHarm === null) return null;
  const harmful = result.violatingHarm;
  if (harmful > 0) return { tone: 'bad', harmful, note: '' };
  const diagnostics = Object.entries(result.violating)
    .filter(([id, n]) => n > 0 && !scenario.harm.includes(id))
    .map(([id, n]) => `${id} ${n.toLocaleString('en')}`);
  const note =
    diagnostics.length === 0
      ? 'no interleaving causes harm.'
      : `no interleaving causes harm (diagnostics, harmless here: ${diagnostics.join(', ')}).`;
  return { tone: 'good', harmful, note };
}
