/**
 * Benchmark (prints figures; not a test): the built page in Chromium, measured over CDP against
 * the goals of issue 10 — initial JS (gzip) before the first diagram, time to first diagram at
 * 4× CPU throttling, long tasks during load (each on the default page and on a shared link to
 * another scenario, whose model the page loads on demand), CSP violations; then the explore
 * worker's JS heap during "Compare all fixes" and the time of Find the race on messages 3R+3W
 * (to the race pinned, and to the end of its counts).
 * Uses `dist/` (builds it when missing, or always with BENCH_BUILD=1; BENCH_DIST=<dir> measures
 * another build). BENCH_EXPLORE=0 skips the two explorer measurements. E2E_PORT sets the port.
 * Run: npm run bench (or npx tsx bench/page.bench.ts)
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession, Page } from '@playwright/test';
import {
  BASE,
  DIRECT_LINK,
  DIST,
  withPlainChromium,
  PROBE,
  untilPainted,
  withPreview,
  type Probed,
  type TraceEvent,
} from './pageKit';

const LOAD_RUNS = 5;
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
];
const THROTTLE = 4;

/** The goals (issue 10, "Lighter page" and "Benchmarks"). */
const GOAL = {
  initialKb: 120,
  firstDiagramMs: 600,
  longTaskMs: 100,
  cspViolations: 0,
  findRaceMs: 5000,
  /**
   * The explore worker's heap ceiling: `WORKER_MAX_STATES` (500,000 stored worlds per
   * configuration, tables dropped between configurations) at the explorer's ≤ 1.5 KB per
   * world, as src/workers/exploreRun.ts states it: about 750 MB.
   */
  workerHeapMb: 750,
};

/** The largest sweep a built-in offers: cache-aside by messages (2R+2W × pause 0…6). */
const COMPARE_LINK = '/#v=1&s=cache-aside-set-after-delete&f=none&g=m&seed=1&c=0&p=&m=pause:6';
const FIND_RACE_LINK =
  '/#v=1&s=cache-aside-set-after-delete&f=none&g=m&seed=1&c=0&p=&m=readers:3,writers:3';
/**
 * The pages whose load is measured: the default page, and a shared link to a scenario other
 * than the default one (its model is not in the page's first chunks), with a run and a note.
 */
const LOAD_PATHS: readonly { label: string; path: string }[] = [
  { label: 'default page /', path: '/' },
  { label: 'shared link (write-behind-loss)', path: DIRECT_LINK },
];
/** Pages and links loaded for the CSP count: app, share link with notes, Load lab, embed. */
const CSP_PATHS = [
  '/',
  '/#v=1&s=cache-aside-set-after-delete&f=none&g=m&seed=7&c=3&p=&m=readers:2,writers:2',
  '/load.html',
  '/embed.html#v=1&s=cache-aside-set-after-delete&f=none&g=o&seed=1&c=2&p=',
];

function gzipBytes(urlPath: string): number {
  const file = join(DIST, decodeURIComponent(new URL(urlPath, BASE).pathname));
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
}

interface LoadFigures {
  /** Whether the first diagram drawn had the actors of the one shown once the page settled. */
  firstIsFinal: boolean;
  paintedMs: number;
  initialJs: { name: string; gzip: number }[];
  laterJs: string[];
  longTasks: number[];
  csp: string[];
}

