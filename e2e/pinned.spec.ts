import { SCENARIOS } from '../src/scenarios/index';
import { cachedVerdict } from '../src/scenarios/verdicts';
import { safeKey } from '../src/viz/labels';
import { expect, test, type AppPage } from './fixtures/app';

// The size the app is designed for: a 1366×768 laptop.
test.use({ viewport: { width: 1366, height: 768 } });

/** The schedule part of the address (`p=…` or `z=…`). */
function schedulePart(url: string): string {
  const match = new URL(url).hash.match(/[&#](p|z)=([^&]*)/);
  return match ? `${match[1]}=${match[2]}` : '';
}

/** The `c=` (pinned cursor) part of the address. */
function cursorPart(url: string): string {
  return new URL(url).hash.match(/&c=(\d+)/)?.[1] ?? '';
}

async function pinRace(app: AppPage, id: string): Promise<{ schedule: string; cursor: string }> {
  await app.open(`/#v=1&s=${id}`);
  await app.findRace();
  await expect(app.violation).toBeVisible();
  await expect.poll(() => schedulePart(app.page.url())).not.toMatch(/^p=$/);
  return { schedule: schedulePart(app.page.url()), cursor: cursorPart(app.page.url()) };
}

for (const scenario of SCENARIOS) {
  test(`${scenario.id}: the race found survives every fix and comes back whole`, async ({
    app,
    page,
  }) => {
    test.setTimeout(90_000);
    const pinned = await pinRace(app, scenario.id);
    const first = scenario.fixes[0]!;
    for (const fix of scenario.fixes.slice(1)) {
      await app.setFix(fix.id);
      await expect(page.getByTestId(`fix-${fix.id}`)).toBeChecked();
      // The pinned run stays in the address whatever the fix shows of it.
      expect(schedulePart(page.url())).toBe(pinned.schedule);
      // A fix that holds (by the explorer's verdict) never shows harm on the pinned run.
      if (cachedVerdict(scenario.id, fix.id, 'operations')?.mark === '✓') {
        await expect(app.violation).toHaveCount(0);
        await expect(page.getByTestId('violation-mark')).toHaveCount(0);
      }
      const note = page.getByTestId('divergence-note');
      if ((await note.count()) > 0) {
        // Every word about the divergence names the fix on screen and the one it was pinned under.
        await expect(note).toContainText(`With “${fix.label}”`);
        await expect(note).toContainText(`Switch back to “${first.label}”`);
        await expect(page.getByTestId('divergence-mark')).toHaveCount(1);
      } else {
        await expect(page.getByTestId('divergence-mark')).toHaveCount(0);
      }
    }
    await app.setFix(first.id);
    expect(schedulePart(page.url())).toBe(pinned.schedule);
    expect(cursorPart(page.url())).toBe(pinned.cursor);
    await expect(page.getByTestId('divergence-note')).toHaveCount(0);
    await expect(app.violation).toBeVisible();
    await expect(page.getByTestId('violation-mark').first()).toBeVisible();
  });
}

test('duplicate-insert: single-flight marks where the race stops, and a copied link keeps it', async ({
  app,
  page,
  browser,
}) => {
  const pinned = await pinRace(app, 'duplicate-insert');
  await app.expectStep(6, 6);
  await app.setFix('single-flight');
  await app.expectStep(4, 4);
  await expect(page.getByTestId('pinned-count')).toContainText('pinned run: 6');
  const note = page.getByTestId('divergence-note');
  await expect(note).toContainText(
    'With “Single-flight (per-key future)”, the pinned run stops at step 5 of 6.',
  );
  const mark = page.getByTestId('divergence-mark');
  await expect(mark).toHaveAttribute('data-step', '5');
  await expect(mark).toContainText('Single-flight (per-key future)');
  await expect(page.getByTestId('diagram-status')).toContainText('stops here');
  await app.shot('pinned-diverged');
  expect(page.url()).toContain('v=2&');
  expect(page.url()).toContain('&pf=none&');
  const original = await app.diagramSvg();

  const context = await browser.newContext({ viewport: page.viewportSize() });
  const fresh = new (app.constructor as typeof AppPage)(await context.newPage());
  await fresh.open(page.url());
  await fresh.expectStep(4, 4);
  await expect(fresh.page.getByTestId('divergence-note')).toBeVisible();
  expect(await fresh.diagramSvg()).toBe(original);
  await fresh.page.getByTestId('follow-pinned').click();
  await expect(fresh.page.getByTestId('fix-none')).toBeChecked();
  await fresh.expectStep(6, 6);
  expect(schedulePart(fresh.page.url())).toBe(pinned.schedule);
  fresh.expectNoErrors();
  await context.close();
});

test('browser Back and in-app Undo restore the run Find the race replaced', async ({
  app,
  page,
}) => {
  await app.open('/');
  await app.step();
  const other = await app.nextSteps.nth(1).getAttribute('data-key');
  await page.getByTestId(`ghost-${safeKey(other!)}`).click();
  await app.step();
  await app.expectStep(3, 3);
  const mine = page.url();
  await expect(page.getByTestId('undo')).toHaveCount(0);

  // Find the race replaces it, but says so and keeps it.
  await app.findRace();
  await expect(app.violation).toBeVisible();
  expect(schedulePart(page.url())).not.toBe(schedulePart(mine));
  await expect(page.getByTestId('notice-info')).toContainText('Undo (Ctrl+Z)');
  await page.getByTestId('undo').click();
  await app.expectStep(3, 3);
  expect(page.url()).toBe(mine);
  await expect(page.getByTestId('undo')).toHaveCount(0);

  // Ctrl+Z does the same.
  await app.findRace();
  await expect(app.violation).toBeVisible();
  await page.keyboard.press('Control+z');
  await app.expectStep(3, 3);
  expect(schedulePart(page.url())).toBe(schedulePart(mine));

  // Browser Back after Find the race: the hand-pinned run, exactly; Forward: the race again.
  await app.findRace();
  await expect(app.violation).toBeVisible();
  const race = page.url();
  await page.goBack();
  await app.expectStep(3, 3);
  expect(page.url()).toBe(mine);
  await expect(app.violation).toHaveCount(0);
  await page.goForward();
  await expect(app.violation).toBeVisible();
  expect(page.url()).toBe(race);
});
