import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { encodeModelLink } from '../src/share/model';
import { expect, linkTo, test, AppPage } from './fixtures/app';

test.use({ viewport: { width: 1280, height: 720 } });
// Each test loads the authoring code, checks and explores models in workers, often in two pages.
test.describe.configure({ timeout: 90_000 });

/** A model written from scratch: a reader and a writer racing on a cached row. */
const MODEL = `format: interleave/1
id: lost-update
title: 'Lost update: a stale write-back'
story: A reader fills the cache after a writer updated the row and deleted the key.
actors:
  - id: reader
    label: Reader
    kind: raeder
    options: { key: 'user:1', mode: set, ttl: null, cache: cache, db: db }
  - id: writer
    label: Writer
    kind: writer
    options: { key: 'user:1', mode: delete, delay: 3, ttl: null, cache: cache, db: db }
  - { id: cache, label: Cache, kind: cache }
  - id: db
    label: Database
    kind: database
    options:
      rows: { 'user:1': { value: v1, version: 1 } }
invariants:
  - { use: stale-at-quiescence, role: harm, cache: cache, db: db }
fixes:
  - { id: none, label: No fix, summary: Reader fills on a miss; writer deletes. }
  - id: leases
    label: Leases
    summary: A DEL voids the reader's lease.
    options:
      reader: { mode: lease }
`;

/** Checking runs in a worker and the editor loads on first use: allow for a busy machine. */
const LOADING = { timeout: 20_000 };

const editorText = (page: Page) => page.getByTestId('model-editor-text');

/** Replaces the editor's text with `text`, as typed in one go. */
async function write(page: Page, text: string): Promise<void> {
  await editorText(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Dismisses every notice (they take height from the diagram, which changes its fit). */
async function clearNotices(page: Page): Promise<void> {
  const close = page.locator('.notice-close');
  while ((await close.count()) > 0) await close.first().click();
}

async function serious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    );
}

test('write a model, see an error appear and clear, find the race, and share it', async ({
  app,
  page,
  browser,
}) => {
  await app.open('/');
  await page.getByTestId('new-incident').click();
  await expect(page.getByTestId('model-status')).toContainText('The model loads', LOADING);
  await expect(page.getByTestId('authored-banner')).toContainText(
    'authored model — not a built-in',
  );

  await write(page, MODEL);
  // The misspelt kind is reported at its line and column, inline and in the list.
  const errors = page.getByTestId('model-errors');
  await expect(errors).toContainText('8:11', LOADING);
  await expect(errors).toContainText('actors[0].kind');
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);
  // The diagram keeps the last model that loaded (the template's title).
  await expect(page.getByRole('heading', { level: 1 })).toContainText('My incident');

  // Go to the error from the list, and correct the word there.
  await errors.getByRole('button', { name: '8:11' }).click();
  await page.keyboard.press('Shift+End');
  await page.keyboard.insertText('reader');
  await expect(page.getByTestId('model-status')).toContainText('The model loads', LOADING);
  await expect(errors).toHaveCount(0);
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lost update');

  // The race is found in the worker as the model loads; Find the race shows it again.
  await app.findRace();
  await expect(page.getByTestId('violation-mark')).toBeVisible();
  await expect(app.stepCount).not.toContainText('Step 0 / 0');
  // The chance of harm along the run is computed for the authored model too.
  await expect(page.getByTestId('chance-readout')).toContainText('harm', { timeout: 20_000 });
  const step = await app.stepCount.textContent();

  // One click judges every fix of the model.
  await page.getByTestId('model-judge').click();
  const mark = (fix: string) =>
    page.getByTestId('model-editor').locator(`[data-testid=matrix-mark][data-fix=${fix}]`);
  await expect(mark('none')).toHaveAttribute('data-mark', '✗', { timeout: 20_000 });
  await expect(mark('leases')).toHaveAttribute('data-mark', '✓', { timeout: 20_000 });

  await page.getByTestId('copy-link').click();
  const link = page.url();
  expect(new URL(link).hash).toContain('&am=1.');
  await expect(page.getByTestId('model-link-size')).toContainText('of 8,000 characters');
  // A link opens the model and its run, not the editor: compare the same layout.
  await page.getByTestId('model-editor-close').click();
  const original = await app.diagramSvg();

  const context = await browser.newContext({ viewport: page.viewportSize() });
  const fresh = new AppPage(await context.newPage());
  await fresh.open(link);
  await expect(fresh.page.getByTestId('authored-banner')).toContainText(
    'authored model — not a built-in',
  );
  await expect(fresh.page.getByRole('heading', { level: 1 })).toContainText('Lost update');
  await expect(fresh.stepCount).toHaveText(step ?? '');
  expect(await fresh.diagramSvg()).toBe(original);
  expect(fresh.page.url()).toBe(link);
  fresh.expectNoErrors();
  await context.close();
});

