// Builds the example consumer (e2e/consumer) the way a docs site would: Vite, MDX, React, and the
// playground package as built by `npm run build:lib` (tmp/lib-dist, or LIB_OUT_DIR), resolved by its name.
import mdx from '@mdx-js/rollup';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const lib = fileURLToPath(new URL(`../../${process.env.LIB_OUT_DIR ?? 'tmp/lib-dist'}/`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [{ enforce: 'pre', ...mdx({}) }, react({ include: /\.(mdx|js|jsx|ts|tsx)$/ })],
  resolve: {
    alias: [
      { find: '@codon-interop-lab/playground/style.css', replacement: `${lib}style.css` },
      { find: /^@codon-interop-lab\/playground$/, replacement: `${lib}index.js` },
    ],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 8192 },
  worker: { format: 'es' },
});
