import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explore';
import { replay } from '../engine/replay';
import type { Granularity } from '../engine/types';
import { asyncInvalidation } from './asyncInvalidation';
import { paramsOf } from './index';
import { judgeFix } from './judge';
import { describeStep } from './narrate';

const modelFor = (fix: string, granularity: Granularity = 'operations', params = {}) =>
  asyncInvalidation.build({ fix, granularity, params: paramsOf(asyncInvalidation, params) });

const harm = asyncInvalidation.harm;

// [granularity, fix, interleavings, states, stale-own-read, stale-read]
const GOLDEN: readonly [Granularity, string, number, number, number, number][] = [
  ['operations', 'none', 4, 12, 3, 0],
  ['operations', 'sync-invalidation', 1, 7, 0, 0],
  ['operations', 'read-your-writes', 4, 9, 0, 0],
  ['messages', 'none', 25, 32, 18, 0],
  ['messages', 'sync-invalidation', 1, 13, 0, 0],
  ['messages', 'read-your-writes', 21, 20, 0, 0],
];

function story(fix: string, schedule: readonly string[], params = {}): string[] {
  const model = modelFor(fix, 'operations', params);
  const trace = replay(model, schedule);
  return trace.records.map((r, i) =>
    describeStep(asyncInvalidation, model, r, trace.worlds[i]!, trace.worlds[i + 1]!),
  );
}

describe('async-invalidation-stale-read', () => {
  it.each(GOLDEN)(
    '%s / %s: %i interleavings, %i states',
    (granularity, fix, interleavings, states, own, other) => {
      const result = explore(modelFor(fix, granularity));
      expect(result.complete).toBe(true);
      expect(result.interleavings).toBe(interleavings);
      expect(result.states).toBe(states);
      expect(result.violating).toEqual({ 'stale-own-read': own, 'stale-read': other });
    },
  );

  it('the shortest harmful run is the write-up’s race: save, queue the job, reload before the worker runs', () => {
    const model = modelFor('none');
    const result = explore(model, { harm });
    expect(result.complete).toBe(true);
    expect(result.shortestHarm).toEqual(['editor->db', 'editor->cache']);
    expect(story('none', result.shortestHarm ?? [])).toEqual([
      'Edit UI UPDATEs listing:7 in Database: v2 committed; the save queues a job for Worker (RQ) to delete rs:city=paris, rs:owner=7, and returns',
      'Edit UI GETs rs:owner=7 from Cache: hit: v1',
    ]);
    const trace = replay(model, result.shortestHarm ?? []);
    expect(trace.violations).toEqual([
      {
        invariant: 'stale-own-read',
        step: 1,
        message:
          'Edit UI saved v2, but its reload showed v1 from the cached rs:owner=7: not invalidated yet',
      },
    ]);
  });

  it('when the worker wins the race the reload misses and shows the save', () => {
    const lines = story('none', [
      'editor->db',
      'editor->worker',
      'worker->cache',
      'worker->cache',
      'editor->cache',
      'editor->db',
      'editor->cache',
    ]);
    expect(lines).toEqual([
      'Edit UI UPDATEs listing:7 in Database: v2 committed; the save queues a job for Worker (RQ) to delete rs:city=paris, rs:owner=7, and returns',
      'Worker (RQ) takes the job off the queue: delete rs:city=paris, rs:owner=7',
      'Worker (RQ) DELetes rs:city=paris from Cache: deleted',
      'Worker (RQ) DELetes rs:owner=7 from Cache: deleted',
      'Edit UI GETs rs:owner=7 from Cache: miss',
      'Edit UI SELECTs listing:7 from Database: gets v2',
      'Edit UI SETs v2 into Cache: stored',
    ]);
  });

  it('the more resultsets the job deletes before the page’s, the more reloads lose the race', () => {
    const share = (resultsets: number) => {
      const r = explore(modelFor('none', 'messages', { resultsets }), { harm });
      return (r.violatingHarm ?? 0) / (r.interleavings ?? 1);
    };
    expect(share(1)).toBeGreaterThan(0);
    expect(share(2)).toBeGreaterThan(share(1));
    expect(share(3)).toBeGreaterThan(share(2));
  });

  it('synchronous invalidation and read-your-writes hold in every configuration', () => {
    for (const fix of ['sync-invalidation', 'read-your-writes']) {
      for (const g of ['operations', 'messages'] as const) {
        const verdict = judgeFix(asyncInvalidation, fix, g, { visitors: 1, resultsets: 3 });
        expect(verdict.status, `${fix} ${g}`).toBe('holds');
        expect(verdict.complete, `${fix} ${g}`).toBe(true);
      }
    }
  });

  it('read-your-writes covers only the saver: another visitor still reads the old resultset', () => {
    const result = explore(modelFor('read-your-writes', 'operations', { visitors: 1 }), { harm });
    expect(result.violatingHarm).toBe(0);
    expect(result.violating?.['stale-read']).toBeGreaterThan(0);
    expect(story('read-your-writes', ['editor->db', 'visitor1->cache'], { visitors: 1 })).toEqual([
      'Edit UI UPDATEs listing:7 in Database: v2 committed; the save queues a job for Worker (RQ) to delete rs:city=paris, rs:owner=7, and returns',
      'Visitor GETs rs:owner=7 from Cache: hit: v1',
    ]);
  });
});
