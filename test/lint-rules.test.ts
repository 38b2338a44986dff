// Proves that the architecture rules in eslint.config.js fire where they should (and only
// there), by linting small snippets as if they lived at given paths.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: 'eslint.config.js' });
});

/** Rule ids of the errors ESLint reports for `code` at `filePath`. */
async function errors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.severity === 2)
    .map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

describe('deterministic core (engine, actors, invariants, scenarios)', () => {
  const banned: Array<[string, string, string]> = [
    ['Math.random', 'export const x = Math.random();\n', 'no-restricted-properties'],
    ['Date.now', 'export const x = Date.now();\n', 'no-restricted-properties'],
    ['performance.now', 'export const x = performance.now();\n', 'no-restricted-properties'],
    ['new Date()', 'export const x = new Date();\n', 'no-restricted-syntax'],
    ['setTimeout', 'setTimeout(() => {}, 1);\n', 'no-restricted-globals'],
    ['setInterval', 'setInterval(() => {}, 1);\n', 'no-restricted-globals'],
    ['requestAnimationFrame', 'requestAnimationFrame(() => {});\n', 'no-restricted-globals'],
  ];
  for (const folder of ['engine', 'actors', 'invariants', 'scenarios']) {
    for (const [name, code, rule] of banned) {
      it(`bans ${name} in src/${folder}`, async () => {
        expect(await errors(code, `src/${folder}/x.ts`)).toEqual([rule]);
      });
    }
  }
  for (const folder of ['share', 'viz', 'store']) {
    it(`allows Math.random and timers in src/${folder}`, async () => {
      expect(await errors('export const x = Math.random();\n', `src/${folder}/x.ts`)).toEqual([]);
      expect(await errors('setTimeout(() => {}, 1);\n', `src/${folder}/x.ts`)).toEqual([]);
    });
  }

  it('explains the alternative in the message', async () => {
    const [result] = await eslint.lintText('export const x = Math.random();\n', {
      filePath: 'src/engine/x.ts',
    });
    expect(result?.messages[0]?.message).toMatch(/seeded PRNG/);
  });

  it('allows deterministic dates and plain code', async () => {
    expect(await errors('export const x = new Date(0);\n', 'src/engine/x.ts')).toEqual([]);
    expect(await errors('export const x = Math.max(1, 2);\n', 'src/engine/x.ts')).toEqual([]);
  });
});

describe('headless folders', () => {
  const headless = [
    'engine',
    'actors',
    'invariants',
    'scenarios',
    'share',
    'viz',
    'cli',
    'workers',
  ];
  for (const folder of headless) {
    it(`bans react, react-dom and zustand in src/${folder}`, async () => {
      const file = `src/${folder}/x.ts`;
      expect(await errors("import { create } from 'zustand';\nvoid create;\n", file)).toEqual([
        'no-restricted-imports',
      ]);
      expect(await errors("import { useState } from 'react';\nvoid useState;\n", file)).toEqual([
        'no-restricted-imports',
      ]);
      expect(
        await errors("import { createRoot } from 'react-dom/client';\nvoid createRoot;\n", file),
      ).toEqual(['no-restricted-imports']);
    });

    it(`bans window, document and localStorage in src/${folder}`, async () => {
      const file = `src/${folder}/x.ts`;
      expect(await errors('export const w = window.innerWidth;\n', file)).toEqual([
        'no-restricted-globals',
      ]);
      expect(await errors('export const t = document.title;\n', file)).toEqual([
        'no-restricted-globals',
      ]);
      expect(await errors("export const v = localStorage.getItem('k');\n", file)).toEqual([
        'no-restricted-globals',
      ]);
    });
  }

  it('lets src/store use zustand and src/ui use React', async () => {
    expect(
      await errors("import { create } from 'zustand';\nvoid create;\n", 'src/store/x.ts'),
    ).toEqual([]);
    expect(
      await errors("import { useState } from 'react';\nvoid useState;\n", 'src/ui/x.tsx'),
    ).toEqual([]);
  });
});

