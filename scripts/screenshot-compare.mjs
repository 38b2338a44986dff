#!/usr/bin/env node
// Regenerates docs/compare.png: the compare view of cache-aside (no fix | leases) at 1280×720,
// with the cursor on the step where the runs part. Serves the built dist/ (run `npm run build`
// first) with `vite preview` on E2E_PORT (default 4173). `--all` also writes 390×844 and
// 1920×1080 shots to test-results/screenshots/ for a look (not committed).
import { mkdirSync } from 'node:fs';
import { withPreview } from './with-preview.mjs';

let base = '';
const start = '/#v=1&s=cache-aside-set-after-delete&f=none&g=o&seed=1&c=0&p=';

async function shoot(browser, width, height, path) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(base + start);
  await page.getByTestId('find-race').click();
  await page.getByTestId('explore-result').waitFor({ timeout: 20_000 });
  await page.getByTestId('fix-leases').check();
  await page.getByTestId('compare-toggle').click();
  await page.getByTestId('compare-view').waitFor();
  await page.setViewportSize({ width, height });
  // The cursor just after the step where the runs part.
  await page.locator('.compare-where .link-button').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path });
  await page.close();
  console.log(`wrote ${path}`);
}

await withPreview(async (browser, url) => {
  base = url;
  await shoot(browser, 1280, 720, 'docs/compare.png');
  if (process.argv.includes('--all')) {
    mkdirSync('test-results/screenshots', { recursive: true });
    await shoot(browser, 390, 844, 'test-results/screenshots/compare-390.png');
    await shoot(browser, 1920, 1080, 'test-results/screenshots/compare-1920.png');
  }
});
