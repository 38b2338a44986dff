/**
 * Keyboard shortcuts: ←/→ back/step, Space play/pause, Home/End, R randomize, F find the race,
 * C compare, P present, Ctrl/Cmd+Z undo (restores a replaced run), ? help, Esc closes the
 * help, cancels a running exploration or closes compare. While presenting: ←/→ (and PageUp /
 * PageDown, Space) reveal step by step within the run, Home/End, N notes, Esc or P leave.
 * Ignored while typing in a field.
 */
import { useEffect } from 'react';
import { selectCursor, useAppStore } from '../../store/index';
import { cancelExplore, findRace } from '../explore/onDemand';

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && target.type !== 'range' && target.type !== 'radio';
}

/** Installs the shortcuts for the lifetime of the app. */
export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // A focused control (e.g. a ghost arrow taking Space/Enter) already handled the key.
      if (event.defaultPrevented) return;
      const s = useAppStore.getState();
      const undoKey = event.key === 'z' || event.key === 'Z';
      if ((event.ctrlKey || event.metaKey) && undoKey && !event.shiftKey && !event.altKey) {
        if (typing(event.target) || s.helpOpen || s.undoStack.length === 0) return;
        event.preventDefault();
        return s.undo();
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (s.presenting) {
        if (typing(event.target)) return;
        const cursor = selectCursor(s);
        const present: Record<string, () => void> = {
          ArrowRight: () => s.seek(cursor + 1),
          PageDown: () => s.seek(cursor + 1),
          ' ': () => s.seek(cursor + 1),
          ArrowLeft: () => s.seek(cursor - 1),
          PageUp: () => s.seek(cursor - 1),
          Home: () => s.seek(0),
          End: () => s.seek(s.schedule.length),
          n: s.togglePresenterNotes,
          N: s.togglePresenterNotes,
          Escape: () => s.setPresenting(false),
          p: () => s.setPresenting(false),
          P: () => s.setPresenting(false),
        };
        const action = present[event.key];
        if (!action) return;
        event.preventDefault();
        return action();
      }
      if (event.key === 'Escape') {
        if (s.helpOpen) return s.setHelp(false);
        if (s.explore.status === 'running') return cancelExplore();
        if (s.compareFix !== null) s.toggleCompare();
        return;
      }
      if (typing(event.target)) return;
      if (event.key === '?') return s.setHelp(!s.helpOpen);
      if (s.helpOpen) return;
      const range = event.target instanceof HTMLInputElement && event.target.type === 'range';
      const actions: Record<string, () => void> = {
        ArrowRight: s.step,
        ArrowLeft: s.back,
        ' ': () => s.setPlaying(!s.playing),
        Home: () => s.seek(0),
        End: () => s.seek(s.schedule.length),
        r: () => s.randomize(),
        f: findRace,
        R: () => s.randomize(),
        F: findRace,
        c: s.toggleCompare,
        C: s.toggleCompare,
        p: () => s.setPresenting(true),
        P: () => s.setPresenting(true),
      };
      const action = actions[event.key];
      // The timeline slider handles its own arrow keys (it seeks).
      if (!action || (range && event.key.startsWith('Arrow'))) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
