// Serves the built dist/ with `vite preview` on E2E_PORT (default 4173), opens the system
// Chromium, runs `work(browser, base)` and always stops both. Shared by the screenshot scripts.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

async function waitForServer(url, tries = 60) {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no server at ${url}`);
}

/** Runs `work(browser, base)` against a preview of dist/; returns what it returns. */
export async function withPreview(work) {
  const port = Number(process.env.E2E_PORT ?? 4173);
  const base = `http://localhost:${port}`;
  // Vite's own entry point (not `npx`), so that killing the child stops the server.
  const vite = 'node_modules/vite/bin/vite.js';
  const server = spawn(
    process.execPath,
    [vite, 'preview', '--port', String(port), '--strictPort'],
    {
      stdio: 'ignore',
    },
  );
  try {
    await waitForServer(base);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      return await work(browser, base);
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}
