/**
 * An exported run of an authored model carries the model's text, so it reopens (as the app's
 * "Open a JSON run…" does: the model registered first, then the run) with the same run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../authoring/schema';
import { explore } from '../engine/explore';
import { replay } from '../engine/replay';
import { findScenario, registerAuthored } from '../scenarios/index';
import { buildModel } from '../scenarios/session';
import { NO_ANNOTATIONS, withNote } from './annotations';
import { loadAuthored } from './authored';
import { MAX_RUN_MODEL, parseRunJson, runModelText, toRunJson } from './runJson';

const TEXT = readFileSync('examples/lock-behind-slow-command.yaml', 'utf8');

/** What the page does with a run's model: load it and register it under its app id. */
function register(text: string): string {
  const result = loadAuthored(text);
  if (!result.ok) throw new Error('the model should load');
  if (!findScenario(result.scenario.id)) registerAuthored(result.scenario);
  return result.scenario.id;
}

/** The exported JSON of the shortest race of the authored model, as the app writes it. */
function exported(): { text: string; id: string; schedule: readonly string[] } {
  const loaded = loadAuthored(TEXT);
  if (!loaded.ok) throw new Error('the model should load');
  const scenario = loaded.scenario;
  const config = { scenarioId: scenario.id, fix: 'none', granularity: 'messages' as const };
  const model = scenario.build({ ...config, params: {} });
  const schedule = explore(model, { harm: scenario.harm }).shortestHarm ?? [];
  const json = toRunJson({
    scenario,
    model,
    config: { ...config, params: {} },
    seed: 3,
    trace: replay(model, schedule),
    cursor: 5,
    annotations: withNote(NO_ANNOTATIONS, 2, 'the lock runs out here'),
    modelText: TEXT,
  });
  return { text: JSON.stringify(json), id: scenario.id, schedule };
}

describe('JSON export of an authored model', () => {
  it('carries the model text; a built-in run carries none', () => {
    const { text } = exported();
    expect(JSON.parse(text).model).toBe(TEXT);
    expect(runModelText(text)).toBe(TEXT);
    expect(MAX_RUN_MODEL).toBe(LIMITS.text);
    const builtIn = findScenario('cache-aside-set-after-delete')!;
    const config = { scenarioId: builtIn.id, fix: 'none', granularity: 'operations' as const };
    const model = buildModel({ ...config, params: {} });
    const plain = toRunJson({
      scenario: builtIn,
      model,
      config: { ...config, params: {} },
      seed: 1,
      trace: replay(model, []),
      cursor: 0,
    });
    expect('model' in plain).toBe(false);
    expect(runModelText(JSON.stringify(plain))).toBeNull();
    expect(runModelText('{')).toBeNull();
  });

  it('reopens once its model is opened: the same scenario, run, cursor and notes', () => {
    const { text, id, schedule } = exported();
    // Opened in a page that has not seen the model, the run alone cannot be followed.
    if (!findScenario(id))
      expect(parseRunJson(text)).toBe('This run carries a model that was not opened first.');
    const modelId = register(runModelText(text)!);
    expect(modelId).toBe(id);
    const state = parseRunJson(text, modelId);
    if (typeof state === 'string') throw new Error(state);
    expect(state).toMatchObject({
      scenarioId: id,
      fix: 'none',
      granularity: 'messages',
      seed: 3,
      schedule,
      cursor: 5,
    });
    expect(state.annotations?.notes).toEqual({ 2: 'the lock runs out here' });
    // The same run: every step and every world alike.
    const original = replay(
      findScenario(id)!.build({ fix: 'none', granularity: 'messages', params: {} }),
      schedule,
    );
    const reopened = replay(buildModel(state), state.schedule);
    expect(reopened.worlds).toEqual(original.worlds);
    expect(reopened.violations).toEqual(original.violations);
  });

  it('refuses a model past the cap, and ignores the model id for a built-in run', () => {
    const { text } = exported();
    const long = JSON.stringify({ ...JSON.parse(text), model: 'x'.repeat(MAX_RUN_MODEL + 1) });
    expect(parseRunJson(long, 'authored-x')).toBe('This is not an Interleave run (bad "model").');
    expect(runModelText(long)).toBeNull();
    const builtIn = JSON.parse(text);
    delete builtIn.model;
    builtIn.scenario.id = 'nope';
    expect(parseRunJson(JSON.stringify(builtIn), 'authored-x')).toMatch(/does not know \("nope"\)/);
  });
});
