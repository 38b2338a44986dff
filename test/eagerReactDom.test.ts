import { rolldown } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { eagerReactDom, eagerWrapper, REACT_DOM_CLIENT } from '../scripts/eagerReactDom';

const CHUNK = [
  'var require_other = /* @__PURE__ */ __commonJSMin(((exports) => {',
  '  exports.x = (() => 1)();',
  '}));',
  `var ${REACT_DOM_CLIENT} = /* @__PURE__ */ __commonJSMin(((exports) => {`,
  '  var t = () => this;',
  '  exports.createRoot = function () {};',
  '}));',
].join('\n');

/** Bundles react-dom's client as the app's build does (ES module output, minified or not). */
async function bundle(minify: boolean): Promise<string> {
  const build = await rolldown({
    input: 'react-dom/client',
    plugins: [eagerReactDom() as never],
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    logLevel: 'silent',
  });
  const { output } = await build.generate({ format: 'es', minify });
  await build.close();
  return output.map((o) => ('code' in o ? o.code : '')).join('\n');
}

describe('eager-react-dom', () => {
  it('writes the named wrapper, and only it, as a parenthesized function expression', () => {
    const out = eagerWrapper(CHUNK, REACT_DOM_CLIENT);
    expect(out).toContain(
      `${REACT_DOM_CLIENT} = /* @__PURE__ */ __commonJSMin((function(exports) {`,
    );
    // The other wrapper and the arrows inside keep their form.
    expect(out).toContain('require_other = /* @__PURE__ */ __commonJSMin(((exports) => {');
    expect(out).toContain('var t = () => this;');
    expect(out?.length).toBe(CHUNK.length + 'function'.length - '=> '.length);
  });

  it('returns null where the wrapper is missing', () => {
    expect(eagerWrapper(CHUNK, 'require_missing')).toBeNull();
  });

  it("finds react-dom's client in the bundler's output, and the hint survives minifying", async () => {
    expect(await bundle(false)).toContain(
      `${REACT_DOM_CLIENT} = /* @__PURE__ */ __commonJSMin((function(exports) {`,
    );
    // Minified, the wrapper stays a parenthesized function expression: `((function(e){`.
    expect(await bundle(true)).toMatch(/\(\(function\([\w$]+\)\{/);
  });
});
