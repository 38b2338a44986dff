// ESLint flat config. Besides the recommended rules, it enforces the architecture by folder
// (see ARCHITECTURE.md): imports flow one way (engine <- actors/invariants <- scenarios <-
// authoring <- share/viz <- store <- ui), nothing below ui touches React, zustand or the DOM,
// and the deterministic core (engine, actors, invariants, scenarios, authoring) never reads
// real time or unseeded randomness.
//
// Several folders restrict the same core rules (no-restricted-imports, -globals, -properties,
// -syntax). In flat config a later block replaces a rule's options instead of merging them, so
// each folder gets exactly one block whose options are assembled below.

import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SOURCE = '{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

/** Layers, lowest first, with the src/ folders each may not import from. */
const FORBIDDEN_IMPORTS = {
  engine: [
    'actors',
    'invariants',
    'scenarios',
    'authoring',
    'share',
    'viz',
    'store',
    'ui',
    'workers',
    'cli',
  ],
  actors: ['scenarios', 'authoring', 'share', 'viz', 'store', 'ui', 'workers', 'cli'],
  invariants: ['scenarios', 'authoring', 'share', 'viz', 'store', 'ui', 'workers', 'cli'],
  scenarios: ['authoring', 'share', 'viz', 'store', 'ui', 'workers', 'cli'],
  // Authored models compile to scenarios: the same layer, one step above the built-ins.
  authoring: ['share', 'viz', 'store', 'ui', 'workers', 'cli'],
  share: ['store', 'ui', 'workers', 'cli'],
  viz: ['store', 'ui', 'workers', 'cli'],
  workers: ['store', 'ui', 'cli'],
  cli: ['store', 'ui', 'workers'],
  store: ['ui', 'cli'],
  ui: ['cli'],
};

/** Folders that must stay free of React, zustand and the DOM. */
const HEADLESS = new Set([
  'engine',
  'actors',
  'invariants',
  'scenarios',
  'authoring',
  'share',
  'viz',
  'cli',
  'workers',
]);

/** Folders that must be deterministic: no real clock, timers or unseeded randomness. */
const DETERMINISTIC = new Set(['engine', 'actors', 'invariants', 'scenarios', 'authoring']);

const CLOCK = 'Use the world clock (logical time in the world), never real time.';
const RNG = 'Use the seeded PRNG passed in (src/engine rng), never unseeded randomness.';
const TIMER = 'The engine owns time: schedule work as world steps/timer expiries, not real timers.';
const HEADLESS_MSG =
  'This folder must run without a browser: no DOM, window or storage (only src/ui and src/store may).';
const UI_LIB_MSG =
  'React, react-dom and zustand belong to src/ui and src/store only; keep this layer framework-free.';
const HTML_MSG =
  'No HTML injection: render text as text (React children, d3 .text()), never innerHTML/.html()/dangerouslySetInnerHTML.';

/** Matches a relative or aliased import of a top-level src folder, e.g. `../../ui/App`. */
function folderImportRegex(folders) {
  const names = folders.join('|');
  return `^(?:(?:\\.\\./)+|\\./\\.\\./|(?:@|~|src)/)(?:src/)?(?:${names})(?:/|$)`;
}

/** Whole libraries the page must not pull in: their parts are imported instead. */
const WHOLE_LIBRARY_IMPORTS = [
  {
    regex: '^d3$',
    message: 'Import the d3 module used (d3-selection, d3-zoom, d3-scale, …), not the whole of d3.',
  },
  {
    regex: '^zod$',
    message:
      "Use zod/mini (smaller, and no eval probe under the page's CSP); authoring schemas import src/authoring/zod.ts.",
  },
];

/** Folders of the page: built-in scenarios come from the catalog, loaded on demand. */
const PAGE = new Set(['share', 'viz', 'store', 'ui']);
const ALL_SCENARIOS_IMPORT = {
  regex: '^(?:\\.\\./)+scenarios(?:/index)?$',
  message:
    "Page code imports scenarios/registry (lookup) and scenarios/catalog (the picker's list, models loaded on demand): scenarios/index loads every scenario's model into the page's first chunks.",
};

function restrictedImports(folder, test = false) {
  const patterns = [...WHOLE_LIBRARY_IMPORTS];
  // Tests run in node, where every built-in may be registered.
  if (PAGE.has(folder) && !test) patterns.push(ALL_SCENARIOS_IMPORT);
  const forbidden = FORBIDDEN_IMPORTS[folder] ?? [];
  if (forbidden.length > 0) {
    patterns.push({
      regex: folderImportRegex(forbidden),
      message: `Imports flow one way (engine <- actors/invariants <- scenarios <- authoring <- share/viz <- store <- ui): src/${folder} must not import from ${forbidden.join(', ')}.`,
    });
  }
  if (HEADLESS.has(folder)) {
    patterns.push({ regex: '^(?:react|react-dom|zustand)(?:/|$)', message: UI_LIB_MSG });
  }
  return ['error', { patterns }];
}

