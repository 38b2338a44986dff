import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Browser, Download, Page } from '@playwright/test';
import { expect, test, AppPage } from './fixtures/app';

test.use({ viewport: { width: 1366, height: 768 } });

const NOTE = 'The writer wins here <b>not bold</b>';

/** Opens the race with a title and a note on step 3, cursor at the end. */
async function annotatedRace(app: AppPage, page: Page): Promise<void> {
  await app.open('/');
  await app.findRace();
  await app.back();
  await app.back();
  await page.getByTestId('title-input').fill('Postmortem #12');
  await page.getByTestId('note-input').fill(NOTE);
  await app.step();
  await app.step();
  await app.expectStep(5, 5);
}

/** Chooses an Export menu item and returns the saved file. */
async function exported(page: Page, item: string): Promise<{ name: string; data: Buffer }> {
  await page.getByTestId('export-toggle').click();
  const [file] = await Promise.all([
    page.waitForEvent('download') as Promise<Download>,
    page.getByTestId(`export-${item}`).click(),
  ]);
  const path = await file.path();
  await page.keyboard.press('Escape');
  return { name: file.suggestedFilename(), data: await readFile(path!) };
}

/** A page with no app (and no CSP) to check the files in. */
async function blankPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
  return page;
}

/** Returns the length of every text of the SVG document open in `page`, once its fonts loaded. */
function textWidths(page: Page, selector = 'svg'): Promise<number[]> {
  return page.evaluate(async (root) => {
    await document.fonts.load("13px 'Inter Variable'");
    await document.fonts.ready;
    return [...document.querySelectorAll(`${root} text`)].map((t) =>
      Math.round((t as SVGTextElement).getComputedTextLength() * 100),
    );
  }, selector);
}

test('SVG: a well-formed, self-contained document that renders on its own', async ({
  app,
  page,
  browser,
}) => {
  await annotatedRace(app, page);
  const { name, data } = await exported(page, 'svg');
  expect(name).toBe('interleave-cache-aside-set-after-delete-none.svg');
  const text = data.toString('utf8');
  expect(text).not.toMatch(/class=|<script|href=/);
  // The one stylesheet is the diagram's font, inlined: nothing is fetched from elsewhere.
  const styles = text.match(/<style>[^<]*<\/style>/g) ?? [];
  expect(styles).toHaveLength(1);
  expect(styles[0]).toMatch(
    /^<style>@font-face\{font-family:'Inter Variable';[^}]*src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]+=*\) format\('woff2'\);[^}]*\}<\/style>$/,
  );
  expect(text.match(/url\(/g)).toHaveLength(1);
  const blank = await blankPage(browser);
  const info = await blank.evaluate(async (svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    const image = new Image();
    image.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    await image.decode();
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: root.nodeName,
      width: Number(root.getAttribute('width')),
      title: root.querySelector('title')?.textContent,
      notes: [...root.querySelectorAll('[data-testid^="step-note-"] tspan')].map(
        (t) => t.textContent,
      ),
      harm: root.querySelectorAll('[data-testid="violation-mark"]').length,
      rendered: [image.naturalWidth, image.naturalHeight],
    };
  }, text);
  expect(info).toMatchObject({ error: 0, root: 'svg', title: 'Postmortem #12 (No fix)', harm: 1 });
  expect(info.notes.join(' ')).toContain('The writer wins here <b>not bold</b>');
  expect(info.rendered[0]).toBe(info.width);
  await blank.close();
});

test('SVG: opened as a file on its own, its text has the widths it has in the app', async ({
  app,
  page,
  browser,
}, testInfo) => {
  await annotatedRace(app, page);
  const svg = (await exported(page, 'svg')).data.toString('utf8');
  const bare = svg.replace(/<defs><style>[^<]*<\/style><\/defs>/, '');
  // In the app, with the app's own font (the inlined copy is left out).
  await page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
    const holder = document.createElement('div');
    holder.id = 'exported';
    holder.append(document.importNode(doc.documentElement, true));
    document.body.append(holder);
  }, bare);
  const inApp = await textWidths(page, '#exported svg');
  expect(inApp.length).toBeGreaterThan(20);

  const open = async (markup: string, file: string) => {
    const path = testInfo.outputPath(file);
    await writeFile(path, markup);
    const standalone = await browser.newPage();
    await standalone.goto(pathToFileURL(path).href);
    const widths = await textWidths(standalone);
    const loaded = await standalone.evaluate(() =>
      [...document.fonts].some((f) => f.family.includes('Inter') && f.status === 'loaded'),
    );
    await standalone.close();
    return { widths, loaded };
  };
  const alone = await open(svg, 'diagram.svg');
  expect(alone.loaded).toBe(true);
  expect(alone.widths).toEqual(inApp);
  // Without the inlined font the same file would not: the check can tell.
  const fallback = await open(bare, 'bare.svg');
  expect(fallback.loaded).toBe(false);
  expect(fallback.widths).not.toEqual(inApp);
});

