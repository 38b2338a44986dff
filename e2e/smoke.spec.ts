import { expect, test } from '@playwright/test';

test('the app loads without page errors', async ({ page }) => {
  const pageErrors: string[] = [];
  const policyViolations: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) policyViolations.push(message.text());
  });

  await page.goto('/');

  await expect(page).toHaveTitle(/Interleave/);
  await expect(page.getByRole('heading').first()).toBeVisible();
  expect(pageErrors).toEqual([]);
  expect(policyViolations).toEqual([]);
});

test('the built page enforces a strict Content-Security-Policy', async ({ page }) => {
  await page.goto('/');

  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain("'unsafe-eval'");

  // An inline script injected into the page must not run.
  const inlineScriptRan = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.inlineScriptRan = "yes";';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return document.body.dataset.inlineScriptRan === 'yes';
  });
  expect(inlineScriptRan).toBe(false);
});

test('the app is served with its policy as headers, and refuses to be framed', async ({ page }) => {
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');

  // A page that frames the app gets an empty frame: the browser blocks it.
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (/frame-ancestors|refused to frame/i.test(m.text())) blocked.push(m.text());
  });
  await page.setContent(`<iframe id="f" src="${page.url()}"></iframe>`);
  await expect.poll(() => blocked.length).toBeGreaterThan(0);
  const framed = page.frame({ url: /localhost/ });
  expect(
    await framed
      ?.locator('h1')
      .count()
      .catch(() => 0),
  ).toBeFalsy();
});
