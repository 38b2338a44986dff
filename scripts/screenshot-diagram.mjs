#!/usr/bin/env node
// Screenshots for checking the diagram's labels by eye: a few races at 1280×720 and
// 1920×1080, light and dark, stepping (cursor mid-run, the pinned future drawn) and in
// presentation mode (revealed up to the breaking step). Serves the built dist/ (run
// `npm run build` first) on E2E_PORT (default 4173); writes PNGs to the directory given
// (default test-results/diagram-shots).
import { mkdirSync } from 'node:fs';
import { withPreview } from './with-preview.mjs';

const out = process.argv[2] ?? 'test-results/diagram-shots';
mkdirSync(out, { recursive: true });
const RACES = [
  ['shared-class-state', 'm'],
  ['hot-key-stampede', 'm'],
  ['querypilot-stale-verdict', 'o'],
  ['duplicate-insert', 'm'],
];
const SIZES = [
  [1280, 720],
  [1920, 1080],
];

await withPreview(async (browser, base) => {
  for (const [scenario, g] of RACES) {
    for (const [width, height] of SIZES) {
      for (const colorScheme of ['light', 'dark']) {
        const page = await browser.newPage({ viewport: { width, height }, colorScheme });
        await page.goto(`${base}/#v=1&s=${scenario}&f=none&g=${g}&seed=1&c=0&p=`);
        await page.getByTestId('find-race').click();
        await page.getByTestId('explore-result').waitFor({ timeout: 60_000 });
        const diagram = page.getByTestId('sequence-diagram');
        const loaded = Number(await diagram.getAttribute('data-cursor'));
        // Back to the middle of the race: the rest is drawn as the pinned future.
        for (let i = 0; i < Math.ceil(loaded / 2); i++) await page.keyboard.press('ArrowLeft');
        await page.waitForTimeout(300);
        const name = `${out}/${scenario}-${g}-${width}-${colorScheme}`;
        await page.screenshot({ path: `${name}-stepping.png` });
        await page.keyboard.press('End');
        await page.keyboard.press('p');
        await page.getByTestId('presentation').waitFor();
        await page.keyboard.press('Home');
        for (let i = 0; i < loaded; i++) await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(400);
        await page.screenshot({ path: `${name}-presenting.png` });
        await page.close();
        console.log(`wrote ${name}-*.png`);
      }
    }
  }
});
