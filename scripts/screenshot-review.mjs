#!/usr/bin/env node
// Screenshots of every view (main, compare, presentation, embed, help, model editor, Load lab)
// at 390×844, 1024×768, 1280×720 and 1920×1080, light and dark, for a look before a release.
// Writes test-results/screenshots/review/<view>-<width>x<height>-<scheme>.png. Serves the built
// dist/ (run `npm run build` first) with `vite preview` on E2E_PORT (default 4173).
// `--only <view,...>` and `--sizes <w>x<h,...>` narrow the set.
import { mkdirSync } from 'node:fs';
import { withPreview } from './with-preview.mjs';

const out = 'test-results/screenshots/review';
const start = '/#v=1&s=cache-aside-set-after-delete&f=none&g=o&seed=1&c=0&p=';
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1]?.split(',');
};
const sizes = (arg('--sizes') ?? ['390x844', '1024x768', '1280x720', '1920x1080']).map((s) => {
  const [width, height] = s.split('x').map(Number);
  return { width, height };
});
const schemes = arg('--schemes') ?? ['light', 'dark'];

/** Clicks an action in the header, or on a phone in the panels drawer (closed again after). */
async function action(page, testId, { keepDrawer = false } = {}) {
  const drawer = page.getByTestId('drawer-open');
  if (await drawer.isVisible()) await drawer.click();
  await page.getByTestId(testId).click();
  if (!keepDrawer && (await page.getByTestId('drawer').isVisible()))
    await page.getByTestId('drawer-close').click();
}

/** Opens the cache-aside race with its race found (cursor on the harm). */
async function race(page, base) {
  await page.goto(base + start);
  await page.getByTestId('sequence-diagram').waitFor();
  await page.getByTestId('find-race').click();
  await page.getByTestId('explore-result').waitFor({ state: 'attached', timeout: 30_000 });
  await page.getByTestId('find-race').waitFor({ timeout: 30_000 });
}

const views = {
  async main(page, base) {
    await race(page, base);
  },
  async compare(page, base) {
    await race(page, base);
    await action(page, 'fix-leases', { keepDrawer: true });
    if (await page.getByTestId('drawer').isVisible())
      await page.getByTestId('drawer-close').click();
    await action(page, 'compare-toggle');
    await page.getByTestId('compare-view').waitFor();
  },
  async present(page, base) {
    await race(page, base);
    await page.keyboard.press('Home');
    await action(page, 'present-toggle');
    await page.getByTestId('presentation').waitFor();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  },
  async presentEnd(page, base) {
    await race(page, base);
    await action(page, 'present-toggle');
    await page.getByTestId('presentation').waitFor();
    await page.keyboard.press('n');
  },
  async embed(page, base) {
    await page.goto(
      `${base}/embed.html#v=1&s=cache-aside-set-after-delete&f=none&g=o&seed=1&c=3&p=00120`,
    );
    await page.getByTestId('sequence-diagram').waitFor();
  },
  async help(page, base) {
    await race(page, base);
    await page.keyboard.press('?');
    await page.getByTestId('help-overlay').waitFor();
  },
  async editor(page, base) {
    await page.goto(`${base}/`);
    await action(page, 'new-incident', { keepDrawer: true });
    await page.getByTestId('model-status').filter({ hasText: 'The model loads' }).waitFor();
  },
  async load(page, base) {
    await page.goto(`${base}/load.html#s=ttl-stampede&seed=3`);
    await page.getByTestId('load-table').waitFor({ timeout: 60_000 });
  },
};

const only = arg('--only') ?? Object.keys(views);
mkdirSync(out, { recursive: true });
await withPreview(async (browser, base) => {
  for (const name of only)
    for (const viewport of sizes)
      for (const colorScheme of schemes) {
        const page = await browser.newPage({ viewport, colorScheme });
        try {
          await views[name](page, base);
          await page.waitForTimeout(400);
          const path = `${out}/${name}-${viewport.width}x${viewport.height}-${colorScheme}.png`;
          await page.screenshot({ path });
          console.log(`wrote ${path}`);
        } catch (error) {
          console.log(
            `${name} ${viewport.width}x${viewport.height} ${colorScheme}: ${error.message}`,
          );
        } finally {
          await page.close();
        }
      }
});
