/**
 * Build plugin: V8's file-wide compile hint on the chunks a page runs while it loads. V8
 * compiles a function lazily, on the main thread, the first time it is called; a script whose
 * first line is the comment `//# allFunctionsCalledOnLoad` has all its functions compiled as it
 * arrives, on the thread that streams it (Chromium-based browsers; others ignore the comment).
 * Worth it only for code that runs at load: the chunks of each page's entry, of the modules it
 * imports on its way to the first view (the app, a shared link's reader, the scenario a link
 * names) and all they import statically. Code fetched on demand later keeps lazy compiling.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The bundler's runtime (its helpers for CommonJS modules and namespaces): not in the module
 * graph the plugin reads, yet imported by the chunks that use them, the entries' among them. A
 * few hundred bytes: hinted wherever it is.
 */
export const BUNDLER_RUNTIME = /^\0rolldown\/runtime/;

/** The hint, as the first line of a chunk. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** Which modules' chunks run at load, relative to the project root (e.g. `src/main.tsx`). */
export interface LoadPath {
  /** Modules run at load: their chunks and all they import statically get the hint. */
  readonly modules: readonly string[];
  /** Modules whose dynamic imports run at load too (an entry that imports its view). */
  readonly dynamicFrom: readonly string[];
}

/** What this plugin reads of a module in the build's graph. */
export interface ModuleLinks {
  readonly importedIds: readonly string[];
  readonly dynamicallyImportedIds: readonly string[];
}

/**
 * Returns the modules run at load: `modules`, the dynamic imports of those in `dynamicFrom`,
 * and every module they import statically, transitively. Ids are as the build names them
 * (absolute paths). Pure.
 */
export function loadPathModules(
  links: (id: string) => ModuleLinks | null,
  modules: readonly string[],
  dynamicFrom: readonly string[],
): ReadonlySet<string> {
  const seen = new Set<string>();
  const pending = [
    ...modules,
    ...dynamicFrom.flatMap((id) => links(id)?.dynamicallyImportedIds ?? []),
  ];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(links(id)?.importedIds ?? []));
  }
  return seen;
}

/** Returns whether a chunk of modules `moduleIds` runs at load. Pure. */
export function runsAtLoad(moduleIds: readonly string[], atLoad: ReadonlySet<string>): boolean {
  return moduleIds.some((id) => atLoad.has(id));
}

/** The plugin: the hint on every chunk of the load path `path` (see above). */
export function compileHints(path: LoadPath): Plugin {
  let root = process.cwd();
  let atLoad: ReadonlySet<string> = new Set();
  const hinted = (moduleIds: readonly string[]) =>
    runsAtLoad(moduleIds, atLoad) || moduleIds.some((id) => BUNDLER_RUNTIME.test(id));
  return {
    name: 'interleave:compile-hints',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    buildEnd() {
      const absolute = (ids: readonly string[]) => ids.map((id) => resolve(root, id));
      const modules = absolute(path.modules);
      for (const id of modules)
        if (!this.getModuleInfo(id)) this.error(`compile-hints: ${id} is not in this build`);
      atLoad = loadPathModules((id) => this.getModuleInfo(id), modules, absolute(path.dynamicFrom));
    },
    // The hint changes the file: its name's hash says so.
    augmentChunkHash(chunk) {
      return hinted(chunk.moduleIds) ? COMPILE_HINT : undefined;
    },
    // After minifying (which drops comments) and after the build's own additions to a chunk's
    // top (the preload helper's dependency map): the hint must be the file's first line.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle))
          if (file.type === 'chunk' && hinted(file.moduleIds)) file.code = COMPILE_HINT + file.code;
      },
    },
  };
}
