import { describe, expect, it } from 'vitest';
import { explore } from '../engine/explore';
import { completeRun } from '../engine/complete';
import { replay } from '../engine/replay';
import { cacheAside } from './cacheAside';
import { headlineRace } from './judge';
import { isHarm, splitViolations, whyHarmless } from './harm';
import { querypilotStaleVerdict } from './querypilotStaleVerdict';

const qp = (fix: string) =>
  querypilotStaleVerdict.build({ fix, granularity: 'operations', params: { attempts: 3 } });

describe('harm vs diagnostic', () => {
  it('knows the harm of a scenario', () => {
    expect(isHarm(querypilotStaleVerdict, 'retry-forever')).toBe(true);
    expect(isHarm(querypilotStaleVerdict, 'stale-verdict-stored')).toBe(false);
  });

  it("splits QueryPilot's race with no fix into harm and a diagnostic", () => {
    const model = qp('none');
    const race = explore(model, { harm: querypilotStaleVerdict.harm }).shortestHarm!;
    const trace = replay(model, race);
    const split = splitViolations(
      querypilotStaleVerdict,
      model,
      'none',
      trace.violations,
      race.length,
      false,
    );
    expect(split.harm.map((v) => v.invariant)).toEqual(['retry-forever']);
    expect(split.diagnostics.map((d) => d.invariant)).toEqual(['stale-verdict-forever']);
  });

  it("with epoch-on-read Find the race's run leaves only a diagnostic, explained by the fix", () => {
    const model = qp('epoch-on-read');
    const result = explore(model, { harm: querypilotStaleVerdict.harm });
    const ids = model.invariants.map((i) => i.id);
    const race = headlineRace(ids, querypilotStaleVerdict.harm, result)!.schedule;
    const trace = completeRun(model, race);
    const split = splitViolations(
      querypilotStaleVerdict,
      model,
      'epoch-on-read',
      trace.violations,
      trace.records.length,
      true,
    );
    expect(split.harm).toEqual([]);
    expect(split.diagnostics).toHaveLength(1);
    expect(split.diagnostics[0]).toMatchObject({
      invariant: 'stale-verdict-stored',
      title: 'Stale verdict stored',
    });
    expect(split.diagnostics[0]!.why).toBe(
      'CREATE CACHE carries the old epoch and is refused, so the proxy re-checks: the stale verdict is never acted on.',
    );
  });

  it('derives a sentence from the harm when the fix has none', () => {
    const model = cacheAside.build({ fix: 'leases', granularity: 'operations', params: {} });
    expect(whyHarmless(cacheAside, model, 'leases', 'stale-set', true)).toBe(
      'The race window opened, but no harm followed in this run: “Stale at quiescence” never happened.',
    );
    expect(whyHarmless(cacheAside, model, 'leases', 'stale-set', false)).toContain('so far');
  });

  it('counts only violations before the cursor, one note per diagnostic', () => {
    const model = cacheAside.build({ fix: 'none', granularity: 'operations', params: {} });
    const violations = [
      { invariant: 'stale-set', step: 1, message: 'first' },
      { invariant: 'stale-set', step: 2, message: 'second' },
      { invariant: 'stale-at-quiescence', step: 4, message: 'harm' },
    ];
    const early = splitViolations(cacheAside, model, 'none', violations, 3, false);
    expect(early.harm).toEqual([]);
    expect(early.diagnostics.map((d) => [d.step, d.message])).toEqual([[1, 'first']]);
    const late = splitViolations(cacheAside, model, 'none', violations, 5, true);
    expect(late.harm.map((v) => v.message)).toEqual(['harm']);
  });
});
