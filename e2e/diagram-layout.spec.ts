import type { Locator, Page } from '@playwright/test';
import { expect, linkTo, test } from './fixtures/app';

// Measured on the rendered SVG in Chromium: real text boxes (getBBox) against the real arrow
// lines (sampled along each path), the other labels and the violation notes.
test.use({ viewport: { width: 1280, height: 720 } });

const SCENARIOS = [
  'cache-aside-set-after-delete',
  'dropped-delete-ttl-backstop',
  'write-behind-loss',
  'shared-class-state',
  'querypilot-stale-verdict',
  'duplicate-insert',
  'hot-key-stampede',
  'async-invalidation-stale-read',
];

/**
 * Returns every overlap on the diagram: label on label, on a line, or on a violation note,
 * and a violation note's glyph or line of text on a line.
 */
async function overlaps(page: Page, within: Locator = page.locator('body')): Promise<string[]> {
  return within.getByTestId('sequence-diagram').evaluate((svg) => {
    const content = svg.querySelector(':scope > g');
    if (!content) return ['no content'];
    type Box = { id: string; x0: number; x1: number; y0: number; y1: number };
    const boxOf = (id: string, el: SVGGraphicsElement): Box => {
      const b = el.getBBox();
      return { id, x0: b.x, x1: b.x + b.width, y0: b.y, y1: b.y + b.height };
    };
    const owner = (el: Element): string =>
      el.closest('[data-testid]')?.getAttribute('data-testid') ?? '?';
    const labels: Box[] = [];
    for (const text of content.querySelectorAll<SVGTextElement>(
      '[data-testid^="arrow-"] text, [data-testid$="-mark"] text, [data-testid^="ghost-"] text, [data-testid^="timer-span-"] text',
    )) {
      if (text.closest('[data-testid="violation-mark"], [data-testid="diagnostic-mark"]')) continue;
      if (!text.textContent?.trim()) continue;
      labels.push(boxOf(owner(text), text));
    }
    const notes: Box[] = [];
    // Each note's glyph and each line of its text, as drawn.
    const noteParts: Box[] = [];
    for (const mark of content.querySelectorAll<SVGGElement>(
      '[data-testid="violation-mark"], [data-testid="diagnostic-mark"]',
    )) {
      const id = `note-${mark.getAttribute('data-row')}`;
      const texts = mark.querySelectorAll<SVGTextElement>('text');
      const last = texts[texts.length - 1];
      if (last) notes.push(boxOf(id, last));
      const glyph = mark.querySelector<SVGCircleElement>('circle');
      if (glyph) noteParts.push(boxOf(id, glyph));
      for (const line of last?.querySelectorAll<SVGTSpanElement>('tspan') ?? []) {
        const n = line.getNumberOfChars();
        if (n === 0) continue;
        const first = line.getExtentOfChar(0);
        const end = line.getExtentOfChar(n - 1);
        const x1 = end.x + end.width;
        noteParts.push({ id, x0: first.x, x1, y0: first.y, y1: first.y + first.height });
      }
    }
    // Arrow shafts (not the invisible hit area), lines in flight and ghost shafts.
    const lines: { id: string; points: [number, number][] }[] = [];
    for (const path of content.querySelectorAll<SVGPathElement>(
      '[data-testid^="arrow-"] path[fill="none"]:not([stroke-opacity="0"]), [data-testid^="pending-"] path, [data-testid^="ghost-"] path[stroke-dasharray]',
    )) {
      if (path.getAttribute('stroke-width') === '3') continue; // the cross of a lost message
      const length = path.getTotalLength();
      const points: [number, number][] = [];
      for (let s = 0; s <= length; s += 1) {
        const p = path.getPointAtLength(s);
        points.push([p.x, p.y]);
      }
      lines.push({ id: owner(path), points });
    }
    const found: string[] = [];
    const meet = (a: Box, b: Box): boolean =>
      Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 &&
      Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5;
    labels.forEach((a, i) => {
      for (const b of labels.slice(i + 1)) if (meet(a, b)) found.push(`${a.id} on ${b.id}`);
      for (const n of notes) if (meet(a, n)) found.push(`${a.id} on ${n.id}`);
      for (const l of lines) {
        const on = l.points.some(([x, y]) => x > a.x0 && x < a.x1 && y > a.y0 && y < a.y1);
        if (on) found.push(`${a.id} on the line of ${l.id}`);
      }
    });
    for (const part of noteParts) {
      for (const l of lines) {
        const on = l.points.some(
          ([x, y]) => x > part.x0 && x < part.x1 && y > part.y0 && y < part.y1,
        );
        if (on && !found.includes(`${part.id} on the line of ${l.id}`))
          found.push(`${part.id} on the line of ${l.id}`);
      }
    }
    return found;
  });
}

