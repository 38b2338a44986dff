/**
 * The one app store, built from slices. Plain JSON only; derived data via `./derive`.
 */
import { create } from 'zustand';
import { createAuthoredSlice } from './authoredSlice';
import {
  derivedFromFirstRun,
  selectDivergence,
  selectEnabled,
  selectNarrative,
  selectPinnedTrace,
  selectScenario,
} from './derive';
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

/** Resolves in a later task, after the browser has had a turn (input, paint). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Computes (and so caches in the model) what the page derives from `s`. */
function deriveAll(s: AppState): void {
  selectScenario(s);
  selectEnabled(s);
  selectNarrative(s);
  selectPinnedTrace(s);
  selectDivergence(s);
}

/**
 * Returns a fresh store (tests make their own; the app uses `useAppStore`). It says when the
 * model has loaded (`modelReady`), so what is derived from the first run is derived again.
 * When the page was drawn from the first run, that is three tasks, not one: the model's set-up
 * (where it arrives), then what the page derives from it (its machines run for the first time),
 * then the store's update, which React renders at once (a store's update cannot be a
 * transition).
 */
export function createAppStore() {
  const store = create<AppState>()((...a) => ({
    ...createSessionSlice(...a),
    ...createExplorationSlice(...a),
    ...createUiSlice(...a),
    ...createVerdictSlice(...a),
    ...createAuthoredSlice(...a),
  }));
  onModel(() => {
    // A link is opened once the model is at hand: nothing was drawn from the first run.
    if (!derivedFromFirstRun()) {
      store.setState({ modelReady: true });
      return;
    }
    void nextTask()
      .then(() => {
        // Only a head start: what fails here fails again where it is rendered, and says so.
        try {
          deriveAll(store.getState());
        } catch {
          // rendered below
        }
        return nextTask();
      })
      .then(() => store.setState({ modelReady: true }));
  });
  return store;
}

/** The app's store hook. */
export const useAppStore = createAppStore();
