import type { Locator } from '@playwright/test';
import { BUILT_IN_INFO } from '../src/scenarios/info';
import { expect, linkTo, test } from './fixtures/app';
import { offScreen, seriousAxe } from './fixtures/layout';

// A phone's diagram is read, not glimpsed: its text measured as rendered (font size times the
// scale the diagram is shown at), its current step in view, and the page never wider than it.

/** Returns the smallest rendered size (px) of the diagram's text, and the text that has it. */
function smallestText(diagram: Locator): Promise<{ size: number; text: string }> {
  return diagram.evaluate((svg) => {
    let best = { size: Infinity, text: '' };
    for (const el of svg.querySelectorAll<SVGTextElement>('text')) {
      const text = el.textContent?.trim() ?? '';
      const box = el.getBBox();
      if (!text || box.width === 0) continue;
      // The scale the text is drawn at: its box on screen over its box in its own units.
      const scale = el.getBoundingClientRect().width / box.width;
      const size = parseFloat(getComputedStyle(el).fontSize) * scale;
      if (size < best.size) best = { size: Math.round(size * 10) / 10, text };
    }
    return best;
  });
}

/**
 * Returns how far the current step's arrows stick out of the diagram's view sideways (0 when
 * they are in it; where they are wider than the view, their left end must be in it).
 */
function stepOutOfView(diagram: Locator): Promise<number> {
  return diagram.evaluate((svg) => {
    const row = svg.getAttribute('data-cursor');
    const view = svg.getBoundingClientRect();
    const axis = svg.querySelector('[data-testid="time-axis"]')!.getBoundingClientRect();
    const left = Math.max(view.left, axis.right - 8);
    const arrows = [...svg.querySelectorAll(`[data-testid^="arrow-"][data-row="${row}"]`)];
    if (arrows.length === 0) return 0;
    const boxes = arrows.map((a) => a.getBoundingClientRect());
    const x0 = Math.min(...boxes.map((b) => b.left));
    const x1 = Math.max(...boxes.map((b) => b.right));
    const room = view.right - left;
    const right = x1 - x0 <= room ? x1 : x0;
    return Math.max(0, left - x0, right - view.right);
  });
}

