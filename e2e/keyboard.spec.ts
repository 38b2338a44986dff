import { expect, test } from './fixtures/app';

// The size the app is designed for: a 1366×768 laptop.
test.use({ viewport: { width: 1366, height: 768 } });

test('keyboard shortcuts drive the app', async ({ app, page }) => {
  await app.open('/');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await app.expectStep(2, 2);
  await page.keyboard.press('ArrowLeft');
  await app.expectStep(1, 2);
  await page.keyboard.press('End');
  await app.expectStep(2, 2);
  await page.keyboard.press('Home');
  await app.expectStep(0, 2);

  await page.keyboard.press('Space');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Space');
  // Playing runs to the end of the run (5 steps taking the first event each time), then stops.
  await app.expectStep(5, 5);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');

  const seed = await page.getByTestId('seed').inputValue();
  await page.keyboard.press('r');
  await expect(page.getByTestId('seed')).not.toHaveValue(seed);

  await page.keyboard.press('Home');
  await page.keyboard.press('f');
  await expect(app.exploreResult).toContainText('25 interleavings', { timeout: 20_000 });
  await app.expectStep(5, 5);

  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await expect(page.getByTestId('help-overlay')).toContainText('Play / pause');
  await app.shot('keyboard-help');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);
});

test('typing a seed does not trigger shortcuts and replays that seed', async ({ app, page }) => {
  await app.open('/');
  const seed = page.getByTestId('seed');
  await seed.fill('42');
  await seed.press('Enter');
  await expect(seed).toHaveValue('42');
  // The seeded run is shown whole: the cursor is at its end.
  await expect(app.stepCount).toHaveText(/Step ([1-9]\d*) \/ \1\b/);
  expect(page.url()).toContain('seed=42');
  const first = page.url();
  await page.getByTestId('randomize').click();
  await seed.fill('42');
  await seed.press('r');
  await seed.press('Enter');
  expect(page.url()).toBe(first);
});
