#!/usr/bin/env node
// Makes sure a Chromium for Playwright exists: CHROMIUM_PATH, else /usr/bin/chromium, else
// installs Debian's `chromium` package when running as root on Debian. Exits 1 otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';
const configured = process.env.CHROMIUM_PATH;

function isRootOnDebian() {
  return existsSync('/etc/debian_version') && process.getuid?.() === 0;
}

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

if (configured) {
  if (existsSync(configured)) process.exit(0);
  console.error(`CHROMIUM_PATH is set to ${configured}, but that file does not exist.`);
  process.exit(1);
}

if (existsSync(DEFAULT_PATH)) process.exit(0);

if (isRootOnDebian()) {
  console.log(`No Chromium at ${DEFAULT_PATH}; installing the Debian package "chromium"...`);
  const installed =
    run('apt-get', ['update']) &&
    run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  if (installed && existsSync(DEFAULT_PATH)) process.exit(0);
  console.error('Installing Chromium with apt-get failed (see the output above).');
  process.exit(1);
}

console.error(
  [
    `Browser tests need Chromium, and none was found at ${DEFAULT_PATH}.`,
    'Either install it, e.g. on Debian/Ubuntu:',
    '  sudo apt-get install -y --no-install-recommends chromium',
    'or point CHROMIUM_PATH at an existing Chromium or Chrome binary:',
    '  CHROMIUM_PATH=/path/to/chromium npm test',
  ].join('\n'),
);
process.exit(1);
