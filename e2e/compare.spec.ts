import { AppPage, expect, linkTo, test } from './fixtures/app';
import type { Locator, Page } from '@playwright/test';

// The size the app is designed for: a 1366×768 laptop.
test.use({ viewport: { width: 1366, height: 768 } });

const CACHE = 'cache-aside-set-after-delete';

function compareView(page: Page) {
  return {
    view: page.getByTestId('compare-view'),
    left: page.getByTestId('compare-diagram-left'),
    right: page.getByTestId('compare-diagram-right'),
    sentence: page.getByTestId('compare-sentence'),
  };
}

async function expectCursors(left: Locator, right: Locator, cursor: number): Promise<void> {
  await expect(left).toHaveAttribute('data-cursor', String(cursor));
  await expect(right).toHaveAttribute('data-cursor', String(cursor));
}

/** Returns the top of row `row` of a side's diagram, in page pixels. */
async function rowTop(diagram: Locator, row: number): Promise<number> {
  const box = await diagram.getByTestId(`row-${row}`).locator('rect').boundingBox();
  if (!box) throw new Error(`row ${row} is not drawn`);
  return box.y;
}

test('no fix beside leases: two aligned diagrams, one cursor, the step where they part', async ({
  app,
  page,
  browser,
}) => {
  // A search, a fresh page from the link and the chance of harm computed in a worker: more
  // time than one view needs.
  test.slow();
  await app.open(linkTo(CACHE, 'none'));
  await app.findRace();
  await app.setFix('leases');
  await app.expectStep(5, 5);
  await page.getByTestId('compare-toggle').click();

  const c = compareView(page);
  await expect(c.view).toBeVisible();
  await expect(c.left).toBeVisible();
  await expect(c.right).toBeVisible();
  await expect(page.getByTestId('compare-fix-left')).toHaveValue('none');
  await expect(page.getByTestId('compare-fix-right')).toHaveValue('leases');
  await expect(page.getByTestId('compare-verdict-left')).toHaveText('harm at step 5');
  await expect(page.getByTestId('compare-verdict-right')).toHaveText('no invariant broken');
  // The chance of harm under the timeline is the right side's, and says so.
  await expect(page.getByTestId('chance-readout')).toHaveText('0% harm · right', {
    timeout: 20_000,
  });
  await expect(c.sentence).toContainText('Step 5 is where the runs part');
  await expect(c.sentence).toContainText(
    'With Leases: Reader SETs v1 into Cache with lease 1: refused — lease 1 was voided by a DEL',
  );
  await expect(c.sentence).toContainText('Without a fix: Reader SETs v1 into Cache: stored');
  await expect(c.left.getByTestId('compare-parted')).toHaveAttribute('data-row', '5');
  await expect(c.right.getByTestId('compare-parted')).toHaveAttribute('data-row', '5');
  // Rows are aligned by step: the same step sits at the same height on both sides.
  // (Within half a pixel: the two columns may differ by a fraction of a pixel in width.)
  for (const row of [1, 3, 5])
    expect(Math.abs((await rowTop(c.left, row)) - (await rowTop(c.right, row)))).toBeLessThan(0.5);

  // One cursor: the keys and the step buttons move both diagrams.
  await expectCursors(c.left, c.right, 5);
  await page.keyboard.press('ArrowLeft');
  await expectCursors(c.left, c.right, 4);
  await app.back();
  await expectCursors(c.left, c.right, 3);
  await page.keyboard.press('ArrowRight');
  await expectCursors(c.left, c.right, 4);
  await app.expectStep(4, 5);
  await app.shot('compare-leases');

  // The link holds the comparison, and opens it in a fresh page.
  await page.getByTestId('copy-link').click();
  const link = page.url();
  expect(new URL(link).hash).toContain('&cmp=none');
  const context = await browser.newContext({ viewport: page.viewportSize() });
  const fresh = new AppPage(await context.newPage());
  await fresh.page.goto(link);
  const f = compareView(fresh.page);
  await expect(f.view).toBeVisible();
  await expectCursors(f.left, f.right, 4);
  await expect(f.sentence).toContainText('lease 1 was voided by a DEL');
  await expect(fresh.page.getByTestId('compare-fix-right')).toHaveValue('leases');
  fresh.expectNoErrors();
  await context.close();

  // C closes the view (a history entry of its own), Back reopens it.
  await page.keyboard.press('c');
  await expect(c.view).toHaveCount(0);
  await expect(app.diagram).toBeVisible();
  await expect(page.getByTestId('chance-readout')).toHaveText('0% harm');
  expect(new URL(page.url()).hash).not.toContain('cmp=');
  await page.goBack();
  await expect(c.view).toBeVisible();
  await expectCursors(c.left, c.right, 4);
});

test('the base fix can be changed, and a link with an unknown one opens without comparison', async ({
  app,
  page,
}) => {
  await app.open(linkTo(CACHE, 'none'));
  await app.findRace();
  await app.setFix('leases');
  await page.keyboard.press('c');
  const c = compareView(page);
  await page.getByTestId('compare-fix-left').selectOption('versioned-cas');
  await expect(page.getByTestId('compare-verdict-left')).toHaveText('no invariant broken');
  await expect(c.sentence).toContainText('With Versioned compare-and-set');
  expect(new URL(page.url()).hash).toContain('&cmp=versioned-cas');

  await page.goto(`${linkTo(CACHE, 'leases')}&cmp=no-such-fix`);
  await expect(app.diagram).toBeVisible();
  await expect(c.view).toHaveCount(0);
  await expect(page.getByTestId('notice-warning')).toContainText('"no-such-fix"');
});

