import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
const port = 4191;
const base = `http://localhost:${port}`;
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
for (let i = 0; i < 80; i++) { try { if ((await fetch(base)).ok) break; } catch {} await new Promise(r => setTimeout(r, 250)); }
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
const shot = async (name, w, h, url, act) => {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(base + url);
  if (act) await act(page);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `/tmp/shots/${name}.png` });
  await page.close();
};
const find = async (p) => { await p.getByTestId('find-race').click(); await p.getByTestId('explore-result').waitFor({ timeout: 30000 }); };
await shot('ca-find-1280', 1280, 720, '/#v=1&s=cache-aside-set-after-delete', async (p) => { await find(p); await p.getByTestId('explore-all').click(); await p.waitForTimeout(800); });
await shot('qp-epoch-1280', 1280, 720, '/#v=1&s=querypilot-stale-verdict&f=epoch-on-read', find);
await shot('wt-1280', 1280, 720, '/#v=1&s=cache-aside-set-after-delete&f=write-through', async (p) => { await find(p); });
await shot('di-1920', 1920, 1080, '/#v=1&s=duplicate-insert', async (p) => { await find(p); await p.getByTestId('fix-single-flight').check(); });
await shot('ca-390', 390, 844, '/#v=1&s=cache-aside-set-after-delete', find);
await browser.close();
process.kill(-server.pid);
