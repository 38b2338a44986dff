/**
 * The one app store, built from slices. Plain JSON only; derived data via `./derive`.
 */
import { create } from 'zustand';
import { createAuthoredSlice } from './authoredSlice';
import { createExplorationSlice } from './explorationSlice';
import { onModel } from './model';
import { createSessionSlice } from './sessionSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';
import { createVerdictSlice } from './verdictSlice';

export type { AppState, EditorState, ExploreSummary, Notice, RaceFound } from './types';
export * from './derive';
export { pinConfigOf, samePin } from './pin';
export { loadModel, modelNow } from './model';
export type { DivergenceStory } from '../scenarios/divergence';

/**
 * Returns a fresh store (tests make their own; the app uses `useAppStore`). It says when the
 * model has loaded (`modelReady`), so what is derived from the first run is derived again.
 */
export function createAppStore() {
  const store = create<AppState>()((...a) => ({
    ...createSessionSlice(...a),
    ...createExplorationSlice(...a),
    ...createUiSlice(...a),
    ...createVerdictSlice(...a),
    ...createAuthoredSlice(...a),
  }));
  onModel(() => store.setState({ modelReady: true }));
  return store;
}

/** The app's store hook. */
export const useAppStore = createAppStore();
