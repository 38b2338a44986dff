import { expect, test } from './fixtures/app';

test.use({ viewport: { width: 1280, height: 720 } });

test('the point-of-no-return strip follows the pinned run and the cursor', async ({
  app,
  page,
}) => {
  await app.open('/#v=1&s=cache-aside-set-after-delete&f=none&g=o&seed=1&c=0&p=');
  await app.findRace();
  const strip = page.getByTestId('chance-strip');
  await expect(strip).toHaveAttribute('data-state', 'ready');
  // The cursor is on the stale SET: harm has happened.
  await expect(page.getByTestId('chance-readout')).toHaveText('100% harm');
  const label = strip.getByRole('img');
  await expect(label).toHaveAttribute(
    'aria-label',
    /Point of no return: after step 4, harm is certain/,
  );
  await expect(page.getByTestId('chance-point')).toHaveCount(1);
  // Back at the start, the chance is the explorer's random chance (1 in 16).
  await page.keyboard.press('Home');
  await expect(page.getByTestId('chance-readout')).toHaveText('6% harm');
  await expect(label).toHaveAttribute('aria-label', /^At the start, 6% of random continuations/);
  // Under leases the same steps never make harm certain.
  await app.open('/#v=1&s=cache-aside-set-after-delete&f=leases&g=o&seed=1&c=0&p=');
  await page.getByTestId('step').click();
  await page.getByTestId('step').click();
  await expect(page.getByTestId('chance-readout')).toHaveText('0% harm');
  await expect(label).toHaveAttribute('aria-label', /Harm never becomes certain along this run/);
  await expect(page.getByTestId('chance-point')).toHaveCount(0);
});
