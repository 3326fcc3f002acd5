/// <reference types="vitest/config" />
import mdx from '@mdx-js/rollup';
import react from '@vitejs/plugin-react';
import remarkGfm from 'remark-gfm';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  build,
  defineConfig,
  type InlineConfig,
  type Plugin,
  type PluginOption,
  type ResolvedConfig,
} from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The public URL path the site is served from: `/` by default; set BASE_PATH=/some/path/ to host the
 * built site under a sub-path (GitHub Pages project sites, a folder on a docs server).
 */
export function basePath(value: string | undefined): string {
  const trimmed = (value ?? '').trim();
  if (trimmed === '' || trimmed === '/') return '/';
  if (trimmed === './') return './';
  return `/${trimmed.replace(/^\/+|\/+$/g, '')}/`;
}

/**
 * What the page may load: only its own origin. Monaco sets inline styles, and its editor worker is a
 * same-origin module script. Framing rules (frame-ancestors) are ignored in a meta tag, so they belong
 * in the host's HTTP headers (README, "Deploy").
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const CHARSET = '<meta charset="UTF-8" />';
const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
const CSP_CONTENT = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi;

/** The page with the CSP right after its charset, before any script or style the policy has to govern. */
export function withContentSecurityPolicy(html: string, name: string): string {
  const policies = [...html.matchAll(CSP_CONTENT)].map((m) => m[1]);
  if (policies.length > 0) {
    // A page that brings its own policy must bring exactly the app's: a laxer one would be a way in.
    if (policies.some((p) => p !== CONTENT_SECURITY_POLICY))
      throw new Error(`${name} has a Content-Security-Policy other than the app's (vite.config.ts)`);
    return html;
  }
  if (!html.includes(CHARSET)) throw new Error(`${name} must contain ${CHARSET}`);
  return html.replace(CHARSET, `${CHARSET}\n    ${CSP_META}`);
}

/** Puts the CSP into the built page only: the dev server needs inline scripts and a websocket for HMR. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'codon-lab:csp',
    apply: 'build',
    transformIndexHtml(html, context) {
      return withContentSecurityPolicy(html, context.filename);
    },
  };
}

/** Every .html file under `dir`. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file));
}

/**
 * Pages copied from public/ as they are (embed-example.html) get the app's CSP too: every HTML page the
 * build ships is on the site's origin, and a page without the policy is where injected script would run.
 */
function protectCopiedPages(outDir: string): void {
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file, 'utf8');
    const safe = withContentSecurityPolicy(html, relative(outDir, file));
    if (safe !== html) writeFileSync(file, safe);
  }
}

/**
 * This build's version: package.json's, plus `+BUILD_ID` when the environment names the build (a commit,
 * a CI run), e.g. `0.1.0+4f2c1ab`. Every page carries it in `<meta name="version">`, and the app reads it
 * as `APP_VERSION` (src/app/version.ts): a deployment can be told apart from the one before.
 */
export function appVersion(buildId = process.env.BUILD_ID): string {
  const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  const id = (buildId ?? '').trim().replace(/[^\w.-]+/g, '-');
  return id ? `${pkg.version}+${id}` : pkg.version;
}

/** `__APP_VERSION__` in the code (src/app/version.ts). */
const versionDefine = (version: string) => ({ __APP_VERSION__: JSON.stringify(version) });

