import { expect, test } from './fixtures/app';

/**
 * The fonts (family list, style, weight, size) of the text the first view lays out: the
 * header, the diagram and the controls, not the side columns (drawn after the first paint);
 * with those of the type warm-up's spans that this viewport lays out (its groups whose media
 * query matches), put back in the page from index.html as served.
 */
const FONTS = `(async () => {
  const key = (el) => {
    const s = getComputedStyle(el);
    return [s.fontFamily, s.fontStyle, s.fontWeight, s.fontSize].join(' | ');
  };
  const drawn = new Set();
  for (const el of document.querySelectorAll('#root *')) {
    if (el.closest('.column-left, .column-right, title, option, [hidden]')) continue;
    if (el.getClientRects().length === 0) continue;
    const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (text || ((el.tagName === 'INPUT' || el.tagName === 'SELECT') && el.value)) drawn.add(key(el));
  }
  const html = await (await fetch('/')).text();
  const warmup = new DOMParser().parseFromString(html, 'text/html').getElementById('type-warmup');
  document.body.append(warmup);
  const shown = [...warmup.children].filter((g) => !g.dataset.media || matchMedia(g.dataset.media).matches);
  const warmed = new Set(shown.flatMap((g) => [...g.querySelectorAll('span')]).map(key));
  warmup.remove();
  return { drawn: [...drawn], warmed: [...warmed] };
})()`;

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
  { width: 1920, height: 1080 },
]) {
  test(`the type warm-up holds the default page's first fonts and no others, then leaves (${viewport.width}×${viewport.height})`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize(viewport);
    await app.open('/');
    // Removed once the app has painted: later layouts do not carry it.
    await expect(page.locator('#type-warmup')).toHaveCount(0);
    const { drawn, warmed } = (await page.evaluate(FONTS)) as {
      drawn: string[];
      warmed: string[];
    };
    // The check sees both sides: the diagram's typeface and the system's.
    expect(drawn.some((f) => f.startsWith('"Inter Variable"'))).toBe(true);
    expect(drawn.some((f) => f.startsWith('system-ui'))).toBe(true);
    // Each font the first view draws is prepared before it...
    expect(drawn.filter((f) => !warmed.includes(f))).toEqual([]);
    // ...and none it does not draw: preparing a font costs about what it saves.
    expect(warmed.filter((f) => !drawn.includes(f))).toEqual([]);
  });
}
