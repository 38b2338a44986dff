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
  ['operations', 'none', 20, 21, 3, 9, 9],
  ['operations', 'invalidate-on-ddl', 33, 40, 9, 3, 3],
  ['operations', 'epoch-at-store', 20, 21, 3, 9, 9],
  ['operations', 'epoch-on-read', 20, 21, 3, 0, 0],
  ['operations', 'invalidate-and-epoch', 33, 39, 6, 0, 0],
  ['operations', 'invalidate-on-failure', 20, 21, 3, 0, 0],
  ['operations', 'invalidate-on-forward', 29, 46, 5, 13, 13],
  ['messages', 'none', 1345, 75, 487, 942, 942],
  ['messages', 'invalidate-on-ddl', 3827, 120, 1559, 585, 585],
  ['messages', 'epoch-at-store', 1345, 75, 487, 942, 942],
  ['messages', 'epoch-on-read', 1166, 72, 398, 0, 0],
  ['messages', 'invalidate-and-epoch', 3560, 111, 974, 0, 0],
  ['messages', 'invalidate-on-failure', 1166, 72, 398, 0, 0],
  ['messages', 'invalidate-on-forward', 1832, 174, 677, 1226, 1226],
];

/** Runs `schedule`, then the first enabled step until the run ends. */
function runOut(model: ReturnType<typeof modelFor>, schedule: readonly string[]): TraceBuilder {
  const builder = new TraceBuilder(model);
  for (const key of schedule) expect(builder.take(key), key).toBe(true);
  for (let steps = builder.enabled(); steps.length > 0; steps = builder.enabled())
    builder.take(steps[0]!.key);
  return builder;
}

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

  it('the shortest race is the incident: EXPLAIN → supported, DROP through the proxy, replicated, stale verdict stored', () => {
    const model = modelFor('none');
    const result = explore(model);
    expect(result.shortest).toEqual([
      'proxy->sidecar',
      'webapp->proxy',
      'proxy->db',
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
      'App sends DROP TABLE example to QueryPilot',
      "QueryPilot forwards App's DROP TABLE example to Database: DROP TABLE example committed, relayed to App",
      "Readyset applies DROP TABLE example from Database's replication stream (position 1)",
      'QueryPilot stores "supported" (epoch 1) for SELECT * FROM example in its metadata cache',
      failed,
      failed,
      `${failed} — attempt 3, and the metadata still says "supported": QueryPilot would retry forever`,
    ]);
    expect(trace.violations.map((v) => [v.invariant, v.step])).toEqual([
      ['stale-verdict-stored', 4],
      ['retry-forever', 7],
      ['stale-verdict-forever', 7],
    ]);
    const stored = trace.violations[0]!;
    expect(stored.message).toBe(
      '"supported" (epoch 1) stored after the sidecar dropped example (epoch 2)',
    );
    // The DROP now passes through the proxy, so the reordering is visible at the proxy itself.
    expect(criticalReordering(trace, stored, model)).toBe(
      'the STORE_VERDICT from QueryPilot landed after the DROP_TABLE from App',
    );
  });

  it('invalidate-on-ddl fails with the set-after-delete shape: the notice lands before the store', () => {
    const model = modelFor('invalidate-on-ddl');
    const trace = replay(model, explore(model).shortestBy['retry-forever'] ?? []);
    const kinds = trace.records.flatMap((r) =>
      r.delivered.filter((m) => !m.reply).map((m) => m.type),
    );
    expect(kinds.slice(0, 6)).toEqual([
      'EXPLAIN',
      'DROP_TABLE',
      'DROP_TABLE',
      'REPLICATE',
      'SCHEMA_CHANGED',
      'STORE_VERDICT',
    ]);
  });

  it('the retry bound is a parameter: more attempts, same verdicts', () => {
    const result = explore(modelFor('none', 'operations', { attempts: 5 }));
    expect(result.interleavings).toBe(20);
    expect(result.violating?.['retry-forever']).toBe(9);
    expect(result.shortestBy['retry-forever']).toHaveLength(5 + 5);
  });

  it.each(['epoch-on-read', 'invalidate-on-failure', 'invalidate-and-epoch'])(
    '%s: after the race the proxy ends up holding "unsupported"',
    (fix) => {
      const keys = ['proxy->sidecar', 'webapp->proxy', 'proxy->db', 'db->sidecar:replication'];
      const builder = runOut(modelFor(fix), keys);
      const proxy = builder.world.actors['proxy']!;
      expect(proxy.value).toBe('settled');
      expect(storedVerdict(proxy.context as unknown as ProxyContext)).toEqual({
        verdict: 'unsupported',
        epoch: 2,
      });
    },
  );

  it('a run whose CREATE CACHE succeeded before the DROP is not a stale verdict forever', () => {
    const model = modelFor('none');
    const keys = ['proxy->sidecar', 'proxy->proxy', 'proxy->sidecar', 'webapp->proxy', 'proxy->db'];
    const builder = runOut(model, [...keys, 'db->sidecar:replication']);
    const proxy = builder.world.actors['proxy']!;
    expect(proxy.value).toBe('cached');
    // Still "supported" for a table that is gone, but it was true when CREATE CACHE used it.
    expect(storedVerdict(proxy.context as unknown as ProxyContext)?.verdict).toBe('supported');
    expect(builder.world.actors['webapp']!.context).toMatchObject({ outcomes: ['ok'] });
    expect(replay(model, builder.schedule).violations).toEqual([]);
  });

  it('the app reaches the database only through the proxy, and hears back through it', () => {
    const trace = replay(modelFor('none', 'messages'), ['webapp->proxy', 'proxy->db', 'db->proxy']);
    expect(trace.records.map((r) => r.delivered.map((m) => `${m.from}>${m.to}:${m.type}`))).toEqual(
      [['webapp>proxy:DROP_TABLE'], ['proxy>db:DROP_TABLE'], ['db>proxy:DDL_OK']],
    );
    expect(trace.worlds[3]!.channels['proxy->webapp']?.map((m) => m.type)).toEqual(['DDL_OK']);
  });

  describe('invalidate-on-forward', () => {
    it('the EXPLAIN reply is still in flight when the DROP is forwarded: the stale verdict is stored after the invalidation', () => {
      const model = modelFor('invalidate-on-forward', 'messages');
      const race = [
        'proxy->sidecar',
        'webapp->proxy',
        'proxy->db',
        'db->sidecar:replication',
        'sidecar->proxy',
        'proxy->proxy',
      ];
      const trace = replay(model, runOut(model, race).schedule);
      expect(trace.records[0]!.delivered.map((m) => m.type)).toEqual(['EXPLAIN']);
      expect(trace.worlds[2]!.channels['sidecar->proxy']?.map((m) => m.type)).toEqual([
        'EXPLAINED',
      ]);
      const lines = trace.records.map((r, i) =>
        describeStep(scenario, model, r, trace.worlds[i]!, trace.worlds[i + 1]!),
      );
      expect(lines[1]).toBe(
        'App sends DROP TABLE example to QueryPilot — nothing is stored yet to drop: the verdict on its way lands after this invalidation',
      );
      expect(trace.violations.map((v) => [v.invariant, v.step])).toEqual([
        ['stale-verdict-stored', 5],
        ['retry-forever', trace.records.length - 1],
        ['stale-verdict-forever', trace.records.length - 1],
      ]);
    });

    it('invalidating at forward time is early: the re-check can reach the sidecar before the DROP does', () => {
      const model = modelFor('invalidate-on-forward');
      // EXPLAIN, store, CREATE CACHE succeeds; then the DROP is forwarded and the verdict dropped.
      const before = ['proxy->sidecar', 'proxy->proxy', 'proxy->sidecar', 'webapp->proxy'];
      const trace = replay(model, [
        ...before,
        'proxy->db',
        'proxy->sidecar',
        'proxy->proxy',
        'db->sidecar:replication',
        'proxy->sidecar',
        'proxy->sidecar',
      ]);
      expect(trace.divergence).toBeNull();
      expect(trace.finished).toBe(true);
      expect(
        describeStep(scenario, model, trace.records[3]!, trace.worlds[3]!, trace.worlds[4]!),
      ).toBe(
        'App sends DROP TABLE example to QueryPilot — QueryPilot drops its cached verdict and will ask again',
      );
      // The DROP is committed but not replicated yet: the sidecar still says "supported".
      expect(
        trace.records[5]!.delivered.map((m) => [m.type, m.payload['verdict'] ?? null]),
      ).toEqual([
        ['EXPLAIN', null],
        ['EXPLAINED', 'supported'],
      ]);
      expect(trace.violations.map((v) => v.invariant)).toEqual([
        'retry-forever',
        'stale-verdict-forever',
      ]);
    });
  });
});
