import { describe, expect, it } from 'vitest';
import { bruteForce } from '../../test/support/bruteForce';
import { storedVerdict, type ProxyContext } from '../actors/proxy';
import { explore } from '../engine/explore';
import { replay, TraceBuilder } from '../engine/replay';
import type { Granularity } from '../engine/types';
import { paramsOf } from './index';
import { criticalReordering, describeStep } from './narrate';
import { querypilotStaleVerdict as scenario } from './querypilotStaleVerdict';

const modelFor = (fix: string, granularity: Granularity = 'operations', params = {}) =>
  scenario.build({ fix, granularity, params: paramsOf(scenario, params) });

// [granularity, fix, interleavings, states, stale-verdict-stored, stale-verdict-forever, retry-forever]
const GOLDEN: readonly [Granularity, string, number, number, number, number, number][] = [
  ['operations', 'none', 10, 17, 2, 9, 5],
  ['operations', 'invalidate-on-ddl', 18, 36, 6, 2, 2],
  ['operations', 'epoch-at-store', 10, 17, 2, 9, 5],
  ['operations', 'epoch-on-read', 10, 17, 2, 0, 0],
  ['operations', 'invalidate-and-epoch', 18, 35, 4, 0, 0],
  ['operations', 'invalidate-on-failure', 10, 17, 2, 4, 0],
  ['messages', 'none', 146, 48, 51, 141, 89],
  ['messages', 'invalidate-on-ddl', 342, 78, 158, 56, 56],
  ['messages', 'epoch-at-store', 146, 48, 51, 141, 89],
  ['messages', 'epoch-on-read', 137, 46, 46, 0, 0],
  ['messages', 'invalidate-and-epoch', 327, 72, 102, 0, 0],
  ['messages', 'invalidate-on-failure', 137, 46, 46, 52, 0],
];

describe('querypilot-stale-verdict', () => {
  it.each(GOLDEN)(
    '%s / %s: %i interleavings, %i states',
    (granularity, fix, interleavings, states, stored, forever, loop) => {
      const model = modelFor(fix, granularity);
      const result = explore(model);
      expect(result.complete).toBe(true);
      expect(result.interleavings).toBe(interleavings);
      expect(result.states).toBe(states);
      const violating = {
        'stale-verdict-stored': stored,
        'stale-verdict-forever': forever,
        'retry-forever': loop,
      };
      expect(result.violating).toEqual(violating);
      // Independent check: every path walked separately, no de-duplication.
      const brute = bruteForce(model);
      expect(brute.interleavings).toBe(interleavings);
      expect(brute.violating).toEqual(violating);
    },
  );

  it('the shortest race is the incident: EXPLAIN → supported, DROP, replicated, stale verdict stored', () => {
    const model = modelFor('none');
    const result = explore(model);
    expect(result.shortest).toEqual([
      'proxy->sidecar',
      'webapp->db',
      'db->sidecar:replication',
      'proxy->proxy',
    ]);
    // The incident carries on: every CREATE CACHE fails, until the model's bound.
    const loop = [...(result.shortest ?? []), ...Array<string>(3).fill('proxy->sidecar')];
    const trace = replay(model, loop);
    expect(trace.finished).toBe(true);
    const lines = trace.records.map((r, i) =>
      describeStep(scenario, model, r, trace.worlds[i]!, trace.worlds[i + 1]!),
    );
    const failed =
      'QueryPilot asks Readyset: CREATE CACHE SELECT * FROM example: error: table "example" not found';
    expect(lines).toEqual([
      'QueryPilot asks Readyset: EXPLAIN CREATE CACHE SELECT * FROM example: "supported" (schema epoch 1)',
      'App runs DROP TABLE example on Database: DROP TABLE example committed',
      "Readyset applies DROP TABLE example from Database's replication stream (position 1)",
      'QueryPilot stores "supported" (epoch 1) for SELECT * FROM example in its metadata cache',
      failed,
      failed,
      `${failed} — attempt 3, and the metadata still says "supported": QueryPilot would retry forever`,
    ]);
    expect(trace.violations.map((v) => [v.invariant, v.step])).toEqual([
      ['stale-verdict-stored', 3],
      ['retry-forever', 6],
      ['stale-verdict-forever', 6],
    ]);
    const stored = trace.violations[0]!;
    expect(stored.message).toBe(
      '"supported" (epoch 1) stored after the sidecar dropped example (epoch 2)',
    );
    expect(criticalReordering(trace, stored, model)).toBeNull();
  });

  it('invalidate-on-ddl fails with the set-after-delete shape: the notice lands before the store', () => {
    const model = modelFor('invalidate-on-ddl');
    const trace = replay(model, explore(model).shortestBy['retry-forever'] ?? []);
    const kinds = trace.records.flatMap((r) =>
      r.delivered.filter((m) => !m.reply).map((m) => m.type),
    );
    expect(kinds.slice(0, 5)).toEqual([
      'EXPLAIN',
      'DROP_TABLE',
      'REPLICATE',
      'SCHEMA_CHANGED',
      'STORE_VERDICT',
    ]);
  });

  it('the retry bound is a parameter: more attempts, same verdicts', () => {
    const result = explore(modelFor('none', 'operations', { attempts: 5 }));
    expect(result.interleavings).toBe(10);
    expect(result.violating?.['retry-forever']).toBe(5);
    expect(result.shortestBy['retry-forever']).toHaveLength(4 + 5);
  });

  it.each(['epoch-on-read', 'invalidate-on-failure', 'invalidate-and-epoch'])(
    '%s: after the race the proxy ends up holding "unsupported"',
    (fix) => {
      const builder = new TraceBuilder(modelFor(fix));
      for (const key of ['proxy->sidecar', 'webapp->db', 'db->sidecar:replication'])
        expect(builder.take(key)).toBe(true);
      for (let steps = builder.enabled(); steps.length > 0; steps = builder.enabled())
        builder.take(steps[0]!.key);
      const proxy = builder.world.actors['proxy']!;
      expect(proxy.value).toBe('settled');
      expect(storedVerdict(proxy.context as unknown as ProxyContext)).toEqual({
        verdict: 'unsupported',
        epoch: 2,
      });
    },
  );
});