/** Returns the actor names that do not fit their header box or are cut. */
async function cutNames(page: Page): Promise<string[]> {
  return page.getByTestId('sequence-diagram').evaluate((svg) => {
    const cut: string[] = [];
    for (const header of svg.querySelectorAll('[data-testid^="lifeline-"]')) {
      const box = header.querySelector('rect')?.getBBox();
      const name = header.querySelector<SVGTextElement>('[data-testid="lifeline-name"]');
      const title = header.querySelector('title')?.textContent ?? '';
      if (!box || !name) continue;
      const text = [...name.querySelectorAll('tspan')].map((t) => t.textContent).join(' ');
      const b = name.getBBox();
      if (!title.startsWith(`${text} (`) || text.includes('…')) cut.push(`${text} ≠ ${title}`);
      if (b.x < box.x || b.x + b.width > box.x + box.width) cut.push(`${text} overflows`);
      if (b.y < box.y || b.y + b.height > box.y + box.height) cut.push(`${text} too tall`);
    }
    return cut;
  });
}

for (const scenario of SCENARIOS) {
  test(`no label overlaps on the races of ${scenario}`, async ({ app, page }) => {
    for (const g of ['o', 'm'] as const) {
      await app.open(linkTo(scenario, 'none', g));
      await app.findRace();
      await expect(page.getByTestId('violation-summary')).toBeVisible();
      expect(await overlaps(page), `${scenario} ${g}`).toEqual([]);
      expect(await cutNames(page)).toEqual([]);
    }
  });
}

for (const g of ['o', 'm'] as const) {
  test(`no label overlaps at any step of a run of three readers and three writers (${g})`, async ({
    app,
    page,
  }) => {
    // Checks the whole diagram after each of some twenty steps.
    test.setTimeout(120_000);
    await app.open(
      `/#v=1&s=cache-aside-set-after-delete&f=none&g=${g}&seed=1&c=0&p=&m=readers:3,writers:3`,
    );
    const step = page.getByTestId('step');
    for (let i = 0; i < 40 && (await step.isEnabled()); i++) {
      await step.click();
      expect(await overlaps(page), `${g} at step ${i + 1}`).toEqual([]);
    }
    expect(await cutNames(page)).toEqual([]);
    expect(Number(await app.diagram.getAttribute('data-steps'))).toBeGreaterThan(10);
  });
}

test('the shared-state threads are named in full', async ({ app, page }) => {
  await app.open(linkTo('shared-class-state', 'none'));
  const name = page.getByTestId('lifeline-thread-a').getByTestId('lifeline-name');
  await expect(name).toHaveText('Thread A(OAuth Token)');
  await expect(name.locator('tspan')).toHaveCount(2);
  expect(await cutNames(page)).toEqual([]);
});

/** Returns the cursor and the number of steps the diagram in `within` shows. */
async function position(within: Locator): Promise<[number, number]> {
  const diagram = within.getByTestId('sequence-diagram');
  const cursor = Number(await diagram.getAttribute('data-cursor'));
  return [cursor, Number(await diagram.getAttribute('data-steps'))];
}

for (const scenario of SCENARIOS) {
  test(`no overlaps at any cursor of the race of ${scenario}, its future drawn, nor in presentation mode`, async ({
    app,
    page,
  }) => {
    // Checks the whole diagram at every step of the race, both ways, in both granularities.
    test.setTimeout(240_000);
    for (const g of ['o', 'm'] as const) {
      await app.open(linkTo(scenario, 'none', g));
      await app.findRace();
      await expect(page.getByTestId('violation-summary')).toBeVisible();
      const main = page.locator('body');
      await page.keyboard.press('Home');
      await expect(page.getByTestId('sequence-diagram')).toHaveAttribute('data-cursor', '0');
      const [, steps] = await position(main);
      for (let c = 0; c <= steps; c++) {
        if (c > 0) await page.keyboard.press('ArrowRight');
        await expect(page.getByTestId('sequence-diagram')).toHaveAttribute('data-cursor', `${c}`);
        expect(await overlaps(page), `${scenario} ${g} at cursor ${c}`).toEqual([]);
      }
      await page.keyboard.press('p');
      const present = page.getByTestId('presentation');
      await expect(present).toBeVisible();
      await page.keyboard.press('Home');
      for (let c = 0; c <= steps; c++) {
        if (c > 0) await page.keyboard.press('ArrowRight');
        await expect(present.getByTestId('sequence-diagram')).toHaveAttribute('data-steps', `${c}`);
        expect(await overlaps(page, present), `${scenario} ${g} presenting ${c}`).toEqual([]);
      }
      await page.keyboard.press('Escape');
      await expect(present).toBeHidden();
    }
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const scenario of SCENARIOS) {
    test(`no overlaps at any cursor of the race of ${scenario} in a phone's narrow lanes, no name cut`, async ({
      app,
      page,
    }) => {
      test.slow();
      await app.open(linkTo(scenario, 'none'));
      await app.findRace();
      await page.keyboard.press('Home');
      await expect(app.diagram).toHaveAttribute('data-cursor', '0');
      const [, steps] = await position(page.locator('body'));
      for (let c = 0; c <= steps; c++) {
        if (c > 0) await page.keyboard.press('ArrowRight');
        await expect(app.diagram).toHaveAttribute('data-cursor', `${c}`);
        expect(await overlaps(page), `${scenario} at cursor ${c}`).toEqual([]);
      }
      expect(await cutNames(page)).toEqual([]);
    });
  }
});
