import { expect, test, type Page } from '@playwright/test';
import { linkTo } from './fixtures/app';

/**
 * The built pages cause no Content-Security-Policy violation: not on load, not when a link is
 * parsed, not when the views loaded on demand arrive. Counted with `securitypolicyviolation`
 * events, which fire even when the offending code catches its own error (as an `eval` probe
 * does), so a swallowed violation is still seen.
 */
const RECORD = `(() => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
})();`;

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(RECORD);
});

test('the recorder sees a violation when there is one', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'void 0;';
    document.head.append(script);
  });
  // (Once per policy: the page has it both as a header and as a <meta>.)
  await expect.poll(() => violations(page)).toContain('script-src-elem inline');
});

test('the app loads, opens a link and its on-demand views with 0 CSP violations', async ({
  page,
}) => {
  await page.goto(`${linkTo('cache-aside-set-after-delete', 'none', 'm')}&m=readers:2`);
  await expect(page.getByTestId('sequence-diagram')).toBeVisible();
  // Views loaded on demand: help, export menu, compare, presentation.
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('export-toggle').click();
  await expect(page.getByTestId('export-menu')).toBeVisible();
  await page.getByTestId('export-toggle').click();
  await page.getByTestId('compare-toggle').click();
  await expect(page.getByTestId('compare-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('compare-toggle').click();
  await page.getByTestId('present-toggle').click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('present-toggle')).toBeVisible();
  // A link with notes (v3) is parsed on load.
  await page.getByTestId('title-input').fill('A title');
  await expect(page).toHaveURL(/[#&]a=/);
  await page.reload();
  await expect(page.getByTestId('title-input')).toHaveValue('A title');
  await page.waitForLoadState('networkidle');
  expect(await violations(page)).toEqual([]);
});

test('the Load lab and the embed view load with 0 CSP violations', async ({ page }) => {
  await page.goto('/load.html');
  await page.waitForLoadState('networkidle');
  expect(await violations(page)).toEqual([]);
  await page.goto(`/embed.html${linkTo('cache-aside-set-after-delete', 'none').slice(1)}`);
  await expect(page.getByTestId('embed')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await violations(page)).toEqual([]);
});
