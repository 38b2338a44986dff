import { describe, expect, it } from 'vitest';
import { fastBehaviour, xstateBehaviour } from '../../../src/actors/load/behaviours';
import { canonicalJson } from '../../../src/engine/canonical';
import { runLoad, type LoadTable } from '../../../src/scenarios/load/harness';
import { LOAD_SCENARIOS } from '../../../src/scenarios/load/index';

/** Small runs that still reach every path: races, leases, locks, scripts, the worker queue. */
const SMALL: Readonly<Record<string, Record<string, number>>> = {
  'ttl-stampede': { seconds: 3, rate: 300, keys: 10, ttl: 800, stale: 500 },
  'set-after-delete': { seconds: 2, rate: 600, writes: 60, keys: 20, ttl: 300, delay: 5 },
  'key-normalisation': { seconds: 3, rate: 300, pages: 30, ttl: 1000 },
  'invalidation-storm': {
    seconds: 2,
    rate: 300,
    resultsets: 200,
    k: 100,
    editors: 3,
    think: 300,
    ttl: 1000,
  },
};

const figure = (table: LoadTable, fix: string, id: string): number =>
  table.rows.find((row) => row.fix === fix)?.figures.find((f) => f.id === id)?.value ?? NaN;

/** What each small run must show, so that the comparison covers the races themselves. */
const REACHES: Readonly<Record<string, (table: LoadTable) => boolean>> = {
  'ttl-stampede': (t) => figure(t, 'none', 'queriesPerExpiry') > 1,
  'set-after-delete': (t) =>
    figure(t, 'none', 'staleReads') > 0 && figure(t, 'double-delete', 'staleReads') > 0,
  'key-normalisation': (t) => figure(t, 'raw', 'hitRate') < figure(t, 'normalised', 'hitRate'),
  'invalidation-storm': (t) => figure(t, 'async', 'staleReads') > 0,
};

describe('the fast path equals the machines on the same load schedules', () => {
  for (const scenario of LOAD_SCENARIOS) {
    it(`${scenario.id}: every fix gives the same table through xstate and the kernels`, () => {
      const params = SMALL[scenario.id] ?? {};
      const slow = runLoad(scenario, { seed: 5, params, behaviour: xstateBehaviour() });
      const fast = runLoad(scenario, { seed: 5, params, behaviour: fastBehaviour() });
      expect(canonicalJson(fast)).toBe(canonicalJson(slow));
      expect(slow.rows.every((row) => row.requests > 100)).toBe(true);
      expect(REACHES[scenario.id]?.(slow)).toBe(true);
    }, 120_000);
  }
});
