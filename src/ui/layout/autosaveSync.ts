/**
 * Autosave wiring (loaded after the first paint): on start, earlier work that differs from what opened (a shared link, or a
 * fresh start) is kept and offered back; then every change is saved (debounced, and on leaving
 * the page). Storage that is missing, full or throwing turns autosave off with one message, and
 * never overwrites work it could not keep first. A session on an authored model is restored
 * once its model has been loaded again (or, when it no longer loads, opens it in the editor).
 */
import { loadScenario, needsLoading } from '../../scenarios/catalog';
import { scenarioIdOfLink } from '../../share/address';
import {
  AutosaveSlots,
  restoredState,
  sameWork,
  sessionRecord,
  SESSION_KEY,
  worthKeeping,
  type SavedSession,
} from '../../store/autosave';
import { useAppStore, type AppState } from '../../store/index';
import { editText, registerText } from '../authoring/authoredClient';

const DEBOUNCE_MS = 400;
export const AUTOSAVE_OFF =
  'Autosave is off: this browser’s storage is unavailable or full. Nothing in this tab is lost; Copy link or Export JSON keeps your work.';

let slots: AutosaveSlots | null = null;

function storageOrNull(): Storage | null {
  try {
    const storage = window.localStorage;
    // Reading first: a storage that cannot be read must not be written over.
    storage.getItem(SESSION_KEY);
    return storage;
  } catch {
    return null;
  }
}

/** Restores a kept session; the work on screen, when worth it, is kept in its place. */
export function restoreSession(saved: SavedSession): void {
  // The work on screen, recorded before anything replaces it.
  const current = sessionRecord(useAppStore.getState(), Date.now());
  const model = saved.model;
  if (model === undefined) {
    // A built-in whose model is not loaded yet: load it first.
    const named = scenarioIdOfLink(saved.link) ?? '';
    if (!needsLoading(named)) return restoreNow(saved, current);
    void loadScenario(named)
      .catch(() => null)
      .then(() => restoreNow(saved, current));
    return;
  }
  void registerText(model).then((result) => {
    const store = useAppStore.getState();
    if (!result.ok) {
      store.notify(
        'error',
        'That saved model no longer loads; it is open in the editor with its errors.',
      );
      editText(model);
      return;
    }
    store.openAuthored(result.scenario.id, model);
    restoreNow(saved, current);
  });
}

function restoreNow(saved: SavedSession, current: SavedSession): void {
  const store = useAppStore.getState();
  const state = restoredState(saved);
  if (!state) {
    store.notify('error', 'That saved session can no longer be opened by this version.');
    return;
  }
  if (slots && worthKeeping(current) && !sameWork(current, saved)) slots.keep(current);
  slots?.forget(saved);
  store.loadShared(state);
  store.setCompare(state.compare ?? null);
  store.setRestoreOffer(slots?.kept() ?? []);
}

const changed = (s: AppState, p: AppState) =>
  s.schedule !== p.schedule ||
  s.cursor !== p.cursor ||
  s.pinnedUnder !== p.pinnedUnder ||
  s.fix !== p.fix ||
  s.scenarioId !== p.scenarioId ||
  s.granularity !== p.granularity ||
  s.params !== p.params ||
  s.seed !== p.seed ||
  s.compareFix !== p.compareFix ||
  s.annotations !== p.annotations ||
  s.authored !== p.authored;

/** Runs autosave (after the link has been loaded) until the returned function is called. */
export function startAutosave(): () => void {
  const store = useAppStore;
  const storage = storageOrNull();
  let off = false;
  const turnOff = () => {
    if (off) return;
    off = true;
    store.getState().notify('warning', AUTOSAVE_OFF);
  };
  slots = new AutosaveSlots(storage);
  if (!storage) turnOff();
  else {
    const previous = slots.session();
    const now = sessionRecord(store.getState(), Date.now());
    if (previous && worthKeeping(previous) && !sameWork(previous, now)) {
      // Keep it before anything overwrites it; if that fails, write nothing at all.
      if (!slots.keep(previous)) turnOff();
    }
    store.getState().setRestoreOffer(slots.kept());
  }
  let timer: number | undefined;
  const save = () => {
    window.clearTimeout(timer);
    timer = undefined;
    if (off || !slots) return;
    if (!slots.save(sessionRecord(store.getState(), Date.now()))) turnOff();
  };
  if (!off) save();
  const unsubscribe = store.subscribe((s, p) => {
    if (off || !changed(s, p)) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, DEBOUNCE_MS);
  });
  const flush = () => {
    if (timer !== undefined) save();
  };
  window.addEventListener('pagehide', flush);
  return () => {
    flush();
    unsubscribe();
    window.removeEventListener('pagehide', flush);
  };
}
