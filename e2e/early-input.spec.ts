import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';

/**
 * Holds the model's chunk (the engine and the machines, fetched after the first paint) until
 * the returned function is called, so a test can act before the model has arrived.
 */
async function holdModel(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/live-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('the first diagram is drawn before the model arrives; steps taken meanwhile then happen, in order', async ({
  app,
  page,
}) => {
  const release = await holdModel(page);
  await app.open('/');
  await expect(page.getByTestId('ghost-reader--cache')).toBeVisible();
  await app.expectStep(0, 0);
  await app.step();
  await page.keyboard.press('ArrowRight');
  // The model is held back: nothing has happened yet, and nothing is lost.
  await expect(page.getByTestId('diagram-status')).toHaveText(
    'Ready: press Step or click a dashed arrow',
  );
  await app.expectStep(0, 0);
  release();
  await app.expectStep(2, 2);
  await app.back();
  await app.expectStep(1, 2);
  expect(app.errors).toEqual([]);
});

test('a dashed arrow clicked before the model arrives is taken once it has', async ({
  app,
  page,
}) => {
  const release = await holdModel(page);
  await app.open('/');
  // Not the step the Step button would take (the reader's GET comes first).
  await page.getByTestId('ghost-writer--db').click();
  await app.expectStep(0, 0);
  release();
  await app.expectStep(1, 1);
  await expect(page.locator('[data-testid^="arrow-writer->db#"]')).toHaveCount(1);
  await expect(page.locator('[data-testid^="arrow-reader->cache#"]')).toHaveCount(0);
  expect(app.errors).toEqual([]);
});

test('a dashed arrow taken with the keyboard before the model arrives leaves the keyboard on the next ones', async ({
  app,
  page,
}) => {
  const release = await holdModel(page);
  await app.open('/');
  await page.getByTestId('ghost-reader--cache').focus();
  await page.keyboard.press('Enter');
  await app.expectStep(0, 0);
  release();
  await app.expectStep(1, 1);
  await expect(page.locator(':focus')).toHaveAttribute('data-key', /.+/);
  await page.keyboard.press(' ');
  await app.expectStep(2, 2);
  expect(app.errors).toEqual([]);
});
