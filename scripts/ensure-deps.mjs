#!/usr/bin/env node
// Installs dependencies with `npm ci` when node_modules is missing or older than
// package-lock.json, so `npm start` / `npm test` work as the first command on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockfile = join(root, 'package-lock.json');
// npm rewrites this hidden lockfile on every install, so its mtime marks the last install.
const installedMarker = join(root, 'node_modules', '.package-lock.json');
// npm writes both files within milliseconds; the slack avoids reinstalling over that race.
const SLACK_MS = 1000;

function needsInstall() {
  if (!existsSync(installedMarker)) return true;
  if (!existsSync(lockfile)) return false;
  return statSync(installedMarker).mtimeMs + SLACK_MS < statSync(lockfile).mtimeMs;
}

if (needsInstall()) {
  console.log('Installing dependencies (npm ci)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  if (result.status !== 0) {
    console.error('npm ci failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}
