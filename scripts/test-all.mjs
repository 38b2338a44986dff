#!/usr/bin/env node
// Runs every check in order (typecheck, lint, unit/property tests, browser tests), keeps
// going after a failure, and ends with one total line `N passed, N failed`. Each tool's own
// output is streamed as is. Exits non-zero if anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const resultsDir = join(root, 'test-results');
const unitJson = join(resultsDir, 'unit.json');
const e2eJson = join(resultsDir, 'e2e.json');

const MINUTE = 60_000;
// Stage budgets add up to 80 minutes, so a run (after dependency install) stays under 90.
const BUDGET = { typecheck: 10 * MINUTE, lint: 10 * MINUTE, unit: 30 * MINUTE, e2e: 30 * MINUTE };

let current = null;

/** Runs a command with inherited output; resolves to its exit code (124 on timeout). */
function run(command, args, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      // Own process group, so a timeout also stops grandchildren (e.g. the preview server).
      detached: process.platform !== 'win32',
      shell: process.platform === 'win32',
    });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(
        `\n[test-all] ${command} ${args.join(' ')} exceeded ${timeoutMs / MINUTE} min.`,
      );
      stop(child);
    }, timeoutMs);
    child.on('error', (error) => {
      console.error(`[test-all] could not start ${command}: ${error.message}`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = null;
      resolve(timedOut ? 124 : (code ?? (signal ? 1 : 0)));
    });
  });
}

function stop(child) {
  const kill = (signal) => {
    try {
      if (process.platform === 'win32') child.kill(signal);
      else process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  kill('SIGTERM');
  setTimeout(() => kill('SIGKILL'), 10_000).unref();
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) stop(current);
    process.exit(130);
  });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function banner(title) {
  console.log(`\n=== ${title} ${'='.repeat(Math.max(0, 70 - title.length))}\n`);
}

/** Remaining budget of a stage that started at `start`. */
const remaining = (start, budget) => Math.max(1_000, budget - (Date.now() - start));

async function typecheck() {
  const code = await run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], BUDGET.typecheck);
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

async function lint() {
  const start = Date.now();
  const eslintCode = await run(bin('eslint'), ['.'], BUDGET.lint);
  const prettierCode = await run(bin('prettier'), ['--check', '.'], remaining(start, BUDGET.lint));
  return eslintCode === 0 && prettierCode === 0
    ? { passed: 1, failed: 0 }
    : { passed: 0, failed: 1 };
}

async function unit() {
  rmSync(unitJson, { force: true });
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile=${unitJson}`];
  const code = await run(bin('vitest'), args, BUDGET.unit);
  const report = readJson(unitJson);
  if (!report) return { passed: 0, failed: 1, note: 'no JSON report' };
  const passed = report.numPassedTests ?? 0;
  // A file that fails to load has no test results of its own: count it as one failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  ).length;
  let failed = (report.numFailedTests ?? 0) + brokenFiles;
  // An unhandled error fails the run without failing a test.
  if (code !== 0 && failed === 0) failed = 1;
  return { passed, failed };
}

async function e2e() {
  const start = Date.now();
  rmSync(e2eJson, { force: true });
  if ((await run(process.execPath, ['scripts/ensure-chromium.mjs'], BUDGET.e2e)) !== 0) {
    return { passed: 0, failed: 1, note: 'no Chromium' };
  }
  if ((await run(bin('vite'), ['build'], remaining(start, BUDGET.e2e))) !== 0) {
    return { passed: 0, failed: 1, note: 'build failed' };
  }
  const code = await run(bin('playwright'), ['test'], remaining(start, BUDGET.e2e));
  const stats = readJson(e2eJson)?.stats;
  if (!stats) return { passed: 0, failed: 1, note: 'no JSON report' };
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  let failed = stats.unexpected ?? 0;
  if (code !== 0 && failed === 0) failed = 1;
  return { passed, failed };
}

const stages = [
  ['typecheck', 'Type check (tsc --noEmit)', typecheck],
  ['lint', 'Lint (eslint, prettier --check)', lint],
  ['unit', 'Unit and property tests (vitest)', unit],
  ['e2e', 'Browser tests (Playwright, system Chromium)', e2e],
];

mkdirSync(resultsDir, { recursive: true });
if (!existsSync(bin('tsc'))) {
  console.error('[test-all] node_modules is missing; run `npm test` (it installs them first).');
}

const results = [];
for (const [name, title, stage] of stages) {
  banner(title);
  const started = Date.now();
  const result = await stage();
  results.push({ name, ...result, seconds: (Date.now() - started) / 1000 });
}

banner('Summary');
for (const { name, passed, failed, note, seconds } of results) {
  const status = failed > 0 ? 'FAIL' : 'ok  ';
  const extra = note ? ` (${note})` : '';
  console.log(
    `  ${status} ${name.padEnd(10)} ${passed} passed, ${failed} failed${extra}  [${seconds.toFixed(1)}s]`,
  );
}
const totalPassed = results.reduce((sum, r) => sum + r.passed, 0);
const totalFailed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${totalPassed} passed, ${totalFailed} failed`);
process.exit(totalFailed > 0 ? 1 : 0);
