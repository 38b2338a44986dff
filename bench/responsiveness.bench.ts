/**
 * Benchmark (prints figures; not a test): main-thread long tasks (> 50 ms) in the built app
 * while the explore worker runs a large exploration, against the same page left idle, in the
 * same run. Needs the system Chromium; builds the app when `dist/` is missing.
 * Run: npm run bench (or npx tsx bench/responsiveness.bench.ts)
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { BENCH_ARGS } from './pageKit';

const PORT = 4391;
const LINK = '/#v=1&s=cache-aside-set-after-delete&f=none&g=m&seed=1&c=0&p=&m=readers:3,writers:3';
const WINDOW_MS = 3000;

/** Collects the durations of long tasks on the page's main thread for `ms` milliseconds. */
function longTasks(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(
    (window) =>
      new Promise<number[]>((resolve) => {
        const seen: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) seen.push(Math.round(entry.duration));
        });
        observer.observe({ type: 'longtask' });
        setTimeout(() => (observer.disconnect(), resolve(seen)), window);
      }),
    ms,
  );
}

function describe(label: string, tasks: number[]): string {
  const max = tasks.length ? Math.max(...tasks) : 0;
  return `${label.padEnd(22)} long tasks: ${String(tasks.length).padStart(2)}   longest: ${String(max).padStart(4)} ms   total: ${tasks.reduce((a, b) => a + b, 0)} ms`;
}

if (!existsSync('dist/index.html')) execSync('npx vite build', { stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
  stdio: 'ignore',
});
try {
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: BENCH_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`http://localhost:${PORT}${LINK}`);
  await page.getByTestId('sequence-diagram').waitFor();
  await page.waitForTimeout(500);
  const idle = await longTasks(page, WINDOW_MS);
  await page.getByTestId('find-race').click();
  await page.getByTestId('cancel-explore').waitFor();
  const exploring = await longTasks(page, WINDOW_MS);
  const stillRunning = await page.getByTestId('cancel-explore').isVisible();
  await browser.close();
  console.log(
    `main-thread long tasks over ${WINDOW_MS} ms — cache-aside, 3 readers + 3 writers, messages`,
  );
  console.log(describe('page idle', idle));
  console.log(describe('worker exploring', exploring));
  console.log(`exploration still running at the end of the window: ${stillRunning ? 'yes' : 'no'}`);
} finally {
  server.kill();
}
