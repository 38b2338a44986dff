import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/engine/canonical';
import { simulate } from '../../src/engine/simulate';
import type { Model } from '../../src/engine/types';
import { cacheAside } from '../../src/scenarios/cacheAside';
import { paramsOf } from '../../src/scenarios/index';

function timed(seed: number, slow: string | null = null): Model {
  const base = cacheAside.build({
    fix: 'none',
    granularity: 'messages',
    params: paramsOf(cacheAside, { readers: 3, writers: 2, pause: 0 }),
  });
  return {
    ...base,
    timing: { seed, latency: (m, u) => (m.from === slow ? 50 : 1 + Math.floor(u * 9)) },
  };
}

describe('timed simulation', () => {
  it('is deterministic for a timing seed and a tie-break seed', () => {
    const a = simulate(timed(7), 1);
    const b = simulate(timed(7), 1);
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(a.finished).toBe(true);
  });

  it('the clock follows message arrival times and never goes back', () => {
    const trace = simulate(timed(3), 1);
    const clocks = trace.records.map((r) => r.clockAfter);
    expect(clocks).toEqual([...clocks].sort((x, y) => x - y));
    for (const record of trace.records) {
      const at = record.delivered[0]?.at;
      if (at !== undefined) expect(record.clockAfter).toBe(Math.max(record.clockBefore, at));
    }
  });

  it('latencies come from the timing seed: other seeds give other runs', () => {
    const runs = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) => simulate(timed(seed), 1).schedule.join(',')),
    );
    expect(runs.size).toBeGreaterThan(1);
  });

  it('a slow link delays exactly its own deliveries, keeping FIFO order', () => {
    const trace = simulate(timed(1, 'writer1'), 1);
    const fromSlow = trace.records.filter((r) => r.delivered[0]?.from === 'writer1');
    expect(fromSlow.length).toBeGreaterThan(0);
    for (const record of fromSlow) expect(record.clockAfter).toBeGreaterThanOrEqual(50);
  });
});

describe('seeded generators', () => {
  it('nearby seeds give unrelated first draws', async () => {
    const { createRng, rngFor } = await import('../../src/engine/rng');
    const firsts = Array.from({ length: 100 }, (_, seed) => createRng(seed).float());
    const buckets = new Set(firsts.map((u) => Math.floor(u * 10)));
    expect(buckets.size).toBe(10);
    const labelled = Array.from({ length: 100 }, (_, seed) => rngFor(seed, 'a->b#1').float());
    expect(new Set(labelled.map((u) => Math.floor(u * 10))).size).toBe(10);
  });
});
