/**
 * The exploration slice: status of the exhaustive explorer running in a Web Worker and the
 * results per configuration. The worker itself lives in the UI layer; only its JSON lands here.
 */
import type { StateCreator } from 'zustand';
import type { AppState, ExplorationSlice } from './types';

/** Creates the exploration slice. */
export const createExplorationSlice: StateCreator<AppState, [], [], ExplorationSlice> = (set) => ({
  explore: { status: 'idle', mode: 'one', key: null, progress: '', error: null },
  results: {},
  exploreStarted(mode, key) {
    set({ explore: { status: 'running', mode, key, progress: '', error: null } });
  },
  exploreResult(key, summary, progress) {
    set((s) => ({
      results: { ...s.results, [key]: summary },
      explore: { ...s.explore, progress },
    }));
  },
  exploreEnded(status, error) {
    set((s) => ({ explore: { ...s.explore, status, error: error ?? null, progress: '' } }));
  },
});
