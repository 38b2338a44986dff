/**
 * Playback: while playing, steps at the chosen speed and stops at the end of the run.
 */
import { useEffect } from 'react';
import { selectCursor, selectEnabled, selectTrace, useAppStore } from '../../store/index';

/** Runs playback for the lifetime of the app. */
export function usePlayback(): void {
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const s = useAppStore.getState();
      const atEnd = selectCursor(s) >= selectTrace(s).records.length;
      if (atEnd && selectEnabled(s).length === 0) s.setPlaying(false);
      else s.step();
    }, 1000 / speed);
    return () => window.clearInterval(timer);
  }, [playing, speed]);
}
