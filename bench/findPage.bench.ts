/**
 * Benchmark (prints figures; not a test): Find the race in the built page, in Chromium, on
 * cache-aside by messages at growing sizes — wall time from the click to a race pinned on the
 * diagram (issue 10's goal: under 5 s on 3 readers + 3 writers), to the shortest race when it is
 * proven, and to the end of the search (counts, or their budget). Median of BENCH_RUNS runs
 * (default 3). Uses `dist/` (builds it when missing). E2E_PORT sets the port.
 * Run: npx tsx bench/findPage.bench.ts
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { waitForServer } from './pageKit';

const PORT = Number(process.env.E2E_PORT ?? 4393);
const BASE = `http://localhost:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GOAL_MS = 5_000;
const SIZES = [
  [2, 2],
  [3, 2],
  [3, 3],
] as const;

interface Run {
  readonly raceMs: number;
  readonly shortestMs: number | null;
  readonly endMs: number;
  readonly race: string;
  readonly end: string;
}

/** One Find the race from a fresh page: the times of its answers. */
async function findRace(browser: Browser, readers: number, writers: number): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const link = `/#v=1&s=cache-aside-set-after-delete&f=none&g=m&seed=1&c=0&p=&m=readers:${readers},writers:${writers}`;
  await page.goto(`${BASE}${link}`);
  await page.getByTestId('sequence-diagram').waitFor();
  const start = Date.now();
  await page.getByTestId('find-race').click();
  const raceLine = page.getByTestId('explore-race');
  const result = page.getByTestId('explore-result');
  // Small models may answer everything before the first look: the counts then stand for both.
  await raceLine.or(result).first().waitFor({ timeout: 120_000 });
  const raceMs = Date.now() - start;
  const race = (await raceLine.count()) ? await raceLine.innerText() : await result.innerText();
  let shortestMs: number | null = null;
  while (Date.now() - start < 180_000 && !(await page.getByTestId('find-race').isVisible())) {
    if (shortestMs === null && (await raceLine.getAttribute('data-shortest')) === 'true') {
      shortestMs = Date.now() - start;
    }
    await page.waitForTimeout(100);
  }
  const endMs = Date.now() - start;
  const end = (await page.locator('section.explore').innerText()).replace(/\s+/g, ' ');
  await context.close();
  return { raceMs, shortestMs, endMs, race: race.replace(/\s+/g, ' '), end: end.slice(0, 300) };
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`;

if (!existsSync('dist/index.html')) execSync('npx vite build', { stdio: 'inherit' });
const server = spawn(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort'],
  { stdio: 'ignore' },
);
try {
  await waitForServer(BASE);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    console.log(`Find the race in Chromium, cache-aside by messages, median of ${RUNS} runs`);
    console.log(`  machine load average: ${loadavg()[0]!.toFixed(1)} (wall times grow with it)`);
    for (const [readers, writers] of SIZES) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await findRace(browser, readers, writers));
      const race = median(runs.map((r) => r.raceMs))!;
      const shortest = runs.every((r) => r.shortestMs !== null)
        ? median(runs.map((r) => r.shortestMs!))
        : null;
      const goal = readers === 3 && writers === 3;
      console.log(
        `${readers}R+${writers}W: race pinned ${seconds(race)}${goal ? ` (goal < ${GOAL_MS / 1000} s: ${race < GOAL_MS ? 'met' : 'NOT met'})` : ''}; ` +
          `shortest proven ${seconds(shortest)}; search ended ${seconds(median(runs.map((r) => r.endMs)))}`,
      );
      console.log(
        `  each run (race / end): ${runs.map((r) => `${seconds(r.raceMs)} / ${seconds(r.endMs)}`).join(', ')}`,
      );
      console.log(`  race: ${runs[0]!.race}`);
      console.log(`  end: ${runs[0]!.end}`);
    }
  } finally {
    await browser.close();
  }
} finally {
  server.kill();
}
