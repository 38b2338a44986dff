import { SCENARIOS } from '../src/scenarios/index';
import { judgeFix } from '../src/scenarios/judge';
import { holdingCount, holdingLine } from '../src/scenarios/verdictBrief';
import { cachedVerdict } from '../src/scenarios/verdicts';
import { expect, linkTo, test, type AppPage } from './fixtures/app';

// The size the app is designed for: a 1366×768 laptop.
test.use({ viewport: { width: 1366, height: 768 } });

/** Interleavings of the model in view that cause the scenario's harm. */
async function harmfulIn(app: AppPage): Promise<number> {
  return Number(await app.exploreResult.getAttribute('data-harmful'));
}

/** Expects no harm shown anywhere: no red card, no red note on the diagram, no red badge. */
async function expectNoHarmShown(app: AppPage): Promise<void> {
  await expect(app.violation).toHaveCount(0);
  await expect(app.page.getByTestId('violation-mark')).toHaveCount(0);
  await expect(app.page.getByTestId('diagram-status')).not.toHaveClass(/pill-bad/);
}

for (const scenario of SCENARIOS) {
  const base = scenario.fixes.some((f) => f.id === 'none') ? 'none' : scenario.fixes[0]!.id;

  test(`${scenario.id}: Find the race finds a violation with no fix`, async ({ app, page }) => {
    await app.open(linkTo(scenario.id, base));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(scenario.title);
    await app.findRace();
    await expect(app.exploreResult).toContainText(/\d+ violate/);
    await expect(app.violation).toBeVisible();
    await expect(page.getByTestId('diagram-status')).toHaveClass(/pill-bad/);
    await app.shot(`scenario-${scenario.id}`);
  });

  test(`${scenario.id}: the marks in the fix list and the matrix are the explorer's verdicts`, async ({
    app,
    page,
  }) => {
    await app.open(linkTo(scenario.id, base));
    const expected = scenario.fixes.map((f) => [
      f.id,
      cachedVerdict(scenario.id, f.id, 'operations')?.mark,
    ]);
    expect(expected.every(([, mark]) => mark === '✓' || mark === '✗')).toBe(true);
    const marks = async (selector: string) =>
      Promise.all(
        scenario.fixes.map(async (f) => [
          f.id,
          await page.locator(`${selector}[data-fix="${f.id}"]`).getAttribute('data-mark'),
        ]),
      );
    expect(await marks('[data-testid^="fix-mark-"]')).toEqual(expected);
    await page.getByTestId('explore-all').click();
    await expect(page.getByTestId('explore-matrix')).toBeVisible();
    expect(await marks('[data-testid="matrix-mark"]')).toEqual(expected);
    // The picker counts the same verdicts.
    await page.getByTestId('scenario-picker').click();
    await expect(page.getByTestId(`holding-${scenario.id}`)).toHaveText(
      holdingLine(holdingCount(scenario, 'operations')),
    );
  });

  for (const fix of scenario.fixes.filter((f) => f.id !== base)) {
    const verdict = cachedVerdict(scenario.id, fix.id, 'operations');
    test(`${scenario.id}: fix ${fix.id} after Find the race agrees with its verdict (${verdict?.mark})`, async ({
      app,
      page,
    }) => {
      await app.open(linkTo(scenario.id, fix.id));
      await expect(page.getByTestId('fix-verdict')).toHaveText(
        verdict!.failing ? `${verdict!.line} Open it` : verdict!.line,
      );
      await app.findRace();
      // Harmful interleavings of the model in view: none where the sweep says the fix holds.
      const harmful = await harmfulIn(app);
      if (verdict?.mark === '✓') {
        expect(harmful).toBe(0);
        // A fix that holds never shows harm; a calm diagnostic note may show.
        await expectNoHarmShown(app);
        return;
      }
      const failsHere = scenario.params.every(
        (p) => verdict?.failing?.params[p.id] === p.defaultValue,
      );
      if (failsHere) expect(harmful).toBeGreaterThan(0);
      // No harm here while the fix fails elsewhere: the line says where, never contradicting.
      if (harmful === 0) await expect(page.getByTestId('explore-elsewhere')).toBeVisible();
    });
  }
}

test('QueryPilot epoch-on-read: Find the race shows a calm diagnostic, no harm', async ({
  app,
  page,
}) => {
  await app.open(linkTo('querypilot-stale-verdict', 'epoch-on-read'));
  await app.findRace();
  await expectNoHarmShown(app);
  const note = page.getByTestId('diagnostic-summary');
  await expect(note).toContainText('Stale verdict stored');
  await expect(note).toContainText(
    'Diagnostic, no harm: CREATE CACHE carries the old epoch and is refused',
  );
  await expect(page.getByTestId('diagnostic-mark')).toHaveCount(1);
  await expect(page.getByTestId('diagram-status')).toHaveClass(/pill-diagnostic/);
});

test('cache-aside write-through: Open failing configuration opens writers=2 with the harm', async ({
  app,
  page,
}) => {
  await app.open(linkTo('cache-aside-set-after-delete', 'write-through'));
  await page.getByTestId('explore-all').click();
  await page.getByTestId('open-failing-write-through').click();
  await expect.poll(() => new URL(page.url()).hash).toMatch(/[#&]m=[^&]*writers:2/);
  const failing = cachedVerdict(
    'cache-aside-set-after-delete',
    'write-through',
    'operations',
  )!.failing!;
  await app.expectStep(failing.race.length);
  await expect(page.getByTestId('fix-write-through')).toBeChecked();
  await expect(page.getByTestId('param-writers')).toHaveValue('2');
  await expect(app.violation).toContainText('Stale at quiescence');
  await expect(page.getByTestId('violation-mark')).toHaveCount(1);
  await expect(page.getByTestId('diagram-status')).toHaveClass(/pill-bad/);
});

test('parameters without committed verdicts are judged live by the worker, as the explorer does', async ({
  app,
  page,
}) => {
  const scenario = SCENARIOS.find((s) => s.id === 'querypilot-stale-verdict')!;
  await app.open(`${linkTo(scenario.id, 'epoch-on-read')}&m=attempts:2`);
  await expect(page.getByTestId('fix-mark-epoch-on-read')).toHaveAttribute('data-mark', '');
  await expect(page.getByTestId('fix-verdict')).toContainText(
    'Not judged for these parameters yet',
  );
  await page.getByTestId('judge-fix').click();
  const own = judgeFix(scenario, 'epoch-on-read', 'operations', { attempts: 2 });
  await expect(page.getByTestId('fix-mark-epoch-on-read')).toHaveAttribute(
    'data-mark',
    own.status === 'holds' ? '✓' : '✗',
  );
  await page.getByTestId('explore-all').click();
  for (const fix of scenario.fixes) {
    const verdict = judgeFix(scenario, fix.id, 'operations', { attempts: 2 });
    await expect(page.locator(`[data-testid="matrix-mark"][data-fix="${fix.id}"]`)).toHaveAttribute(
      'data-mark',
      verdict.failing ? '✗' : '✓',
      { timeout: 20_000 },
    );
  }
});
