import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../scenarios/index';
import { buildModel, type SessionConfig } from '../scenarios/session';
import { onIntegerCore } from '../engine/coreSearch';
import { authoredIdOf } from '../share/authored';
import { ensureModel } from './authoredModels';
import { exploreConfigs } from './exploreRun';
import { findAndCount, PROGRESS_MS } from './findRun';
import type { ExploreSummary, RaceFound } from './protocol';

type Seen =
  | { readonly kind: 'race'; readonly race: RaceFound }
  | { readonly kind: 'progress'; readonly phase: string; readonly transitions: number }
  | { readonly kind: 'result'; readonly summary: ExploreSummary };

/** Runs Find the race on `config`; every report, as plain JSON, in order. */
function find(config: SessionConfig, now = () => performance.now(), maxStates?: number): Seen[] {
  const seen: Seen[] = [];
  const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  findAndCount(
    config,
    60_000,
    now,
    {
      race: (race) => seen.push({ kind: 'race', race: json(race) }),
      progress: (phase, transitions) => seen.push({ kind: 'progress', phase, transitions }),
      result: (summary) => seen.push({ kind: 'result', summary: json(summary) }),
    },
    maxStates,
  );
  return seen;
}

/** What `exploreConfigs` (the counts alone) reports for `config`. */
function counted(config: SessionConfig): ExploreSummary {
  let out: ExploreSummary | null = null;
  exploreConfigs(
    [config],
    60_000,
    () => performance.now(),
    (_i, _c, s) => (out = s),
  );
  return out!;
}

const cacheAside = SCENARIOS.find((s) => s.id === 'cache-aside-set-after-delete')!;
const config = (fix: string, params: Record<string, number> = {}): SessionConfig => ({
  scenarioId: cacheAside.id,
  fix,
  granularity: 'messages',
  params: { readers: 2, writers: 2, ...params },
});

describe('findAndCount', () => {
  it('reports a race, then the shortest one, then the counts, which agree with it', () => {
    const seen = find(config('none'), () => 0);
    const kinds = seen.filter((s) => s.kind !== 'progress').map((s) => s.kind);
    expect(kinds).toEqual(['race', 'race', 'result']);
    const [quick, best] = seen.flatMap((s) => (s.kind === 'race' ? [s.race] : []));
    expect(quick).toMatchObject({ shortest: false, searching: true, stoppedMessage: null });
    expect(best).toMatchObject({ shortest: true, searching: false, stoppedMessage: null });
    const result = seen.at(-1)!;
    if (result.kind !== 'result') throw new Error('no result');
    // The counts' race is the shortest race reported before them, with the same run after it.
    expect(result.summary.complete).toBe(true);
    expect(best!.schedule).toEqual(result.summary.shortest);
    expect(best!.run).toEqual(result.summary.run);
    expect(quick!.schedule!.length).toBeGreaterThanOrEqual(best!.schedule!.length);
    expect(quick!.run!.slice(0, quick!.schedule!.length)).toEqual(quick!.schedule);
    // The counts are those of the exploration alone.
    const alone = counted(config('none'));
    expect({ ...result.summary, ms: 0 }).toEqual({ ...alone, ms: 0 });
  });

  it('says at once that no interleaving causes harm under a fix that holds, then counts', () => {
    // A clock that stands still: no budget runs out, however busy the machine.
    const seen = find(config('versioned-cas'), () => 0);
    const races = seen.flatMap((s) => (s.kind === 'race' ? [s.race] : []));
    expect(races).toEqual([
      expect.objectContaining({ schedule: null, run: null, shortest: true, searching: false }),
    ]);
    const result = seen.at(-1)!;
    expect(result.kind === 'result' && result.summary.violatingHarm).toBe(0);
  });

  it('reports progress while it searches, by phase, every PROGRESS_MS', () => {
    let t = 0;
    // A clock that moves a little on every reading: a long search on a short clock.
    const seen = find(config('none'), () => (t += PROGRESS_MS / 5));
    const phases = seen.flatMap((s) => (s.kind === 'progress' ? [s.phase] : []));
    expect(phases).toContain('shortest');
    expect(phases).toContain('count');
    expect(phases.indexOf('count')).toBeGreaterThan(phases.lastIndexOf('shortest'));
    const counts = seen.flatMap((s) => (s.kind === 'progress' ? [s.transitions] : []));
    expect(counts.every((n) => n > 0 && n % 256 === 0)).toBe(true);
  });

  it('keeps the race it found when the search for the shortest stops at its budget', () => {
    const seen = find(config('none'), () => 0, 200);
    const races = seen.flatMap((s) => (s.kind === 'race' ? [s.race] : []));
    const last = races.at(-1)!;
    expect(last.shortest).toBe(false);
    expect(last.stoppedMessage).toMatch(/^the search for the shortest race stopped at its budget/);
    // The same race as first reported, found when it was first reported.
    expect({ ...last, searching: true, stoppedMessage: null }).toEqual(races[0]);
    const result = seen.at(-1)!;
    if (result.kind !== 'result') throw new Error('no result');
    // The counts stop too, and show no race they have not proven the shortest.
    expect(result.summary).toMatchObject({ complete: false, interleavings: null, shortest: null });
  });

  it('goes straight to the counts for models the integer core does not run', () => {
    // An authored duplicate insert whose upstream may crash (crash faults run on the reference).
    const text = readFileSync('examples/duplicate-insert.yaml', 'utf8').replace(
      /\ninvariants:/,
      '\nfaults:\n  - { id: upstream-crashes, kind: crash, actor: upstream, max: 1, label: Upstream crashes }\ninvariants:',
    );
    const id = authoredIdOf(text);
    ensureModel({ id, text });
    const c = { scenarioId: id, fix: 'none', granularity: 'messages' as const, params: {} };
    expect(onIntegerCore(buildModel(c))).toBe(false);
    const seen = find(c);
    expect(seen.filter((s) => s.kind !== 'progress').map((s) => s.kind)).toEqual(['result']);
    const result = seen.at(-1)!;
    expect(result.kind === 'result' && result.summary.shortest).toEqual(counted(c).shortest);
    expect(counted(c).shortest).not.toBeNull();
  });
});