describe('import direction', () => {
  const forbidden: Array<[string, string]> = [
    ['src/engine/x.ts', '../actors/cache'],
    ['src/engine/x.ts', '../scenarios'],
    ['src/engine/sub/x.ts', '../../ui/App'],
    ['src/actors/x.ts', '../scenarios/index'],
    ['src/invariants/x.ts', '../share/codec'],
    ['src/scenarios/x.ts', '../viz/layout'],
    ['src/share/x.ts', '../store/index'],
    ['src/viz/x.ts', '../ui/Diagram'],
    ['src/store/x.ts', '../ui/App'],
    ['src/store/slices/x.ts', '../../ui/App'],
  ];
  for (const [file, source] of forbidden) {
    it(`bans ${source} from ${file}`, async () => {
      const code = `import { thing } from '${source}';\nvoid thing;\n`;
      expect(await errors(code, file)).toEqual(['no-restricted-imports']);
    });
  }

  const allowed: Array<[string, string]> = [
    ['src/engine/x.ts', './world'],
    ['src/actors/x.ts', '../engine/world'],
    ['src/scenarios/x.ts', '../actors/cache'],
    ['src/scenarios/x.ts', '../invariants/stale'],
    ['src/viz/x.ts', '../scenarios/registry'],
    ['src/store/x.ts', '../share/codec'],
    ['src/ui/x.tsx', '../store/index'],
  ];
  for (const [file, source] of allowed) {
    it(`allows ${source} from ${file}`, async () => {
      const code = `import { thing } from '${source}';\nvoid thing;\n`;
      expect(await errors(code, file)).toEqual([]);
    });
  }
});

describe('HTML injection, everywhere in src', () => {
  it('bans innerHTML and outerHTML assignments', async () => {
    const code = 'export function f(el: HTMLElement, s: string) {\n  el.innerHTML = s;\n}\n';
    expect(await errors(code, 'src/ui/x.ts')).toEqual(['no-restricted-syntax']);
    const outer = 'export function f(el: HTMLElement, s: string) {\n  el.outerHTML = s;\n}\n';
    expect(await errors(outer, 'src/store/x.ts')).toEqual(['no-restricted-syntax']);
  });

  it('bans d3 .html()', async () => {
    const code = "import { select } from 'd3-selection';\nselect('p').html('<b>x</b>');\n";
    expect(await errors(code, 'src/ui/x.ts')).toEqual(['no-restricted-syntax']);
    expect(await errors(code, 'src/viz/x.ts')).toEqual(['no-restricted-syntax']);
  });

  it('bans dangerouslySetInnerHTML', async () => {
    const code =
      'export function A({ s }: { s: string }) {\n  return <div dangerouslySetInnerHTML={{ __html: s }} />;\n}\n';
    expect(await errors(code, 'src/ui/A.tsx')).toEqual(['no-restricted-syntax']);
  });

  it('allows rendering text as text', async () => {
    const code = "import { select } from 'd3-selection';\nselect('p').text('<b>x</b>');\n";
    expect(await errors(code, 'src/ui/x.ts')).toEqual([]);
  });
});

describe('outside the deterministic core', () => {
  it('allows Math.random and timers in src/ui', async () => {
    expect(await errors('export const x = Math.random();\n', 'src/ui/x.ts')).toEqual([]);
    expect(await errors('setTimeout(() => {}, 1);\n', 'src/ui/x.ts')).toEqual([]);
  });

  it('allows window and localStorage in src/ui and src/store', async () => {
    expect(await errors('export const w = window.innerWidth;\n', 'src/ui/x.ts')).toEqual([]);
    expect(await errors("export const v = localStorage.getItem('k');\n", 'src/store/x.ts')).toEqual(
      [],
    );
  });
});

describe('built-in scenarios in the page', () => {
  const all =
    "import { SCENARIOS } from '../scenarios/index';\nexport const n = SCENARIOS.length;\n";
  it('bans scenarios/index from page code', async () => {
    for (const file of ['src/store/x.ts', 'src/share/x.ts', 'src/viz/x.ts'])
      expect(await errors(all, file)).toEqual(['no-restricted-imports']);
    const fromUi =
      "import { SCENARIOS } from '../../scenarios';\nexport const n = SCENARIOS.length;\n";
    expect(await errors(fromUi, 'src/ui/layout/x.ts')).toEqual(['no-restricted-imports']);
  });

  it('allows it in tests, workers and the CLI, and the registry and catalog anywhere', async () => {
    expect(await errors(all, 'src/store/x.test.ts')).toEqual([]);
    expect(await errors(all, 'src/workers/x.ts')).toEqual([]);
    expect(await errors(all, 'src/cli/x.ts')).toEqual([]);
    const page =
      "import { loadScenario } from '../../scenarios/catalog';\nimport { findScenario } from '../../scenarios/registry';\nexport const f = [loadScenario, findScenario];\n";
    expect(await errors(page, 'src/ui/layout/x.ts')).toEqual([]);
  });
});
