/**
 * The session's sync with the outside, loaded after the first paint: the address bar (share
 * link) first, then autosave, which keeps what differs from what the address opened.
 */
import { startAutosave } from './autosaveSync';
import { startUrlSync } from './urlSync';

/** Starts the address sync, then autosave; the returned function stops both. */
export function startSessionSync(): () => void {
  const stopUrl = startUrlSync();
  const stopAutosave = startAutosave();
  return () => {
    stopUrl();
    stopAutosave();
  };
}
