import { describe, expect, it } from 'vitest';
import { preloadTags, staticGraph, type BuiltFile } from '../scripts/firstViewPreload';

const chunk = (fileName: string, moduleIds: string[], imports: string[] = []): BuiltFile => ({
  type: 'chunk',
  fileName,
  moduleIds,
  imports,
});
const asset = (fileName: string): BuiltFile => ({ type: 'asset', fileName });

// A build like the app's: the entry imports React statically; the view and what it imports
// are fetched by a dynamic import; other chunks (a lazy panel) only later.
const BUNDLE: Record<string, BuiltFile> = Object.fromEntries(
  [
    chunk('assets/main.js', ['/p/src/main.tsx'], ['assets/react.js']),
    chunk('assets/react.js', ['/p/node_modules/react/index.js']),
    chunk('assets/start.js', ['/p/src/ui/start.tsx'], ['assets/react.js', 'assets/dom.js']),
    chunk('assets/dom.js', ['/p/node_modules/react-dom/client.js'], ['assets/react.js']),
    chunk('assets/App.js', ['/p/src/ui/App.tsx'], ['assets/store.js', 'assets/react.js']),
    chunk('assets/store.js', ['/p/src/store/index.ts'], ['assets/engine.js']),
    chunk('assets/engine.js', ['/p/src/engine/a.ts', '/p/src/engine/b.ts']),
    chunk('assets/Panel.js', ['/p/src/ui/Panel.tsx'], ['assets/store.js']),
    asset('assets/inter-latin-wght-normal-Ab12_-.woff2'),
    asset('assets/other-font.woff2'),
    asset('assets/styles.css'),
  ].map((f) => [f.fileName, f]),
);
const HTML = '<script type="module" src="/assets/main.js"></script><link href="/assets/react.js">';
const INTER = /(^|\/)inter-latin-wght-normal-[\w-]+\.woff2$/;

describe('preloading the first view', () => {
  it('follows static imports, each chunk once, the root first', () => {
    expect(staticGraph(BUNDLE, 'assets/App.js')).toEqual([
      'assets/App.js',
      'assets/store.js',
      'assets/engine.js',
      'assets/react.js',
    ]);
    expect(staticGraph(BUNDLE, 'assets/engine.js')).toEqual(['assets/engine.js']);
  });

  it('preloads the views, what they import and the fonts, but nothing the page has already', () => {
    const tags = preloadTags(
      HTML,
      BUNDLE,
      ['/p/src/ui/start.tsx', '/p/src/ui/App.tsx'],
      [INTER],
      '/',
    );
    expect(tags.map((t) => t.attrs)).toEqual([
      ...['start', 'dom', 'App', 'store', 'engine'].map((name) => ({
        rel: 'modulepreload',
        crossorigin: true,
        href: `/assets/${name}.js`,
      })),
      {
        rel: 'preload',
        as: 'font',
        type: 'font/woff2',
        crossorigin: true,
        href: '/assets/inter-latin-wght-normal-Ab12_-.woff2',
      },
    ]);
    expect(tags.every((t) => t.tag === 'link' && t.injectTo === 'head')).toBe(true);
  });

  it('asks for the largest chunks first', () => {
    const sized = {
      ...BUNDLE,
      'assets/store.js': { ...BUNDLE['assets/store.js']!, code: 'x'.repeat(300) },
      'assets/dom.js': { ...BUNDLE['assets/dom.js']!, code: 'x'.repeat(900) },
      'assets/App.js': { ...BUNDLE['assets/App.js']!, code: 'x'.repeat(300) },
    };
    const tags = preloadTags(HTML, sized, ['/p/src/ui/start.tsx', '/p/src/ui/App.tsx'], [], '/');
    expect(tags.map((t) => t.attrs?.href)).toEqual(
      ['dom', 'App', 'store', 'start', 'engine'].map((name) => `/assets/${name}.js`),
    );
  });

  it('finds a view inside a chunk named after another module, and honours the base path', () => {
    const tags = preloadTags(HTML, BUNDLE, ['/p/src/engine/b.ts'], [], '/app/');
    expect(tags.map((t) => t.attrs?.href)).toEqual(['/app/assets/engine.js']);
  });

  it('refuses a view that is not in the build, rather than preload nothing', () => {
    expect(() => preloadTags(HTML, BUNDLE, ['/p/src/ui/Gone.tsx'], [], '/')).toThrow(
      /Gone\.tsx is in no chunk/,
    );
  });
});
