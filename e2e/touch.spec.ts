import { expect, test } from './fixtures/app';

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the diagram does not show the mouse hint', async ({ app, page }) => {
    await app.open('/');
    await expect(page.getByTestId('diagram-fit')).toBeVisible();
    await expect(page.locator('.zoom-hint')).toBeHidden();
  });
});

test.describe('with a mouse', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the diagram shows how to pan and zoom', async ({ app, page }) => {
    await app.open('/');
    await expect(page.locator('.zoom-hint')).toHaveText('scroll to pan · Ctrl+scroll to zoom');
    await expect(page.locator('.zoom-hint')).toBeVisible();
  });
});
