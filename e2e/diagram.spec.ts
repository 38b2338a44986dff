import { expect, test } from './fixtures/app';

// The size the app is designed for: a 1366×768 laptop.
test.use({ viewport: { width: 1366, height: 768 } });

const content = '[data-testid="sequence-diagram"] > g:first-of-type';

test('ghost arrows are keyboard buttons and focus follows the next ones', async ({ app, page }) => {
  await app.open('/');
  const ghost = page.getByTestId('ghost-reader--cache');
  await expect(ghost).toHaveAttribute('role', 'button');
  await expect(ghost).toHaveAttribute('aria-label', 'Deliver GET user:1 from Reader to Cache next');
  await ghost.focus();
  await page.keyboard.press('Enter');
  await app.expectStep(1, 1);
  // The chosen ghost is gone; the keyboard lands on the first of the new ones.
  await expect(page.locator(':focus')).toHaveAttribute('data-key', /.+/);
  await page.keyboard.press(' ');
  await app.expectStep(2, 2);
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
});

test('the race is marked where it breaks, and rows move the cursor', async ({ app, page }) => {
  await app.open('/');
  await app.findRace();
  const mark = page.getByTestId('violation-mark');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveAttribute('data-row', '5');
  await expect(mark).toContainText('stale v1 installed after v2 committed and invalidated');
  await expect(page.getByTestId('arrow-reader->cache#2')).toHaveAttribute('data-stale', 'true');
  await expect(page.getByTestId('cursor-line')).toHaveAttribute('data-cursor', '5');

  await page
    .getByTestId('row-2')
    .locator('rect')
    .click({ position: { x: 30, y: 8 } });
  await app.expectStep(2, 5);
  await expect(page.getByTestId('cursor-line')).toHaveAttribute('data-cursor', '2');
  await expect(page.getByTestId('arrow-reader->cache#2')).toHaveAttribute('opacity', '0.3');
  await expect(page.getByTestId('arrow-reader->db#1')).toHaveAttribute('opacity', '1');
});

test('the wheel pans the diagram and Fit brings it back', async ({ app, page }) => {
  await app.open('/');
  await app.findRace();
  await page.getByTestId('diagram-fit').click();
  const fitted = await page.locator(content).getAttribute('transform');
  await page.getByTestId('sequence-diagram').hover();
  await page.mouse.wheel(0, 200);
  await expect(page.locator(content)).not.toHaveAttribute('transform', fitted ?? '');
  await page.getByTestId('diagram-fit').click();
  await expect(page.locator(content)).toHaveAttribute('transform', fitted ?? '');
  await page.getByTestId('diagram-actual-size').click();
  await expect(page.locator(content)).toHaveAttribute('transform', /scale\(1\)/);
});

/** The scale in an svg transform attribute (`translate(x,y) scale(k)`). */
const scaleOf = (transform: string | null) => Number(/scale\(([^)]+)\)/.exec(transform ?? '')?.[1]);

test('at Fit the diagram is fitted again when its pane resizes; a zoom of the user is kept', async ({
  app,
  page,
}) => {
  await app.open('/');
  await app.findRace();
  await page.getByTestId('diagram-fit').click();
  const fittedWide = await page.locator(content).getAttribute('transform');
  await page.setViewportSize({ width: 1024, height: 700 });
  // Fitted again to the narrower pane: a new scale, which pressing Fit does not change.
  await expect(page.locator(content)).not.toHaveAttribute('transform', fittedWide ?? '');
  const refitted = await page.locator(content).getAttribute('transform');
  expect(scaleOf(refitted)).toBeLessThan(scaleOf(fittedWide));
  await page.getByTestId('diagram-fit').click();
  await expect(page.locator(content)).toHaveAttribute('transform', refitted ?? '');

  // A zoom of the user's (Ctrl + wheel, once d3-zoom is there) survives a resize.
  const box = (await app.diagram.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.up();
  await page.keyboard.down('Control');
  await expect(async () => {
    await page.mouse.wheel(0, -100);
    expect(scaleOf(await page.locator(content).getAttribute('transform'))).toBeGreaterThan(
      scaleOf(refitted),
    );
  }).toPass();
  await page.keyboard.up('Control');
  const zoomed = scaleOf(await page.locator(content).getAttribute('transform'));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.waitForTimeout(300);
  expect(scaleOf(await page.locator(content).getAttribute('transform'))).toBe(zoomed);
});
