import type { BrowserContext, Page } from '@playwright/test';
import { expect, linkTo, test, AppPage } from './fixtures/app';

test.use({ viewport: { width: 1366, height: 768 } });

/** Does work worth keeping: the race found and a title, saved to storage. */
async function work(app: AppPage, page: Page, title: string): Promise<void> {
  await app.open('/');
  await app.findRace();
  await page.getByTestId('title-input').fill(title);
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('interleave:session') ?? ''))
    .toContain(title);
}

async function openFresh(context: BrowserContext, path: string): Promise<AppPage> {
  const app = new AppPage(await context.newPage());
  await app.open(path);
  return app;
}

test('reopening without a link offers the saved session, and restores it', async ({
  app,
  page,
  context,
}) => {
  await work(app, page, 'My postmortem');
  await page.close();
  const again = await openFresh(context, '/');
  const offer = again.page.getByTestId('restore-offer');
  await expect(offer).toContainText('My postmortem');
  await expect(offer).toContainText('5 steps');
  await again.expectStep(0, 0);
  await again.page.getByTestId('restore-button').click();
  await again.expectStep(5, 5);
  await expect(again.page.getByTestId('title-input')).toHaveValue('My postmortem');
  await expect(offer).toHaveCount(0);
  // A reload keeps the same work, so there is nothing to offer.
  await again.page.reload();
  await again.expectStep(5, 5);
  await expect(again.page.getByTestId('restore-offer')).toHaveCount(0);
  again.expectNoErrors();
});

test('opening a shared link keeps the saved work, which can be restored', async ({
  app,
  page,
  context,
}) => {
  await work(app, page, 'Work in progress');
  const shared = await openFresh(context, linkTo('duplicate-insert', 'none'));
  await expect(shared.page.getByRole('heading', { level: 1 })).toContainText(/insert/i);
  await expect(shared.page.getByTestId('restore-offer')).toContainText('Work in progress');
  // Working on the shared link does not touch the kept work.
  await shared.step();
  await shared.page.waitForTimeout(600);
  const kept = await shared.page.evaluate(() => localStorage.getItem('interleave:kept') ?? '');
  expect(kept).toContain('Work in progress');
  await shared.page.getByTestId('restore-button').click();
  await shared.expectStep(5, 5);
  await expect(shared.page.getByTestId('title-input')).toHaveValue('Work in progress');
  // The shared run, now replaced, is kept in turn.
  await expect
    .poll(() => shared.page.evaluate(() => localStorage.getItem('interleave:kept') ?? ''))
    .toContain('duplicate-insert');
  shared.expectNoErrors();
});

test('throwing storage: the app works, loses nothing and says so once', async ({ context }) => {
  await context.addInitScript(() => {
    const fail = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Storage.prototype.getItem = fail;
    Storage.prototype.setItem = fail;
  });
  const app = await openFresh(context, '/');
  const page = app.page;
  await expect(page.getByTestId('notice-warning')).toContainText('Autosave is off');
  await app.findRace();
  await page.getByTestId('title-input').fill('Still here');
  await page.getByTestId('notice-warning').getByRole('button', { name: 'Dismiss' }).click();
  await page.getByTestId('title-input').fill('Still here, edited');
  await app.back();
  await page.waitForTimeout(600);
  await expect(page.getByTestId('notice-warning')).toHaveCount(0);
  await app.expectStep(4, 5);
  await expect(page.getByTestId('title-input')).toHaveValue('Still here, edited');
  app.expectNoErrors();
});

test('full storage: saved work is never overwritten when it cannot be kept', async ({
  app,
  page,
  context,
}) => {
  await work(app, page, 'Precious');
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  const shared = await openFresh(context, linkTo('duplicate-insert', 'none'));
  await expect(shared.page.getByTestId('notice-warning')).toContainText('Autosave is off');
  await shared.step();
  await shared.page.waitForTimeout(600);
  const saved = await shared.page.evaluate(() => localStorage.getItem('interleave:session') ?? '');
  expect(saved).toContain('Precious');
  await expect(shared.page.getByTestId('notice-warning')).toHaveCount(1);
  shared.expectNoErrors();
});
