import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rolldown } from 'rolldown';
import { afterAll, describe, expect, it } from 'vitest';
import {
  COMPILE_HINT,
  compileHints,
  type LoadPath,
  loadPathModules,
  type ModuleLinks,
  runsAtLoad,
} from '../scripts/compileHints';

/** A module graph: each module's static and dynamic imports. */
const GRAPH: Record<string, ModuleLinks> = {
  entry: { importedIds: ['style', 'address'], dynamicallyImportedIds: ['start', 'link', 'editor'] },
  style: { importedIds: [], dynamicallyImportedIds: [] },
  address: { importedIds: [], dynamicallyImportedIds: [] },
  start: { importedIds: ['react'], dynamicallyImportedIds: [] },
  react: { importedIds: [], dynamicallyImportedIds: [] },
  link: { importedIds: ['engine', 'catalog'], dynamicallyImportedIds: ['help'] },
  engine: { importedIds: ['xstate'], dynamicallyImportedIds: [] },
  xstate: { importedIds: [], dynamicallyImportedIds: [] },
  catalog: { importedIds: [], dynamicallyImportedIds: ['modelA', 'modelB'] },
  modelA: { importedIds: ['actors'], dynamicallyImportedIds: [] },
  modelB: { importedIds: ['actors'], dynamicallyImportedIds: [] },
  actors: { importedIds: ['xstate'], dynamicallyImportedIds: [] },
  editor: { importedIds: ['codemirror'], dynamicallyImportedIds: [] },
  codemirror: { importedIds: [], dynamicallyImportedIds: [] },
  help: { importedIds: [], dynamicallyImportedIds: [] },
};
const links = (id: string) => GRAPH[id] ?? null;

describe('the load path', () => {
  it('holds the roots, the dynamic imports of the modules named, and all they import statically', () => {
    const atLoad = loadPathModules(links, ['entry'], ['entry', 'catalog']);
    expect([...atLoad].sort()).toEqual(
      [
        'actors',
        'address',
        'catalog',
        'editor',
        'codemirror',
        'engine',
        'entry',
        'link',
        'modelA',
        'modelB',
        'react',
        'start',
        'style',
        'xstate',
      ].sort(),
    );
  });

  it('leaves out dynamic imports of modules not named, and does not follow them', () => {
    const atLoad = loadPathModules(links, ['entry', 'link'], []);
    expect(atLoad.has('start')).toBe(false);
    expect(atLoad.has('help')).toBe(false);
    expect(atLoad.has('modelA')).toBe(false);
    expect(atLoad.has('engine')).toBe(true);
    expect(atLoad.has('xstate')).toBe(true);
  });

  it('stops at a cycle and at a module the graph does not know', () => {
    const cyclic = (id: string): ModuleLinks | null =>
      id === 'a'
        ? { importedIds: ['b', 'missing'], dynamicallyImportedIds: [] }
        : id === 'b'
          ? { importedIds: ['a'], dynamicallyImportedIds: [] }
          : null;
    expect([...loadPathModules(cyclic, ['a'], [])].sort()).toEqual(['a', 'b', 'missing']);
  });

  it('a chunk runs at load when any of its modules does', () => {
    const atLoad = new Set(['x', 'y']);
    expect(runsAtLoad(['z', 'y'], atLoad)).toBe(true);
    expect(runsAtLoad(['z'], atLoad)).toBe(false);
    expect(runsAtLoad([], atLoad)).toBe(false);
  });
});

describe('the plugin, in a build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'compile-hints-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'entry.js': [
      "import { tag } from './shared.js';",
      "import('./view.js').then((m) => m.view(tag));",
    ].join('\n'),
    'shared.js': "export const tag = (s) => '[' + s + ']';",
    'view.js': [
      "import { tag } from './shared.js';",
      "import { deep } from './deep.js';",
      'export function view(t) { return t(deep()) + tag("v"); }',
      "document.addEventListener('click', () => import('./later.js').then((m) => m.later()));",
    ].join('\n'),
    'deep.js': "export function deep() { return 'deep'; }",
    'later.js': "export function later() { return 'later, on a click'; }",
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);

  /** Builds the fixture, minified, with the plugin for `path` or without it. */
  async function build(path: LoadPath | null) {
    const bundle = await rolldown({
      input: join(dir, 'entry.js'),
      plugins: path ? [compileHints(path) as never] : [],
      logLevel: 'silent',
    });
    const { output } = await bundle.generate({
      format: 'es',
      minify: true,
      entryFileNames: '[name]-[hash].js',
      chunkFileNames: '[name]-[hash].js',
    });
    await bundle.close();
    return output.flatMap((o) => (o.type === 'chunk' ? [o] : []));
  }
  const chunkOf = (chunks: Awaited<ReturnType<typeof build>>, module: string) => {
    const chunk = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(`/${module}`)));
    if (!chunk) throw new Error(`no chunk holds ${module}`);
    return chunk;
  };

  it('puts the hint first in the chunks of the load path, after minifying, and nowhere else', async () => {
    const chunks = await build({
      modules: [join(dir, 'entry.js')],
      dynamicFrom: [join(dir, 'entry.js')],
    });
    for (const module of ['entry.js', 'view.js', 'deep.js', 'shared.js'])
      expect(chunkOf(chunks, module).code.startsWith(COMPILE_HINT)).toBe(true);
    const later = chunkOf(chunks, 'later.js');
    expect(later.code).toContain('later, on a click');
    expect(later.code).not.toContain('allFunctionsCalledOnLoad');
    // Each hinted file holds the hint once.
    for (const chunk of chunks)
      expect(chunk.code.split('allFunctionsCalledOnLoad').length).toBeLessThanOrEqual(2);
  });

  it("changes the hinted chunks' names (their hash), and not the others'", async () => {
    const plain = await build(null);
    const hinted = await build({ modules: [join(dir, 'entry.js')], dynamicFrom: [] });
    expect(chunkOf(hinted, 'entry.js').fileName).not.toBe(chunkOf(plain, 'entry.js').fileName);
    expect(chunkOf(hinted, 'later.js').fileName).toBe(chunkOf(plain, 'later.js').fileName);
    expect(chunkOf(hinted, 'view.js').code.startsWith(COMPILE_HINT)).toBe(false);
  });

  it('stops the build when a module of the load path is not in it', async () => {
    await expect(build({ modules: [join(dir, 'missing.js')], dynamicFrom: [] })).rejects.toThrow(
      /compile-hints: .*missing\.js is not in this build/,
    );
  });
});
