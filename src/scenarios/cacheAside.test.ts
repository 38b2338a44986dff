import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explore';
import { replay } from '../engine/replay';
import type { Granularity } from '../engine/types';
import { cacheAside } from './cacheAside';
import { paramsOf } from './index';
import { criticalReordering, describeStep } from './narrate';

const modelFor = (fix: string, granularity: Granularity = 'operations', params = {}) =>
  cacheAside.build({ fix, granularity, params: paramsOf(cacheAside, params) });

// [granularity, fix, interleavings, states, stale-set, stale-at-quiescence, stale-forever]
const GOLDEN: readonly [Granularity, string, number, number, number, number, number][] = [
  ['operations', 'none', 25, 28, 4, 4, 4],
  ['operations', 'double-delete', 37, 62, 6, 1, 1],
  ['operations', 'leases', 25, 29, 0, 0, 0],
  ['operations', 'versioned-cas', 25, 26, 0, 0, 0],
  ['operations', 'write-through', 24, 25, 0, 0, 0],
  ['operations', 'ttl-backstop', 25, 30, 4, 4, 0],
  ['messages', 'none', 870, 90, 65, 65, 65],
  ['messages', 'double-delete', 2183, 217, 137, 15, 15],
  ['messages', 'leases', 870, 100, 0, 0, 0],
  ['messages', 'versioned-cas', 870, 86, 0, 0, 0],
  ['messages', 'write-through', 850, 86, 0, 0, 0],
  ['messages', 'ttl-backstop', 870, 144, 65, 65, 0],
];

describe('cache-aside-set-after-delete', () => {
  it.each(GOLDEN)(
    '%s / %s: %i interleavings, %i states',
    (granularity, fix, interleavings, states, set, quiet, forever) => {
      const result = explore(modelFor(fix, granularity));
      expect(result.complete).toBe(true);
      expect(result.interleavings).toBe(interleavings);
      expect(result.states).toBe(states);
      expect(result.violating).toEqual({
        'stale-set': set,
        'stale-at-quiescence': quiet,
        'stale-forever': forever,
      });
    },
  );

  it('the shortest race is the textbook one: GET miss, SELECT v1, UPDATE v2, DEL, SET v1', () => {
    const model = modelFor('none');
    const result = explore(model);
    expect(result.shortest).toEqual([
      'reader->cache',
      'reader->db',
      'writer->db',
      'writer->cache',
      'reader->cache',
    ]);
    const trace = replay(model, result.shortest ?? []);
    const lines = trace.records.map((r, i) =>
      describeStep(cacheAside, model, r, trace.worlds[i]!, trace.worlds[i + 1]!),
    );
    expect(lines).toEqual([
      'Reader GETs user:1 from Cache: miss',
      'Reader SELECTs user:1 from Database: gets v1',
      'Writer UPDATEs user:1 in Database: v2 committed',
      'Writer DELetes user:1 from Cache: deleted',
      'Reader SETs v1 into Cache: stored',
    ]);
    const violation = trace.violations.find((v) => v.invariant === 'stale-set');
    expect(violation).toMatchObject({
      step: 4,
      message: 'stale v1 installed after v2 committed and invalidated',
    });
    expect(criticalReordering(trace, violation!, model)).toBe(
      'the SET from Reader landed after the DEL from Writer',
    );
  });

  it('leases and versioned CAS close the race for all interleavings with 2 readers and 2 writers', () => {
    for (const fix of ['leases', 'versioned-cas']) {
      const result = explore(modelFor(fix, 'operations', { readers: 2, writers: 2 }));
      expect(result.complete).toBe(true);
      expect(result.violatingAny).toBe(0);
    }
  });

  it('write-through closes reader–writer races but two writers still race', () => {
    const result = explore(modelFor('write-through', 'operations', { writers: 2 }));
    expect(result.violating?.['stale-set']).toBeGreaterThan(0);
    expect(result.shortest).toEqual([
      'writer1->db',
      'writer2->db',
      'writer2->cache',
      'writer1->cache',
    ]);
  });

  it('double-delete narrows but does not close the race, unless the delay outlasts the read→set window', () => {
    const baseline = explore(modelFor('none'));
    const narrow = explore(modelFor('double-delete'));
    const ratio = (r: typeof baseline) =>
      (r.violating?.['stale-at-quiescence'] ?? 0) / (r.interleavings ?? 1);
    expect(narrow.violating?.['stale-at-quiescence']).toBeGreaterThan(0);
    expect(ratio(narrow)).toBeLessThan(ratio(baseline));
    const long = explore(modelFor('double-delete', 'operations', { delay: 10 }));
    expect(long.violating?.['stale-at-quiescence']).toBe(0);
  });

  it('a TTL bounds the stale window instead of preventing the stale write', () => {
    const model = modelFor('ttl-backstop');
    const trace = replay(model, [
      'reader->cache',
      'reader->db',
      'writer->db',
      'writer->cache',
      'reader->cache',
    ]);
    const end = trace.violations.find((v) => v.invariant === 'stale-at-quiescence');
    expect(end?.message).toBe(
      'cache holds v1 for user:1 but the database has v2 until its TTL ends at t=17 (stale window bounded: 12 more ticks)',
    );
    expect(trace.violations.some((v) => v.invariant === 'stale-forever')).toBe(false);
  });
});
