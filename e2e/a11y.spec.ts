import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';

test.use({ viewport: { width: 1280, height: 720 } });

/** Returns axe's serious and critical violations on the page, as readable lines. */
async function serious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    );
}

test('axe: main view, with a race found', async ({ app, page }) => {
  // Two full-page axe scans and a search: 19 s alone, 39 s in the first wave of a full run on
  // two busy cores (the hang guard, not an assertion, is what grows).
  test.slow();
  await app.open('/');
  expect(await serious(page)).toEqual([]);
  await app.findRace();
  expect(await serious(page)).toEqual([]);
});

test('axe: compare view', async ({ app, page }) => {
  // A search, the compare view's two diagrams and a full-page axe scan: 13 s alone, 28 s in the
  // first wave of a full run.
  test.slow();
  await app.open('/');
  await app.findRace();
  await page.getByTestId('compare-toggle').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  expect(await serious(page)).toEqual([]);
});

test('axe: presentation, with notes', async ({ app, page }) => {
  await app.open('/');
  await app.findRace();
  await page.keyboard.press('p');
  await page.keyboard.press('n');
  await expect(page.getByTestId('present-notes')).toBeVisible();
  expect(await serious(page)).toEqual([]);
});

test('axe: the Load lab', async ({ page }) => {
  await page.goto('/load.html#s=ttl-stampede&seed=3&m=seconds:20');
  await expect(page.getByTestId('load-table')).toBeVisible({ timeout: 60_000 });
  expect(await serious(page)).toEqual([]);
});

test('axe: help overlay and export menu', async ({ app, page }) => {
  await app.open('/');
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  expect(await serious(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByTestId('export-toggle').click();
  expect(await serious(page)).toEqual([]);
});

/** Presses Tab `n` times and returns whether focus stayed inside `testId` every time. */
async function tabsStayIn(page: Page, testId: string, n: number): Promise<boolean> {
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    const inside = await page.evaluate(
      (id) => document.querySelector(`[data-testid="${id}"]`)?.contains(document.activeElement),
      testId,
    );
    if (!inside) return false;
  }
  return true;
}

test('focus is trapped in the help overlay and the presentation, and comes back', async ({
  app,
  page,
}) => {
  await app.open('/');
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  expect(await tabsStayIn(page, 'help-overlay', 8)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeFocused();

  await app.findRace();
  await page.keyboard.press('p');
  await expect(page.getByTestId('presentation')).toBeVisible();
  expect(await tabsStayIn(page, 'presentation', 12)).toBe(true);
});

test('the scenario picker follows arrow keys', async ({ app, page }) => {
  await app.open('/');
  const picker = page.getByTestId('scenario-picker');
  await picker.focus();
  await page.keyboard.press('ArrowDown');
  const items = page.locator('.picker-item');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items.nth((await items.count()) - 2)).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  const id = await items.nth(1).getAttribute('data-testid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(
    'Cache-aside: set after delete',
  );
  expect(page.url()).toContain(`s=${id!.replace('scenario-', '')}`);
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the system, toggles, and passes axe', async ({ app, page }) => {
    // Five full-page axe scans (main, compare, presentation, help, light): each takes seconds.
    test.slow();
    await app.open('/');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(14, 19, 27)');
    await app.findRace();
    expect(await serious(page)).toEqual([]);
    await page.getByTestId('compare-toggle').click();
    await expect(page.getByTestId('compare-view')).toBeVisible();
    expect(await serious(page)).toEqual([]);
    await page.getByTestId('compare-toggle').click();
    await page.keyboard.press('p');
    await expect(page.getByTestId('presentation')).toBeVisible();
    expect(await serious(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await expect(page.getByTestId('help-overlay')).toBeVisible();
    expect(await serious(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await app.shot('dark-main');
    await page.getByTestId('theme-toggle').click();
    expect(await background()).toBe('rgb(243, 245, 249)');
    expect(await serious(page)).toEqual([]);
    await page.reload();
    await expect(app.diagram).toBeVisible();
    expect(await background()).toBe('rgb(243, 245, 249)');
  });
});