/** One cold load of `path` at 4× CPU throttling. */
async function coldLoad(browser: Browser, path: string): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.addInitScript(PROBE);
  await page.goto(`${BASE}${path}`);
  await untilPainted(page);
  // Let the load settle, to see long tasks right after the first diagram too.
  await page.waitForTimeout(1000);
  const seen = await page.evaluate(() => {
    const bench = (window as unknown as Probed).__bench;
    const scripts = performance
      .getEntriesByType('resource')
      .filter((e) => /\.js(\?|$)/.test(e.name))
      .map((e) => ({ name: e.name, start: e.startTime }));
    const lifelines = [
      ...document.querySelectorAll('[data-testid="sequence-diagram"] [data-testid^="lifeline-"]'),
    ]
      .map((e) => (e as HTMLElement).dataset.testid)
      .join(' ');
    return { ...bench, scripts, settled: bench.firstLifelines === lifelines } as {
      settled: boolean;
      paintedAt: number;
      diagramAt: number;
      long: number[];
      csp: string[];
      scripts: { name: string; start: number }[];
    };
  });
  await context.close();
  // Every script requested before the first diagram, whether it was needed (preloads too).
  const before = seen.scripts.filter((s) => s.start < seen.diagramAt);
  return {
    firstIsFinal: seen.settled,
    paintedMs: seen.paintedAt,
    initialJs: before.map((s) => ({ name: new URL(s.name).pathname, gzip: gzipBytes(s.name) })),
    laterJs: seen.scripts
      .filter((s) => s.start >= seen.diagramAt)
      .map((s) => new URL(s.name).pathname),
    longTasks: seen.long,
    csp: seen.csp,
  };
}

/**
 * One cold load of `path` unthrottled, traced: the renderer main thread's CPU time (`tdur`, which
 * leaves out time the thread was descheduled by other work on a busy machine) from navigation
 * to the first diagram, and the CPU time of its longest task up to 1 s later. Times the CPU
 * throttling rate, they estimate the throttled figures on an idle machine. In Playwright's page,
 * with DevTools' Runtime domain on, as the earlier figures were taken; `withPlainChromium` gives
 * the same without it.
 */
async function tracedLoad(
  browser: Browser,
  path: string,
): Promise<{ cpuMs: number; longestMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.goto(`${BASE}${path}`);
  await untilPainted(page);
  await page.waitForTimeout(1000);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  await context.close();
  return cpuFigures(trace.traceEvents);
}

/** The CPU figures of one traced load (see `tracedLoad`). */
function cpuFigures(events: TraceEvent[]): { cpuMs: number; longestMs: number } {
  const mark = events.find((e) => e.name === 'first-diagram');
  if (!mark) return { cpuMs: NaN, longestMs: NaN };
  const start =
    events.find((e) => e.name === 'navigationStart' && e.pid === mark.pid)?.ts ??
    Math.min(...events.filter((e) => e.pid === mark.pid).map((e) => e.ts));
  const tasks = events.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid,
  );
  const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  const toDiagram = tasks.filter((e) => e.ts >= start && e.ts <= mark.ts);
  const duringLoad = tasks.filter((e) => e.ts >= start && e.ts <= mark.ts + 1_000_000);
  return {
    cpuMs: toDiagram.reduce((sum, e) => sum + cpu(e), 0),
    longestMs: Math.max(0, ...duringLoad.map(cpu)),
  };
}

/** CSP violations while loading each page (unthrottled), and while opening lazy views. */
async function cspSweep(browser: Browser): Promise<string[]> {
  const all: string[] = [];
  for (const path of CSP_PATHS) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(`${BASE}${path}`);
    await page.waitForLoadState('networkidle');
    if (path === '/') {
      // Views loaded on demand: help, export menu, compare, presentation.
      for (const key of ['?', 'Escape']) await page.keyboard.press(key);
      await page.waitForLoadState('networkidle');
    }
    const csp = await page.evaluate(() => (window as unknown as Probed).__bench.csp as string[]);
    all.push(...csp.map((c) => `${path}: ${c}`));
    await context.close();
  }
  return all;
}

/**
 * Sums the JS heap of every worker, in bytes, over a browser-level CDP session. Each worker is
 * attached once (a detached worker session cannot be attached again) and asked by message id.
 */
function workerHeapProbe(cdp: CDPSession): () => Promise<number> {
  const sessions = new Map<string, string>();
  const waiting = new Map<number, (bytes: number) => void>();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result?.usedSize ?? 0);
  });
  return async () => {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string }[];
    };
    let total = 0;
    for (const t of targetInfos.filter((i) => i.type === 'worker')) {
      let sessionId = sessions.get(t.targetId);
      if (!sessionId) {
        ({ sessionId } = (await cdp.send('Target.attachToTarget', {
          targetId: t.targetId,
          flatten: false,
        })) as { sessionId: string });
        sessions.set(t.targetId, sessionId);
      }
      const id = nextId++;
      const reply = new Promise<number>((resolve) => {
        waiting.set(id, resolve);
        setTimeout(() => resolve(0), 5000);
      });
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
      });
      total += await reply;
      waiting.delete(id);
    }
    return total;
  };
}

