import type { Page } from '@playwright/test';
import { expect, linkTo, test } from './fixtures/app';
import { offScreen, seriousAxe as serious } from './fixtures/layout';

test.use({ viewport: { width: 390, height: 844 } });

/** Returns whether focus is inside the drawer. */
function focusInDrawer(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      document.querySelector('[data-testid="drawer"]')?.contains(document.activeElement) ?? false,
  );
}

test('the diagram at a readable scale, the step in words under it and the step controls fill the phone; the panels wait in a drawer', async ({
  app,
  page,
}) => {
  await app.open(linkTo('cache-aside-set-after-delete', 'none'));
  await app.findRace();
  const drawer = page.getByTestId('drawer');
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId('fix-leases')).toBeHidden();
  // Nothing wider than the screen, no control off it, and the page itself does not scroll.
  expect(await offScreen(page)).toEqual({ overflow: 0, outside: [] });
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(844);
  const box = (await app.diagram.boundingBox())!;
  expect(box.width).toBeGreaterThan(340);
  await expect(page.getByTestId('step')).toBeInViewport();
  // The diagram is as tall as its readable scale makes it (up to the room there is): no blank
  // under it (beyond the strip of zoom buttons), and the current step in words right below it.
  const content = await app.diagram.evaluate((svg) => {
    const rows = [...svg.querySelectorAll('[data-testid^="row-"] rect')];
    const band = svg.querySelector('[data-testid="cursor-line"] rect');
    return Math.max(...[...rows, band!].map((r) => r.getBoundingClientRect().bottom));
  });
  expect(content).toBeLessThanOrEqual(box.y + box.height);
  expect(box.y + box.height - content).toBeLessThan(60);
  const caption = page.getByTestId('step-caption');
  await expect(caption).toBeInViewport({ ratio: 1 });
  await expect(caption).toContainText('5Reader SETs v1 into Cache: stored');
  await expect(page.getByTestId('step-caption-why')).toContainText(
    'the SET from Reader landed after the DEL from Writer',
  );
  const below = (await caption.boundingBox())!;
  expect(below.y - (box.y + box.height)).toBeLessThan(16);
  expect(
    await caption.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
  ).toBeGreaterThanOrEqual(15);
  // Stepping back, the caption follows the cursor and the diagram keeps that step in view,
  // below the lifeline headers.
  await app.back();
  await expect(caption).toContainText('4Writer DELetes user:1 from Cache: deleted');
  await expect(page.getByTestId('step-caption-why')).toHaveCount(0);
  await page.waitForTimeout(100);
  const shown = await app.diagram.evaluate((svg) => {
    const headers = [...svg.querySelectorAll('[data-testid^="lifeline-"] rect')];
    const row = svg.querySelector('[data-testid="row-4"] rect')!.getBoundingClientRect();
    const below = Math.max(...headers.map((h) => h.getBoundingClientRect().bottom));
    return { top: row.top - below, bottom: svg.getBoundingClientRect().bottom - row.bottom };
  });
  expect(shown.top).toBeGreaterThanOrEqual(0);
  expect(shown.bottom).toBeGreaterThanOrEqual(0);
  await app.step();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cache-aside: set after delete');
  expect(await serious(page)).toEqual([]);
  await app.shot('phone');
});

test('the drawer: a named modal dialog that keeps focus, changes the run, and closes', async ({
  app,
  page,
}) => {
  // Many steps (a search, 30 key presses, three axe runs): more time than one view needs.
  test.slow();
  await app.open(linkTo('cache-aside-set-after-delete', 'none'));
  await app.findRace();
  await app.expectStep(5, 5);
  const before = await app.diagramSvg();
  const open = page.getByTestId('drawer-open');
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  await open.click();

  const drawer = page.getByRole('dialog', { name: 'Panels' });
  await expect(drawer).toBeVisible();
  await expect(drawer).toHaveAttribute('aria-modal', 'true');
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('drawer-close')).toBeFocused();
  // What is behind the drawer cannot be reached.
  expect(await page.getByTestId('step').evaluate((el) => el.closest('[inert]') !== null)).toBe(
    true,
  );
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press(i % 4 === 3 ? 'Shift+Tab' : 'Tab');
    expect(await focusInDrawer(page)).toBe(true);
  }
  expect(await offScreen(page)).toEqual({ overflow: 0, outside: expect.any(Array) });
  // Every panel in the drawer keeps its full height: none overlaps the next.
  const overlaps = await drawer.evaluate((root) => {
    const cards = [...root.querySelectorAll('.card')].map((c) => c.getBoundingClientRect());
    return cards.slice(1).filter((c, i) => c.top < cards[i]!.bottom - 1).length;
  });
  expect(overlaps).toBe(0);
  expect(await serious(page)).toEqual([]);
  await app.shot('phone-drawer');

  // A fix chosen in the drawer replays the run; Esc closes and gives focus back.
  await page.getByTestId('fix-leases').check();
  await expect(page.getByTestId('diagram-status')).not.toHaveText('Harm: invariant broken');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(open).toBeFocused();
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  expect(await app.diagramSvg()).not.toBe(before);
  expect(page.url()).toContain('f=leases');
  expect(await serious(page)).toEqual([]);

  // A scenario chosen in the drawer; the close button closes it.
  await open.click();
  await page.getByTestId('scenario-picker').click();
  // Esc closes the open menu first, then the drawer.
  await page.keyboard.press('Escape');
  await expect(page.locator('.picker-menu')).toHaveCount(0);
  await expect(drawer).toBeVisible();
  await page.getByTestId('scenario-picker').click();
  await page.getByTestId('scenario-duplicate-insert').click();
  await page.getByTestId('drawer-close').click();
  await expect(drawer).toBeHidden();
  await expect(open).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(
    'Cache-aside: set after delete',
  );
  expect(page.url()).toContain('s=duplicate-insert');
  expect(await app.diagramSvg()).not.toBe(before);
});

test('the app’s shortcuts do not act behind the open drawer', async ({ app, page }) => {
  await app.open(linkTo('cache-aside-set-after-delete', 'none'));
  await app.step();
  await app.expectStep(1);
  await page.getByTestId('drawer-open').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('p');
  await expect(page.getByTestId('presentation')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await app.expectStep(1);
  await page.keyboard.press('ArrowRight');
  await app.expectStep(2);
});
