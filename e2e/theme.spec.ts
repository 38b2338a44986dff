import { expect, test } from './fixtures/app';

const LINK = '/#v=1&s=write-behind-loss&f=none&g=o&seed=7&c=3&p=100';
const DARK = 'rgb(14, 19, 27)';
const LIGHT = 'rgb(243, 245, 249)';

/**
 * Records, in the page, the theme and the page's background at the moment the first sequence
 * diagram is put in the document (before it is ever drawn).
 */
function recordFirstDiagram(): void {
  const seen = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="sequence-diagram"]')) return;
    seen.disconnect();
    (window as unknown as { firstDiagram: unknown }).firstDiagram = {
      theme: document.documentElement.dataset.theme ?? null,
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
  seen.observe(document, { childList: true, subtree: true });
}

for (const [name, path] of [
  ['the default page', '/'],
  ['a shared link', LINK],
] as const) {
  test(`${name} is drawn in the theme picked, from its first diagram`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.addInitScript(() => window.localStorage.setItem('interleave:theme', 'dark'));
    await page.addInitScript(recordFirstDiagram);
    await app.open(path);
    const first = await page.evaluate(
      () => (window as unknown as { firstDiagram: unknown }).firstDiagram,
    );
    expect(first).toEqual({ theme: 'dark', background: DARK });
    // The toggle, which comes later, agrees with what is drawn.
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('aria-pressed', 'true');
    expect(app.errors).toEqual([]);
  });
}

test('the Load lab opens in the theme picked in the app', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open('/');
  await page.getByTestId('theme-toggle').click();
  await page.goto('/load.html');
  await expect(page.getByRole('heading', { name: 'Load lab' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(LIGHT);
  expect(app.errors).toEqual([]);
});

test('without storage the page follows the system, and the toggle still switches', async ({
  app,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript(() =>
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Storage is disabled', 'SecurityError');
      },
    }),
  );
  await app.open('/');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe(DARK);
  await page.getByTestId('theme-toggle').click();
  expect(await background()).toBe(LIGHT);
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('aria-pressed', 'false');
  expect(app.errors).toEqual([]);
});

test('with no theme picked, the page and the toggle follow a change of the system', async ({
  app,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open('/');
  const toggle = page.getByTestId('theme-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(LIGHT);
  expect(app.errors).toEqual([]);
});
