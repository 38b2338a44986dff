/**
 * Wires the address bar and autosave to the store for the lifetime of the app. Their code (the
 * link codec among it) is fetched after the first paint; a link in the address was opened
 * before it (see `openAddress`).
 */
import { useEffect } from 'react';
import { loadModel } from '../../store/index';

/** Starts the session sync once its code has loaded; stops it on unmount. */
export function useSessionSync(): void {
  useEffect(() => {
    let stop: (() => void) | null = null;
    let gone = false;
    // The model first: the address and autosave read and replace runs.
    void Promise.all([import('./sessionSync'), loadModel()]).then(([m]) => {
      if (!gone) stop = m.startSessionSync();
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, []);
}
