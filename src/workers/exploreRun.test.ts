import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../scenarios/index';
import { exploreConfigs } from './exploreRun';
import type { ExploreSummary } from './protocol';

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
