#!/usr/bin/env node
// Regenerates the postmortem-kit screenshots in docs/: presentation mode at 1920×1080 (with a
// title, a note and the presenter's notes), the main view in dark mode at 1440×900, the phone
// layout at 390×844 with its panels drawer closed and open, and presenting on a phone on its
// side (844×390). Serves the built dist/ (run
// `npm run build` first) with `vite preview` on E2E_PORT (default 4173).
import { withPreview } from './with-preview.mjs';

let base = '';
const start = '/#v=1&s=cache-aside-set-after-delete&f=none&g=o&seed=1&c=0&p=';

/** Opens the cache-aside race with a title and a note on step 3, cursor on step `at`. */
async function race(browser, viewport, colorScheme, at) {
  // A phone is touched, not hovered: no mouse hint over its diagram.
  const touch = Math.min(viewport.width, viewport.height) < 500;
  const page = await browser.newPage({
    viewport,
    colorScheme,
    ...(touch && { hasTouch: true, isMobile: true }),
  });
  await page.goto(base + start);
  await page.getByTestId('find-race').click();
  // On a phone the result and the note field are in the panels drawer.
  await page.getByTestId('explore-result').waitFor({ state: 'attached', timeout: 20_000 });
  await page.getByTestId('back').click();
  await page.getByTestId('back').click();
  await page.getByTestId('title-input').fill('Postmortem: user:1 served stale forever');
  const phone = await page.getByTestId('drawer-open').isVisible();
  if (phone) await page.getByTestId('drawer-open').click();
  await page
    .getByTestId('note-input')
    .fill('The writer commits v2 while the reader still holds v1 from its SELECT.');
  if (phone) await page.getByTestId('drawer-close').click();
  for (let i = 3; i < at; i++) await page.getByTestId('step').click();
  return page;
}

await withPreview(async (browser, url) => {
  base = url;
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
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/phone.png' });
  console.log('wrote docs/phone.png');
  await page.getByTestId('drawer-open').click();
  await page.getByTestId('drawer').waitFor();
  await page.locator('.drawer-body').evaluate((body) => body.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/phone-drawer.png' });
  await page.close();
  console.log('wrote docs/phone-drawer.png');

  page = await race(browser, { width: 844, height: 390 }, 'light', 4);
  await page.getByTestId('present-toggle').click();
  await page.getByTestId('presentation').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/phone-present.png' });
  await page.close();
  console.log('wrote docs/phone-present.png');
});
