import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { SIZES, seriousAxe, sidewaysOverflow, unreachable } from './fixtures/layout';

/** Clicks one of the app's actions: in the header, or on a phone in the panels drawer. */
async function action(page: Page, testId: string): Promise<void> {
  const drawer = page.getByTestId('drawer-open');
  if (await drawer.isVisible()) await drawer.click();
  await page.getByTestId(testId).click();
  if (await page.getByTestId('drawer').isVisible()) await page.getByTestId('drawer-close').click();
}

/** Expects nothing wider than the screen and every control within reach. */
async function fits(page: Page, view: string): Promise<void> {
  expect(await sidewaysOverflow(page), `${view}: sideways overflow`).toBe(0);
  expect(await unreachable(page), `${view}: controls out of reach`).toEqual([]);
}

for (const size of SIZES) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('compare, presentation, embed and Load lab: nothing overflows, every control in reach', async ({
      app,
      page,
    }) => {
      // Four views, one after the other: more time than a single view needs.
      test.slow();
      await app.open('/');
      await app.findRace();
      await action(page, 'compare-toggle');
      await expect(page.getByTestId('compare-view')).toBeVisible();
      await fits(page, 'compare');
      await action(page, 'compare-toggle');
      await expect(page.getByTestId('compare-view')).toHaveCount(0);

      await action(page, 'present-toggle');
      await expect(page.getByTestId('presentation')).toBeVisible();
      await page.keyboard.press('n');
      await expect(page.getByTestId('present-notes')).toBeVisible();
      await fits(page, 'presentation');
      const stage = (await page
        .getByTestId('presentation')
        .getByTestId('sequence-diagram')
        .boundingBox())!;
      expect(stage.width).toBeGreaterThan(size.width * 0.55);
      await page.keyboard.press('Escape');

      const hash = new URL(page.url()).hash;
      await page.goto(`/embed.html${hash}`);
      await expect(page.getByTestId('sequence-diagram')).toBeVisible();
      await fits(page, 'embed');

      await page.goto('/load.html#s=ttl-stampede&seed=3&m=seconds:5');
      await expect(page.getByTestId('load-table')).toBeVisible({ timeout: 60_000 });
      await fits(page, 'Load lab');
    });
  });
}

test.describe('dark mode, every view', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 1280, height: 720 } });

  test('axe: the Export menu', async ({ app, page }) => {
    await app.open('/');
    await page.getByTestId('export-toggle').click();
    await expect(page.getByTestId('export-menu')).toBeVisible();
    expect(await seriousAxe(page)).toEqual([]);
  });

  test('axe: the embed view', async ({ page }) => {
    await page.goto('/embed.html#v=1&s=cache-aside-set-after-delete&f=none&g=o&seed=1&c=2&p=00120');
    await expect(page.getByTestId('embed-count')).toHaveText('2 / 5');
    expect(await seriousAxe(page)).toEqual([]);
  });

  test('axe: the Load lab', async ({ page }) => {
    await page.goto('/load.html#s=ttl-stampede&seed=3&m=seconds:5');
    await expect(page.getByTestId('load-table')).toBeVisible({ timeout: 60_000 });
    expect(await seriousAxe(page)).toEqual([]);
  });
});

test.describe('dark mode on a phone', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 390, height: 844 } });

  test('axe: the phone layout with the drawer closed and open', async ({ app, page }) => {
    test.slow();
    await app.open('/');
    await app.findRace();
    expect(await seriousAxe(page)).toEqual([]);
    await page.getByTestId('drawer-open').click();
    await expect(page.getByTestId('drawer')).toBeVisible();
    expect(await seriousAxe(page)).toEqual([]);
  });
});
