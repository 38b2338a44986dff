import { expect, test } from './fixtures/app';

test.use({ viewport: { width: 1280, height: 720 } });

test('the typed seed is the one Randomize uses, and the cursor moves', async ({ app, page }) => {
  await app.open('/');
  await app.expectStep(0, 0);
  const seed = page.getByTestId('seed');
  await seed.fill('42');
  // Straight from the field to the button: no Enter.
  await page.getByTestId('randomize').click();
  await expect(seed).toHaveValue('42');
  expect(page.url()).toContain('seed=42');
  await expect(app.stepCount).toHaveText(/Step ([1-9]\d*) \/ \1\b/);
  const seeded = page.url();
  // The same seed again gives the same run; the button alone draws a new seed.
  await seed.fill('42');
  await seed.press('Enter');
  expect(page.url()).toBe(seeded);
  await page.getByTestId('randomize').click();
  await expect(seed).not.toHaveValue('42');
});

test('the matrix header says what its numbers count: interleavings', async ({ app, page }) => {
  await app.open('/');
  await page.getByRole('button', { name: 'Compare all fixes' }).click();
  await expect(page.getByTestId('explore-matrix').locator('thead')).toContainText('interleavings');
});

test('the violation card does not cover the narrative', async ({ app, page }) => {
  await app.open('/');
  await page.getByTestId('granularity-messages').click();
  await app.findRace();
  await app.expectStep(10, 10);
  await expect(app.violation).toBeVisible();
  const card = (await page.getByTestId('narrative-summaries').boundingBox())!;
  const list = (await page.locator('.narrative-scroll').boundingBox())!;
  expect(card.y + card.height).toBeLessThanOrEqual(list.y + 1);
  // Room for several steps, the current one among them in full view.
  expect(list.height).toBeGreaterThanOrEqual(80);
  const current = (await page.locator('.narrative-item.is-current').boundingBox())!;
  expect(current.y).toBeGreaterThanOrEqual(list.y - 1);
  expect(current.y + current.height).toBeLessThanOrEqual(list.y + list.height + 1);
});

test('a link opened at its last step shows that step in full view in the narrative', async ({
  app,
  page,
}) => {
  await app.open('/');
  await page.getByTestId('granularity-messages').click();
  await app.findRace();
  await app.expectStep(10, 10);
  // The address holds the run (the address sync writes it); a fresh load opens it.
  await expect.poll(() => new URL(page.url()).hash).toContain('p=');
  const link = new URL(page.url());
  await app.open('/');
  await app.open(link.pathname + link.hash);
  await app.expectStep(10, 10);
  await expect(app.violation).toBeVisible();
  const list = page.locator('.narrative-scroll');
  // The list overflows: without scrolling it, the last step would be cut off.
  expect(await list.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
  const current = page.locator('.narrative-item.is-current');
  await expect(current).toContainText('10');
  await expect
    .poll(async () => {
      const box = (await list.boundingBox())!;
      const item = (await current.boundingBox())!;
      return item.y >= box.y - 1 && item.y + item.height <= box.y + box.height + 1;
    })
    .toBe(true);
});

test('a legend says what dotted and slanted arrows mean', async ({ app, page }) => {
  await app.open('/');
  const legend = page.getByTestId('diagram-legend');
  await expect(legend).toBeVisible();
  await expect(legend).toContainText('in flight');
  await expect(legend).toContainText('waited (slanted)');
});
