import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheAside } from '../../src/scenarios/cacheAside';
import { paramsOf } from '../../src/scenarios/index';
import { canonicalJson } from '../../src/engine/canonical';
import { createStepper } from '../../src/engine/machines';
import { randomWalk } from '../../src/engine/random';
import { replay } from '../../src/engine/replay';
import { enabledSteps } from '../../src/engine/steps';
import type { Granularity } from '../../src/engine/types';

const modelFor = (fix: string, granularity: Granularity, params = {}) =>
  cacheAside.build({ fix, granularity, params: paramsOf(cacheAside, params) });

describe('replay and random walks', () => {
  it('same seed gives an identical trace; replaying its schedule gives it again', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom(...cacheAside.fixes.map((f) => f.id)),
        fc.constantFrom<Granularity>('operations', 'messages'),
        (seed, fix, granularity) => {
          const model = modelFor(fix, granularity, { readers: 2, writers: 2 });
          const a = randomWalk(model, seed);
          const b = randomWalk(model, seed, 500, createStepper({ memoize: false }));
          expect(canonicalJson(a)).toBe(canonicalJson(b));
          const again = replay(model, a.schedule);
          expect(canonicalJson(again)).toBe(canonicalJson(a));
          expect(a.finished).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('different seeds explore different schedules', () => {
    const model = modelFor('none', 'messages', { readers: 2, writers: 2 });
    const schedules = new Set(
      Array.from({ length: 20 }, (_, seed) => randomWalk(model, seed).schedule.join(',')),
    );
    expect(schedules.size).toBeGreaterThan(10);
  });

  it('reports where a schedule diverges and keeps the prefix', () => {
    const model = modelFor('none', 'operations');
    const trace = replay(model, ['reader->cache', 'nope', 'writer->db']);
    expect(trace.schedule).toEqual(['reader->cache']);
    expect(trace.divergence).toEqual({
      index: 1,
      key: 'nope',
      enabled: ['reader->db', 'writer->db'],
    });
  });

  it('never mutates the worlds it was given', () => {
    const model = modelFor('double-delete', 'messages');
    const trace = randomWalk(model, 3);
    const frozen = canonicalJson(trace.worlds);
    replay(model, trace.schedule);
    expect(canonicalJson(trace.worlds)).toBe(frozen);
  });

  it('in operations granularity a call and its reply are one step', () => {
    const model = modelFor('none', 'operations');
    const trace = replay(model, ['reader->cache']);
    const record = trace.records[0];
    expect(record?.delivered.map((m) => m.type)).toEqual(['GET', 'MISS']);
    expect(record?.sent.map((m) => m.type)).toEqual(['MISS', 'SELECT']);
  });

  it('in messages granularity the reply waits on its own channel', () => {
    const model = modelFor('none', 'messages');
    const trace = replay(model, ['reader->cache']);
    const world = trace.worlds[1];
    expect(world && enabledSteps(model, world).map((s) => s.key)).toEqual([
      'cache->reader',
      'writer->db',
    ]);
  });

  it('timers fire only when due, and time jumps to them when nothing else can happen', () => {
    const model = modelFor('double-delete', 'operations', { delay: 4, pause: 0 });
    const trace = replay(model, ['writer->db', 'writer->cache']);
    const world = trace.worlds[2];
    expect(world?.timers).toEqual([
      { owner: 'writer', name: 'second-delete', due: 6, payload: {} },
    ]);
    expect(world && enabledSteps(model, world).map((s) => s.key)).toEqual(['reader->cache']);
    const rest = replay(model, [
      ...trace.schedule,
      'reader->cache',
      'reader->db',
      'reader->cache',
      'timer:writer/second-delete',
    ]);
    expect(rest.divergence).toBeNull();
    expect(rest.records[5]?.clockAfter).toBe(6);
  });
});

describe('completing a run', () => {
  it('continues a prefix with the first enabled step until nothing can happen', async () => {
    const { completeRun } = await import('../../src/engine/complete');
    const model = modelFor('none', 'operations');
    const trace = completeRun(model, ['writer->db']);
    expect(trace.schedule).toEqual([
      'writer->db',
      'reader->cache',
      'reader->db',
      'reader->cache',
      'writer->cache',
    ]);
    expect(trace.finished).toBe(true);
    expect(completeRun(model, ['writer->db'], 3).schedule).toHaveLength(3);
    expect(completeRun(model, ['nope']).schedule).toEqual([]);
  });
});
