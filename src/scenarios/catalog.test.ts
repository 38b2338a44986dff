import { describe, expect, it } from 'vitest';
import { BUILT_IN_INFO, isBuiltIn, loadAllScenarios, loadScenario, needsLoading } from './catalog';
import { DEFAULT_SCENARIO, findScenario } from './registry';

// No import of ./index here: the registry starts as the page's does, with the default only.
describe('the page catalog of built-in scenarios', () => {
  it('has the default scenario at hand and the others only once loaded', async () => {
    expect(BUILT_IN_INFO[0]!.id).toBe(DEFAULT_SCENARIO);
    expect(findScenario(DEFAULT_SCENARIO)?.id).toBe(DEFAULT_SCENARIO);
    expect(needsLoading(DEFAULT_SCENARIO)).toBe(false);
    expect(findScenario('write-behind-loss')).toBeNull();
    expect(needsLoading('write-behind-loss')).toBe(true);
    const loaded = await loadScenario('write-behind-loss');
    expect(loaded?.id).toBe('write-behind-loss');
    expect(findScenario('write-behind-loss')).toBe(loaded);
    expect(needsLoading('write-behind-loss')).toBe(false);
  });

  it('loads every built-in, each matching what the picker lists', async () => {
    await loadAllScenarios();
    for (const info of BUILT_IN_INFO) {
      const scenario = findScenario(info.id);
      expect(scenario).not.toBeNull();
      expect({
        id: scenario!.id,
        title: scenario!.title,
        story: scenario!.story,
        tags: scenario!.tags,
      }).toEqual(info);
      expect(isBuiltIn(info.id)).toBe(true);
    }
  });

  it('knows nothing of other ids, and lists the built-ins as the registry of all does', async () => {
    expect(await loadScenario('no-such-scenario')).toBeNull();
    expect(needsLoading('no-such-scenario')).toBe(false);
    // Names of an object's own machinery are not scenarios either (a link may say anything).
    for (const id of ['__proto__', 'constructor', 'toString']) {
      expect(needsLoading(id)).toBe(false);
      expect(await loadScenario(id)).toBeNull();
    }
    expect(isBuiltIn('authored-0123456789abcdef')).toBe(false);
    const { SCENARIOS } = await import('./index');
    expect(SCENARIOS.map((s) => s.id)).toEqual(BUILT_IN_INFO.map((s) => s.id));
    for (const s of SCENARIOS) expect(await loadScenario(s.id)).toBe(s);
  });
});
