#!/usr/bin/env node
// Regenerates docs/compare.png: the compare view of cache-aside (no fix | leases) at 1280×720,
// with the cursor on the step where the runs part. Serves the built dist/ (run `npm run build`
// first) with `vite preview` on E2E_PORT (default 4173). `--all` also writes 390×844 and
// 1920×1080 shots to test-results/screenshots/ for a look (not committed).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
const base = `http://localhost:${port}`;
const start = '/#v=1&s=cache-aside-set-after-delete&f=none&g=o&seed=1&c=0&p=';

async function waitForServer(url, tries = 60) {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no server at ${url}`);
}

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

// Vite's own entry point (not `npx`), so that killing the child stops the server.
const vite = 'node_modules/vite/bin/vite.js';
const server = spawn(process.execPath, [vite, 'preview', '--port', String(port), '--strictPort'], {
  stdio: 'ignore',
});
try {
  await waitForServer(base);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    await shoot(browser, 1280, 720, 'docs/compare.png');
    if (process.argv.includes('--all')) {
      mkdirSync('test-results/screenshots', { recursive: true });
      await shoot(browser, 390, 844, 'test-results/screenshots/compare-390.png');
      await shoot(browser, 1920, 1080, 'test-results/screenshots/compare-1920.png');
    }
  } finally {
    await browser.close();
  }
} finally {
  server.kill();
}
