import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explore';
import { replay } from '../engine/replay';
import type { Granularity } from '../engine/types';
import { hotKeyStampede } from './hotKeyStampede';
import { paramsOf } from './index';
import { judgeFix } from './judge';
import { describeStep } from './narrate';

const modelFor = (fix: string, granularity: Granularity = 'operations', params = {}) =>
  hotKeyStampede.build({ fix, granularity, params: paramsOf(hotKeyStampede, params) });

const harm = hotKeyStampede.harm;

// [granularity, fix, interleavings, states, origin-stampede, concurrent-miss, stale-served]
const GOLDEN: readonly [Granularity, string, number, number, number, number, number][] = [
  ['operations', 'none', 1428, 32, 1422, 1422, 0],
  ['operations', 'jitter', 1428, 32, 1422, 1422, 0],
  ['operations', 'single-flight', 90168, 277, 0, 90150, 0],
  ['operations', 'stale-while-revalidate', 3156, 241, 0, 0, 3156],
  ['messages', 'none', 16500420, 258, 16500330, 16499310, 0],
  ['messages', 'jitter', 16500420, 258, 16500330, 16499310, 0],
  ['messages', 'single-flight', 4410672756, 3662, 0, 4410194766, 0],
  ['messages', 'stale-while-revalidate', 47993328, 4952, 0, 0, 47993328],
];

/** The sentences of a schedule's steps. */
function story(fix: string, schedule: readonly string[]): string[] {
  const model = modelFor(fix);
  const trace = replay(model, schedule);
  return trace.records.map((r, i) =>
    describeStep(hotKeyStampede, model, r, trace.worlds[i]!, trace.worlds[i + 1]!),
  );
}

describe('hot-key-stampede', () => {
  it.each(GOLDEN)(
    '%s / %s: %i interleavings, %i states',
    (granularity, fix, interleavings, states, stampede, miss, stale) => {
      const result = explore(modelFor(fix, granularity));
      expect(result.complete).toBe(true);
      expect(result.interleavings).toBe(interleavings);
      expect(result.states).toBe(states);
      expect(result.violating).toEqual({
        'origin-stampede': stampede,
        'concurrent-miss': miss,
        'stale-served': stale,
      });
    },
  );

  it('without a fix the readers that miss each fetch from the origin: the shortest run is two misses, two SELECTs', () => {
    const result = explore(modelFor('none'), { harm });
    expect(result.complete).toBe(true);
    expect(result.violatingHarm).toBeGreaterThan(0);
    expect(result.shortestHarm).toEqual([
      'reader1->cache',
      'reader1->db',
      'reader2->cache',
      'reader2->db',
    ]);
    expect(story('none', result.shortestHarm ?? [])).toEqual([
      'Reader 1 GETs home:feed from Cache: miss',
      'Reader 1 SELECTs home:feed from Database: gets v2',
      'Reader 2 GETs home:feed from Cache: miss',
      'Reader 2 SELECTs home:feed from Database: gets v2',
    ]);
    const trace = replay(modelFor('none'), result.shortestHarm ?? []);
    expect(trace.violations.find((v) => v.invariant === 'origin-stampede')).toMatchObject({
      step: 3,
      message:
        '2 SELECTs of home:feed reached the database for one expiry (Reader 1 and Reader 2): the origin does the same work again',
    });
  });

  it('when every reader misses, every reader fetches: three SELECTs for one expiry', () => {
    const trace = replay(modelFor('none'), [
      'reader1->cache',
      'reader2->cache',
      'reader3->cache',
      'reader1->db',
      'reader2->db',
      'reader3->db',
    ]);
    expect(trace.violations.map((v) => v.invariant)).toEqual([
      'concurrent-miss',
      'concurrent-miss',
      'origin-stampede',
    ]);
  });

  it('jitter does not help a single key: the same harm, the same shortest run', () => {
    const none = explore(modelFor('none'), { harm });
    const jitter = explore(modelFor('jitter'), { harm });
    expect(jitter.violatingHarm).toBe(none.violatingHarm);
    expect(jitter.shortestHarm).toEqual(none.shortestHarm);
    expect(judgeFix(hotKeyStampede, 'jitter', 'messages').status).toBe('fails');
  });

  it('single-flight: one fetch in every interleaving up to four readers, though readers still miss together', () => {
    for (const g of ['operations', 'messages'] as const) {
      const verdict = judgeFix(hotKeyStampede, 'single-flight', g);
      expect(verdict.status, g).toBe('holds');
      expect(verdict.complete, g).toBe(true);
    }
    const four = explore(modelFor('single-flight', 'operations', { readers: 4 }), { harm });
    expect(four.complete).toBe(true);
    expect(four.violatingHarm).toBe(0);
    expect(four.violating?.['concurrent-miss']).toBeGreaterThan(0);
  });

  it('a loser waits without a timer, woken by the fill, and the search closes small', () => {
    const model = modelFor('single-flight', 'messages');
    const result = explore(model, { harm, maxStates: 20_000 });
    expect(result.complete).toBe(true);
    // A parked loser is woken by the fill: it never asks the cache again.
    const schedule = [
      'reader1->cache',
      'reader1->cache',
      'reader2->cache',
      'reader2->cache',
      'reader2->cache',
      'reader1->cache',
      'reader1->db',
      'reader1->cache',
      'cache->reader2',
      'reader1->cache',
    ];
    const woken = replay(modelFor('single-flight'), schedule);
    expect(woken.records).toHaveLength(schedule.length);
    expect(woken.worlds.every((w) => w.timers.length === 0)).toBe(true);
    expect(story('single-flight', schedule)).toEqual([
      'Reader 1 GETs home:feed from Cache: miss',
      'Reader 1 takes lock:home:feed (ADD: only if no one holds it): stored: Reader 1 holds the lock',
      'Reader 2 GETs home:feed from Cache: miss',
      'Reader 2 takes lock:home:feed (ADD: only if no one holds it): refused — another reader holds lock:home:feed',
      'Reader 2 WAITs for home:feed at Cache: not filled yet, so Reader 2 is parked until it is',
      'Reader 1 GETs home:feed from Cache: miss',
      'Reader 1 SELECTs home:feed from Database: gets v2',
      'Reader 1 SETs v2 into Cache: stored',
      'Reader 2 wakes: Cache says home:feed was filled with v2',
      'Reader 1 releases lock:home:feed (DEL): released',
    ]);
  });

  it('single-flight fails when the lock expires before the fill: a second reader takes it', () => {
    const result = explore(modelFor('single-flight', 'operations', { lockTtl: 3 }), { harm });
    expect(result.violatingHarm).toBeGreaterThan(0);
    const model = modelFor('single-flight', 'operations', { lockTtl: 3 });
    const trace = replay(model, result.shortestHarm ?? []);
    const taken = trace.records.map((r, i) =>
      describeStep(hotKeyStampede, model, r, trace.worlds[i]!, trace.worlds[i + 1]!),
    );
    expect(taken).toContain(
      'Reader 2 takes lock:home:feed (ADD: only if no one holds it): stored: Reader 2 holds the lock — the lock taken before expired at t=5 (its TTL ran out before the fill)',
    );
  });

  it('stale-while-revalidate: one refresh, and the old value served at once inside the window', () => {
    for (const g of ['operations', 'messages'] as const) {
      expect(judgeFix(hotKeyStampede, 'stale-while-revalidate', g).status, g).toBe('holds');
    }
    const result = explore(modelFor('stale-while-revalidate'), { harm });
    expect(result.violating?.['stale-served']).toBeGreaterThan(0);
    expect(result.violating?.['concurrent-miss']).toBe(0);
  });
});
