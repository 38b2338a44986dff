/**
 * Benchmark (prints figures; not a test): where the wall-clock time of a cold load goes. Records
 * a Chromium performance trace of the built page at 4× CPU throttling, cold cache, and prints
 * the request waterfall (each script, style sheet and font: requested, first byte, done, and
 * when its module was compiled and evaluated), the renderer main thread's tasks (wall and CPU
 * time) and its idle gaps before the first diagram, each gap with what was in flight then.
 * Uses `dist/` (BENCH_DIST=<dir> measures another build); E2E_PORT sets the port; BENCH_PATH
 * loads another path (default: the shared link of page.bench.ts and the default page);
 * BENCH_RUNS (default 3) loads per path; BENCH_THROTTLE sets the CPU slowdown (default 4);
 * BENCH_LATENCY adds a round-trip latency (ms) to each request, as a real network would;
 * BENCH_TRACE=<file> keeps the last trace's JSON.
 * Run: npx tsx bench/loadTrace.bench.ts
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Browser } from '@playwright/test';
import { BASE, DIRECT_LINK, PROBE, untilPainted, withPreview, type TraceEvent } from './pageKit';

const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Added round-trip latency per request, in ms (Chromium's network emulation); 0 for none. */
const LATENCY = Number(process.env.BENCH_LATENCY ?? 0);
const PATHS = process.env.BENCH_PATH ? [process.env.BENCH_PATH] : [DIRECT_LINK, '/'];

interface Request {
  url: string;
  priority: string;
  sent: number;
  response: number;
  done: number;
  compiled: number;
  evaluated: number;
  evalMs: number;
}

interface LoadTrace {
  diagram: number;
  requests: Request[];
  /** Main-thread wall time in tasks before the first diagram, and their thread (CPU) time. */
  busyMs: number;
  cpuMs: number;
  /** Gaps over 4 ms between main-thread tasks before the first diagram. */
  gaps: { from: number; to: number; waiting: string[] }[];
  /** Main-thread time by event name (wall ms, nested events counted inside their parents). */
  byKind: Map<string, number>;
  longest: { at: number; ms: number; cpu: number; what: string }[];
}

const short = (url: string) => url.replace(/^https?:\/\/[^/]+/, '').replace(/^\/assets\//, '');
const ms = (x: number) => Math.round(x).toString();

/** Returns the figures of one traced cold load. */
function analyse(events: TraceEvent[]): LoadTrace | null {
  const mark = events.find((e) => e.name === 'first-diagram');
  if (!mark) return null;
  const main = (e: TraceEvent) => e.pid === mark.pid && e.tid === mark.tid;
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === mark.pid);
  const t0 = nav?.ts ?? Math.min(...events.filter(main).map((e) => e.ts));
  const at = (ts: number) => (ts - t0) / 1000;
  const diagram = at(mark.ts);

  const requests = new Map<string, Request>();
  for (const e of events) {
    const d = e.args?.data;
    if (!d?.requestId) continue;
    if (e.name === 'ResourceSendRequest' && d.url && !d.url.startsWith('data:'))
      requests.set(d.requestId, {
        url: short(d.url),
        priority: d.priority ?? '',
        sent: at(e.ts),
        response: NaN,
        done: NaN,
        compiled: NaN,
        evaluated: NaN,
        evalMs: 0,
      });
    const r = requests.get(d.requestId);
    if (!r) continue;
    if (e.name === 'ResourceReceiveResponse') r.response = at(e.ts);
    if (e.name === 'ResourceFinish')
      r.done = d.finishTime ? (d.finishTime * 1e6 - t0) / 1000 : at(e.ts);
  }
  const byUrl = new Map([...requests.values()].map((r) => [r.url, r]));
  for (const e of events.filter(main)) {
    const url = e.args?.data?.url;
    if (!url) continue;
    const r = byUrl.get(short(url));
    if (!r) continue;
    if (/compile/i.test(e.name) && Number.isNaN(r.compiled)) r.compiled = at(e.ts);
    if (/evaluate/i.test(e.name)) {
      if (Number.isNaN(r.evaluated)) r.evaluated = at(e.ts);
      r.evalMs += (e.dur ?? 0) / 1000;
    }
  }

  const tasks = events
    .filter((e) => main(e) && e.name === 'RunTask' && e.ph === 'X' && e.ts >= t0)
    .sort((a, b) => a.ts - b.ts);
  let busyMs = 0;
  let cpuMs = 0;
  const gaps: LoadTrace['gaps'] = [];
  let end = 0;
  for (const task of tasks) {
    const from = at(task.ts);
    if (from > diagram) break;
    if (from - end > 4) {
      const waiting = [...requests.values()]
        .filter((r) => r.sent < from && !(r.done <= end))
        .map((r) => r.url);
      gaps.push({ from: end, to: from, waiting });
    }
    busyMs += (task.dur ?? 0) / 1000;
    cpuMs += (task.tdur ?? task.dur ?? 0) / 1000;
    end = Math.max(end, from + (task.dur ?? 0) / 1000);
  }

  const byKind = new Map<string, number>();
  for (const e of events) {
    if (!main(e) || e.ph !== 'X' || e.name === 'RunTask' || at(e.ts) < 0 || at(e.ts) > diagram)
      continue;
    byKind.set(e.name, (byKind.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }

  const inside = (task: TraceEvent) =>
    events
      .filter(
        (e) =>
          main(e) &&
          e.ph === 'X' &&
          e.name !== 'RunTask' &&
          e.ts >= task.ts &&
          e.ts < task.ts + (task.dur ?? 0),
      )
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 3)
      .map(
        (e) =>
          `${e.name}${e.args?.data?.url ? ` ${short(e.args.data.url)}` : ''} ${ms((e.dur ?? 0) / 1000)}`,
      )
      .join(', ');
  const longest = tasks
    .filter((t) => at(t.ts) <= diagram + 1000)
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, 5)
    .map((t) => ({
      at: at(t.ts),
      ms: (t.dur ?? 0) / 1000,
      cpu: (t.tdur ?? 0) / 1000,
      what: inside(t),
    }));
  return {
    diagram,
    requests: [...requests.values()].sort((a, b) => a.sent - b.sent),
    busyMs,
    cpuMs,
    gaps,
    byKind,
    longest,
  };
}

