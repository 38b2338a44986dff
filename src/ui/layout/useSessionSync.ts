/**
 * Wires the address bar and autosave to the store for the lifetime of the app. Their code (the
 * link codec among it) is fetched after the first paint; a link in the address was opened
 * before it (see `openAddress`).
 */
import { useEffect } from 'react';
import { loadModel } from '../../store/index';
import { afterNextFrame } from './useSecondFrame';

/** Starts the session sync once its code has loaded; stops it on unmount. */
export function useSessionSync(): void {
  useEffect(() => {
    let stop: (() => void) | null = null;
    let gone = false;
    // The model first: the address and autosave read and replace runs.
    let timer = 0;
    // After the next frame, as the side columns' load: started from the first commit, the
    // fetch could begin before the first diagram's arrows were drawn.
    const cancel = afterNextFrame(() => {
      void Promise.all([import('./sessionSync'), loadModel()]).then(([m]) => {
        // In a task of its own: the page is drawn again from the model in the one it arrives in.
        timer = window.setTimeout(() => {
          if (!gone) stop = m.startSessionSync();
        }, 0);
      });
    });
    return () => {
      gone = true;
      cancel();
      window.clearTimeout(timer);
      stop?.();
    };
  }, []);
}