test('a model too long for a link offers its .yaml, which opens the link’s run when dropped', async ({
  app,
  page,
  browser,
}) => {
  await app.open('/');
  await page.getByTestId('new-incident').click();
  await expect(page.getByTestId('model-status')).toContainText('The model loads', LOADING);
  // Comments that do not compress: a deterministic scramble of letters.
  let seed = 7;
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const lines: string[] = [];
  for (let i = 0; i < 130; i++) {
    let line = '# ';
    for (let j = 0; j < 76; j++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      line += letters[seed % letters.length];
    }
    lines.push(line);
  }
  const long = `${MODEL.replace('raeder', 'reader')}${lines.join('\n')}\n`;
  await write(page, long);
  await expect(page.getByTestId('model-too-large')).toBeVisible();
  await expect(page.getByTestId('notice-warning')).toContainText('too long to travel in a link');
  await app.findRace();
  const step = await app.stepCount.textContent();
  expect(new URL(page.url()).hash).not.toContain('am=');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('model-too-large').getByRole('button', { name: 'Download .yaml' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('lost-update.yaml');
  const saved = readFileSync((await download.path()) ?? '', 'utf8');
  expect(saved).toBe(long);
  await clearNotices(page);
  const original = await app.diagramSvg();

  const context = await browser.newContext({ viewport: page.viewportSize() });
  const fresh = new AppPage(await context.newPage());
  await fresh.open(page.url());
  await expect(fresh.page.getByTestId('notice-warning')).toContainText('did not fit');
  const transfer = await fresh.page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'lost-update.yaml', { type: 'application/yaml' }));
    return data;
  }, saved);
  await fresh.page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(fresh.page.getByTestId('authored-banner')).toBeVisible();
  await expect(fresh.stepCount).toHaveText(step ?? '');
  await clearNotices(fresh.page);
  expect(await fresh.diagramSvg()).toBe(original);
  fresh.expectNoErrors();
  await context.close();
});

test('a run of an authored model exported as JSON reopens with its model, banner and diagram', async ({
  app,
  page,
  browser,
}) => {
  // The queued-cache example: commands wait behind a long DEL on Redis's one thread.
  const lock = readFileSync('examples/lock-behind-slow-command.yaml', 'utf8');
  await app.open('/');
  await page.getByTestId('new-incident').click();
  await expect(page.getByTestId('model-status')).toContainText('The model loads', LOADING);
  await write(page, lock);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cache lock', LOADING);
  await app.findRace();
  await expect(page.getByTestId('violation-mark')).toBeVisible();
  // The long DEL is a span on the cache's lifeline: 30 ticks that the commands behind it wait.
  await expect(app.diagram).toContainText('DEL 30t');
  await page.getByTestId('model-editor-close').click();
  await clearNotices(page);
  const step = await app.stepCount.textContent();
  const original = await app.diagramSvg();

  await page.getByTestId('export-toggle').click();
  const [file] = await Promise.all([
    page.waitForEvent('download') as Promise<Download>,
    page.getByTestId('export-json').click(),
  ]);
  const data = readFileSync((await file.path()) ?? '');
  expect(JSON.parse(data.toString('utf8')).model).toBe(lock);

  const context = await browser.newContext({ viewport: page.viewportSize() });
  const fresh = new AppPage(await context.newPage());
  await fresh.open('/');
  await fresh.page.getByTestId('export-toggle').click();
  await fresh.page.getByTestId('import-json').setInputFiles({
    name: 'run.json',
    mimeType: 'application/json',
    buffer: data,
  });
  await expect(fresh.page.getByTestId('authored-banner')).toContainText(
    'authored model — not a built-in',
    LOADING,
  );
  await expect(fresh.page.getByRole('heading', { level: 1 })).toContainText('Cache lock');
  await expect(fresh.stepCount).toHaveText(step ?? '');
  await clearNotices(fresh.page);
  expect(await fresh.diagramSvg()).toBe(original);
  fresh.expectNoErrors();
  await context.close();
});