async function tracedLoad(browser: Browser, path: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  if (LATENCY > 0)
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LATENCY,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  await page.addInitScript(PROBE);
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'blink.user_timing',
      'v8.execute',
      'loading',
    ],
  });
  await page.goto(`${BASE}${path}`);
  await untilPainted(page);
  await page.waitForTimeout(1000);
  const json = (await browser.stopTracing()).toString();
  await context.close();
  return { json, trace: analyse((JSON.parse(json) as { traceEvents: TraceEvent[] }).traceEvents) };
}

function print(path: string, t: LoadTrace): void {
  console.log(
    `\n${path}: first diagram at ${ms(t.diagram)} ms (wall, ${THROTTLE}× CPU throttling${LATENCY > 0 ? `, ${LATENCY} ms added latency` : ''})`,
  );
  console.log(
    '  request waterfall (ms from navigation): sent  first byte  done  compiled  evaluated (eval ms)',
  );
  for (const r of t.requests) {
    if (r.sent > t.diagram) continue;
    console.log(
      `    ${r.url.padEnd(44)} ${ms(r.sent).padStart(5)} ${ms(r.response).padStart(6)} ${ms(r.done).padStart(6)} ${ms(r.compiled).padStart(6)} ${ms(r.evaluated).padStart(6)} (${ms(r.evalMs)}) ${r.priority}`,
    );
  }
  const idle = t.gaps.reduce((sum, g) => sum + g.to - g.from, 0);
  // Under throttling, Chromium's throttler spins on the main thread (a signal handler that
  // busy-waits three quarters of the time): the thread time includes that spin.
  console.log(
    `  main thread to the first diagram: in tasks ${ms(t.busyMs)} ms wall (thread time ${ms(t.cpuMs)} ms${THROTTLE > 1 ? ', throttler spin included' : ''}), idle ${ms(idle)} ms in ${t.gaps.length} gaps`,
  );
  for (const g of t.gaps.filter((x) => x.to - x.from >= 10))
    console.log(
      `    idle ${ms(g.from)}–${ms(g.to)} (${ms(g.to - g.from)} ms), in flight: ${g.waiting.join(' ') || 'nothing'}`,
    );
  const kinds = [...t.byKind].sort((a, b) => b[1] - a[1]).slice(0, 14);
  console.log(
    `  main thread by event (wall ms, nested): ${kinds.map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`,
  );
  console.log('  longest tasks to 1 s after (wall / CPU ms, what is inside):');
  for (const l of t.longest)
    console.log(`    at ${ms(l.at)}: ${ms(l.ms)} / ${ms(l.cpu)}: ${l.what}`);
}

await withPreview(async (browser) => {
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  for (const path of PATHS) {
    for (let i = 0; i < RUNS; i++) {
      const { json, trace } = await tracedLoad(browser, path);
      if (!trace) console.log(`${path}: no first diagram in the trace`);
      else print(path, trace);
      if (process.env.BENCH_TRACE) writeFileSync(process.env.BENCH_TRACE, json);
    }
  }
  console.log(
    `\nload average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
});
