/**
 * The exploration slice: status of the exhaustive explorer running in a Web Worker, and the
 * races and results per configuration. The worker itself lives in the UI layer; only its JSON lands here.
 */
import type { StateCreator } from 'zustand';
import type { AppState, ExplorationSlice } from './types';

/** Creates the exploration slice. */
export const createExplorationSlice: StateCreator<AppState, [], [], ExplorationSlice> = (set) => ({
  explore: { status: 'idle', mode: 'one', key: null, progress: '', error: null },
  results: {},
  races: {},
  exploreStarted(mode, key) {
    set((s) => {
      // A new Find the race forgets what an earlier, unfinished one left.
      const { [key]: _race, ...races } = s.races;
      const { [key]: left, ...results } = s.results;
      return {
        explore: { status: 'running', mode, key, progress: '', error: null },
        ...(mode === 'one' ? { races, ...(left && !left.complete ? { results } : {}) } : {}),
      };
    });
  },
  exploreResult(key, summary, progress) {
    set((s) => ({
      results: { ...s.results, [key]: summary },
      explore: { ...s.explore, progress },
    }));
  },
  raceFound(key, race) {
    set((s) => ({ races: { ...s.races, [key]: race } }));
  },
  exploreProgress(progress) {
    set((s) => ({ explore: { ...s.explore, progress } }));
  },
  exploreEnded(status, error) {
    set((s) => ({ explore: { ...s.explore, status, error: error ?? null, progress: '' } }));
  },
});