async function pageHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

/** Peak heaps (worker, page) while "Compare all fixes" runs on the largest sweep. */
async function compareAll(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await browser.newBrowserCDPSession();
  const workerHeap = workerHeapProbe(cdp);
  await page.goto(`${BASE}${COMPARE_LINK}`);
  await page.getByTestId('sequence-diagram').waitFor();
  const start = Date.now();
  await page.getByTestId('explore-all').click();
  let workerPeak = 0;
  let pagePeak = 0;
  const samples: number[] = [];
  while (Date.now() - start < 600_000) {
    await page.waitForTimeout(500);
    const w = await workerHeap();
    workerPeak = Math.max(workerPeak, w);
    pagePeak = Math.max(pagePeak, await pageHeap(page));
    samples.push(w);
    if (await page.getByTestId('explore-all').isEnabled()) break;
  }
  const seconds = (Date.now() - start) / 1000;
  const matrix = await page
    .locator('.explore-matrix, [data-testid="explore-matrix"]')
    .innerText()
    .catch(() => '');
  await cdp.detach();
  await context.close();
  return { workerPeak, pagePeak, seconds, samples: samples.length, matrix };
}

/**
 * Wall times of Find the race on cache-aside, messages, 3 readers + 3 writers: to the race
 * pinned on the diagram (the goal), and to the end of the search (counts, or their budget).
 */
