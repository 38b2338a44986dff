/**
 * Build plugin: each page's HTML preloads what its first view needs but would fetch only through
 * a dynamic import (the view's chunk and every chunk it imports statically, as `modulepreload`),
 * and the fonts its first paint uses, so they load alongside the entry script instead of a round
 * trip after React has been evaluated. Preloading fetches and compiles; nothing runs earlier.
 * The largest chunks come first: a browser opens a few connections to a host at a time, and the
 * largest (React's DOM) is the longest to fetch and to evaluate.
 */
import { basename, resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** What a page's first view is: the modules its entry imports to draw it, and its fonts. */
export interface FirstView {
  /** The modules, relative to the project root (e.g. `src/ui/App.tsx`). */
  readonly views: readonly string[];
  /** Asset file names (as built) of the fonts the first paint uses. */
  readonly fonts?: readonly RegExp[];
}

/** The parts of a built chunk or asset this plugin reads. */
export interface BuiltFile {
  readonly type: 'chunk' | 'asset';
  readonly fileName: string;
  readonly moduleIds?: readonly string[];
  readonly imports?: readonly string[];
  readonly code?: string;
}

/** Returns `root` and every chunk it imports statically, each once, `root` first. Pure. */
export function staticGraph(
  bundle: Readonly<Record<string, BuiltFile>>,
  root: string,
): readonly string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of bundle[file]?.imports ?? []) visit(next);
  };
  visit(root);
  return [...seen];
}

/**
 * Returns the tags that preload the first view of a page whose HTML is `html`: the chunks of
 * the modules `viewIds` (absolute paths) and all they import statically, but those `html` names
 * already, largest first, then the fonts. `base` is the public base path. Pure.
 */
export function preloadTags(
  html: string,
  bundle: Readonly<Record<string, BuiltFile>>,
  viewIds: readonly string[],
  fonts: readonly RegExp[],
  base: string,
): HtmlTagDescriptor[] {
  const files = Object.values(bundle);
  const graph = viewIds.flatMap((id) => {
    const chunk = files.find((f) => f.type === 'chunk' && f.moduleIds?.includes(id));
    if (!chunk) throw new Error(`first view ${id} is in no chunk of this build`);
    return staticGraph(bundle, chunk.fileName);
  });
  const size = (file: string) => bundle[file]?.code?.length ?? 0;
  const scripts = [...new Set(graph)]
    .filter((file) => !html.includes(file))
    .sort((a, b) => size(b) - size(a));
  const fontFiles = files
    .filter((f) => f.type === 'asset' && fonts.some((font) => font.test(f.fileName)))
    .map((f) => f.fileName);
  return [
    ...scripts.map((file) => ({
      tag: 'link',
      attrs: { rel: 'modulepreload', crossorigin: true, href: base + file },
      injectTo: 'head' as const,
    })),
    ...fontFiles.map((file) => ({
      tag: 'link',
      attrs: {
        rel: 'preload',
        as: 'font',
        type: 'font/woff2',
        crossorigin: true,
        href: base + file,
      },
      injectTo: 'head' as const,
    })),
  ];
}

/** The plugin: `views` maps a page's HTML file name (e.g. `index.html`) to its first view. */
export function firstViewPreload(views: Readonly<Record<string, FirstView>>): Plugin {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'interleave:first-view-preload',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const page = views[basename(ctx.filename)];
        if (!page || !ctx.bundle) return html;
        const bundle = ctx.bundle as unknown as Record<string, BuiltFile>;
        const ids = page.views.map((view) => resolve(root, view));
        return preloadTags(html, bundle, ids, page.fonts ?? [], base);
      },
    },
  };
}
