import { describe, expect, it } from 'vitest';
import { decodeLoadLink, encodeLoadLink } from './loadLink';

describe('the Load lab link', () => {
  it('round-trips scenario, seed and the parameters that differ from the defaults', () => {
    const state = { scenarioId: 'invalidation-storm', seed: 42, params: { k: 500, batch: 50 } };
    const text = encodeLoadLink(state);
    expect(text).toBe('s=invalidation-storm&seed=42&m=k:500');
    expect(decodeLoadLink(`#${text}`)).toEqual({
      ok: true,
      state: { scenarioId: 'invalidation-storm', seed: 42, params: { k: 500 } },
      warnings: [],
    });
  });

  it('opens the first scenario with seed 1 when the address is empty', () => {
    const result = decodeLoadLink('');
    expect(result.ok && result.state).toEqual({ scenarioId: 'ttl-stampede', seed: 1, params: {} });
  });

  it('warns about unknown, prototype-like and out-of-range parameters and drops them', () => {
    const result = decodeLoadLink(
      's=ttl-stampede&seed=1&m=ttl:50,nope:1,constructor:2,jitter:500&x=1',
    );
    expect(result.ok && result.state.params).toEqual({ ttl: 50 });
    expect(result.ok && result.warnings).toEqual([
      'The link has an unknown field “x”; ignored it.',
      'The link sets an unknown parameter “nope”; ignored it.',
      'The link sets an unknown parameter “constructor”; ignored it.',
      'TTL jitter (%) 500 is out of range (0–100); using 20.',
    ]);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it('refuses what it cannot read, with a message', () => {
    for (const [text, message] of [
      ['s=no-such-thing', /does not know/],
      ['s=ttl-stampede&seed=-1', /not an integer/],
      ['s=ttl-stampede&seed=99999999999', /not an integer/],
      ['s=ttl-stampede&s=ttl-stampede', /appears twice/],
      [`s=ttl-stampede&m=${'a'.repeat(3000)}`, /too long/],
    ] as const) {
      const result = decodeLoadLink(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
  });
});
