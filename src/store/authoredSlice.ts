/**
 * The authored slice: the model editor (open or not, the draft text and its errors) and the
 * authored model in view (its YAML text, for the link and autosave). Opening a model that
 * compiled (and is registered under its app id) switches the session to it, keeping the fix
 * and parameters that still exist. Plain JSON.
 */
import type { StateCreator } from 'zustand';
import type { AuthoringError } from '../authoring/source';
import { NO_ANNOTATIONS } from '../share/notes';
import { requireModel, withModel } from './model';
import type { AppState, AuthoredSlice } from './types';

/** Keeps the parameter overrides of `params` that `scenarioId` has and accepts. */
function keptParams(scenarioId: string, params: Readonly<Record<string, number>>) {
  const { findScenario, paramsOf } = requireModel();
  const scenario = findScenario(scenarioId);
  if (!scenario) return {};
  const defaults = paramsOf(scenario);
  return Object.fromEntries(
    scenario.params
      .filter((p) => {
        const value = params[p.id];
        return value !== undefined && value !== defaults[p.id] && value >= p.min && value <= p.max;
      })
      .map((p) => [p.id, params[p.id] as number]),
  );
}

/** Creates the authored slice. */
export const createAuthoredSlice: StateCreator<AppState, [], [], AuthoredSlice> = (set, get) => ({
  authored: null,
  editor: { open: false, draft: '', errors: [], checked: '' },
  openEditor(draft) {
    set({ editor: { open: true, draft, errors: [], checked: '' } });
  },
  closeEditor() {
    set((s) => ({ editor: { ...s.editor, open: false } }));
  },
  setDraft(draft) {
    set((s) => ({ editor: { ...s.editor, draft } }));
  },
  draftChecked(text, errors: readonly AuthoringError[]) {
    set((s) =>
      s.editor.draft === text
        ? { editor: { ...s.editor, errors: [...errors], checked: text } }
        : {},
    );
  },
  openAuthored: withModel((id, text) => {
    const s = get();
    const { findScenario, defaultFix } = requireModel();
    const scenario = findScenario(id);
    if (!scenario) return;
    const editing = s.authored !== null && s.scenarioId === s.authored.id;
    const fix = scenario.fixes.some((f) => f.id === s.fix) ? s.fix : defaultFix(scenario);
    const params = editing ? keptParams(id, s.params) : {};
    set({
      authored: { id, text },
      scenarioId: id,
      fix,
      params,
      schedule: [],
      cursor: 0,
      pinnedUnder: { fix, params },
      origin: null,
      undoStack: [],
      compareFix: null,
      playing: false,
      // Typing in the model replaces the history entry; opening one from elsewhere adds one.
      navigation: editing ? s.navigation : s.navigation + 1,
      annotations: editing ? s.annotations : NO_ANNOTATIONS,
    });
  }),
});
