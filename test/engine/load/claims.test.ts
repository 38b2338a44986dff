import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/engine/canonical';
import { runLoad, type LoadTable } from '../../../src/scenarios/load/harness';
import { findLoadScenario } from '../../../src/scenarios/load/index';
import type { LoadScenarioDef } from '../../../src/scenarios/load/types';

/** The seeds' claims, on each scenario's default run (60 simulated seconds) and fixed seeds. */

function scenario(id: string): LoadScenarioDef {
  const found = findLoadScenario(id);
  if (!found) throw new Error(id);
  return found;
}

function figures(table: LoadTable): (fix: string, id: string) => number {
  return (fix, id) => {
    const value = table.rows.find((r) => r.fix === fix)?.figures.find((f) => f.id === id)?.value;
    if (value === undefined) throw new Error(`${fix}/${id} missing`);
    return value;
  };
}

const SLOW = 180_000;

describe.each([1, 2])('seed %i: the load tables reproduce the write-ups', (seed) => {
  it(
    'ttl-stampede: jitter + single-flight cuts the peak; early refresh flattens it more than jitter',
    () => {
      const fixes = ['none', 'jitter', 'jitter-single-flight', 'early-refresh'];
      const f = figures(runLoad(scenario('ttl-stampede'), { seed, fixes }));
      expect(f('jitter-single-flight', 'peakOriginQps')).toBeLessThan(
        f('none', 'peakOriginQps') / 5,
      );
      expect(f('early-refresh', 'peakOriginQps')).toBeLessThan(f('jitter', 'peakOriginQps'));
      expect(f('jitter-single-flight', 'queriesPerExpiry')).toBe(1);
      expect(f('none', 'queriesPerExpiry')).toBeGreaterThan(2);
    },
    SLOW,
  );

  it(
    'set-after-delete: leases and versioned CAS reach 0; double-delete only lowers the rate',
    () => {
      const fixes = ['none', 'double-delete', 'leases', 'versioned-cas'];
      const f = figures(runLoad(scenario('set-after-delete'), { seed, fixes }));
      expect(f('none', 'inconsistency')).toBeGreaterThan(0);
      expect(f('double-delete', 'inconsistency')).toBeGreaterThan(0);
      expect(f('double-delete', 'inconsistency')).toBeLessThan(f('none', 'inconsistency'));
      expect(f('leases', 'inconsistency')).toBe(0);
      expect(f('versioned-cas', 'inconsistency')).toBe(0);
    },
    SLOW,
  );

  it(
    'set-after-delete: a TTL backstop bounds the stale window by the TTL',
    () => {
      const table = runLoad(scenario('set-after-delete'), { seed, fixes: ['ttl-backstop'] });
      const f = figures(table);
      expect(f('ttl-backstop', 'staleReads')).toBeGreaterThan(0);
      expect(f('ttl-backstop', 'staleWindowMax')).toBeLessThanOrEqual(table.params.ttl as number);
    },
    SLOW,
  );

  it(
    'key-normalisation: the normalised key recovers the hit rate and cuts origin load',
    () => {
      const f = figures(runLoad(scenario('key-normalisation'), { seed }));
      expect(f('raw', 'hitRate')).toBeLessThan(50);
      expect(f('normalised', 'hitRate')).toBeGreaterThan(90);
      expect(f('normalised', 'originQps')).toBeLessThan(f('raw', 'originQps') / 5);
    },
    SLOW,
  );

  it(
    'invalidation-storm: batches and precise matching cut p99; async shows stale reads',
    () => {
      const fixes = ['none', 'precise', 'batches', 'async'];
      const f = figures(runLoad(scenario('invalidation-storm'), { seed, fixes }));
      expect(f('precise', 'p99')).toBeLessThan(f('none', 'p99') / 5);
      expect(f('batches', 'p99')).toBeLessThan(f('none', 'p99') / 5);
      expect(f('batches', 'blocked')).toBeLessThan(f('none', 'blocked'));
      expect(f('none', 'staleReads')).toBe(0);
      expect(f('async', 'staleReads')).toBeGreaterThan(0);
    },
    SLOW,
  );
});

describe('load runs are reproducible', () => {
  it(
    'the same seed gives byte-identical tables; another seed gives other figures',
    () => {
      const stampede = scenario('ttl-stampede');
      const params = { seconds: 10 };
      const a = canonicalJson(runLoad(stampede, { seed: 7, params }));
      const b = canonicalJson(runLoad(stampede, { seed: 7, params }));
      const c = canonicalJson(runLoad(stampede, { seed: 8, params }));
      expect(b).toBe(a);
      expect(c).not.toBe(a);
    },
    SLOW,
  );
});
