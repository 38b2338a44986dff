import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAuthored } from '../share/authored';
import { registerAuthored } from '../scenarios/index';
import { parseSaved, restoredState, sameWork, sessionRecord, worthKeeping } from './autosave';
import { createAppStore, selectScenario } from './index';

const example = readFileSync('examples/cache-aside.yaml', 'utf8');

function registered(text: string) {
  const result = loadAuthored(text);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  registerAuthored(result.scenario);
  return result.scenario;
}

describe('authored models in the store', () => {
  it('opens a registered model in place of the built-in, with its own id', () => {
    const store = createAppStore();
    const scenario = registered(example);
    store.getState().step();
    store.getState().openAuthored(scenario.id, example);
    const s = store.getState();
    expect(s.scenarioId).toBe(scenario.id);
    expect(selectScenario(s).title).toBe(scenario.title);
    expect(s.schedule).toEqual([]);
    expect(s.authored).toEqual({ id: scenario.id, text: example });
    s.step();
    expect(store.getState().schedule).toHaveLength(1);
  });

  it('keeps the fix and in-range parameters while the model is edited, and adds no history entry', () => {
    const store = createAppStore();
    const first = registered(example);
    store.getState().openAuthored(first.id, example);
    const fix = first.fixes.find((f) => f.id !== store.getState().fix)?.id ?? 'none';
    store.getState().setFix(fix);
    const param = first.params[0];
    if (param) store.getState().setParam(param.id, param.max);
    const navigation = store.getState().navigation;
    const edited = `${example}\n# edited\n`;
    const second = registered(edited);
    store.getState().openAuthored(second.id, edited);
    const s = store.getState();
    expect(s.scenarioId).toBe(second.id);
    expect(s.fix).toBe(fix);
    if (param) expect(s.params[param.id]).toBe(param.max);
    expect(s.navigation).toBe(navigation);
  });

  it('ignores an id that is not registered', () => {
    const store = createAppStore();
    const before = store.getState().scenarioId;
    store.getState().openAuthored('authored-0000000nothere', 'x: 1');
    expect(store.getState().scenarioId).toBe(before);
  });

  it('autosaves the model text with the session, and restores the same run from it', () => {
    const store = createAppStore();
    const scenario = registered(example);
    store.getState().openAuthored(scenario.id, example);
    store.getState().randomize(5);
    const s = store.getState();
    const record = sessionRecord(s, 1);
    expect(record.model).toBe(example);
    expect(record.label).toContain('authored model');
    expect(worthKeeping(record)).toBe(true);
    const parsed = parseSaved(JSON.parse(JSON.stringify(record)));
    expect(parsed).not.toBeNull();
    expect(parsed && sameWork(parsed, record)).toBe(true);
    expect(parsed && sameWork(parsed, { ...record, model: `${example}#` })).toBe(false);
    const state = parsed && restoredState(parsed);
    expect(state?.scenarioId).toBe(scenario.id);
    expect(state?.schedule).toEqual(s.schedule);
  });

  it('records no model for a built-in, even after one was opened', () => {
    const store = createAppStore();
    const scenario = registered(example);
    store.getState().openAuthored(scenario.id, example);
    store.getState().selectScenario('duplicate-insert');
    expect(sessionRecord(store.getState(), 1).model).toBeUndefined();
  });

  it('keeps the errors of the draft they are for only', () => {
    const store = createAppStore();
    store.getState().openEditor('a: 1');
    const error = { line: 1, column: 1, path: '', message: 'bad' };
    store.getState().draftChecked('a: 1', [error]);
    expect(store.getState().editor.errors).toEqual([error]);
    store.getState().setDraft('a: 2');
    store.getState().draftChecked('a: 1', []);
    expect(store.getState().editor.checked).toBe('a: 1');
    expect(store.getState().editor.errors).toEqual([error]);
  });
});
