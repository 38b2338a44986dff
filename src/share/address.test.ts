import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../scenarios/index';
import { hasLink, scenarioIdOfLink } from './address';
import { decodeLink, encodeLink } from './link';

describe('address', () => {
  it('says whether an address hash holds a link', () => {
    expect(hasLink('')).toBe(false);
    expect(hasLink('#')).toBe(false);
    expect(hasLink('#v=1&s=cache-aside-set-after-delete')).toBe(true);
    expect(hasLink('#garbage')).toBe(true);
  });

  it('reads the scenario a link names, as decoding it does, for every built-in', () => {
    for (const scenario of SCENARIOS) {
      const text = encodeLink({
        scenarioId: scenario.id,
        fix: scenario.fixes[0]!.id,
        granularity: 'operations',
        params: {},
        seed: 3,
        schedule: [],
        cursor: 0,
      });
      const decoded = decodeLink(text);
      expect(decoded.ok && decoded.state.scenarioId).toBe(scenario.id);
      expect(scenarioIdOfLink(text)).toBe(scenario.id);
      expect(scenarioIdOfLink(`#${text}`)).toBe(scenario.id);
    }
  });

  it('finds `s=` only as a field of its own, and nothing where there is none', () => {
    expect(scenarioIdOfLink('#v=1&seed=2&s=durability')).toBe('durability');
    expect(scenarioIdOfLink('#v=1&cs=durability')).toBeNull();
    expect(scenarioIdOfLink('#v=1&s=')).toBeNull();
    expect(scenarioIdOfLink('')).toBeNull();
  });
});
