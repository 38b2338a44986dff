import { SCENARIOS } from '../src/scenarios/index';
import { expect, linkTo, test, type AppPage } from './fixtures/app';

// The size the app is designed for: a 1366×768 laptop.
test.use({ viewport: { width: 1366, height: 768 } });

/** Violations counted against the fix in view (only the invariants it claims to fix). */
async function judged(app: AppPage): Promise<number> {
  return Number(await app.exploreResult.getAttribute('data-judged'));
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
    test(`${scenario.id}: fix ${fix.id} ${fix.closes ? 'closes' : 'does not close'} the race`, async ({
      app,
    }) => {
      await app.open(linkTo(scenario.id, fix.id));
      await app.findRace();
      if (fix.closes) {
        await expect(app.exploreResult).toHaveAttribute('data-judged', '0');
        return expect(app.exploreResult).toContainText('this fix closes the race');
      }
      if ((await judged(app)) > 0) return;
      // Some fixes only fail in a bigger model (e.g. write-through needs two writers): the race
      // must be found once one parameter is raised by one.
      for (const param of scenario.params.filter((p) => p.defaultValue < p.max)) {
        await app.open(`${linkTo(scenario.id, fix.id)}&m=${param.id}:${param.defaultValue + 1}`);
        await app.findRace();
        if ((await judged(app)) > 0) return;
      }
      throw new Error(
        `fix ${fix.id} is marked as not closing the race, but no violation was found`,
      );
    });
  }
}
