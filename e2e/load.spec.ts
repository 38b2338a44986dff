import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { LOAD_SCENARIOS } from '../src/scenarios/load/index';

test.use({ viewport: { width: 1280, height: 720 } });

/** Opens the Load lab at `hash`, failing on any page or console error. */
async function open(page: Page, hash: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`/load.html#${hash}`);
  return errors;
}

test('a load link runs every fix on its seed and draws them overlaid, with the table', async ({
  page,
}) => {
  const errors = await open(page, 's=ttl-stampede&seed=3&m=seconds:20');
  await expect(page.getByTestId('load-table')).toBeVisible({ timeout: 60_000 });
  const fixes = LOAD_SCENARIOS.find((s) => s.id === 'ttl-stampede')!.fixes;
  // One line per fix on every chart, and one table row per fix.
  for (const id of ['originQps', 'hitRate', 'p99']) {
    await expect(page.getByTestId(`chart-${id}`).locator('path.load-line')).toHaveCount(
      fixes.length,
    );
  }
  await expect(page.getByTestId('load-table').locator('tbody tr')).toHaveCount(fixes.length);
  await expect(page.getByTestId('load-table')).toContainText('Jitter + single-flight');
  // The address keeps scenario, seed and parameters.
  expect(page.url()).toContain('#s=ttl-stampede&seed=3&m=seconds:20');
  // Hovering a chart reads out every fix's value at that time.
  const chart = page.getByTestId('chart-originQps').locator('svg');
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(page.getByTestId('readout-originQps')).toContainText(
    /at \d+\.\d–\d+\.\d s: Fixed TTL/,
  );
  // CSV export of the table.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download table (CSV)' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\n')[0]).toMatch(/^fix,requests,/);
  expect(csv.trim().split('\n')).toHaveLength(fixes.length + 1);
  await page.screenshot({ path: 'test-results/screenshots/load.png' });
  expect(errors).toEqual([]);
});

test('the same link gives the same figures, and the page opens them from a fresh tab', async ({
  page,
  browser,
}) => {
  await open(page, 's=key-normalisation&seed=5&m=seconds:10');
  await expect(page.getByTestId('load-table')).toBeVisible({ timeout: 60_000 });
  const first = await page.getByTestId('load-table').innerText();
  const other = await browser.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('load-table')).toBeVisible({ timeout: 60_000 });
  expect(await other.getByTestId('load-table').innerText()).toBe(first);
  await other.close();
});

test('a long run shows progress and can be cancelled; the page stays usable', async ({ page }) => {
  await open(page, 's=invalidation-storm&seed=1&m=seconds:600');
  await expect(page.getByTestId('load-progress')).toBeVisible();
  await expect(page.getByTestId('load-cancel')).toBeEnabled();
  await page.getByTestId('load-cancel').click();
  await expect(page.getByTestId('load-cancelled')).toBeVisible();
  await expect(page.getByTestId('load-progress')).toHaveCount(0);
  // Changing a parameter and running again works after a cancel.
  await page.getByTestId('load-param-seconds').fill('5');
  await page.getByTestId('load-run').click();
  await expect(page.getByTestId('load-table')).toBeVisible({ timeout: 60_000 });
  expect(page.url()).toContain('m=seconds:5');
});

test('a bad load link says why and opens the first scenario', async ({ page }) => {
  await open(page, 's=ttl-stampede&seed=1&m=ttl:5,bogus:1');
  await expect(page.getByTestId('load-notice')).toHaveCount(2);
  await expect(page.getByTestId('load-notice').first()).toContainText('TTL (ms) 5 is out of range');
  await page.goto('about:blank');
  await open(page, 's=nope');
  await expect(page.getByTestId('load-notice')).toContainText('does not know');
  await expect(page.getByTestId('load-scenario')).toHaveValue('ttl-stampede');
});

test('the app links to the Load lab', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Load lab' }).click();
  await expect(page.getByRole('heading', { name: 'Load lab' })).toBeVisible();
});
