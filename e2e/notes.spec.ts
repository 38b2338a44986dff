import { expect, test, AppPage } from './fixtures/app';

test.use({ viewport: { width: 1366, height: 768 } });

const HOSTILE = '<img src=x onerror="window.__pwned=1"> & "quotes" #v=9';

test('a title and a step note round-trip through a link, as plain text', async ({
  app,
  page,
  browser,
}) => {
  await app.open('/');
  await app.findRace();
  await app.back();
  await app.back();
  await app.expectStep(3, 5);
  await page.getByTestId('title-input').fill('Postmortem: the stale user:1');
  await page.getByTestId('note-input').fill(`The writer wins here. ${HOSTILE}`);
  await expect(page.getByTestId('step-note-3')).toContainText('The writer wins here.');
  await expect(page.getByTestId('narrative-note-3')).toHaveText(`The writer wins here. ${HOSTILE}`);
  await expect(page).toHaveURL(/#v=3&.*&a=/);
  const link = page.url();
  expect(new URL(link).hash.length).toBeLessThan(400);

  const context = await browser.newContext({ viewport: page.viewportSize() });
  const fresh = new AppPage(await context.newPage());
  await fresh.open(link);
  const p = fresh.page;
  await fresh.expectStep(3, 5);
  await expect(p.getByTestId('title-input')).toHaveValue('Postmortem: the stale user:1');
  await expect(p.getByTestId('note-input')).toHaveValue(`The writer wins here. ${HOSTILE}`);
  await expect(p.getByTestId('step-note-3')).toContainText('The writer wins here.');
  // Text, never markup: no image was made and nothing ran.
  expect(await p.locator('img').count()).toBe(0);
  expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
    undefined,
  );
  // The presentation shows the title and the note in the caption.
  await p.keyboard.press('p');
  await expect(p.getByTestId('present-title')).toHaveText('Postmortem: the stale user:1');
  await expect(p.getByTestId('present-caption-note')).toHaveText(
    `The writer wins here. ${HOSTILE}`,
  );
  await p.keyboard.press('ArrowRight');
  await expect(p.getByTestId('present-caption-note')).toHaveCount(0);
  fresh.expectNoErrors();
  await context.close();
});

test('notes too long for a link: the link leaves them out and says so once', async ({
  app,
  page,
}) => {
  await app.open('/');
  await page.getByTestId('granularity-messages').click();
  await app.findRace();
  await app.expectStep(10, 10);
  // Notes that do not compress, on every step, past what a link may hold.
  const noise = (seed: number) =>
    Array.from({ length: 500 }, (_, i) =>
      String.fromCharCode(0x4e00 + ((seed * 7919 + i * 104729) % 20000)),
    ).join('');
  await page.getByTestId('note-input').fill('short');
  await expect(page).toHaveURL(/#v=3&.*&a=/);
  for (let step = 10; step >= 1; step--) {
    await page.getByTestId('note-input').fill(noise(step));
    if (step > 1) await app.back();
  }
  const notice = page.getByTestId('notice-warning');
  await expect(notice).toContainText('notes make the link too long');
  expect(page.url()).not.toContain('&a=');
  expect(page.url()).toMatch(/#v=1&/);
  // Once dismissed, further edits do not bring the message back; the notes are all kept.
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByTestId('note-input').fill(noise(11));
  await page.getByTestId('note-input').fill(noise(12));
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('narrative').locator('.narrative-note')).toHaveCount(10);
});
