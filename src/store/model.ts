/**
 * The model's handle: the engine, the actors' machines and the scenarios run in the page only
 * once `./live` has loaded, after the first paint (the first diagram is drawn from the run
 * computed at build time, `./firstRun`). Code that needs the model asks here: now, or once it
 * has arrived.
 */
import { setStartRun } from '../viz/order';
import type { LiveModel } from './live';

export type { LiveModel };

let live: LiveModel | null = null;
let loading: Promise<LiveModel> | null = null;
const listeners = new Set<() => void>();

/** Returns the model if it has loaded, or null. */
export function modelNow(): LiveModel | null {
  return live;
}

/** Returns the model; throws if it has not loaded (for code that only runs after it has). */
export function requireModel(): LiveModel {
  if (!live) throw new Error('The model has not loaded yet.');
  return live;
}

/** Puts `model` at hand (once) and tells those waiting for it. */
export function installModel(model: LiveModel): void {
  if (live) return;
  live = model;
  setStartRun(model.startRun);
  for (const listener of listeners) listener();
  listeners.clear();
}

/** Loads the model (once; again after a failed load) and returns it. */
export function loadModel(): Promise<LiveModel> {
  if (live) return Promise.resolve(live);
  loading ??= import('./live').then(
    (m) => {
      installModel(m.LIVE);
      return m.LIVE;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Calls `listener` once the model has loaded (at once if it has). */
export function onModel(listener: () => void): void {
  if (live) listener();
  else listeners.add(listener);
}

/**
 * Returns `act` made to wait for the model: called before it has loaded, it loads it and then
 * acts, in the order the calls were made (no input is lost).
 */
export function withModel<A extends unknown[]>(act: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    if (live) act(...args);
    else void loadModel().then(() => act(...args));
  };
}