test('PNG: 2× the diagram, white or transparent, not empty', async ({ app, page, browser }) => {
  await annotatedRace(app, page);
  const svg = (await exported(page, 'svg')).data.toString('utf8');
  const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
  const blank = await blankPage(browser);
  for (const [item, corner] of [
    ['png', 255],
    ['png-transparent', 0],
  ] as const) {
    const { name, data } = await exported(page, item);
    expect(name).toMatch(/\.png$/);
    expect([...data.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const png = await blank.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let ink = 0;
      for (let i = 0; i < pixels.length; i += 4)
        if (pixels[i]! < 128 && pixels[i + 3]! > 200) ink++;
      return { width: bitmap.width, height: bitmap.height, alpha: pixels[3], ink };
    }, data.toString('base64'));
    expect(png.width).toBe(w! * 2);
    expect(png.height).toBe(h! * 2);
    expect(png.alpha).toBe(corner);
    expect(png.ink).toBeGreaterThan(5000);
  }
  // The PNG is drawn with the inlined font: it matches the SVG drawn with it, pixel for pixel,
  // and not the same SVG without it.
  const png = (await exported(page, 'png')).data.toString('base64');
  const bare = svg.replace(/<defs><style>[^<]*<\/style><\/defs>/, '');
  const differing = await blank.evaluate(
    async ({ png, svgs }) => {
      const pixels = async (blob: Blob): Promise<Uint8ClampedArray> => {
        const url = URL.createObjectURL(blob);
        const image = new Image();
        image.src = url;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth * (blob.type === 'image/png' ? 1 : 2);
        canvas.height = image.naturalHeight * (blob.type === 'image/png' ? 1 : 2);
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        return context.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const saved = await pixels(new Blob([bytes], { type: 'image/png' }));
      const counts: number[] = [];
      for (const svg of svgs) {
        const drawn = await pixels(new Blob([svg], { type: 'image/svg+xml' }));
        let n = 0;
        for (let i = 0; i < saved.length; i += 4)
          if (Math.abs(saved[i]! - drawn[i]!) > 8 || Math.abs(saved[i + 2]! - drawn[i + 2]!) > 8)
            n++;
        counts.push(n);
      }
      return counts;
    },
    { png, svgs: [svg, bare] },
  );
  expect(differing[0]).toBe(0);
  expect(differing[1]).toBeGreaterThan(1000);
  await blank.close();
});

test('Mermaid: rendered by Mermaid itself, with every participant and message', async ({
  app,
  page,
  browser,
}) => {
  await annotatedRace(app, page);
  const { name, data } = await exported(page, 'mermaid');
  expect(name).toMatch(/\.mmd$/);
  const text = data.toString('utf8');
  const blank = await blankPage(browser);
  await blank.addScriptTag({ path: 'node_modules/mermaid/dist/mermaid.min.js' });
  const drawn = await blank.evaluate(async (source) => {
    const mermaid = (
      window as unknown as {
        mermaid: {
          initialize(c: object): void;
          render(id: string, text: string): Promise<{ svg: string }>;
        };
      }
    ).mermaid;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    const { svg } = await mermaid.render('run', source);
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const out = document.getElementById('out')!;
    out.append(document.importNode(doc.documentElement, true));
    const root = out.querySelector('svg')!;
    return {
      participants: [
        ...new Set([...root.querySelectorAll('text.actor')].map((t) => t.textContent?.trim())),
      ],
      messages: root.querySelectorAll('.messageText').length,
      notes: [...root.querySelectorAll('.noteText')].map((t) => t.textContent ?? ''),
      html: root.querySelectorAll('b').length,
    };
  }, text);
  expect(drawn.participants.sort()).toEqual(['Cache', 'Database', 'Reader', 'Writer']);
  expect(drawn.messages).toBe(10);
  expect(drawn.notes.some((n) => n.includes('HARM'))).toBe(true);
  expect(drawn.notes.some((n) => n.includes('diagnostic, no harm'))).toBe(true);
  expect(drawn.notes.some((n) => n.includes('<b>not bold</b>'))).toBe(true);
  expect(drawn.html).toBe(0);
  await blank.close();
});

test('JSON: re-imported, it gives the same diagram', async ({ app, page, browser }) => {
  await annotatedRace(app, page);
  await app.back();
  const original = await app.diagramSvg();
  const { name, data } = await exported(page, 'json');
  expect(name).toMatch(/\.json$/);
  const json = JSON.parse(data.toString('utf8'));
  expect(json.schedule).toHaveLength(5);
  expect(json.trace.steps[4].state.actors).toBeDefined();
  expect(json.annotations.notes['3']).toBe(NOTE);

  const context = await browser.newContext({ viewport: page.viewportSize() });
  const fresh = new AppPage(await context.newPage());
  await fresh.open('/');
  await fresh.page.getByTestId('export-toggle').click();
  await fresh.page.getByTestId('import-json').setInputFiles({
    name: 'run.json',
    mimeType: 'application/json',
    buffer: data,
  });
  await fresh.expectStep(4, 5);
  await expect(fresh.page.getByTestId('title-input')).toHaveValue('Postmortem #12');
  expect(await fresh.diagramSvg()).toBe(original);

  // A file that is not a run says why and changes nothing.
  await fresh.page.getByTestId('export-toggle').click();
  await fresh.page.getByTestId('import-json').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"other"}'),
  });
  await expect(fresh.page.getByTestId('notice-error')).toContainText('not an Interleave run');
  await fresh.expectStep(4, 5);
  fresh.expectNoErrors();
  await context.close();
});
