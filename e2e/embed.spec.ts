import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/app';

test.use({ viewport: { width: 1280, height: 720 } });
// The framing page is served from 127.0.0.1 by the test itself; Chromium's local network
// access checks would treat it as a public site framing localhost and block the frame before
// any header is read. Real embedding sites are public and frame a public deployment.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-features=LocalNetworkAccessChecks'],
  },
});

test('the embed view may be framed, the app may not', async ({ page, request }) => {
  const embed = await request.get('/embed.html');
  expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
  expect(embed.headers()['x-frame-options']).toBeUndefined();
  const app = await request.get('/');
  expect(app.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(app.headers()['x-frame-options']).toBe('DENY');
  await page.goto('/');
  expect(page.url()).toBeTruthy();
});

test('copy embed code, then the run plays read-only in a frame', async ({ app, page }) => {
  await app.open('/');
  await app.findRace();
  await app.back();
  await app.back();
  await page.getByTestId('title-input').fill('Framed "race"');
  await page.getByTestId('note-input').fill('Look here');
  await page.getByTestId('export-toggle').click();
  await page.getByTestId('export-embed').click();
  const status = page.getByTestId('export-status');
  await expect(status).toContainText('<iframe src="http://localhost');
  const code = (await status.textContent())!.replace(/^[^<]*/, '');
  expect(code).toContain('title="Interleave: Framed &quot;race&quot;"');
  const src = /src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, '&');
  expect(src).toMatch(/\/embed\.html#v=3&/);

  // Another site (another origin: 127.0.0.1, not localhost) frames it.
  const host = await page.context().newPage();
  const other = new URL(src).origin.replace('localhost', '127.0.0.1') + '/postmortem-host';
  await host.route(other, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<h1>Postmortem</h1>${code}` }),
  );
  await host.goto(other);
  const frame = host.frameLocator('iframe');
  await expect(frame.getByTestId('embed')).toBeVisible();
  await expect(frame.getByTestId('embed-count')).toHaveText('3 / 5');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Framed "race"');
  await expect(frame.getByTestId('embed-caption')).toContainText('Look here');
  await frame.getByTestId('embed-next').click();
  await expect(frame.getByTestId('embed-count')).toHaveText('4 / 5');
  // Read-only: no choices, no controls beyond stepping, nothing written.
  await expect(frame.locator('[role="button"][data-key]')).toHaveCount(0);
  await expect(frame.getByTestId('step')).toHaveCount(0);
  await expect(frame.getByRole('link', { name: /Open in Interleave/ })).toHaveAttribute(
    'href',
    /\/#v=3&/,
  );
  // The same site framing the full app gets nothing.
  const refused: string[] = [];
  host.on('console', (m) => {
    if (/frame-ancestors|refused to frame/i.test(m.text())) refused.push(m.text());
  });
  await host.route(`${other}-app`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<iframe src="${new URL('/', src).href}"></iframe>`,
    }),
  );
  await host.goto(`${other}-app`);
  await expect.poll(() => refused.length).toBeGreaterThan(0);
  await expect(host.frameLocator('iframe').getByTestId('sequence-diagram')).toHaveCount(0);
  await host.close();
});

test('axe: embed view', async ({ page }) => {
  await page.goto('/embed.html#v=1&s=cache-aside-set-after-delete&f=none&g=o&seed=1&c=2&p=00120');
  await expect(page.getByTestId('embed-count')).toHaveText('2 / 5');
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => v.id)).toEqual([]);
});

test('revealing the run fills the view downwards: no scroll, the last step in view', async ({
  page,
}) => {
  await page.goto('/embed.html#v=1&s=cache-aside-set-after-delete&f=none&g=o&seed=1&c=1&p=00120');
  await expect(page.getByTestId('embed-count')).toHaveText('1 / 5');
  const diagram = page.getByTestId('sequence-diagram');
  const top = (row: number) =>
    diagram.evaluate(
      (svg, n) => svg.querySelector(`[data-testid="row-${n}"] rect`)!.getBoundingClientRect(),
      row,
    );
  await page.waitForTimeout(200);
  const start = await top(0);
  for (let i = 1; i < 5; i++) await page.getByTestId('embed-next').click();
  await expect(page.getByTestId('embed-count')).toHaveText('5 / 5');
  await page.waitForTimeout(200);
  expect(Math.abs((await top(0)).top - start.top)).toBeLessThan(1);
  const last = await top(5);
  const frame = (await diagram.boundingBox())!;
  expect(last.bottom).toBeLessThanOrEqual(frame.y + frame.height);
});
