/**
 * Benchmark (prints figures; not a test): the main thread's longest tasks in each cold load, as
 * `page.bench.ts` traces them (unthrottled, CPU time), each with what is inside it: the events
 * directly under the task and below (scripts evaluated, functions called, microtasks,
 * frames, style recalcs with their element counts, layouts with their object counts, paint),
 * each with its CPU time. Tasks are placed by their start, relative to the first diagram.
 * Uses `dist/` (BENCH_DIST=<dir> measures another build); E2E_PORT sets the port; BENCH_PATH
 * loads one path (default: the default page, then the shared link of page.bench.ts); BENCH_RUNS
 * (default 5) loads per path; BENCH_MIN (default 8) the least CPU ms of a task printed;
 * BENCH_DEPTH (default 1) how deep inside a task events are listed; BENCH_VIEWPORT=<w>x<h>
 * (default 1280x720); BENCH_CATEGORIES adds trace categories (comma-separated). The page is
 * loaded in a Chromium of its own without DevTools' Runtime domain (`withPlainChromium`), or with
 * BENCH_PLAYWRIGHT=1 in Playwright's (as `page.bench.ts` first measures it; BENCH_TRACE=<file>
 * then keeps the last trace's JSON).
 * Run: npx tsx bench/longTasks.bench.ts
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Browser } from '@playwright/test';
import {
  BASE,
  DIRECT_LINK,
  withPlainChromium,
  type PlainLoad,
  PROBE,
  untilPainted,
  withPreview,
  type TraceEvent,
} from './pageKit';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MIN_MS = Number(process.env.BENCH_MIN ?? 8);
const DEPTH = Number(process.env.BENCH_DEPTH ?? 1);
const PATHS = process.env.BENCH_PATH ? [process.env.BENCH_PATH] : ['/', DIRECT_LINK];
const [WIDTH, HEIGHT] = (process.env.BENCH_VIEWPORT ?? '1280x720').split('x').map(Number);

/** A trace event with the arguments this reader looks at. */
interface Event extends Omit<TraceEvent, 'args'> {
  args?: {
    data?: {
      url?: string;
      functionName?: string;
      elementCount?: number;
      type?: string;
      stackTrace?: { functionName?: string; url?: string }[];
    };
    beginData?: { dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean };
    fileName?: string;
  };
}

/** The marks of navigation timing (in every document's load, frames' too). */
const NAVIGATION_MARK =
  /^(navigationStart|fetchStart|responseEnd|unloadEvent|commitNavigationEnd|dom|loadEvent)/;

