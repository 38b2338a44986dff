#!/usr/bin/env node
// Regenerates the postmortem-kit screenshots in docs/: presentation mode at 1920×1080 (with a
// title, a note and the presenter's notes), the main view in dark mode at 1440×900, and the
// phone layout at 390×844. Serves the built dist/ (run `npm run build` first) with
// `vite preview` on E2E_PORT (default 4173).
import { spawn } from 'node:child_process';
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

/** Opens the cache-aside race with a title and a note on step 3, cursor on step `at`. */
async function race(browser, viewport, colorScheme, at) {
  const page = await browser.newPage({ viewport, colorScheme });
  await page.goto(base + start);
  await page.getByTestId('find-race').click();
  await page.getByTestId('explore-result').waitFor({ timeout: 20_000 });
  await page.getByTestId('back').click();
  await page.getByTestId('back').click();
  await page.getByTestId('title-input').fill('Postmortem: user:1 served stale forever');
  await page
    .getByTestId('note-input')
    .fill('The writer commits v2 while the reader still holds v1 from its SELECT.');
  for (let i = 3; i < at; i++) await page.getByTestId('step').click();
  return page;
}

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
    let page = await race(browser, { width: 1920, height: 1080 }, 'light', 3);
    await page.getByTestId('present-toggle').click();
    await page.getByTestId('presentation').waitFor();
    await page.keyboard.press('n');
    await page.waitForTimeout(400);
    await page.screenshot({ path: 'docs/presentation.png' });
    await page.close();
    console.log('wrote docs/presentation.png');

    page = await race(browser, { width: 1440, height: 900 }, 'dark', 5);
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'docs/dark.png' });
    await page.close();
    console.log('wrote docs/dark.png');

    page = await race(browser, { width: 390, height: 844 }, 'light', 5);
    await page.evaluate(() => globalThis.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'docs/phone.png' });
    await page.close();
    console.log('wrote docs/phone.png');
  } finally {
    await browser.close();
  }
} finally {
  server.kill();
}