test.describe('a phone upright', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const { id } of BUILT_IN_INFO) {
    test(`${id}: every step of its default run is read at 11 px or more, in view, the page no wider than the phone`, async ({
      app,
      page,
    }) => {
      test.slow();
      await app.open(linkTo(id, 'none'));
      const diagram = app.diagram;
      const step = page.getByTestId('step');
      let cursor = 0;
      for (; cursor < 40; cursor++) {
        await expect(diagram).toHaveAttribute('data-cursor', String(cursor));
        // The view moves after the layout: let it settle.
        await page.waitForTimeout(50);
        const smallest = await smallestText(diagram);
        expect(smallest.size, `${id} at ${cursor}: "${smallest.text}"`).toBeGreaterThanOrEqual(11);
        expect(await stepOutOfView(diagram), `${id} at ${cursor}`).toBe(0);
        expect(await offScreen(page), `${id} at ${cursor}`).toEqual({ overflow: 0, outside: [] });
        if (!(await step.isEnabled())) break;
        await step.click();
      }
      expect(cursor, `${id} ran`).toBeGreaterThan(2);
      // The diagram is wider than the phone: it pans sideways, the page does not.
      const lanes = await diagram.evaluate((svg) => {
        const row = svg.querySelector('[data-testid="row-0"] rect')!.getBoundingClientRect();
        return row.width - svg.getBoundingClientRect().width;
      });
      expect(lanes).toBeGreaterThan(0);
    });
  }

  test('a drag pans the diagram sideways, and the next step brings its arrows back', async ({
    app,
    page,
  }) => {
    await app.open(linkTo('cache-aside-set-after-delete', 'none'));
    await app.findRace();
    await page.keyboard.press('Home');
    const header = page.getByTestId('lifeline-db');
    const before = (await header.boundingBox())!;
    expect(before.x + before.width).toBeGreaterThan(390);
    const svg = (await app.diagram.boundingBox())!;
    await page.mouse.move(svg.x + 300, svg.y + 200);
    await page.mouse.down();
    await page.mouse.move(svg.x + 150, svg.y + 200, { steps: 5 });
    await page.mouse.up();
    const after = (await header.boundingBox())!;
    expect(after.x).toBeLessThan(before.x - 100);
    expect(after.x + after.width).toBeLessThanOrEqual(390);
    // Back to the start of the run: the next step, Reader to Cache, is brought into view.
    await app.step();
    await page.waitForTimeout(100);
    expect(await stepOutOfView(app.diagram)).toBe(0);
    expect(await offScreen(page)).toEqual({ overflow: 0, outside: [] });
  });
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 844, height: 390 },
]) {
  test.describe(`presenting on a phone at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the diagram fills the screen, read at 11 px or more; the caption and every control in view', async ({
      app,
      page,
    }) => {
      await app.open('/');
      await app.findRace();
      if (await page.getByTestId('drawer-open').isVisible()) {
        await page.getByTestId('drawer-open').click();
        await page.getByTestId('present-toggle').click();
      } else await page.keyboard.press('p');
      const present = page.getByTestId('presentation');
      await expect(present).toBeVisible();
      await page.keyboard.press('Home');
      const diagram = present.getByTestId('sequence-diagram');
      for (let c = 0; c <= 5; c++) {
        if (c > 0) await page.keyboard.press('ArrowRight');
        await expect(page.getByTestId('present-count')).toHaveText(`Step ${c} of 5`);
        await page.waitForTimeout(50);
        expect((await smallestText(diagram)).size, `step ${c}`).toBeGreaterThanOrEqual(11);
        expect(await stepOutOfView(diagram), `step ${c}`).toBe(0);
      }
      const stage = (await diagram.boundingBox())!;
      // The stage takes most of the screen; the whole run fills it the longer way (upright, its
      // height, panned sideways; on its side, its width, scrolled down the run).
      expect(stage.width * stage.height).toBeGreaterThan(0.45 * viewport.width * viewport.height);
      const drawn = await diagram.evaluate((svg) => {
        const headers = [...svg.querySelectorAll('[data-testid^="lifeline-"] rect')].map((r) =>
          r.getBoundingClientRect(),
        );
        const last = svg.querySelector('[data-testid="row-5"] rect')!.getBoundingClientRect();
        return { right: Math.max(...headers.map((h) => h.right)), bottom: last.bottom };
      });
      const across = (drawn.right - stage.x) / stage.width;
      const down = (drawn.bottom - stage.y) / stage.height;
      expect(Math.max(across, down), JSON.stringify({ across, down })).toBeGreaterThan(0.88);
      expect(drawn.bottom).toBeLessThanOrEqual(stage.y + stage.height);
      if (viewport.width < viewport.height) expect(down).toBeGreaterThan(0.75);
      else expect(across).toBeGreaterThan(0.75);
      // The caption: whole, in view, in large type.
      const caption = page.getByTestId('present-caption');
      await expect(caption).toBeInViewport({ ratio: 1 });
      await expect(caption).toContainText('Reader SETs v1 into Cache');
      expect(
        await caption.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
      ).toBeGreaterThanOrEqual(16);
      // The presenter's notes open beside or under it; nothing goes off the screen.
      await page.keyboard.press('n');
      await expect(page.getByTestId('present-notes')).toBeInViewport();
      await expect(caption).toBeInViewport({ ratio: 1 });
      const overflow = await page.evaluate(() => ({
        x: document.documentElement.scrollWidth - innerWidth,
        y: document.documentElement.scrollHeight - innerHeight,
      }));
      expect(overflow).toEqual({ x: 0, y: 0 });
      for (const control of await present.getByRole('button').all()) {
        const b = (await control.boundingBox())!;
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(viewport.width);
        expect(b.y + b.height).toBeLessThanOrEqual(viewport.height);
      }
      expect(await seriousAxe(page)).toEqual([]);
      await app.shot(`present-phone-${viewport.width}x${viewport.height}`);
    });
  });
}
