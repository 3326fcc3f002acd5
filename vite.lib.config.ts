// The library build (`npm run build:lib`): the playground as an ESM React component package,
// @codon-interop-lab/playground, in tmp/lib-dist (or LIB_OUT_DIR). React and React DOM stay the host's
// (peer dependencies); the simulator worker, Monaco and its worker, the lessons' programs and the CSS
// (style.css) are in the package. README, "Library".
import mdx from '@mdx-js/rollup';
import react from '@vitejs/plugin-react';
import remarkGfm from 'remark-gfm';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = process.env.LIB_OUT_DIR ?? 'tmp/lib-dist';

/** Writes the package's package.json (version from the project's), types, licence. */
function packageFiles(): Plugin {
  return {
    name: 'codon-lab:package-files',
    apply: 'build',
    writeBundle() {
      const dir = join(root, outDir);
      const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
      const pkg = JSON.parse(readFileSync(join(root, 'src/embed/package/package.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      writeFileSync(
        join(dir, 'package.json'),
        `${JSON.stringify({ ...pkg, version: project.version }, null, 2)}\n`,
      );
      copyFileSync(join(root, 'src/embed/package/index.d.ts'), join(dir, 'index.d.ts'));
      copyFileSync(join(root, 'LICENSE'), join(dir, 'LICENSE'));
    },
  };
}

export default defineConfig({
  plugins: [
    { enforce: 'pre', ...mdx({ providerImportSource: '@mdx-js/react', remarkPlugins: [remarkGfm] }) },
    react({ include: /\.(mdx|js|jsx|ts|tsx)$/ }),
    packageFiles(),
  ],
  // The package's assets (workers, chunks) are found next to its index.js.
  base: './',
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    lib: {
      entry: fileURLToPath(new URL('./src/embed/lib.tsx', import.meta.url)),
      formats: ['es'],
      fileName: 'index',
      cssFileName: 'style',
    },
    rolldownOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/],
    },
  },
  worker: { format: 'es' },
});
