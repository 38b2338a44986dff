import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeRun } from '../engine/complete';
import { explore } from '../engine/explore';
import { randomWalk } from '../engine/random';
import { replay } from '../engine/replay';
import { findScenario, SCENARIOS } from '../scenarios/index';
import { buildModel } from '../scenarios/session';
import { fromBase64Url, toBase64Url } from './base64url';
import { indicesToText, pack, textToIndices, unpack } from './indices';
import { decodeLink, encodeLink, type ShareState } from './link';

const scenario = SCENARIOS[0]!;

function stateFor(
  fix: string,
  granularity: 'operations' | 'messages',
  seed: number,
  cut: number,
): ShareState {
  const config = { scenarioId: scenario.id, fix, granularity, params: {} };
  const schedule = randomWalk(buildModel(config), seed).schedule;
  return { ...config, seed, schedule, cursor: Math.min(cut, schedule.length) };
}

describe('share link', () => {
  it('round-trips random valid states', () => {
    const fixes = scenario.fixes.map((f) => f.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...fixes),
        fc.constantFrom('operations' as const, 'messages' as const),
        fc.integer({ min: 0, max: 0xffff_ffff }),
        fc.nat(30),
        (fix, granularity, seed, cut) => {
          const state = stateFor(fix, granularity, seed, cut);
          const decoded = decodeLink(encodeLink(state));
          expect(decoded).toEqual({ ok: true, state, warnings: [] });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('round-trips the compare view', () => {
    const fixes = scenario.fixes.map((f) => f.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...fixes),
        fc.constantFrom(...fixes),
        fc.nat(30),
        (fix, compare, cut) => {
          const state = { ...stateFor(fix, 'operations', 5, cut), compare };
          const link = encodeLink(state);
          expect(link).toMatch(new RegExp(`&cmp=${compare}$`));
          // Earlier versions, which know no comparison, say the link is newer.
          expect(link).toMatch(/^v=2&/);
          expect(decodeLink(link)).toEqual({ ok: true, state, warnings: [] });
        },
      ),
      { numRuns: 30 },
    );
    // Without a comparison the field is left out, and decoding gives none.
    const closed = stateFor('leases', 'operations', 5, 3);
    expect(encodeLink(closed)).not.toContain('cmp=');
    const decoded = decodeLink(encodeLink(closed));
    expect(decoded.ok && 'compare' in decoded.state).toBe(false);
  });

  it('opens a link comparing with an unknown fix without the comparison, and says so', () => {
    const state = stateFor('leases', 'operations', 5, 3);
    const result = decodeLink(`${encodeLink(state)}&cmp=no-such-fix`);
    expect(result).toEqual({
      ok: true,
      state,
      warnings: [
        'The link compares with a fix "no-such-fix" that does not exist here; opened without the comparison.',
      ],
    });
    expect(encodeLink({ ...state, compare: 'no-such-fix' })).not.toContain('cmp=');
    expect(decodeLink(`${encodeLink(state)}&cmp=%3Cb%3E`).ok).toBe(false);
  });

  it('encodes a built-in scenario with a 10-step schedule well under 150 characters', () => {
    const state = stateFor('none', 'messages', 7, 10);
    expect(state.schedule.length).toBeGreaterThanOrEqual(10);
    const link = encodeLink({ ...state, schedule: state.schedule.slice(0, 10), seed: 123456 });
    expect(link.length).toBeLessThan(100);
  });

  it('keeps non-default params and drops unknown ones', () => {
    const params = { readers: 2 };
    const config = {
      scenarioId: scenario.id,
      fix: 'leases',
      granularity: 'operations' as const,
      params,
    };
    const schedule = randomWalk(buildModel(config), 3).schedule;
    const state = { ...config, seed: 3, schedule, cursor: 2 };
    expect(decodeLink(encodeLink(state))).toEqual({ ok: true, state, warnings: [] });
  });

  it('reads deflated schedules, keeping what can be followed', () => {
    const packed = pack('0'.repeat(300));
    expect(packed).not.toBeNull();
    expect(packed!.length).toBeLessThan(40);
    const result = decodeLink(`v=1&s=${scenario.id}&f=none&g=o&c=2&z=${packed}`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.schedule.length).toBeGreaterThan(2);
    expect(result.state.cursor).toBe(2);
    expect(result.warnings[0]).toMatch(/cannot be followed past step \d+ with “No fix”/);
    expect(unpack(packed!.slice(0, -3))).toBeNull();
  });

  it('opens a hand-written link that names only the scenario', () => {
    const result = decodeLink(`#v=1&s=${scenario.id}`);
    expect(result).toMatchObject({
      ok: true,
      state: { fix: 'none', granularity: 'operations', schedule: [], cursor: 0 },
      warnings: [],
    });
  });

  it('says a link cut inside the scenario name is truncated', () => {
    const result = decodeLink(`v=1&s=${scenario.id.slice(0, 10)}`);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('truncated') });
  });

  it('says when a link comes from a newer version', () => {
    const result = decodeLink('#v=7&s=x');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('newer version (v7)') });
  });

  it('refuses prototype-polluting and malformed links', () => {
    for (const bad of [
      '',
      '#',
      'v=1&__proto__=1',
      'v=1&v=1',
      '%E0%A4%A',
      'v=1&s=nope&f=none&g=o',
      'v=1&s=a&f=b&g=x',
      'v=1',
    ]) {
      expect(decodeLink(bad).ok).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on 10,000 mutated, truncated and random strings (pinned seed)', () => {
    const good = encodeLink(stateFor('none', 'messages', 11, 40));
    const mutate = fc.tuple(fc.nat(good.length), fc.nat(good.length), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          mutate.map(([a, b, s]) => good.slice(0, a) + s + good.slice(b)),
        ),
        (text) => {
          const result = decodeLink(text);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 10_000, seed: 20261201 },
    );
    for (let n = 0; n <= good.length; n++)
      expect(typeof decodeLink(good.slice(0, n)).ok).toBe('boolean');
  });
});

