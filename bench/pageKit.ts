/**
 * What the page benchmarks share: Chromium's flags, the probe installed before any page script
 * (long tasks, CSP violations, the first diagram), the measured links, and a preview server of
 * the built page (`dist/`, or BENCH_DIST=<dir>) on E2E_PORT.
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromium, type Browser, type Page } from '@playwright/test';

export const DIST = process.env.BENCH_DIST ?? 'dist';
export const PORT = Number(process.env.E2E_PORT ?? 4393);
export const BASE = `http://localhost:${PORT}`;

/** A shared link to a scenario other than the default one (its model is loaded on demand). */
export const DIRECT_LINK = '/#v=1&s=write-behind-loss&f=none&g=o&seed=7&c=3&p=100';

export const BENCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The page's window once PROBE has run. */
export interface Probed {
  __bench: {
    long: number[];
    csp: string[];
    diagramAt: number;
    paintedAt: number;
    firstLifelines: string;
  };
}

export const LIFELINES = `[...document.querySelectorAll('[data-testid="sequence-diagram"] [data-testid^="lifeline-"]')].map((e) => e.dataset.testid).join(' ')`;

/**
 * Installed before any page script: records long tasks, CSP violations and the first diagram
 * (and marks it `first-diagram` for traces). Plain text, not a function: tsx would wrap named
 * functions in a helper the page lacks.
 */
export const PROBE = `(() => {
  const lifelines = () => ${LIFELINES};
  const bench = { long: [], csp: [], diagramAt: -1, paintedAt: -1, firstLifelines: '' };
  window.__bench = bench;
  let painted;
  window.__benchPainted = new Promise((resolve) => (painted = resolve));
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.long.push(Math.round(e.duration));
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('securitypolicyviolation', (e) =>
    bench.csp.push(e.violatedDirective + ' ' + e.blockedURI));
  const observer = new MutationObserver(() => {
    const drawn =
      document.querySelector('[data-testid="sequence-diagram"] [data-testid^="lifeline-"]') &&
      document.querySelector('[data-testid^="ghost-"], [data-testid^="arrow-"]');
    if (!drawn) return;
    observer.disconnect();
    bench.diagramAt = performance.now();
    bench.firstLifelines = lifelines();
    performance.mark('first-diagram');
    // The frame that shows it: after the next animation frame's paint.
    requestAnimationFrame(() =>
      setTimeout(() => {
        bench.paintedAt = performance.now();
        painted(bench.paintedAt);
      }, 0),
    );
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/**
 * Waits until the first diagram has been painted (PROBE's promise), over CDP. Not with
 * Playwright's `waitForFunction`: that evaluates Playwright's injected script in the page
 * first, a task of 15–40 ms of CPU (unthrottled) during the load, which the benches would count
 * as the page's own; this evaluation is a task of about 0.2 ms.
 */
export async function untilPainted(page: Page, timeoutMs = 30_000): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      cdp.send('Runtime.evaluate', { expression: 'window.__benchPainted', awaitPromise: true }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no first diagram painted')), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    await cdp.detach().catch(() => undefined);
  }
}

/** Waits until `url` answers (the preview server is up), or throws after 20 s. */
export async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no server at ${url}`);
}

/**
 * Serves DIST with `vite preview` on PORT (building `dist/` first when it is missing, or always
 * with BENCH_BUILD=1), opens the system Chromium, runs `work` and always stops both.
 */
export async function withPreview<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  if (process.env.BENCH_BUILD === '1' || (DIST === 'dist' && !existsSync('dist/index.html')))
    execSync('npx vite build', { stdio: 'inherit' });
  // A server left on the port (a run stopped half-way) would be measured instead of DIST: the
  // new one would fail to start, and the old one would answer. One just stopped may take a
  // moment to let the port go.
  const answers = () =>
    fetch(BASE).then(
      () => true,
      () => false,
    );
  for (let i = 0; (await answers()) && i < 20; i++) await new Promise((r) => setTimeout(r, 250));
  if (await answers())
    throw new Error(`something already answers on ${BASE}: stop it, or set E2E_PORT`);
  // Vite's own entry point (not `npx`), so that killing the child stops the server.
  const server = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--outDir',
      DIST,
      '--port',
      String(PORT),
      '--strictPort',
    ],
    { stdio: 'ignore' },
  );
  try {
    await waitForServer(BASE);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: BENCH_ARGS,
    });
    try {
      return await work(browser);
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}

