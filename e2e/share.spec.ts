import { expect, test } from './fixtures/app';
import { AppPage } from './fixtures/app';

// The size the app is designed for: a 1366×768 laptop.
test.use({ viewport: { width: 1366, height: 768 } });

test('a copied link opened in a fresh page gives an identical diagram', async ({
  app,
  page,
  browser,
}) => {
  await app.open('/');
  await page.getByTestId('granularity-messages').click();
  await app.findRace();
  // The headline race (the scenario's harm) breaks at step 10, the end of its run.
  await app.expectStep(10, 10);
  await app.back();
  await app.back();
  await app.back();
  await app.expectStep(7, 10);
  await page.getByTestId('copy-link').click();
  const link = page.url();
  expect(new URL(link).hash.length).toBeLessThan(150);
  const original = await app.diagramSvg();
  await app.shot('share-original');

  const context = await browser.newContext({ viewport: page.viewportSize() });
  const fresh = new AppPage(await context.newPage());
  await fresh.open(link);
  await fresh.expectStep(7, 10);
  expect(await fresh.diagramSvg()).toBe(original);
  await fresh.shot('share-opened');
  fresh.expectNoErrors();
  await context.close();
});

test('browser back and forward restore the fix and schedule', async ({ app, page }) => {
  await app.open('/');
  await app.findRace();
  await expect(app.violation).toBeVisible();
  await app.setFix('leases');
  await expect(app.violation).toHaveCount(0);
  await page.goBack();
  await expect(page.getByTestId('fix-none')).toBeChecked();
  await expect(app.violation).toBeVisible();
  await page.goBack();
  await app.expectStep(0, 0);
  await page.goForward();
  await page.goForward();
  await expect(page.getByTestId('fix-leases')).toBeChecked();
  await app.expectStep(5, 5);
});
