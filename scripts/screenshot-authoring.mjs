#!/usr/bin/env node
// Screenshots of the model editor beside the diagram: a model with its race found, and the
// same model with an error, at 1280×720 and 1920×1080 (light and dark), 1024×768 and 390×844.
// Writes test-results/screenshots/authoring-*.png and docs/authoring.png. Serves the built
// dist/ (run `npm run build` first) with `vite preview` on E2E_PORT (default 4173).
import { mkdirSync } from 'node:fs';
import { withPreview } from './with-preview.mjs';

const sizes = [
  [1280, 720, 'light'],
  [1280, 720, 'dark'],
  [1920, 1080, 'light'],
  [1920, 1080, 'dark'],
  [1024, 768, 'light'],
  [390, 844, 'light'],
  [390, 844, 'dark'],
];

mkdirSync('test-results/screenshots', { recursive: true });
await withPreview(async (browser, base) => {
  for (const [width, height, colorScheme] of sizes) {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme });
    await page.goto(`${base}/`);
    // On a phone the way in is in the panels drawer.
    const drawer = page.getByTestId('drawer-open');
    if (await drawer.isVisible()) await drawer.click();
    await page.getByTestId('new-incident').click();
    await page.getByTestId('model-status').filter({ hasText: 'The model loads' }).waitFor();
    await page.getByTestId('violation-mark').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(400);
    const name = `test-results/screenshots/authoring-${width}x${height}-${colorScheme}`;
    await page.screenshot({ path: `${name}.png` });
    if (width === 1280 && colorScheme === 'light')
      await page.screenshot({ path: 'docs/authoring.png' });
    // An error: a misspelt actor kind, marked inline and listed under the editor.
    await page.locator('.cm-line', { hasText: 'kind: reader' }).click();
    await page.keyboard.press('End');
    await page.keyboard.insertText('x');
    await page.getByTestId('model-errors').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${name}-error.png` });
    await page.close();
    console.log(`wrote ${name}.png and ${name}-error.png`);
  }
});