/** Puts the version into every page's head. */
function versionMeta(version: string): Plugin {
  return {
    name: 'codon-lab:version',
    transformIndexHtml(html) {
      return html.replace('</head>', `  <meta name="version" content="${version}" />\n  </head>`);
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));
const page = (file: string) => fileURLToPath(new URL(`./${file}`, import.meta.url));

/** What every build pass shares: MDX and TSX to modules, the CSP and the version in each page. */
function sharedPlugins(version: string): PluginOption[] {
  return [
    { enforce: 'pre', ...mdx({ providerImportSource: '@mdx-js/react', remarkPlugins: [remarkGfm] }) },
    react({ include: /\.(mdx|js|jsx|ts|tsx)$/ }),
    contentSecurityPolicy(),
    versionMeta(version),
  ];
}

/**
 * Offline (README, "Offline"): a Workbox service worker that precaches every built file, so after the
 * first visit every lesson opens and runs with the network off. It is made by the last build pass, when
 * every page is in the output folder.
 */
function offline(): PluginOption {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'autoUpdate',
    // public/register-sw.js registers it (a same-origin file: the CSP allows no inline script), so a
    // refusal (a third-party frame, a private window) is caught instead of reported as an error.
    injectRegister: false,
    manifest: false,
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,ico,json,wasm,ttf,woff2}'],
      // Monaco's chunk is a few MB; the whole course must be there offline.
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      // The site names everything in the query string: match precached pages without it.
      ignoreURLParametersMatching: [/.*/],
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/\/(embed|present)\.html$/],
      // A new deployment's worker takes over at once and deletes the old precache (README, "Offline").
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
    },
  });
}

const buildOptions = {
  target: 'es2022',
  // Monaco is one lazily loaded chunk of a few MB by nature; the first-paint chunk is what we watch.
  chunkSizeWarningLimit: 4096,
} as const;

/** The second build pass: the pages that show a playground outside the site. */
function otherPagesConfig(site: ResolvedConfig, version: string): InlineConfig {
  return {
    configFile: false,
    root,
    base: site.base,
    mode: site.mode,
    logLevel: site.logLevel,
    plugins: [...sharedPlugins(version), offline()],
    define: versionDefine(version),
    build: {
      ...buildOptions,
      outDir: site.build.outDir,
      // Beside the site's files, which the first pass has just written.
      emptyOutDir: false,
      copyPublicDir: false,
      rolldownOptions: { input: { embed: page('embed.html'), present: page('present.html') } },
    },
    worker: { format: 'es' },
  };
}

/**
 * The embed (an iframe in another site's page) and the presenter view are built in a second pass into
 * the same folder, after the site. Built as entries of the site's own pass, they would share its modules,
 * and the chunks the site's first paint loads would change (+1.4 KB gzip, or +3.4 KB without chunk rules);
 * built apart, the site's files are byte for byte those of a site-only build (e2e/first-paint.spec.ts).
 * Files that come out identical (the workers, fonts, stylesheets) have the same content-hashed name, so
 * they are one file; Monaco's chunk is not (it imports helpers from each pass's own entry chunk), so it is
 * there twice: +3.3 MB in the output and the offline precache. (A chunk of its own with the helpers in
 * another would make it one file, but would add two requests and 0.4 KB gzip to the site's first paint.)
 * The service worker is made last, by this pass, so it precaches both passes' files.
 */
function otherPages(version: string): Plugin<{ enabled: boolean }> {
  let site: ResolvedConfig | undefined;
  // A site-only build (the first-paint check) turns this off.
  const api = { enabled: true };
  return {
    name: 'codon-lab:other-pages',
    apply: 'build',
    api,
    configResolved(config) {
      site = config;
    },
    async closeBundle(error) {
      if (error || !site) return;
      // Before the second pass, whose service worker records every file's content.
      protectCopiedPages(resolve(site.root, site.build.outDir));
      if (!api.enabled) return;
      await build(otherPagesConfig(site, version));
    },
  };
}

const version = appVersion();

export default defineConfig({
  root,
  base: basePath(process.env.BASE_PATH),
  plugins: [...sharedPlugins(version), otherPages(version)],
  define: versionDefine(version),
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    ...buildOptions,
    // The site. embed.html and present.html are built by a second pass (otherPages).
    rolldownOptions: {
      input: { main: page('index.html') },
      // The second pass runs inside this one's closeBundle, so this pass's plugin time would include a
      // whole build and be reported as slow plugins on every build. The second pass still reports its own.
      checks: { pluginTimings: false },
    },
  },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'content/**/*.test.ts'],
    environment: 'node',
    // Vitest's 5 s default fails working tests on a loaded two-core machine; a budget only says how
    // long a broken test waits. Timings are goals in bench/, never assertions.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
