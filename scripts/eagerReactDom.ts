/**
 * Build plugin: a compile hint for React's DOM. Bundled from CommonJS, react-dom is one
 * large function that runs when it is first required, in the task that evaluates the entry; V8
 * compiles a function lazily, on the main thread, when it is first called. Written as a
 * parenthesized `function` expression rather than an arrow, it is compiled with its module
 * instead (V8's heuristic for functions that are called at once), which the browser does as the
 * script arrives, off the main thread where it can.
 */
import type { Plugin } from 'vite';

/** The bundler's name for the wrapper of react-dom's client (production build). */
export const REACT_DOM_CLIENT = 'require_react_dom_production_min';

/** The module whose wrapper it is. */
const CLIENT_MODULE = /[\\/]react-dom[\\/]cjs[\\/]react-dom\.production\.min\.js$/;

/**
 * Returns `code` (a chunk as the bundler renders it, before minifying) with the CommonJS wrapper
 * named `name` written as a parenthesized function expression, or null when it is not there.
 * Pure.
 */
export function eagerWrapper(code: string, name: string): string | null {
  const wrapper = new RegExp(
    String.raw`(var ${name} = (?:/\* @__PURE__ \*/ )?__commonJSMin\()\(\(([\w$, ]*)\) => \{`,
  );
  return wrapper.test(code) ? code.replace(wrapper, '$1(function($2) {') : null;
}

/** The plugin: react-dom's client compiled with its chunk (see above). */
export function eagerReactDom(): Plugin {
  return {
    name: 'interleave:eager-react-dom',
    apply: 'build',
    renderChunk(code, chunk) {
      if (!chunk.moduleIds.some((id) => CLIENT_MODULE.test(id))) return null;
      const eager = eagerWrapper(code, REACT_DOM_CLIENT);
      // The bundler's output changed: say so rather than lose the hint unnoticed.
      if (eager === null)
        this.error(`eager-react-dom: no ${REACT_DOM_CLIENT} in ${chunk.fileName}`);
      return { code: eager, map: null };
    },
  };
}
