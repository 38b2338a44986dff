import { describe, expect, it } from 'vitest';
import { cacheAside } from './cacheAside';
import { duplicateInsert } from './duplicateInsert';
import {
  boundaryOf,
  headlineRace,
  judgeFix,
  summarize,
  sweepConfigurations,
  verdictKey,
  verdictLine,
} from './judge';

describe('the sweep of configurations', () => {
  it('goes smallest first: fewest actors, then the smallest values', () => {
    const configs = sweepConfigurations(cacheAside, { pause: 2 });
    const swept = configs.map((c) => [c['readers'], c['writers'], c['pause']]);
    expect(swept).toEqual([
      [1, 1, 0],
      [1, 1, 1],
      [1, 1, 2],
      [1, 2, 0],
      [2, 1, 0],
      [1, 2, 1],
      [2, 1, 1],
      [1, 2, 2],
      [2, 1, 2],
      [2, 2, 0],
      [2, 2, 1],
      [2, 2, 2],
    ]);
    // Parameters that are not swept keep their value.
    expect(new Set(configs.map((c) => c['delay']))).toEqual(new Set([3]));
  });

  it('can be capped per parameter', () => {
    const configs = sweepConfigurations(cacheAside, { pause: 1 }, { readers: 1, writers: 1 });
    expect(configs.map((c) => c['pause'])).toEqual([0, 1]);
  });
});

describe('judging a fix by its harm over the sweep', () => {
  it('write-through holds for one writer and fails at two', () => {
    const verdict = judgeFix(cacheAside, 'write-through', 'operations');
    expect(verdict.status).toBe('fails');
    expect(verdict.failing?.params).toMatchObject({ readers: 1, writers: 2, pause: 0 });
    expect(verdict.failing?.harmful).toBeGreaterThan(0);
    expect(boundaryOf(cacheAside, verdict)).toEqual(['holds at writers=1, fails at writers=2']);
    expect(verdictLine(cacheAside, verdict)).toMatch(
      /^✗ fails at readers=1, writers=2, pause=0 \(delay=3, ttl=12\): [\d,]+ of [\d,]+ interleavings cause harm; holds at writers=1, fails at writers=2$/,
    );
  });

  it('delayed double-delete fails once the stall reaches the delay, and holds below it', () => {
    const fails = judgeFix(cacheAside, 'double-delete', 'operations');
    expect(fails.failing?.params).toMatchObject({ readers: 1, writers: 1, pause: 3, delay: 3 });
    expect(boundaryOf(cacheAside, fails)).toEqual(['holds at pause=2, fails at pause=3']);
    // One reader and one writer, the stall under the delay: the second DEL comes after the SET.
    const one = { readers: 1, writers: 1 };
    const holds = judgeFix(cacheAside, 'double-delete', 'operations', { pause: 2 }, { upto: one });
    expect([holds.status, holds.complete, holds.explored.length]).toEqual(['holds', true, 3]);
    // With a longer delay, the default stall (5) is harmless too.
    const longer = judgeFix(cacheAside, 'double-delete', 'operations', { delay: 6 }, { upto: one });
    expect([longer.status, longer.explored.length]).toEqual(['holds', 6]);
    // Message by message, the reply's own step counts: it fails one tick earlier.
    const messages = judgeFix(cacheAside, 'double-delete', 'messages', { delay: 6 }, { upto: one });
    expect(boundaryOf(cacheAside, messages)).toEqual(['holds at pause=4, fails at pause=5']);
    // A second reader is a stall of its own: its steps let the delay pass.
    const two = judgeFix(cacheAside, 'double-delete', 'operations', { pause: 0 });
    expect(two.failing?.params).toMatchObject({ readers: 2, pause: 0 });
  });

  it('leases hold in every configuration, and a budget makes the verdict say it stopped', () => {
    const full = judgeFix(cacheAside, 'leases', 'operations');
    expect([full.status, full.complete, full.explored.length, full.total]).toEqual([
      'holds',
      true,
      24,
      24,
    ]);
    expect(verdictLine(cacheAside, full)).toBe(
      '✓ holds in every configuration up to readers=2, writers=2, pause=5 (delay=3, ttl=12) (24 configurations)',
    );
    const cut = judgeFix(cacheAside, 'leases', 'operations', {}, { maxStates: 2_000 });
    expect([cut.status, cut.complete, cut.stopped]).toEqual(['holds', false, 'states']);
    expect(verdictLine(cacheAside, cut)).toMatch(/budget ran out/);
  });

  it('judges every fix by the same harm: same evidence, same verdict', () => {
    const overwrite = summarize(
      duplicateInsert,
      judgeFix(duplicateInsert, 'overwrite', 'operations'),
    );
    const ignore = summarize(
      duplicateInsert,
      judgeFix(duplicateInsert, 'catch-and-ignore', 'operations'),
    );
    expect(overwrite.mark).toBe(ignore.mark);
  });

  it('caches by the parameters the sweep depends on, not the actor counts it sweeps', () => {
    const key = verdictKey(cacheAside, 'leases', 'operations');
    expect(verdictKey(cacheAside, 'leases', 'operations', { readers: 2 })).toBe(key);
    expect(verdictKey(cacheAside, 'leases', 'operations', { delay: 4 })).not.toBe(key);
  });
});

describe('the race shown first', () => {
  const result = {
    violating: { a: 0, b: 2, c: 5 },
    shortestBy: { b: ['x', 'y', 'z'], c: ['x'] },
    shortestHarm: ['x', 'y', 'z'],
  };

  it('is the shortest harmful one, named by its harm invariant', () => {
    expect(headlineRace(['a', 'b', 'c'], ['b'], result)).toEqual({
      invariant: 'b',
      schedule: ['x', 'y', 'z'],
    });
  });

  it('falls back to the first violated diagnostic when nothing causes harm', () => {
    const harmless = { ...result, shortestHarm: null };
    expect(headlineRace(['a', 'b', 'c'], ['a'], harmless)?.invariant).toBe('b');
    const clean = { violating: { a: 0 }, shortestBy: {}, shortestHarm: null };
    expect(headlineRace(['a'], ['a'], clean)).toBeNull();
    expect(headlineRace(['a'], ['a'], { ...clean, violating: null })).toBeNull();
  });
});
