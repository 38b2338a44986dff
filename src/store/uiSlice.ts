/**
 * The UI slice: overlay, playback, notices (bad links, divergence) and the compare view.
 * Plain JSON.
 */
import type { StateCreator } from 'zustand';
import { requireModel, withModel } from './model';
import type { AppState, UiSlice } from './types';

let nextNotice = 1;

/** Creates the UI slice. */
export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  helpOpen: false,
  playing: false,
  speed: 2,
  notices: [],
  compareFix: null,
  presenting: false,
  presenterNotes: false,
  restoreOffer: [],
  setRestoreOffer(offer) {
    set({ restoreOffer: offer });
  },
  setPresenting(on) {
    set({ presenting: on, playing: false, helpOpen: false });
  },
  togglePresenterNotes() {
    set((s) => ({ presenterNotes: !s.presenterNotes }));
  },
  setHelp(open) {
    set({ helpOpen: open });
  },
  setPlaying(playing) {
    set({ playing });
  },
  setSpeed(speed) {
    set({ speed });
  },
  notify(kind, text, link) {
    // One notice per text: repeating an action must not stack the same message.
    set((s) => ({
      notices: [
        ...s.notices.filter((n) => n.text !== text),
        { id: nextNotice++, kind, text, ...(link === undefined ? {} : { link }) },
      ].slice(-3),
    }));
  },
  dismiss(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
  setCompare(fix) {
    set({ compareFix: fix });
  },
  toggleCompare: withModel(() => {
    const { findScenario, defaultFix } = requireModel();
    set((s) => {
      const scenario = findScenario(s.scenarioId);
      const open = s.compareFix === null && scenario !== null;
      // The other side starts on the default fix, or, when that is the current one, on the
      // first other fix: a fix compared with itself shows nothing.
      const base = open ? defaultFix(scenario) : null;
      const other = open ? scenario.fixes.find((f) => f.id !== s.fix)?.id : undefined;
      // Opening or closing the view is worth a history entry, like a change of fix.
      return {
        compareFix: base === s.fix ? (other ?? base) : base,
        navigation: s.navigation + 1,
      };
    });
  }),
});
