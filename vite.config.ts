/// <reference types="vitest/config" />
import mdx from '@mdx-js/rollup';
import react from '@vitejs/plugin-react';
import remarkGfm from 'remark-gfm';
import { defineConfig, type Plugin } from 'vite';

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
    transformIndexHtml(html) {
      if (!html.includes(charset)) throw new Error(`index.html must contain ${charset}`);
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
  ],
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    // Monaco is one lazily loaded chunk of a few MB by nature; the first-paint chunk is what we watch.
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'content/**/*.test.ts'],
    environment: 'node',
  },
});
