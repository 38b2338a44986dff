import type { Page } from '@playwright/test';
import { type AppPage, expect, test } from './fixtures/app';

/** A shared link to a scenario other than the default one, with a run (as the page bench's). */
const LINK = '/#v=1&s=write-behind-loss&f=none&g=o&seed=7&c=3&p=100';

/** Marks the first diagram drawn (its lifelines and an arrow in the DOM) on `window.__drawnAt`. */
const MARK_FIRST_DIAGRAM = `(() => {
  const observer = new MutationObserver(() => {
    const drawn =
      document.querySelector('[data-testid="sequence-diagram"] [data-testid^="lifeline-"]') &&
      document.querySelector('[data-testid^="ghost-"], [data-testid^="arrow-"]');
    if (!drawn) return;
    observer.disconnect();
    window.__drawnAt = performance.now();
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** Opens LINK and returns each script requested before its first diagram, with its code. */
async function scriptsBeforeFirstDiagram(app: AppPage, page: Page) {
  await page.addInitScript(MARK_FIRST_DIAGRAM);
  await app.open(LINK);
  await expect(page.getByTestId('lifeline-client')).toBeVisible();
  const urls = await page.evaluate(() => {
    const drawnAt = (window as unknown as { __drawnAt: number }).__drawnAt;
    return performance
      .getEntriesByType('resource')
      .filter((e) => /\.js(\?|$)/.test(e.name) && e.startTime < drawnAt)
      .map((e) => e.name);
  });
  const code = await Promise.all(urls.map(async (url) => (await page.request.get(url)).text()));
  return { urls, code };
}

/**
 * Text found only in code a shared link's first diagram does not need: the explorer's integer
 * core and its early search (Find the race), fflate (deflating links, and inflating packed
 * fields, which this link has none of), the default scenario's model (its fixes' cache modes;
 * the link is to another scenario) and safe-stable-stringify (an option's error; the engine has
 * a canonical JSON of its own). Error texts and string constants survive minification.
 */
const NOT_BEFORE_FIRST_DIAGRAM = [
  'the integer core explores untimed models only',
  'the early search runs on the integer core only',
  'invalid block type',
  'invalidate-versioned',
  'must be of type boolean or comparator function',
];

test('a shared link draws its first diagram without the explorer core, fflate or the default scenario', async ({
  app,
  page,
}) => {
  const { urls: scripts, code } = await scriptsBeforeFirstDiagram(app, page);
  await app.expectStep(3, 3);
  const all = code.join('\n');
  // What opened the link is among them (the check sees the code it means to).
  expect(all).toContain('This link is too long to be an Interleave link.');
  for (const text of NOT_BEFORE_FIRST_DIAGRAM) expect(all).not.toContain(text);
  // fflate comes after it, with the address sync (which writes links). Each script is fetched
  // once (those above already were): the page loads some seventy, and fetching them all again
  // on every poll outlasted the poll on a busy machine.
  const holdsFflate = new Map<string, boolean>(scripts.map((url) => [url, false]));
  const later = async () => {
    const urls = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\.js(\?|$)/.test(e.name))
        .map((e) => e.name),
    );
    const fresh = urls.filter((url) => !holdsFflate.has(url));
    const texts = await Promise.all(fresh.map(async (url) => (await page.request.get(url)).text()));
    fresh.forEach((url, i) => holdsFflate.set(url, texts[i]!.includes('invalid block type')));
    return [...holdsFflate.values()].some(Boolean);
  };
  await expect.poll(later, { timeout: 15_000 }).toBe(true);
  expect(app.errors).toEqual([]);
});

/** Text found only in React itself (an export name that survives minification). */
const REACT = '__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED';

test('the entry imports no React, so a link is opened while React loads', async ({ app, page }) => {
  await app.open(LINK);
  await expect(page.getByTestId('lifeline-client')).toBeVisible();
  const html = await (await page.request.get('/')).text();
  const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  expect(entry).toBeTruthy();
  // The entry's static imports, and theirs: what must arrive and run before the entry runs.
  const seen = new Map<string, string>();
  const visit = async (url: string): Promise<void> => {
    if (seen.has(url)) return;
    const text = await (await page.request.get(url)).text();
    seen.set(url, text);
    const imports = [...text.matchAll(/(?:^|[;\s}])import\s*(?:[\w${},*\s]+from\s*)?"([^"]+)"/g)];
    for (const [, spec] of imports) await visit(new URL(spec!, new URL(url, page.url())).pathname);
  };
  await visit(entry!);
  const withReact = [...seen].filter(([, text]) => text.includes(REACT)).map(([url]) => url);
  expect(seen.size).toBeGreaterThan(0);
  expect(withReact).toEqual([]);
  // The check sees React where it is: in what the page loaded.
  const scripts = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\.js(\?|$)/.test(e.name))
      .map((e) => e.name),
  );
  const code = await Promise.all(scripts.map(async (url) => (await page.request.get(url)).text()));
  expect(code.some((text) => text.includes(REACT))).toBe(true);
  expect(app.errors).toEqual([]);
});

/** V8's file-wide compile hint (`scripts/compileHints.ts`): the first line of a hinted chunk. */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

test("every script a link's first diagram runs is compiled as it arrives; code fetched later is not", async ({
  app,
  page,
}) => {
  const { urls: before, code } = await scriptsBeforeFirstDiagram(app, page);
  // The link's reader, its scenario's model and the app's view are among them.
  expect(code.join('\n')).toContain('This link is too long to be an Interleave link.');
  const unhinted = before.filter((_, i) => !code[i]!.startsWith(COMPILE_HINT));
  expect(unhinted).toEqual([]);
  // The on-demand views are fetched later (the help card once the page is idle), and keep
  // V8's lazy compiling.
  const helpCard = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((url) => /\/HelpCard-[\w-]+\.js$/.test(url)),
    );
  await expect.poll(helpCard, { timeout: 15_000 }).toHaveLength(1);
  const [help] = await helpCard();
  expect(before).not.toContain(help);
  const text = await (await page.request.get(help!)).text();
  expect(text).toContain('Keyboard shortcuts');
  expect(text).not.toContain('allFunctionsCalledOnLoad');
  expect(app.errors).toEqual([]);
});
