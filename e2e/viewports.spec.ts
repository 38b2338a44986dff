import { expect, test } from './fixtures/app';
import { SIZES, unreachable } from './fixtures/layout';

for (const size of SIZES) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('no overflow, no control out of reach, the diagram in view', async ({ app, page }) => {
      await app.open('/');
      await app.findRace();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await unreachable(page)).toEqual([]);
      // The diagram is on screen and wide enough to read, at the top of the page.
      await page.evaluate(() => window.scrollTo(0, 0));
      const box = (await app.diagram.boundingBox())!;
      expect(box.width).toBeGreaterThan(size.width * 0.5);
      expect(box.height).toBeGreaterThan(250);
      expect(box.y).toBeLessThan(size.height * 0.5);
      // The step controls are in view without scrolling.
      const step = (await page.getByTestId('step').boundingBox())!;
      expect(step.y + step.height).toBeLessThanOrEqual(size.height);
      await app.shot(`viewport-${size.width}`);
    });
  });
}

test.describe('type size at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('no text of the page is under 12 px (the diagram scales with its zoom)', async ({
    app,
    page,
  }) => {
    await app.open('/');
    await app.findRace();
    const small = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || el.closest('svg')) continue;
        if (el.getBoundingClientRect().width === 0) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < 12) out.push(`${n.textContent.trim().slice(0, 20)}: ${size}px`);
      }
      return out;
    });
    expect(small).toEqual([]);
  });
});