describe('share link of a pinned run that diverges under the fix on screen', () => {
  const dup = findScenario('duplicate-insert')!;
  const none = { scenarioId: dup.id, fix: 'none', granularity: 'operations' as const, params: {} };
  const race = completeRun(buildModel(none), explore(buildModel(none)).shortest!).schedule;

  it('keeps the whole run (v2, written under the fix it was pinned under)', () => {
    const state: ShareState = {
      ...none,
      fix: 'single-flight',
      seed: 9,
      schedule: race,
      cursor: 4,
      pinned: { fix: 'none', params: {} },
    };
    // Under single-flight the run stops at step 4: the old scheme could carry only 3 steps.
    expect(replay(buildModel(state), race).divergence?.index).toBe(3);
    const link = encodeLink(state);
    expect(link).toMatch(/^v=2&s=duplicate-insert&f=single-flight&pf=none&/);
    expect(decodeLink(link)).toEqual({ ok: true, state, warnings: [] });
  });

  it('keeps the whole run and the comparison together', () => {
    const state: ShareState = {
      ...none,
      fix: 'single-flight',
      seed: 9,
      schedule: race,
      cursor: 4,
      pinned: { fix: 'none', params: {} },
      compare: 'none',
    };
    const link = encodeLink(state);
    expect(link).toMatch(/^v=2&s=duplicate-insert&f=single-flight&pf=none&.*&cmp=none$/);
    expect(decodeLink(link)).toEqual({ ok: true, state, warnings: [] });
  });

  it('round-trips runs pinned under any fix while another is on screen', () => {
    const fixes = scenario.fixes.map((f) => f.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...fixes),
        fc.constantFrom(...fixes),
        fc.integer({ min: 0, max: 0xffff_ffff }),
        (pinnedFix, fix, seed) => {
          const pinned = stateFor(pinnedFix, 'operations', seed, 100);
          const state: ShareState =
            pinnedFix === fix ? pinned : { ...pinned, fix, pinned: { fix: pinnedFix, params: {} } };
          expect(decodeLink(encodeLink(state))).toEqual({ ok: true, state, warnings: [] });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('carries pinned parameters that differ from those on screen', () => {
    const pinnedConfig = { ...none, params: { tasks: 3 } };
    const schedule = randomWalk(buildModel(pinnedConfig), 5).schedule;
    const state: ShareState = {
      ...none,
      seed: 5,
      schedule,
      cursor: schedule.length,
      pinned: { fix: 'none', params: { tasks: 3 } },
    };
    const link = encodeLink(state);
    expect(link).toContain('&pm=tasks:3&');
    expect(decodeLink(link)).toEqual({ ok: true, state, warnings: [] });
    const two = randomWalk(buildModel(none), 5).schedule;
    const back: ShareState = {
      ...state,
      params: { tasks: 3 },
      schedule: two,
      cursor: 2,
      pinned: { fix: 'none', params: {} },
    };
    expect(encodeLink(back)).toContain('&pm=&');
    expect(decodeLink(encodeLink(back))).toEqual({ ok: true, state: back, warnings: [] });
  });

  it('writes v1 when the run replays where it is shown, so older versions still open it', () => {
    expect(encodeLink(stateFor('leases', 'messages', 4, 10))).toMatch(/^v=1&/);
  });

  it('refuses a v1 link that carries a pinned configuration', () => {
    expect(decodeLink(`v=1&s=${dup.id}&f=none&pf=none&p=0`).ok).toBe(false);
    expect(decodeLink(`v=1&s=${dup.id}&f=none&pm=&p=0`).ok).toBe(false);
  });

  it('opens a link pinned under an unknown fix under the fix on screen, naming it', () => {
    const result = decodeLink(`v=2&s=${dup.id}&f=single-flight&pf=nope&p=000`);
    expect(result).toMatchObject({ ok: true, state: { fix: 'single-flight' } });
    if (!result.ok) return;
    expect(result.state.pinned).toBeUndefined();
    expect(result.warnings[0]).toBe(
      'The link\'s fix "nope" does not exist here; opened pinned under “Single-flight (per-key future)”.',
    );
  });
});

describe('link pieces', () => {
  it('round-trips indices and base64url', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1295 }), { maxLength: 200 }), (xs) => {
        expect(textToIndices(indicesToText(xs))).toEqual(xs);
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
    );
  });

  describe('odd but accepted links get a warning', () => {
    const base = 'v=1&s=cache-aside-set-after-delete&f=none&g=o';
    const warningsOf = (text: string) => {
      const result = decodeLink(text);
      if (!result.ok) throw new Error(result.error);
      return result.warnings;
    };

    it('names an unknown parameter, including prototype-like names', () => {
      expect(warningsOf(`${base}&m=readerz:3`)).toEqual([
        expect.stringContaining('a parameter “readerz” that'),
      ]);
      expect(warningsOf(`${base}&m=constructor:1`)).toEqual([
        expect.stringContaining('a parameter “constructor” that'),
      ]);
      expect(({} as Record<string, unknown>).readers).toBeUndefined();
    });

    it('names a parameter set twice', () => {
      const result = decodeLink(`${base}&m=readers:2,readers:1`);
      expect(result.ok && result.warnings).toEqual([
        'The link sets “readers” twice; used the last value.',
      ]);
    });

    it('says when the schedule is given both plain and packed', () => {
      const plain = encodeLink(stateFor('none', 'operations', 11, 40));
      const p = /(?:^|&)p=([^&]*)/.exec(plain)?.[1] ?? '';
      expect(p.length).toBeGreaterThan(0);
      const z = Buffer.from(deflateSync(new TextEncoder().encode(p))).toString('base64url');
      const result = decodeLink(`${plain}&z=${z}`);
      expect(result.ok && result.warnings).toContain(
        'The link carries its schedule twice (p= and z=); used the packed one (z=).',
      );
    });

    it('calls a packed schedule that inflates past the cap too large, not damaged', () => {
      const bomb = Buffer.from(deflateSync(new Uint8Array(2_000_000).fill(48), { level: 9 }));
      const result = decodeLink(`${base}&z=${bomb.toString('base64url')}`);
      expect(result).toEqual({
        ok: false,
        error: 'This link is too large: its packed schedule unpacks past the limit.',
      });
    });
  });
});