test('bad authored links say why and lose nothing', async ({ app, page }) => {
  await app.open('/#v=1&s=authored-x&f=none&am=1.not-a-model');
  await expect(page.getByTestId('notice-error')).toContainText('authored model cannot be opened');
  await expect(page.getByTestId('refused-link')).toContainText('am=1.not-a-model');
  await expect(page.getByTestId('authored-banner')).toHaveCount(0);

  // A model that travels whole but does not load opens in the editor with its errors.
  const packed = encodeModelLink(MODEL);
  if (!packed.ok) throw new Error('the model should fit in a link');
  await page.goto('about:blank');
  await page.goto(`/#v=1&s=authored-x&f=none&am=${packed.packed}`);
  await expect(page.getByTestId('notice-error')).toContainText('does not load');
  await expect(page.getByTestId('refused-link')).toContainText(packed.packed.slice(0, 40));
  await expect(page.getByTestId('model-errors')).toContainText('8:11', LOADING);
  await expect(editorText(page)).toContainText('lost-update');
  app.errors.length = 0;
});

test('edit a copy of a built-in, or hear why there is none', async ({ app, page }) => {
  await app.open(linkTo('duplicate-insert', 'none'));
  await page.getByTestId('edit-copy').click();
  await expect(editorText(page)).toContainText('id: duplicate-insert');
  await expect(page.getByTestId('model-status')).toContainText('The model loads', LOADING);
  await expect(page.getByTestId('authored-banner')).toBeVisible();
  await page.getByTestId('model-editor-close').click();
  await expect(page.getByTestId('model-editor')).toHaveCount(0);

  await app.open(linkTo('write-behind-loss', 'none'));
  await page.getByTestId('edit-copy').click();
  await expect(page.getByTestId('notice-info')).toContainText('no copy to edit');
  await expect(page.getByTestId('model-editor')).toHaveCount(0);
});

test('completion offers actor kinds from the schema', async ({ app, page }) => {
  await app.open('/');
  await page.getByTestId('new-incident').click();
  await expect(page.getByTestId('model-status')).toContainText('The model loads', LOADING);
  await write(page, 'actors:\n  - id: a\n    kind: req');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('request-thread');
  await page.locator('.cm-tooltip-autocomplete li', { hasText: 'request-thread' }).click();
  await expect(editorText(page)).toContainText('kind: request-thread');
});

test('autosave keeps an authored model and restores it', async ({ app, page, context }) => {
  await app.open('/');
  await page.getByTestId('new-incident').click();
  await expect(page.getByTestId('model-status')).toContainText('The model loads', LOADING);
  await write(page, MODEL.replace('raeder', 'reader'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lost update');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('interleave:session') ?? ''))
    .toContain('lost-update');
  await page.close();
  const again = new AppPage(await context.newPage());
  await again.open('/');
  await expect(again.page.getByTestId('restore-offer')).toContainText('authored model');
  await again.page.getByTestId('restore-button').click();
  await expect(again.page.getByTestId('authored-banner')).toBeVisible();
  await expect(again.page.getByRole('heading', { level: 1 })).toContainText('Lost update');
  again.expectNoErrors();
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe with the editor open (${scheme})`, () => {
    test.use({ colorScheme: scheme });
    test('0 serious or critical', async ({ app, page }) => {
      await app.open('/');
      await page.getByTestId('new-incident').click();
      await expect(page.getByTestId('model-status')).toContainText('The model loads', LOADING);
      await app.findRace();
      expect(await serious(page)).toEqual([]);
      await write(page, MODEL);
      await expect(page.getByTestId('model-errors')).toContainText('8:11', LOADING);
      expect(await serious(page)).toEqual([]);
    });
  });
}
