/**
 * The app state: plain JSON only (no actor refs, machines, workers or DOM objects).
 * Derived data (model, trace, enabled steps, narrative) comes from memoized selectors.
 */
import type { Granularity } from '../engine/types';
import type { ShareState } from '../share/link';
import type { ExploreSummary } from '../workers/protocol';

export type { ExploreSummary };

export type ExploreStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface Notice {
  readonly id: number;
  readonly kind: 'error' | 'warning' | 'info';
  readonly text: string;
}

export interface SessionSlice {
  scenarioId: string;
  fix: string;
  granularity: Granularity;
  params: Record<string, number>;
  seed: number;
  schedule: string[];
  cursor: number;
  /** Bumped by changes worth a browser history entry (scenario, fix, loaded schedules). */
  navigation: number;
  selectScenario(id: string): void;
  setFix(fix: string): void;
  setGranularity(granularity: Granularity): void;
  setParam(id: string, value: number): void;
  step(): void;
  back(): void;
  seek(cursor: number): void;
  reset(): void;
  choose(key: string): void;
  randomize(seed?: number): void;
  loadSchedule(schedule: readonly string[], cursor: number): void;
  loadShared(state: ShareState): void;
}

export interface ExplorationSlice {
  explore: {
    status: ExploreStatus;
    mode: 'one' | 'all';
    /** Config key the running or last exploration was for. */
    key: string | null;
    progress: string;
    error: string | null;
  };
  /** Results per config key (see `configKey`), so switching fixes keeps earlier answers. */
  results: Record<string, ExploreSummary>;
  exploreStarted(mode: 'one' | 'all', key: string): void;
  exploreResult(key: string, summary: ExploreSummary, progress: string): void;
  exploreEnded(status: 'done' | 'cancelled' | 'error', error?: string): void;
}

export interface UiSlice {
  helpOpen: boolean;
  playing: boolean;
  /** Steps per second while playing. */
  speed: number;
  notices: Notice[];
  setHelp(open: boolean): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
  notify(kind: Notice['kind'], text: string): void;
  dismiss(id: number): void;
}

export type AppState = SessionSlice & ExplorationSlice & UiSlice;
