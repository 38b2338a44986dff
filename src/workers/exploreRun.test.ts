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

  it('sends the headline race and the rest of its run (the QueryPilot retry loop)', () => {
    const config = {
      scenarioId: 'querypilot-stale-verdict',
      fix: 'none',
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
    const { shortest, run, violatingHarm } = summary as unknown as ExploreSummary;
    expect(violatingHarm).toBe(5);
    // The headline is the shortest run to the harm, the endless retry loop.
    expect(shortest).toHaveLength(7);
    expect(run?.slice(0, 7)).toEqual(shortest);
    // After the stale verdict is stored, CREATE CACHE is tried and fails until the bound.
    expect(run?.length).toBeGreaterThan(6);
  });
});
