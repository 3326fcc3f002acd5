/// <reference types="vitest/config" />
import mdx from '@mdx-js/rollup';
import react from '@vitejs/plugin-react';
import remarkGfm from 'remark-gfm';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
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

/** Puts the CSP into the built page only: the dev server needs inline scripts and a websocket for HMR. */
function contentSecurityPolicy(): Plugin {
  const charset = '<meta charset="UTF-8" />';
  return {
    name: 'codon-lab:csp',
    apply: 'build',
    transformIndexHtml(html, context) {
      if (!html.includes(charset)) throw new Error(`${context.filename} must contain ${charset}`);
      // Right after the charset, before any script or style the policy has to govern.
      const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
      return html.replace(charset, `${charset}\n    ${meta}`);
    },
  };
}

export default defineConfig({
  base: basePath(process.env.BASE_PATH),
  plugins: [
    { enforce: 'pre', ...mdx({ providerImportSource: '@mdx-js/react', remarkPlugins: [remarkGfm] }) },
    react({ include: /\.(mdx|js|jsx|ts|tsx)$/ }),
    contentSecurityPolicy(),
    // Offline (README, "Offline"): a Workbox service worker precaches every built file, so after the first
    // visit every lesson opens and runs with the network off. A new deployment's worker takes over at once
    // (skipWaiting + clientsClaim) and the next page load uses the new version.
    VitePWA({
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
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    // Monaco is one lazily loaded chunk of a few MB by nature; the first-paint chunk is what we watch.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // What the site's first paint needs, in one chunk as with a single entry: without this the
              // modules the embed and presenter pages share with the site are split into several chunks,
              // which cost the site's first paint 3.4 KB gzip more. Lazily loaded parts (the diagram, the
              // Share / Embed dialog, Monaco, the simulator, lesson texts) stay out of it.
              name: 'site',
              test: /node_modules[\\/](react|react-dom|scheduler|zustand|fflate|@mdx-js[\\/]react)[\\/]|src[\\/](i18n|mdx|app[\\/](?!diagram|playground[\\/]ShareDialog))|src[\\/]embed[\\/]params/,
            },
          ],
        },
      },
      // The site, and the pages that show a playground outside it: the embed (an iframe in another site's
      // page) and the presenter view. Each is its own entry, so the site's first paint loads neither.
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        embed: fileURLToPath(new URL('./embed.html', import.meta.url)),
        present: fileURLToPath(new URL('./present.html', import.meta.url)),
      },
    },
  },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'content/**/*.test.ts'],
    environment: 'node',
  },
});