const cpu = (e: Event) => (e.tdur ?? e.dur ?? 0) / 1000;
const short = (url: string) =>
  url
    .replace(/^https?:\/\/[^/]+/, '')
    .replace(/^\/assets\//, '')
    .replace(/-[\w-]{8}\.js$/, '');

/** A short label for one event: its name and what it was about. */
function label(e: Event): string {
  const d = e.args?.data;
  const b = e.args?.beginData;
  switch (e.name) {
    case 'UpdateLayoutTree':
      return `style (${d?.elementCount ?? '?'} elements)`;
    case 'Layout':
      return `layout (${b?.dirtyObjects ?? '?'}/${b?.totalObjects ?? '?'} objects${b?.partialLayout ? ', partial' : ''})`;
    case 'EvaluateScript':
    case 'v8.evaluateModule':
    case 'v8.compileModule':
    case 'v8.compile':
      return `${e.name} ${short(d?.url ?? e.args?.fileName ?? '')}`;
    case 'FunctionCall':
      return `call ${d?.functionName || '(anonymous)'} ${short(d?.url ?? '')}`;
    case 'EventDispatch':
    case 'TimerFire':
      return `${e.name} ${d?.type ?? ''}`;
    default:
      return e.name;
  }
}

interface Task {
  atMs: number;
  cpuMs: number;
  inside: string[];
}

/** The tasks of at least MIN_MS of CPU from navigation to 1 s after the first diagram. */
function longTasks(events: Event[]): { cpuToDiagram: number; tasks: Task[] } | null {
  const mark = events.find((e) => e.name === 'first-diagram');
  if (!mark) return null;
  const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X');
  const start =
    events.find((e) => e.name === 'navigationStart' && e.pid === mark.pid)?.ts ??
    Math.min(...main.map((e) => e.ts));
  const runs = main
    .filter((e) => e.name === 'RunTask' && e.ts >= start && e.ts <= mark.ts + 1_000_000)
    .sort((a, b) => a.ts - b.ts);
  const cpuToDiagram = runs.filter((e) => e.ts <= mark.ts).reduce((s, e) => s + cpu(e), 0);
  const others = main.filter((e) => e.name !== 'RunTask').sort((a, b) => a.ts - b.ts);
  const tasks = runs
    .filter((t) => cpu(t) >= MIN_MS)
    .map((t) => {
      const end = t.ts + (t.dur ?? 0);
      const within = others.filter((e) => e.ts >= t.ts && e.ts + (e.dur ?? 0) <= end);
      // Depth of each event: how many others enclose it within the task.
      const depth = (e: Event) =>
        within.filter(
          (o) =>
            o !== e &&
            o.ts <= e.ts &&
            o.ts + (o.dur ?? 0) >= e.ts + (e.dur ?? 0) &&
            (o.dur ?? 0) > (e.dur ?? 0),
        ).length;
      // User timing marks in the task (a build may mark its own steps: performance.mark).
      const marks = events
        .filter(
          (e) =>
            e.pid === mark.pid &&
            e.cat.includes('user_timing') &&
            e.name !== 'first-diagram' &&
            !NAVIGATION_MARK.test(e.name) &&
            e.ts >= t.ts &&
            e.ts <= end,
        )
        .map((e) => `mark ${e.name} at +${((e.ts - t.ts) / 1000).toFixed(1)}`);
      const inside = within
        .map((e) => ({ e, d: depth(e) }))
        .filter(({ e, d }) => d <= DEPTH && cpu(e) >= 0.8)
        .map(({ e, d }) => `${'  '.repeat(d)}${label(e)} ${cpu(e).toFixed(1)}`)
        .concat(marks);
      return { atMs: (t.ts - mark.ts) / 1000, cpuMs: cpu(t), inside };
    });
  return { cpuToDiagram, tasks };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  ...(process.env.BENCH_CATEGORIES?.split(',') ?? []),
];

/** One traced load: in a Chromium of its own (see `withPlainChromium`), or in Playwright's. */
async function tracedLoad(browser: Browser, plain: PlainLoad | null, path: string) {
  if (plain) {
    const events = await plain(path, CATEGORIES, { width: WIDTH!, height: HEIGHT! });
    return longTasks(events as Event[]);
  }
  const context = await browser.newContext({ viewport: { width: WIDTH!, height: HEIGHT! } });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(`${BASE}${path}`);
  await untilPainted(page);
  await page.waitForTimeout(1000);
  const json = (await browser.stopTracing()).toString();
  if (process.env.BENCH_TRACE) writeFileSync(process.env.BENCH_TRACE, json);
  const trace = JSON.parse(json) as { traceEvents: Event[] };
  await context.close();
  return longTasks(trace.traceEvents);
}

const measure = (browser: Browser, plain: PlainLoad | null) => async () => {
  const avg = () =>
    loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
  console.log(`load average ${avg()}`);
  for (const path of PATHS) {
    for (let i = 0; i < RUNS; i++) {
      const load = await tracedLoad(browser, plain, path);
      if (!load) {
        console.log(`${path}: no first diagram in the trace`);
        continue;
      }
      const longest = Math.max(0, ...load.tasks.map((t) => t.cpuMs));
      console.log(
        `\n${path} load ${i + 1}: CPU to first diagram ${load.cpuToDiagram.toFixed(0)} ms, longest task ${longest.toFixed(1)} ms (unthrottled)`,
      );
      for (const t of load.tasks) {
        console.log(
          `  task at ${t.atMs >= 0 ? '+' : ''}${t.atMs.toFixed(0)} ms (from the first diagram): ${t.cpuMs.toFixed(1)} ms CPU`,
        );
        for (const line of t.inside) console.log(`      ${line}`);
      }
    }
  }
  console.log(`\nload average ${avg()}`);
};

await withPreview((browser) =>
  process.env.BENCH_PLAYWRIGHT === '1'
    ? measure(browser, null)()
    : withPlainChromium((plain) => measure(browser, plain)()),
);
