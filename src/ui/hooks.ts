/**
 * Hooks reading the store: derived data comes from the store's memoized selectors, so the same
 * inputs give the same objects and components re-render only when they change.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Trace } from '../engine/replay';
import type { Model, Step } from '../engine/types';
import type { SessionConfig } from '../scenarios/session';
import type { ScenarioDef } from '../scenarios/types';
import type { DivergenceStory } from '../store/index';
import {
  selectCursor,
  selectDivergence,
  selectEnabled,
  selectModel,
  selectNarrative,
  selectScenario,
  selectTrace,
  traceFor,
  useAppStore,
} from '../store/index';

/** Returns the current scenario definition. */
export function useScenario(): ScenarioDef {
  return useAppStore(selectScenario);
}

/** Returns the current configuration (scenario, fix, granularity, params). */
export function useConfig(): SessionConfig {
  return useAppStore(
    useShallow((s) => ({
      scenarioId: s.scenarioId,
      fix: s.fix,
      granularity: s.granularity,
      params: s.params,
    })),
  );
}

/** Returns the model of the current configuration. */
export function useModel(): Model {
  return useAppStore(selectModel);
}

/** Returns the pinned schedule as replayed under the current configuration. */
export function useTrace(): Trace {
  return useAppStore(selectTrace);
}

/** Returns the steps enabled at the cursor. */
export function useEnabled(): Step[] {
  return useAppStore(selectEnabled);
}

/** Returns one sentence per step of the pinned schedule. */
export function useNarrative(): string[] {
  return useAppStore(selectNarrative);
}

/** Returns the cursor shown (clamped to what replays). */
export function useShownCursor(): number {
  return useAppStore(selectCursor);
}

/**
 * Returns the cursor shown, the length of the replay and of the pinned run (longer when the
 * run stops early under the current configuration).
 */
export function useCursor(): { cursor: number; length: number; pinned: number } {
  return useAppStore(
    useShallow((s) => ({
      cursor: selectCursor(s),
      length: selectTrace(s).records.length,
      pinned: s.schedule.length,
    })),
  );
}

/** Returns why the pinned run stops early under the current configuration, or null. */
export function useDivergence(): DivergenceStory | null {
  return useAppStore(selectDivergence);
}

/**
 * Returns the pinned run revealed up to the cursor, as presentation mode and the embed view
 * draw it: the run's length, the cursor, and the replay of the steps shown so far.
 */
export function useRevealedRun(): { total: number; cursor: number; shown: Trace } {
  const config = useConfig();
  const trace = useTrace();
  const cursor = useShownCursor();
  const shown = useMemo(
    () => traceFor(config, trace.schedule.slice(0, cursor)),
    [config, trace, cursor],
  );
  return { total: trace.records.length, cursor, shown };
}
