/**
 * The run's violations up to the cursor, split into harm and diagnostics (with why each
 * diagnostic is harmless here), for the panels and the diagram status.
 */
import { useMemo } from 'react';
import { splitViolations, type ViolationSplit } from '../../scenarios/harm';
import { useAppStore } from '../../store/index';
import { useEnabled, useModel, useScenario, useShownCursor, useTrace } from '../hooks';

/** Returns the violations before the cursor, split into harm and diagnostics. */
export function useViolationSplit(): ViolationSplit {
  const scenario = useScenario();
  const model = useModel();
  const trace = useTrace();
  const enabled = useEnabled();
  const cursor = useShownCursor();
  const fix = useAppStore((s) => s.fix);
  // The run is over: the cursor is at its end and nothing else can happen.
  const settled = cursor === trace.records.length && enabled.length === 0;
  return useMemo(
    () => splitViolations(scenario, model, fix, trace.violations, cursor, settled),
    [scenario, model, fix, trace, cursor, settled],
  );
}
