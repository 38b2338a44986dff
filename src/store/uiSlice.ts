/**
 * The UI slice: overlay, playback and notices (bad links, divergence). Plain JSON.
 */
import type { StateCreator } from 'zustand';
import type { AppState, UiSlice } from './types';

let nextNotice = 1;

/** Creates the UI slice. */
export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  helpOpen: false,
  playing: false,
  speed: 2,
  notices: [],
  setHelp(open) {
    set({ helpOpen: open });
  },
  setPlaying(playing) {
    set({ playing });
  },
  setSpeed(speed) {
    set({ speed });
  },
  notify(kind, text) {
    // One notice per text: repeating an action must not stack the same message.
    set((s) => ({
      notices: [
        ...s.notices.filter((n) => n.text !== text),
        { id: nextNotice++, kind, text },
      ].slice(-3),
    }));
  },
  dismiss(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
});