function restrictedGlobals(folder) {
  const entries = [];
  if (HEADLESS.has(folder)) {
    for (const name of ['window', 'document', 'localStorage', 'sessionStorage']) {
      entries.push({ name, message: HEADLESS_MSG });
    }
  }
  if (DETERMINISTIC.has(folder)) {
    for (const name of [
      'setTimeout',
      'setInterval',
      'setImmediate',
      'requestAnimationFrame',
      'requestIdleCallback',
    ]) {
      entries.push({ name, message: TIMER });
    }
  }
  return entries.length > 0 ? ['error', ...entries] : 'off';
}

function restrictedProperties(folder) {
  const entries = [];
  if (HEADLESS.has(folder)) {
    for (const property of ['window', 'document', 'localStorage', 'sessionStorage']) {
      entries.push({ object: 'globalThis', property, message: HEADLESS_MSG });
    }
  }
  if (DETERMINISTIC.has(folder)) {
    entries.push(
      { object: 'Math', property: 'random', message: RNG },
      { object: 'crypto', property: 'getRandomValues', message: RNG },
      { object: 'crypto', property: 'randomUUID', message: RNG },
      { object: 'Date', property: 'now', message: CLOCK },
      { object: 'performance', property: 'now', message: CLOCK },
      { object: 'globalThis', property: 'setTimeout', message: TIMER },
      { object: 'globalThis', property: 'setInterval', message: TIMER },
      { object: 'globalThis', property: 'requestAnimationFrame', message: TIMER },
    );
  }
  return entries.length > 0 ? ['error', ...entries] : 'off';
}

/** Syntax bans for all of src (HTML injection), plus real-time dates in deterministic code. */
function restrictedSyntax(folder) {
  const entries = [
    { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: HTML_MSG },
    { selector: 'MemberExpression[property.name=/^(inner|outer)HTML$/]', message: HTML_MSG },
    { selector: 'MemberExpression[property.value=/^(inner|outer)HTML$/]', message: HTML_MSG },
    { selector: "CallExpression[callee.property.name='html']", message: HTML_MSG },
    { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: HTML_MSG },
  ];
  if (DETERMINISTIC.has(folder)) {
    entries.push(
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: `new Date() reads the real clock. ${CLOCK}`,
      },
      {
        selector: "CallExpression[callee.name='Date']",
        message: `Date() reads the real clock. ${CLOCK}`,
      },
    );
  }
  return ['error', ...entries];
}

const folderBlocks = Object.keys(FORBIDDEN_IMPORTS).map((folder) => ({
  name: `interleave/architecture/${folder}`,
  files: [`src/${folder}/**/*.${SOURCE}`],
  rules: {
    'no-restricted-imports': restrictedImports(folder),
    'no-restricted-globals': restrictedGlobals(folder),
    'no-restricted-properties': restrictedProperties(folder),
    'no-restricted-syntax': restrictedSyntax(folder),
  },
}));

/** The page folders' tests: the same rules, but they may register every built-in scenario. */
const pageTestBlocks = [...PAGE].map((folder) => ({
  name: `interleave/architecture/${folder}/tests`,
  files: [`src/${folder}/**/*.test.${SOURCE}`],
  rules: { 'no-restricted-imports': restrictedImports(folder, true) },
}));

export default defineConfig(
  globalIgnores(
    ['dist/', 'node_modules/', 'playwright-report/', 'test-results/', 'coverage/', 'docs/'],
    'interleave/ignores',
  ),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'interleave/base',
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.es2022 },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    name: 'interleave/browser',
    files: [`src/**/*.${SOURCE}`],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'interleave/workers',
    files: [`src/workers/**/*.${SOURCE}`],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    name: 'interleave/node',
    files: [
      `src/cli/**/*.${SOURCE}`,
      `scripts/**/*.${SOURCE}`,
      `bench/**/*.${SOURCE}`,
      `test/**/*.${SOURCE}`,
      `e2e/**/*.${SOURCE}`,
      `*.config.${SOURCE}`,
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'interleave/src-default',
    files: [`src/**/*.${SOURCE}`],
    rules: { 'no-restricted-syntax': restrictedSyntax('') },
  },
  ...folderBlocks,
  ...pageTestBlocks,
  {
    ...reactHooks.configs.flat.recommended,
    name: 'interleave/react-hooks',
    files: [`src/ui/**/*.${SOURCE}`, `src/*.${SOURCE}`],
  },
);
