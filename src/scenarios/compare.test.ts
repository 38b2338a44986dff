import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explore';
import { replay } from '../engine/replay';
import type { Granularity } from '../engine/types';
import { accountOf, compareRuns, type RunSide } from './compare';
import { findScenario } from './index';
import { describeStep } from './narrate';
import { buildModel } from './session';

const CACHE = 'cache-aside-set-after-delete';

function side(
  scenarioId: string,
  fix: string,
  schedule: readonly string[],
  granularity: Granularity = 'operations',
): RunSide {
  const scenario = findScenario(scenarioId)!;
  const model = buildModel({ scenarioId, fix, granularity, params: {} });
  const trace = replay(model, schedule);
  const narrative = trace.records.map((r, i) =>
    describeStep(scenario, model, r, trace.worlds[i]!, trace.worlds[i + 1]!),
  );
  return { fix: scenario.fixes.find((f) => f.id === fix)!, model, trace, narrative };
}

/** The shortest schedule to a violation without a fix. */
function race(scenarioId: string, granularity: Granularity = 'operations'): readonly string[] {
  const model = buildModel({ scenarioId, fix: 'none', granularity, params: {} });
  return explore(model).shortest!;
}

function compare(scenarioId: string, left: string, right: string, g: Granularity = 'operations') {
  const schedule = race(scenarioId, g);
  const scenario = findScenario(scenarioId)!;
  return compareRuns(
    scenario,
    side(scenarioId, left, schedule, g),
    side(scenarioId, right, schedule, g),
  );
}

describe('compareRuns', () => {
  it('cache-aside, no fix vs leases: the SET is refused because the DEL voided the lease', () => {
    const c = compare(CACHE, 'none', 'leases');
    expect(c.decisive).toMatchObject({ step: 4, kind: 'violation' });
    expect(c.sentence).toBe(
      'Step 5 — without a fix: Reader SETs v1 into Cache: stored — stale v1 installed after v2 committed and invalidated; ' +
        'cache holds v1 for user:1 but the database has v2, with no TTL: stale forever. ' +
        'With Leases: Reader SETs v1 into Cache with lease 1: refused — lease 1 was voided by a DEL or another write since the miss.',
    );
    // The lease itself is handed out at the first step: a difference in detail only.
    expect(c.earlier).toMatchObject({ step: 0, kind: 'detail' });
    expect(c.earlier?.right).toBe('Reader GETs user:1 from Cache: miss, lease 1 granted');
    expect(c.left.harm).toMatchObject({ step: 4, invariant: 'stale-at-quiescence' });
    expect(c.left.diagnostic).toMatchObject({ step: 4, invariant: 'stale-set' });
    expect(c.right).toEqual({ harm: null, diagnostic: null, stop: null });
  });

  it('cache-aside, no fix vs versioned CAS: the tombstone fences the older version', () => {
    const c = compare(CACHE, 'none', 'versioned-cas');
    expect(c.decisive).toMatchObject({ step: 4, kind: 'violation' });
    expect(c.decisive?.right).toBe(
      'Reader installs v1 in Cache if newer (CAS): refused — v1 is not newer than the tombstone or value Cache holds',
    );
    // The reader sends a CAS instead of a SET from step 2 on, which the narrative does not
    // show yet; the first difference it tells is the writer's tombstone.
    expect(c.earlier).toMatchObject({ step: 3, kind: 'detail' });
    expect(c.earlier?.left).toBe('Writer DELetes user:1 from Cache: deleted');
    expect(c.earlier?.right).toBe('Writer leaves a v2 tombstone for user:1 in Cache: deleted');
    expect(c.right.harm).toBeNull();
    expect(c.right.diagnostic).toBeNull();
  });

  it('in messages granularity the refusal is the answer sent in the step', () => {
    const c = compare(CACHE, 'none', 'leases', 'messages');
    expect(c.decisive).toMatchObject({ step: 7, kind: 'violation' });
    expect(c.decisive?.right).toBe(
      'Reader SETs v1 into Cache with lease 1; Cache answers: refused — lease 1 was voided by a DEL or another write since the miss',
    );
    expect(c.decisive?.left).toMatch(
      /^Reader SETs v1 into Cache; Cache answers: stored — stale v1/,
    );
  });

  it('duplicate insert, no fix vs single-flight: the second task awaits the future, and the run stops', () => {
    const schedule = race('duplicate-insert');
    const scenario = findScenario('duplicate-insert')!;
    const left = side('duplicate-insert', 'none', schedule);
    const right = side('duplicate-insert', 'single-flight', schedule);
    const c = compareRuns(scenario, left, right);
    expect(c.decisive).toMatchObject({ step: 2, kind: 'outcome' });
    expect(c.sentence).toBe(
      'Step 3 — without a fix: Task 2 calls TimedCache.get_entry(42): raises NonExistentEntry. ' +
        'With Single-flight (per-key future): Task 2 calls TimedCache.get_entry(42): raises NonExistentEntry, but a fetch is in flight: awaits its future.',
    );
    const blocked = 'Task 2 awaits Upstream API.fetch_user(42)';
    const reason = `its next step (${blocked}) is not possible with Single-flight (per-key future)`;
    expect(c.right.stop).toEqual({ step: 3, blocked, reason });
    expect(accountOf(scenario, right, 3, left)).toBe(`the run stops here: ${reason}`);
    expect(accountOf(scenario, right, 4, left)).toBe('the run stopped at step 4');
    // Without the other run to name it, the step is named by its key.
    expect(accountOf(scenario, right, 3)).toBe(
      'the run stops here: its next step (the message from Task 2 to Upstream API) is not possible with Single-flight (per-key future)',
    );
    // Both tasks fetching is a diagnostic of this race; its harm is the exception.
    expect(c.left.diagnostic).toMatchObject({ step: 3, invariant: 'duplicate-fetch' });
    expect(c.left.harm).toBeNull();
  });

  it('duplicate insert, on the race to its harm: single-flight stops before the exception', () => {
    const scenario = findScenario('duplicate-insert')!;
    const model = buildModel({
      scenarioId: scenario.id,
      fix: 'none',
      granularity: 'operations',
      params: {},
    });
    const schedule = explore(model, { harm: scenario.harm }).shortestHarm!;
    const left = side(scenario.id, 'none', schedule);
    const right = side(scenario.id, 'single-flight', schedule);
    const c = compareRuns(scenario, left, right);
    expect(c.left.harm?.invariant).toBe('exception-raised');
    expect(c.right.harm).toBeNull();
    expect(c.right.stop).not.toBeNull();
    // The runs part where the second task joins the fetch in flight, before the run stops.
    expect(c.decisive?.kind).toBe('outcome');
    expect(c.decisive!.step).toBeLessThan(c.right.stop!.step);
    expect(c.decisive?.right).toContain('awaits its future');
  });

  it('names the sides in the order given', () => {
    const c = compare(CACHE, 'leases', 'none');
    expect(c.sentence).toMatch(
      /^Step 5 — with Leases: .*refused.*\. Without a fix: .*stored — stale v1/,
    );
  });

  it('says so when the runs are the same', () => {
    const c = compare(CACHE, 'none', 'none');
    expect(c.decisive).toBeNull();
    expect(c.earlier).toBeNull();
    expect(c.sentence).toMatch(/^The two runs are the same at every step/);
  });
});
