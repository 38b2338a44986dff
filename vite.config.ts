/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compileHints } from './scripts/compileHints';
import { eagerReactDom } from './scripts/eagerReactDom';
import { firstViewPreload } from './scripts/firstViewPreload';

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

/**
 * Headers for the embed view (`/embed.html`), which exists to be framed by other sites: the
 * same policy, but any site may frame it (`frame-ancestors *`, no X-Frame-Options). It is
 * read-only: it writes neither the address nor storage.
 */
export const EMBED_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors *`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The paths of the embed view. */
export const EMBED_PATHS: readonly string[] = ['/embed.html', '/embed'];

/** Returns the headers for a request path: the embed view's, or the app's. */
export function headersFor(path: string): Readonly<Record<string, string>> {
  const bare = path.split(/[?#]/)[0] ?? path;
  return EMBED_PATHS.includes(bare) ? EMBED_HEADERS : RESPONSE_HEADERS;
}

/**
 * Returns the `_headers` file (Cloudflare Pages format, where `!` detaches a header): the
 * app's headers for every path, and for the embed view the framing headers detached (`!`)
 * and replaced by its own.
 */
export function headersFile(): string {
  const lines = (headers: Readonly<Record<string, string>>) =>
    Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
  const embed = EMBED_PATHS.flatMap((path) => [
    path,
    '  ! Content-Security-Policy',
    '  ! X-Frame-Options',
    ...lines({ 'Content-Security-Policy': EMBED_HEADERS['Content-Security-Policy'] as string }),
  ]);
  return ['/*', ...lines(RESPONSE_HEADERS), ...embed, ''].join('\n');
}

/** Sends each path's headers from the preview server (the embed view may be framed). */
function previewHeaders(): Plugin {
  return {
    name: 'interleave:preview-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        for (const [name, value] of Object.entries(headersFor(req.url ?? '/')))
          res.setHeader(name, value);
        next();
      });
    },
  };
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

/** The typeface of the diagram and the page (see src/ui/styles/fonts.css), as built. */
const INTER = /(^|\/)inter-latin-wght-normal-[\w-]+\.woff2$/;

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    previewHeaders(),
    // React's DOM compiled with its chunk, not when the entry first calls it.
    eagerReactDom(),
    // The code each page runs while it loads compiled as it arrives, off the main thread: the
    // entries, the views they import, a shared link's reader and the scenario models it loads.
    compileHints({
      modules: ['src/main.tsx', 'src/embed.tsx', 'src/loadMain.tsx'],
      dynamicFrom: ['src/main.tsx', 'src/embed.tsx', 'src/scenarios/catalog.ts'],
    }),
    // What the app's and the embed view's first views need loads with the entry.
    firstViewPreload({
      'index.html': { views: ['src/ui/start.tsx', 'src/ui/App.tsx'], fonts: [INTER] },
      'embed.html': { views: ['src/ui/embed/EmbedApp.tsx'], fonts: [INTER] },
      'load.html': { views: [], fonts: [INTER] },
    }),
  ],
  worker: { format: 'es' },
  // Three pages: the interleaving app, the Load lab and the embed view.
  build: {
    rollupOptions: {
      input: { main: 'index.html', load: 'load.html', embed: 'embed.html' },
      output: {
        codeSplitting: {
          groups: [
            // React's client (not its server renderer, used by exports) and the start-up in one
            // chunk: the entry imports neither statically, and split apart they made five.
            {
              name: 'react',
              test: /node_modules[\\/]((react|scheduler)[\\/]|react-dom[\\/](index|client|cjs[\\/]react-dom\.production\.min)\.js)|src[\\/]ui[\\/](start|layout[\\/]ErrorBoundary)\.tsx$/,
            },
            // The scenarios' ids, list, the default scenario's phrases, the step narration and
            // the notes' helpers, which the first view reads, in one chunk (the default
            // scenario's model shares the phrases; the link reader the notes' limits, which
            // would otherwise pull the notes into the engine's chunk, and it onto the default
            // page's first view).
            {
              name: 'ids',
              test: /src[\\/](scenarios[\\/](ids|info|phrases|narrate)|share[\\/]notes)\.ts$/,
            },
            // What replays a run, in one chunk: xstate (the default scenario's actors, loaded on
            // their own, split it in two), the engine, the session and the live model, and the
            // link reader with valibot. A shared link needs all of it before its first diagram
            // (as six chunks they cost 2 KB gzip more); the default page fetches it with its
            // model, after its first diagram.
            {
              name: 'engine',
              test: /node_modules[\\/](xstate|valibot)[\\/]|src[\\/](actors[\\/]plans|scenarios[\\/](range|registry|judge|session|divergence)|store[\\/](lru|liveModel)|engine[\\/][a-zA-Z]+|share[\\/](linkRead|schema|indexText|authoredLink))\.ts$/,
            },
          ],
        },
      },
    },
    // No polyfill chunk to fetch first: a browser without module preloading only loses the
    // head start (its dynamic imports fetch what they need).
    modulePreload: { polyfill: false },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    // Exhaustive explorations are CPU-bound; on a loaded 2-core machine a 5 s default cap
    // fails tests that are merely slow. This is a hang guard, not a performance assertion.
    testTimeout: 60_000,
  },
});
