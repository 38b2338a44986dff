/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Content-Security-Policy for the production build. No inline scripts; inline styles stay
 * allowed for React `style` props and d3-set attributes. Dev mode is left without it because
 * React Fast Refresh injects an inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Response headers for the app: the same policy, plus what only a header can say (no framing:
 * `frame-ancestors` is ignored in a `<meta>`), and no MIME sniffing. The preview server sends
 * them, and the build writes them to `dist/_headers` for static hosts that read that file.
 */
export const RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

/** Returns the `_headers` file (Netlify / Cloudflare Pages format) for every path. */
export function headersFile(): string {
  const lines = Object.entries(RESPONSE_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return ['/*', ...lines, ''].join('\n');
}

/** Adds the CSP `<meta>` to index.html, right after the charset, in `vite build` output only. */
function contentSecurityPolicy(): Plugin {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
  return {
    name: 'interleave:content-security-policy',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        // The policy must precede every script and stylesheet it is meant to govern.
        const charset = /<meta\s+charset=[^>]*>/i;
        return charset.test(html)
          ? html.replace(charset, (tag) => `${tag}\n    ${meta}`)
          : html.replace(/<head[^>]*>/i, (tag) => `${tag}\n    ${meta}`);
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  // Two pages: the interleaving app and the Load lab.
  build: { rollupOptions: { input: { main: 'index.html', load: 'load.html' } } },
  server: { port: 5173 },
  preview: { port: 4173, headers: { ...RESPONSE_HEADERS } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    // Exhaustive explorations are CPU-bound; on a loaded 2-core machine a 5 s default cap
    // fails tests that are merely slow. This is a hang guard, not a performance assertion.
    testTimeout: 60_000,
  },
});