async function findRace(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await browser.newBrowserCDPSession();
  const workerHeap = workerHeapProbe(cdp);
  await page.goto(`${BASE}${FIND_RACE_LINK}`);
  await page.getByTestId('sequence-diagram').waitFor();
  const start = Date.now();
  await page.getByTestId('find-race').click();
  await page.getByTestId('explore-race').waitFor({ timeout: 120_000 });
  const raceMs = Date.now() - start;
  const race = await page.getByTestId('explore-race').innerText();
  let heapPeak = 0;
  while (Date.now() - start < 120_000 && !(await page.getByTestId('find-race').isVisible())) {
    heapPeak = Math.max(heapPeak, await workerHeap());
    await page.waitForTimeout(250);
  }
  const ms = Date.now() - start;
  const line = await page
    .locator('section.explore')
    .innerText()
    .catch(() => '');
  await cdp.detach();
  await context.close();
  return { raceMs, race, ms, heapPeak, line: line.replace(/\s+/g, ' ').slice(0, 400) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
function row(label: string, value: string, goal: string, met: boolean): void {
  console.log(
    `${label.padEnd(34)} ${value.padStart(12)}   goal ${goal.padEnd(10)} ${met ? 'met' : 'NOT met'}`,
  );
}

/** The CPU figures of traced loads: the medians × the throttling rate against the goals, then each load. */
function cpuRows(loads: readonly { cpuMs: number; longestMs: number }[]): void {
  const toDiagram = median(loads.map((t) => t.cpuMs)) * THROTTLE;
  const longest = median(loads.map((t) => t.longestMs)) * THROTTLE;
  row(
    `  to first diagram, CPU × ${THROTTLE}`,
    `${Math.round(toDiagram)} ms`,
    `≤ ${GOAL.firstDiagramMs} ms`,
    toDiagram <= GOAL.firstDiagramMs,
  );
  row(
    `  longest task, CPU × ${THROTTLE}`,
    `${Math.round(longest)} ms`,
    `≤ ${GOAL.longTaskMs} ms`,
    longest <= GOAL.longTaskMs,
  );
  console.log(
    `  each load (CPU ms, unthrottled): ${loads.map((t) => `${Math.round(t.cpuMs)}/${Math.round(t.longestMs)}`).join(', ')} (to diagram / longest task)`,
  );
}

await withPreview(async (browser) => {
  const csp = await cspSweep(browser);
  for (const { label, path } of LOAD_PATHS) {
    const loads: LoadFigures[] = [];
    for (let i = 0; i < LOAD_RUNS; i++) loads.push(await coldLoad(browser, path));
    const first = loads[0]!;
    const initial = first.initialJs.reduce((sum, s) => sum + s.gzip, 0);
    const painted = median(loads.map((l) => l.paintedMs));
    const longest = Math.max(0, ...loads.flatMap((l) => l.longTasks));
    csp.push(...loads.flatMap((l) => l.csp));
    const traced = [];
    for (let i = 0; i < LOAD_RUNS; i++) traced.push(await tracedLoad(browser, path));
    const plain = await withPlainChromium(async (load) => {
      const figures = [];
      for (let i = 0; i < LOAD_RUNS; i++)
        figures.push(cpuFigures(await load(path, TRACE_CATEGORIES)));
      return figures;
    });

    console.log(
      `${label} — ${DIST}/, Chromium, cold cache, ${LOAD_RUNS} loads (machine load average ${loadavg()[0]!.toFixed(1)}: wall times grow with it)`,
    );
    for (const s of first.initialJs)
      console.log(`  requested before first diagram: ${s.name} ${kb(s.gzip)} KB gzip`);
    for (const s of first.laterJs) console.log(`  requested after:  ${s}`);
    row(
      'initial JS (gzip)',
      `${kb(initial)} KB`,
      `≤ ${GOAL.initialKb} KB`,
      initial <= GOAL.initialKb * 1024,
    );
    row(
      `first diagram, ${THROTTLE}× CPU (median)`,
      `${Math.round(painted)} ms`,
      `≤ ${GOAL.firstDiagramMs} ms`,
      painted <= GOAL.firstDiagramMs,
    );
    console.log(`  each load: ${loads.map((l) => Math.round(l.paintedMs)).join(', ')} ms`);
    const final = loads.filter((l) => l.firstIsFinal).length;
    row(
      'first diagram is the one shown after',
      `${final} of ${loads.length}`,
      `${loads.length} of ${loads.length}`,
      final === loads.length,
    );
    row(
      'longest task during load',
      `${longest} ms`,
      `≤ ${GOAL.longTaskMs} ms`,
      longest <= GOAL.longTaskMs,
    );
    console.log(
      `  long tasks per load: ${loads.map((l) => `[${l.longTasks.join(' ')}]`).join(' ')}`,
    );
    console.log(
      `  main-thread CPU (not wall) time, unthrottled × ${THROTTLE}, median of ${LOAD_RUNS}: what the two figures above would be on an idle machine`,
    );
    cpuRows(traced);
    console.log(
      `  the same without DevTools' Runtime domain (as a visitor's browser runs the page; see withPlainChromium), median of ${LOAD_RUNS}`,
    );
    cpuRows(plain);
  }
  row('CSP violations', String(csp.length), String(GOAL.cspViolations), csp.length === 0);
  for (const c of csp) console.log(`  ${c}`);

  if (process.env.BENCH_EXPLORE !== '0') {
    const compare = await compareAll(browser);
    row(
      'Compare all fixes: worker heap peak',
      `${mb(compare.workerPeak)} MB`,
      `< ${GOAL.workerHeapMb} MB`,
      compare.workerPeak < GOAL.workerHeapMb * 1024 * 1024,
    );
    console.log(
      `  cache-aside, messages, pause=6: ${compare.seconds.toFixed(1)} s, ${compare.samples} samples, page heap peak ${mb(compare.pagePeak)} MB`,
    );
    const race = await findRace(browser);
    row(
      'Find the race, messages 3R+3W',
      `${(race.raceMs / 1000).toFixed(1)} s`,
      `< ${GOAL.findRaceMs / 1000} s`,
      race.raceMs < GOAL.findRaceMs,
    );
    console.log(`  to the race pinned: ${race.race}`);
    console.log(
      `  to the end of the search (counts or their budget): ${(race.ms / 1000).toFixed(1)} s`,
    );
    console.log(`  worker heap peak ${mb(race.heapPeak)} MB; ${race.line}`);
  }
});