test('a run that cannot go on says where it stops and why', async ({ app, page }) => {
  // Duplicate insert's race to its harm without a fix, beside single-flight: the second task
  // joins the first one's fetch instead of fetching, so that run cannot take every step.
  await app.open(linkTo('duplicate-insert', 'none'));
  await app.findRace();
  await app.setFix('single-flight');
  await page.keyboard.press('c');
  const c = compareView(page);
  await expect(c.view).toBeVisible();
  await expect(page.getByTestId('compare-verdict-left')).toHaveText(/^harm at step \d+$/);
  await expect(page.getByTestId('compare-verdict-right')).toHaveText(
    /^no invariant broken · stops at step \d+$/,
  );
  const marker = c.right.getByTestId('divergence-mark');
  await expect(marker).toContainText('With Single-flight (per-key future), the run stops here');
  await expect(marker).toContainText('It would be: Task 2 awaits Upstream API.fetch_user(42)');
  await expect(c.sentence).toContainText('awaits its future');
  const steps = Number(await c.left.getAttribute('data-steps'));
  const replayed = Number(await c.right.getAttribute('data-steps'));
  expect(replayed).toBeLessThan(steps);
  // One cursor, the one the controls show: as far as the fix on screen replays the run.
  await expectCursors(c.left, c.right, replayed);
  await app.expectStep(replayed, replayed);
  // The marker sits level with the step the other run takes there.
  const stopped = Number(await marker.getAttribute('data-step'));
  const row = await c.left.getByTestId(`row-${stopped}`).locator('rect').boundingBox();
  const mark = await marker.locator('rect').first().boundingBox();
  expect(Math.abs(mark!.y - row!.y)).toBeLessThan(10);
  await app.shot('compare-single-flight');
});

test('the help lists the compare shortcut, and Escape closes the view', async ({ app, page }) => {
  await app.open(linkTo(CACHE, 'leases'));
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toContainText(
    'Compare: this run under two fixes, side by side',
  );
  await page.keyboard.press('Escape');
  await page.keyboard.press('c');
  await expect(compareView(page).view).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(compareView(page).view).toHaveCount(0);
});

test('on a phone: one side at a time, with a switch, and nothing wider than the screen', async ({
  app,
  page,
}) => {
  await app.open(linkTo(CACHE, 'none'));
  await app.findRace();
  await app.setFix('leases');
  await page.getByTestId('compare-toggle').click();
  await page.setViewportSize({ width: 390, height: 844 });
  const c = compareView(page);
  await expect(c.right).toBeVisible();
  await expect(c.left).toBeHidden();
  await page.getByRole('button', { name: 'No fix', exact: true }).click();
  await expect(c.left).toBeVisible();
  await expect(c.right).toBeHidden();
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(390);
  expect(widths.body).toBeLessThanOrEqual(390);
  const view = await c.view.boundingBox();
  expect(view!.x).toBeGreaterThanOrEqual(0);
  expect(view!.x + view!.width).toBeLessThanOrEqual(390);
  await app.shot('compare-phone');
});

/** Returns the centre x of each lifeline header of one side, from that side's left edge. */
function headerXs(page: Page, side: 'left' | 'right'): Promise<Record<string, number>> {
  return page.locator(`.compare-side[data-side="${side}"]`).evaluate((root) => {
    const left = root.getBoundingClientRect().left;
    const xs: Record<string, number> = {};
    for (const g of root.querySelectorAll('[data-testid^="lifeline-"]')) {
      const id = g.getAttribute('data-testid')!.slice('lifeline-'.length);
      if (id === 'name') continue;
      const box = g.getBoundingClientRect();
      xs[id] = Math.round(box.left + box.width / 2 - left);
    }
    return xs;
  });
}

test('both sides share one lifeline order: the same actor at the same x', async ({ app, page }) => {
  // Alone, these two fixes of the async invalidation order their lifelines differently.
  await app.open(linkTo('async-invalidation-stale-read', 'none'));
  const alone = await page.getByTestId('lifeline-name').allTextContents();
  await app.setFix('read-your-writes');
  await expect.poll(() => page.getByTestId('lifeline-name').allTextContents()).not.toEqual(alone);
  await page.keyboard.press('c');
  await expect(compareView(page).view).toBeVisible();
  const left = await headerXs(page, 'left');
  const right = await headerXs(page, 'right');
  expect(Object.keys(left).sort()).toEqual(Object.keys(right).sort());
  expect(Object.keys(left).length).toBeGreaterThanOrEqual(4);
  for (const id of Object.keys(left)) expect(Math.abs(left[id]! - right[id]!)).toBeLessThan(1);

  // Write-behind with a durable log adds an actor: the other side keeps its column empty, and
  // every actor both have still lines up.
  await app.open(linkTo('write-behind-loss', 'none'));
  await app.setFix('durable-log');
  await page.keyboard.press('c');
  await expect(compareView(page).view).toBeVisible();
  const without = await headerXs(page, 'left');
  const withLog = await headerXs(page, 'right');
  expect(Object.keys(withLog).length).toBe(Object.keys(without).length + 1);
  for (const id of Object.keys(without))
    expect(Math.abs(without[id]! - withLog[id]!)).toBeLessThan(1);
  await app.shot('compare-shared-order');
});
