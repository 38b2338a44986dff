import { expect, test } from './fixtures/app';

// The size the app is designed for: a 1366×768 laptop.
test.use({ viewport: { width: 1366, height: 768 } });

test('the page stays responsive while exploring, and exploring can be cancelled', async ({
  app,
  page,
}) => {
  // Three readers and three writers, message by message: far too many orders to finish soon.
  await app.open(
    '/#v=1&s=cache-aside-set-after-delete&f=none&g=m&seed=1&c=0&p=&m=readers:3,writers:3',
  );
  await page.getByTestId('find-race').click();
  await expect(page.getByTestId('cancel-explore')).toBeVisible();
  // The main thread is free: stepping still works while the worker explores.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await app.expectStep(2, 2);
  // How long main-thread tasks take while the worker explores is a speed figure, measured by
  // bench/responsiveness.bench.ts rather than asserted here (timings flake on shared machines).
  await expect(page.getByTestId('cancel-explore')).toBeVisible();
  await app.shot('explore-running');
  await page.keyboard.press('Escape');
  await expect(page.getByText('Exploration cancelled.')).toBeVisible();
  await expect(page.getByTestId('find-race')).toBeVisible();

  // A fresh worker answers the next request.
  await app.open('/#v=1&s=cache-aside-set-after-delete&f=none&g=o&seed=1&c=0&p=');
  await app.findRace();
  await expect(app.exploreResult).toContainText('25 interleavings');
});