/** An event of a Chromium performance trace (the fields the benches read). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: {
      url?: string;
      requestId?: string;
      finishTime?: number;
      priority?: string;
      frame?: string;
      mimeType?: string;
      fromCache?: boolean;
      encodedDataLength?: number;
    };
  };
}

/** Traces one cold load of a path in a fresh browser context (see `withPlainChromium`). */
export type PlainLoad = (
  path: string,
  categories: readonly string[],
  viewport?: { width: number; height: number },
) => Promise<TraceEvent[]>;

/**
 * Runs `work` with a Chromium of its own, driven over a CDP pipe without Playwright: each load
 * it traces is cold, in a browser context of its own (as Playwright's are). Playwright enables
 * DevTools' Runtime domain in every page, and with it V8 records a detailed stack trace for
 * every `Error` constructed, for which it collects the source positions of each function on the
 * stack: React's DOM constructs five errors when its module is evaluated, so its chunk is parsed
 * again then (26–30 ms of CPU unthrottled, in the task that evaluates it), which no visitor's
 * browser does. Here the page has only the Page domain (for PROBE) and, once it has loaded, one
 * `Runtime.evaluate` (waiting for the first diagram's paint); V8 collects no such stack traces.
 */
export async function withPlainChromium<T>(work: (load: PlainLoad) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const chrome = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [...BENCH_ARGS, '--headless=new', '--remote-debugging-pipe', `--user-data-dir=${dir}`],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise((r) => chrome.once('exit', r).once('error', r));
  const toChrome = chrome.stdio[3] as Writable;
  const fromChrome = chrome.stdio[4] as Readable;
  let nextId = 0;
  const replies = new Map<number, (m: { result?: unknown; error?: unknown }) => void>();
  let events: TraceEvent[] = [];
  let traced: () => void = () => undefined;
  let onLoad: () => void = () => undefined;
  let pending = '';
  fromChrome.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    for (let end = pending.indexOf('\0'); end >= 0; end = pending.indexOf('\0')) {
      const message = JSON.parse(pending.slice(0, end)) as {
        id?: number;
        method?: string;
        params?: { value?: TraceEvent[] };
        result?: unknown;
        error?: unknown;
      };
      pending = pending.slice(end + 1);
      if (message.id !== undefined) replies.get(message.id)?.(message);
      else if (message.method === 'Tracing.dataCollected')
        events.push(...(message.params?.value ?? []));
      else if (message.method === 'Tracing.tracingComplete') traced();
      else if (message.method === 'Page.loadEventFired') onLoad();
    }
  });
  const send = <R>(method: string, params: object = {}, sessionId?: string): Promise<R> =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      replies.set(id, (m) => {
        replies.delete(id);
        if (m.error) reject(new Error(`${method}: ${JSON.stringify(m.error)}`));
        else resolve(m.result as R);
      });
      toChrome.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  const within = <R>(promise: Promise<R>, what: string): Promise<R> =>
    Promise.race([
      promise,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(what)), 30_000)),
    ]);

  const load: PlainLoad = async (path, categories, viewport = { width: 1280, height: 720 }) => {
    const { browserContextId } = await send<{ browserContextId: string }>(
      'Target.createBrowserContext',
    );
    try {
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', {
        url: 'about:blank',
        browserContextId,
      });
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', {
        targetId,
        flatten: true,
      });
      await send('Page.enable', {}, sessionId);
      await send('Page.addScriptToEvaluateOnNewDocument', { source: PROBE }, sessionId);
      await send(
        'Emulation.setDeviceMetricsOverride',
        { ...viewport, deviceScaleFactor: 1, mobile: false },
        sessionId,
      );
      events = [];
      const complete = new Promise<void>((resolve) => (traced = resolve));
      await send('Tracing.start', {
        traceConfig: { includedCategories: categories },
        transferMode: 'ReportEvents',
      });
      const loaded = new Promise<void>((resolve) => (onLoad = resolve));
      await send('Page.navigate', { url: `${BASE}${path}` }, sessionId);
      // The new document (PROBE has run in it) once it has loaded: no evaluation before that.
      await within(loaded, 'no load event');
      await within(
        send(
          'Runtime.evaluate',
          { expression: 'window.__benchPainted', awaitPromise: true },
          sessionId,
        ),
        'no first diagram painted',
      );
      await new Promise((r) => setTimeout(r, 1000));
      await send('Tracing.end');
      await complete;
      return events;
    } finally {
      await send('Target.disposeBrowserContext', { browserContextId }).catch(() => undefined);
    }
  };

  try {
    return await work(load);
  } finally {
    await within(send('Browser.close'), 'Browser.close').catch(() => undefined);
    chrome.kill();
    await exited;
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      // a profile left in the temporary directory
    }
  }
}
