import { expect, test } from './fixtures/app';

// The size the app is designed for: a 1366×768 laptop.
test.use({ viewport: { width: 1366, height: 768 } });

test('Find the race on a big model pins a race before the counts, stays responsive, and cancels', async ({
  app,
  page,
}) => {
  // A big model and a busy machine: allow for slow loads (the speed is measured by the bench).
  test.setTimeout(90_000);
  // Three readers and three writers, message by message: far too many orders to count soon.
  await app.open(
    '/#v=1&s=cache-aside-set-after-delete&f=none&g=m&seed=1&c=0&p=&m=readers:3,writers:3',
  );
  await page.getByTestId('find-race').click();
  // A harmful run is pinned, the cursor on its harmful step, while the counts are still running.
  const race = page.getByTestId('explore-race');
  await expect(race).toContainText(/^A race in \d+ steps \(pinned on the diagram, found in/, {
    timeout: 20_000,
  });
  await expect(page.getByTestId('cancel-explore')).toBeVisible();
  await expect(app.exploreResult).toHaveCount(0);
  const steps = Number(await race.getAttribute('data-steps'));
  expect(steps).toBeGreaterThan(0);
  await app.expectStep(steps);
  // The main thread is free: stepping still works while the worker searches.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await app.expectStep(steps - 2);
  // How long main-thread tasks take while the worker explores is a speed figure, measured by
  // bench/responsiveness.bench.ts rather than asserted here (timings flake on shared machines).
  // Cancel and Find the race are two buttons: the one shown after cancelling is a new element,
  // so no background fades from Cancel's under Find the race's text (unreadable while it fades).
  await page
    .getByTestId('cancel-explore')
    .evaluate((el) => Object.assign(window, { cancelButton: el }));
  await page.keyboard.press('Escape');
  await expect(page.getByText('Exploration cancelled.')).toBeVisible();
  await expect(page.getByTestId('find-race')).toBeVisible();
  const find = page.getByTestId('find-race');
  expect(await find.evaluate((el) => el === Reflect.get(window, 'cancelButton'))).toBe(false);
  expect(await find.evaluate((el) => el.getAnimations().length)).toBe(0);
  // The race stays, never claimed the shortest, and no count was shown.
  await expect(race).toContainText('not known to be the shortest');
  await expect(app.exploreResult).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('violation-summary')).toContainText('Stale at quiescence');
  await app.shot('explore-race');

  // A fresh worker answers the next request.
  await app.open('/#v=1&s=cache-aside-set-after-delete&f=none&g=o&seed=1&c=0&p=');
  await app.findRace();
  await expect(app.exploreResult).toContainText('25 interleavings');
});
