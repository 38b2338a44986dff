/**
 * Proof of generality: the built-ins written in the authoring format (examples/*.yaml) give
 * the same models, the same exploration and the same verdicts as the built-ins themselves.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explore';
import type { Granularity, Model } from '../engine/types';
import { cacheAside } from '../scenarios/cacheAside';
import { duplicateInsert } from '../scenarios/duplicateInsert';
import { paramsOf } from '../scenarios/index';
import { judgeFix, sweepConfigurations } from '../scenarios/judge';
import { querypilotStaleVerdict } from '../scenarios/querypilotStaleVerdict';
import type { ScenarioDef } from '../scenarios/types';
import { loadModel } from './load';

function authored(file: string): ScenarioDef {
  const result = loadModel(
    readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'),
  );
  if (!result.ok)
    throw new Error(result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
  return result.scenario;
}

const PAIRS: readonly [string, ScenarioDef][] = [
  ['cache-aside.yaml', cacheAside],
  ['duplicate-insert.yaml', duplicateInsert],
  ['querypilot.yaml', querypilotStaleVerdict],
];
const ONE = { readers: 1, writers: 1 };
const GRANULARITIES: readonly Granularity[] = ['operations', 'messages'];

/** What two models must share: actors (machine, input, role, label), faults, invariant ids. */
function shape(model: Model) {
  return {
    actors: model.actors,
    faults: model.faults,
    invariants: model.invariants.map((i) => i.id),
    granularity: model.granularity,
  };
}

function outcome(model: Model, harm: readonly string[]) {
  const r = explore(model, { harm });
  return {
    complete: r.complete,
    interleavings: r.interleavings,
    violating: r.violating,
    violatingAny: r.violatingAny,
    violatingHarm: r.violatingHarm,
    states: r.states,
    shortest: r.shortest,
    shortestBy: r.shortestBy,
    shortestHarm: r.shortestHarm,
  };
}

describe.each(PAIRS)('%s matches its built-in', (file, builtin) => {
  const scenario = authored(file);

  it('declares the same scenario: id, fixes, params, harm and sweep', () => {
    expect(scenario.id).toBe(builtin.id);
    expect(scenario.title).toBe(builtin.title);
    expect(scenario.story).toBe(builtin.story);
    expect(scenario.tags).toEqual(builtin.tags);
    expect(scenario.source).toBe(builtin.source);
    expect(scenario.fixes).toEqual(builtin.fixes);
    expect(scenario.params).toEqual(builtin.params);
    expect(scenario.harm).toEqual(builtin.harm);
    expect(scenario.phrases).toBe(builtin.phrases);
    expect(sweepConfigurations(scenario)).toEqual(sweepConfigurations(builtin));
  });

  it.each(GRANULARITIES)('builds the same model for every fix and configuration (%s)', (g) => {
    for (const fix of builtin.fixes) {
      const configs = [paramsOf(builtin), ...sweepConfigurations(builtin)];
      for (const p of builtin.params) {
        configs.push(paramsOf(builtin, { [p.id]: p.min }), paramsOf(builtin, { [p.id]: p.max }));
      }
      for (const params of configs) {
        const config = { fix: fix.id, granularity: g, params };
        expect(shape(scenario.build(config)), `${fix.id} ${JSON.stringify(params)}`).toEqual(
          shape(builtin.build(config)),
        );
      }
    }
  });

  it.each(GRANULARITIES)('explores the same interleavings, violations and states (%s)', (g) => {
    for (const fix of builtin.fixes) {
      const config = { fix: fix.id, granularity: g, params: paramsOf(builtin) };
      expect(outcome(scenario.build(config), scenario.harm), fix.id).toEqual(
        outcome(builtin.build(config), builtin.harm),
      );
    }
  });

  // Whole sweeps; cache-aside at messages granularity is judged with one reader and one writer
  // (its full sweep takes minutes), which still walks every stall of the sweep.
  it.each(GRANULARITIES)('judges every fix the same (%s)', (g) => {
    const options = g === 'messages' && builtin === cacheAside ? { upto: ONE } : {};
    for (const fix of builtin.fixes) {
      const mine = judgeFix(scenario, fix.id, g, {}, options);
      const theirs = judgeFix(builtin, fix.id, g, {}, options);
      expect({ ...mine, scenario: theirs.scenario }, fix.id).toEqual(theirs);
    }
  });
});
