/**
 * Scripts are as expressive as the library's machines: the cache-aside example with its reader
 * and writer written as scripts (examples/cache-aside-scripted.yaml) explores and is judged
 * exactly as the built-in, fix by fix, at both granularities.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explore';
import type { Granularity, Model } from '../engine/types';
import { cacheAside } from '../scenarios/cacheAside';
import { paramsOf } from '../scenarios/index';
import { judgeFix, sweepConfigurations } from '../scenarios/judge';
import { formatErrors, loadModel } from './load';

const TEXT = readFileSync(
  new URL('../../examples/cache-aside-scripted.yaml', import.meta.url),
  'utf8',
);
const loaded = loadModel(TEXT);
if (!loaded.ok) throw new Error(formatErrors(loaded.errors).join('\n'));
const scripted = loaded.scenario;
const GRANULARITIES: readonly Granularity[] = ['operations', 'messages'];

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

describe('cache-aside with a scripted reader and writer', () => {
  it('runs the reader and writer as scripted processes', () => {
    const model = scripted.build({ fix: 'none', granularity: 'operations', params: {} });
    const machines = new Set(
      model.actors.filter((a) => a.role === 'process').map((a) => a.machine),
    );
    expect(machines.size).toBe(1);
    const builtin = cacheAside.build({ fix: 'none', granularity: 'operations', params: {} });
    expect(builtin.actors.some((a) => machines.has(a.machine))).toBe(false);
  });

  it('declares the same fixes, params, harm and sweep', () => {
    expect(scripted.fixes).toEqual(cacheAside.fixes);
    expect(scripted.params).toEqual(cacheAside.params);
    expect(scripted.harm).toEqual(cacheAside.harm);
    expect(sweepConfigurations(scripted)).toEqual(sweepConfigurations(cacheAside));
  });

  it.each(GRANULARITIES)('explores the same interleavings, violations and states (%s)', (g) => {
    for (const fix of cacheAside.fixes) {
      for (const params of [paramsOf(cacheAside), paramsOf(cacheAside, { readers: 2 })]) {
        const config = { fix: fix.id, granularity: g, params };
        expect(outcome(scripted.build(config), scripted.harm), fix.id).toEqual(
          outcome(cacheAside.build(config), cacheAside.harm),
        );
      }
    }
  });

  // Whole sweeps; at messages granularity up to one reader and one writer (its full sweep
  // takes minutes), which still walks every stall of the sweep.
  it.each(GRANULARITIES)('judges every fix the same over the sweep (%s)', (g) => {
    const options = g === 'messages' ? { upto: { readers: 1, writers: 1 } } : {};
    for (const fix of cacheAside.fixes) {
      const mine = judgeFix(scripted, fix.id, g, {}, options);
      const theirs = judgeFix(cacheAside, fix.id, g, {}, options);
      expect({ ...mine, scenario: theirs.scenario }, fix.id).toEqual(theirs);
    }
  });
});
