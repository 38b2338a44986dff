import { SCENARIOS } from '../src/scenarios/index';
import { cachedVerdict } from '../src/scenarios/verdicts';
import { expect, linkTo, test, type AppPage } from './fixtures/app';

// The size the app is designed for: a 1366×768 laptop.
test.use({ viewport: { width: 1366, height: 768 } });

/** Interleavings of the model in view that cause the scenario's harm. */
async function harmfulIn(app: AppPage): Promise<number> {
  return Number(await app.exploreResult.getAttribute('data-harmful'));
}

for (const scenario of SCENARIOS) {
  const base = scenario.fixes.some((f) => f.id === 'none') ? 'none' : scenario.fixes[0]!.id;

  test(`${scenario.id}: Find the race finds a violation with no fix`, async ({ app, page }) => {
    await app.open(linkTo(scenario.id, base));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(scenario.title);
    await app.findRace();
    await expect(app.exploreResult).toContainText(/\d+ violate/);
    await expect(app.violation).toBeVisible();
    await app.shot(`scenario-${scenario.id}`);
  });

  for (const fix of scenario.fixes.filter((f) => f.id !== base)) {
    const verdict = cachedVerdict(scenario.id, fix.id, 'operations');
    test(`${scenario.id}: fix ${fix.id} in the default model agrees with its verdict (${verdict?.mark})`, async ({
      app,
    }) => {
      await app.open(linkTo(scenario.id, fix.id));
      await app.findRace();
      // Harmful interleavings of the model in view: none where the sweep says the fix holds.
      const harmful = await harmfulIn(app);
      if (verdict?.mark === '✓') return expect(harmful).toBe(0);
      const failsHere = scenario.params.every(
        (p) => verdict?.failing?.params[p.id] === p.defaultValue,
      );
      if (failsHere) expect(harmful).toBeGreaterThan(0);
    });
  }
}
