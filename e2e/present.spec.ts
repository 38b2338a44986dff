import { expect, test, type AppPage } from './fixtures/app';
import type { Page } from '@playwright/test';

/** Opens the default scenario with its race found and the cursor back at the start. */
async function raceAtStart(app: AppPage, page: Page): Promise<string[]> {
  await app.open('/');
  await app.findRace();
  await app.expectStep(5, 5);
  const lines = await page.getByTestId('narrative').locator('li').allInnerTexts();
  await page.keyboard.press('Home');
  await app.expectStep(0, 5);
  // Drop the step numbers the list shows before each sentence.
  return lines.map((l) => l.replace(/^\d+\s*/, '').trim());
}

/** Returns the smallest rendered font size (px on screen) of the diagram's text. */
function smallestDiagramText(page: Page): Promise<number> {
  return page.getByTestId('presentation').evaluate((root) => {
    let min = Infinity;
    for (const el of root.querySelectorAll('svg text')) {
      const text = el as SVGTextElement;
      if (!text.textContent?.trim() || text.getBBox().width === 0) continue;
      const scale = text.getScreenCTM()?.a ?? 1;
      min = Math.min(min, parseFloat(getComputedStyle(text).fontSize) * scale);
    }
    return min;
  });
}

test.describe('presentation mode', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('P presents, arrows reveal step by step, N shows notes, Esc leaves', async ({
    app,
    page,
  }) => {
    const lines = await raceAtStart(app, page);
    await page.keyboard.press('p');
    const present = page.getByTestId('presentation');
    await expect(present).toBeVisible();
    await expect(page.getByTestId('present-count')).toHaveText('Step 0 of 5');
    await expect(page.getByTestId('present-caption')).toContainText('Start:');
    // Nothing of the run is drawn before it is revealed.
    const diagram = present.getByTestId('sequence-diagram');
    await expect(diagram).toHaveAttribute('data-steps', '0');

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('present-count')).toHaveText('Step 2 of 5');
    await expect(page.getByTestId('present-caption')).toContainText(lines[2]!);
    await expect(diagram).toHaveAttribute('data-steps', '2');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('present-count')).toHaveText('Step 1 of 5');
    await expect(page.getByTestId('present-caption')).toContainText(lines[1]!);

    // Revealing never goes past the pinned run (it does not invent steps).
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('present-count')).toHaveText('Step 5 of 5');
    await expect(present.getByTestId('violation-mark')).toHaveCount(1);

    await expect(page.getByTestId('present-notes')).toHaveCount(0);
    await page.keyboard.press('n');
    await expect(page.getByTestId('present-notes')).toContainText('No note on this step.');
    await page.keyboard.press('N');
    await expect(page.getByTestId('present-notes')).toHaveCount(0);

    await page.keyboard.press('Escape');
    await expect(present).toHaveCount(0);
    await app.expectStep(5, 5);
    // The button enters too, and Exit leaves.
    await page.getByTestId('present-toggle').click();
    await expect(present).toBeVisible();
    await page.getByTestId('present-exit').click();
    await expect(present).toHaveCount(0);
  });
});

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test.describe(`presentation at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('fills the screen with large type and nothing off-screen', async ({ app, page }) => {
      await raceAtStart(app, page);
      await page.getByTestId('present-toggle').click();
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('n');
      await expect(page.getByTestId('present-count')).toHaveText('Step 5 of 5');
      const box = await page
        .getByTestId('presentation')
        .getByTestId('sequence-diagram')
        .boundingBox();
      expect(box!.width).toBeGreaterThan(viewport.width * 0.6);
      expect(box!.height).toBeGreaterThan(viewport.height * 0.5);
      expect(await smallestDiagramText(page)).toBeGreaterThanOrEqual(14);
      const caption = await page
        .getByTestId('present-caption')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(caption).toBeGreaterThanOrEqual(20);
      const overflow = await page.evaluate(() => ({
        x: document.documentElement.scrollWidth - window.innerWidth,
        y: document.documentElement.scrollHeight - window.innerHeight,
      }));
      expect(overflow).toEqual({ x: 0, y: 0 });
      for (const control of await page.getByTestId('presentation').getByRole('button').all()) {
        const b = (await control.boundingBox())!;
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y + b.height).toBeLessThanOrEqual(viewport.height);
        expect(b.x + b.width).toBeLessThanOrEqual(viewport.width);
      }
      await app.shot(`present-${viewport.width}`);
    });
  });
}

/** Returns the top and bottom of a row of the presented diagram, and the stage's edges. */
function rowBox(page: Page, row: number) {
  return page.getByTestId('presentation').evaluate((root, n) => {
    const svg = root.querySelector('svg[data-testid="sequence-diagram"]')!.getBoundingClientRect();
    const headers = [...root.querySelectorAll('[data-testid^="lifeline-"] rect')].map(
      (r) => r.getBoundingClientRect().bottom,
    );
    const rect = root.querySelector(`[data-testid="row-${n}"] rect`)?.getBoundingClientRect();
    return {
      top: rect?.top ?? NaN,
      bottom: rect?.bottom ?? NaN,
      headers: Math.max(...headers),
      stageBottom: svg.bottom,
    };
  }, row);
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`opening the presentation at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('opens at the top with the current step in view; revealing keeps the scale', async ({
      app,
      page,
    }) => {
      await app.open('/');
      await app.findRace();
      await app.expectStep(5, 5);
      // Entered at the last step, with the presenter's notes shown (a narrower stage).
      await page.keyboard.press('p');
      await page.keyboard.press('n');
      await expect(page.getByTestId('present-notes')).toBeVisible();
      await expect(page.getByTestId('present-count')).toHaveText('Step 5 of 5');
      await page.waitForTimeout(300);
      const start = await rowBox(page, 0);
      const last = await rowBox(page, 5);
      // The start row is not scrolled under the headers, and step 5 is whole on the stage.
      expect(start.top).toBeGreaterThanOrEqual(start.headers);
      expect(last.bottom).toBeLessThanOrEqual(last.stageBottom);
      expect(await smallestDiagramText(page)).toBeGreaterThanOrEqual(14);
      const caption = page.getByTestId('present-caption');
      await expect(caption).toBeInViewport({ ratio: 1 });
      expect(
        await caption.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
      ).toBeGreaterThanOrEqual(20);

      // Back to the start and step by step again: the diagram does not scroll.
      await page.keyboard.press('Home');
      await expect(page.getByTestId('present-count')).toHaveText('Step 0 of 5');
      await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('present-count')).toHaveText('Step 1 of 5');
      await page.waitForTimeout(200);
      const first = await rowBox(page, 0);
      for (let i = 1; i < 5; i++) await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('present-count')).toHaveText('Step 5 of 5');
      await page.waitForTimeout(200);
      expect(Math.abs((await rowBox(page, 0)).top - first.top)).toBeLessThan(1);
      const end = await rowBox(page, 5);
      expect(end.bottom).toBeLessThanOrEqual(end.stageBottom);
      await app.shot(`present-open-${viewport.width}`);
    });
  });
}
