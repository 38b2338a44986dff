/**
 * The good news: with the fix on, the schedule in view causes no harm, while the same schedule
 * without a fix did. The moment a learner sees a fix close the race. Keyed on the scenario's
 * harm only: a diagnostic that still fires (shown calmly) does not hide it.
 */
import { isHarm } from '../../scenarios/harm';
import { defaultFix } from '../../scenarios/session';
import { traceFor } from '../../store/index';
import { useConfig, useModel, useScenario, useShownCursor, useTrace } from '../hooks';

/** Returns the "fixed" summary, or nothing when it does not apply. */
export function FixedSummary() {
  const scenario = useScenario();
  const config = useConfig();
  const model = useModel();
  const trace = useTrace();
  const cursor = useShownCursor();
  const base = defaultFix(scenario);
  const harmed = (v: { invariant: string; step: number }) =>
    v.step < cursor && isHarm(scenario, v.invariant);
  if (config.fix === base || trace.violations.some(harmed)) return null;
  const without = traceFor({ ...config, fix: base }, trace.schedule.slice(0, cursor));
  const broke = without.violations.find(harmed);
  if (!broke || without.divergence) return null;
  const fix = scenario.fixes.find((f) => f.id === config.fix)?.label ?? config.fix;
  const none = scenario.fixes.find((f) => f.id === base)?.label ?? base;
  const title = model.invariants.find((i) => i.id === broke.invariant)?.title ?? broke.invariant;
  return (
    <div className="fixed-summary" role="status" data-testid="fixed-summary">
      <p className="fixed-title">✓ {fix}: this schedule causes no harm</p>
      <p>
        With “{none}”, the same schedule causes <strong>{title}</strong>
        {` at step ${broke.step + 1} (${broke.message}).`}
      </p>
    </div>
  );
}
