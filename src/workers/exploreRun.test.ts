import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../scenarios/index';
import type { VerdictSummary } from '../scenarios/judge';
import { cachedVerdict } from '../scenarios/verdicts';
import { exploreConfigs, sweepFixes } from './exploreRun';
import type { ExploreSummary, SweepRequest } from './protocol';

describe('exploreConfigs', () => {
  it('reports one summary per configuration, in order, as plain JSON', () => {
    const scenario = SCENARIOS[0]!;
    const configs = scenario.fixes.map((f) => ({
      scenarioId: scenario.id,
      fix: f.id,
      granularity: 'operations' as const,
      params: {},
    }));
    const seen: ExploreSummary[] = [];
    exploreConfigs(
      configs,
      10_000,
      () => performance.now(),
      (index, _config, summary) => {
        expect(index).toBe(seen.length);
        seen.push(JSON.parse(JSON.stringify(summary)) as ExploreSummary);
      },
    );
    expect(seen).toHaveLength(configs.length);
    // Interleavings that leave the cache stale once everything settled (the harm), per fix.
    expect(seen.map((s) => [s.complete, s.violatingHarm])).toEqual(
      [4, 1, 0, 0, 0, 4].map((n) => [true, n]),
    );
    expect(seen[0]!.violatingAny).toBeGreaterThan(0);
    expect(seen[0]!.shortest?.length).toBeGreaterThan(0);
  });

  it('stops at its state budget with a message saying where and what to try', () => {
    const scenario = SCENARIOS[0]!;
    const config = {
      scenarioId: scenario.id,
      fix: 'none',
      granularity: 'messages' as const,
      params: { readers: 2, writers: 2 },
    };
    const seen: ExploreSummary[] = [];
    exploreConfigs(
      [config],
      60_000,
      () => performance.now(),
      (_i, _c, s) => seen.push(s),
      50,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ complete: false, interleavings: null });
    expect(seen[0]!.stoppedMessage).toMatch(/^stopped at \d+ states \(≈ \d+ MB\): try /);
  });

  it('gives exact counts as text and the chance a random run ends in harm', () => {
    const scenario = SCENARIOS[0]!;
    const config = {
      scenarioId: scenario.id,
      fix: 'none',
      granularity: 'messages' as const,
      params: { readers: 2, writers: 1 },
    };
    const seen: ExploreSummary[] = [];
    exploreConfigs(
      [config],
      60_000,
      () => performance.now(),
      (_i, _c, s) => seen.push(s),
    );
    const summary = seen[0]!;
    expect(summary.interleavingsExact).toBe(String(summary.interleavings));
    expect(summary.violatingHarmExact).toBe(String(summary.violatingHarm));
    expect(summary.harmProbability).toBeGreaterThan(0);
    expect(summary.stoppedMessage).toBeNull();
  });

  it('stops with an incomplete summary when the budget is spent', () => {
    const scenario = SCENARIOS[0]!;
    let t = 0;
    const config = {
      scenarioId: scenario.id,
      fix: 'none',
      granularity: 'messages' as const,
      params: { readers: 2, writers: 2 },
    };
    exploreConfigs(
      [config],
      5,
      () => (t += 10),
      (_i, _c, summary) => {
        expect(summary.complete).toBe(false);
        expect(summary.interleavings).toBeNull();
      },
    );
  });

  const summaryOf = (fix: string): ExploreSummary => {
    const config = {
      scenarioId: 'querypilot-stale-verdict',
      fix,
      granularity: 'operations' as const,
      params: {},
    };
    let summary: ExploreSummary | null = null;
    exploreConfigs(
      [config],
      10_000,
      () => performance.now(),
      (_i, _c, s) => (summary = s),
    );
    return summary as unknown as ExploreSummary;
  };

  it('sends the headline race: with no fix, the QueryPilot retry loop, listed first', () => {
    const { shortest, run, violatingHarm } = summaryOf('none');
    expect(violatingHarm).toBe(9);
    // EXPLAIN, store, DROP forwarded, committed, replicated, then three failed CREATE CACHEs.
    expect(shortest).toHaveLength(8);
    expect(shortest?.slice(-3)).toEqual(Array<string>(3).fill('proxy->sidecar'));
    expect(run).toEqual(shortest);
  });

  it('sends the rest of the run after the headline race (the re-check after a refused verdict)', () => {
    const { shortest, run } = summaryOf('epoch-on-read');
    // No retry loop under this fix: the headline is the stale verdict stored.
    expect(shortest).toHaveLength(5);
    expect(run?.slice(0, 5)).toEqual(shortest);
    // After it, CREATE CACHE is refused for its old epoch and the query is checked again.
    expect(run?.length).toBeGreaterThan(6);
  });
});

describe('sweepFixes', () => {
  const request = (over: Partial<SweepRequest> = {}): SweepRequest => ({
    id: 1,
    type: 'sweep',
    scenarioId: 'querypilot-stale-verdict',
    granularity: 'operations',
    params: {},
    fixes: ['none', 'epoch-on-read'],
    timeLimitMs: 60_000,
    ...over,
  });

  it('judges each fix over the sweep as the committed verdicts say, with progress', () => {
    const verdicts: [number, string, VerdictSummary][] = [];
    const progress: string[] = [];
    sweepFixes(request(), () => performance.now(), {
      progress: (fix, config, configs) => progress.push(`${fix}:${config}/${configs}`),
      verdict: (fix, key, summary) =>
        verdicts.push([fix, key, JSON.parse(JSON.stringify(summary)) as VerdictSummary]),
    });
    expect(verdicts.map(([i, key]) => [i, key])).toEqual([
      [0, 'querypilot-stale-verdict|none|operations|attempts=3'],
      [1, 'querypilot-stale-verdict|epoch-on-read|operations|attempts=3'],
    ]);
    expect(verdicts[0]![2]).toEqual(
      cachedVerdict('querypilot-stale-verdict', 'none', 'operations'),
    );
    expect(verdicts[1]![2]).toEqual(
      cachedVerdict('querypilot-stale-verdict', 'epoch-on-read', 'operations'),
    );
    // "none" fails in the first configuration; epoch-on-read holds in all four.
    expect(progress).toEqual(['0:1/4', '1:1/4', '1:2/4', '1:3/4', '1:4/4']);
  });

  it('judges parameters that have no committed verdict', () => {
    const seen: VerdictSummary[] = [];
    sweepFixes(request({ params: { attempts: 2 }, fixes: ['invalidate-on-ddl'] }), () => 0, {
      progress: () => undefined,
      verdict: (_i, _k, summary) => seen.push(summary),
    });
    expect(seen[0]).toMatchObject({ mark: '✗', failing: { params: { attempts: 1 } } });
  });

  it('stops a fix when its time budget is spent, reporting what it explored', () => {
    let t = 0;
    const seen: VerdictSummary[] = [];
    sweepFixes(
      request({
        scenarioId: 'cache-aside-set-after-delete',
        fixes: ['leases'],
        timeLimitMs: 5,
      }),
      () => (t += 1),
      { progress: () => undefined, verdict: (_i, _k, summary) => seen.push(summary) },
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]!.complete).toBe(false);
    expect(seen[0]!.explored).toBeLessThan(seen[0]!.total);
    expect(seen[0]!.line).toMatch(/time budget ran out|not judged/);
  });
});
