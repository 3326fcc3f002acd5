// Bundles the command line (src/cli/sim.ts, its child process and its simulation worker) with esbuild into
// node_modules/.cache/sim-cli/, so `sim` starts without compiling TypeScript on every run (tsx cost
// about 0.6 s). Runs on install (package.json `prepare`) and, from bin.mjs, on first use and whenever a
// source is newer than the bundle. `node src/cli/build.mjs` builds it by hand.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
export const OUT_DIR = new URL('node_modules/.cache/sim-cli/', root);
/** What the bundle was built from (paths relative to the repository) and when. */
export const STAMP = new URL('inputs.json', OUT_DIR);

/**
 * Builds the bundle. Each file is written beside its final name and renamed over it, so a `sim`
 * started meanwhile (another test, another terminal) reads either the old file or the new, never half.
 */
export async function buildCli() {
  const { build } = await import('esbuild');
  const builtAt = Date.now();
  const result = await build({
    absWorkingDir: fileURLToPath(root),
    entryPoints: { sim: 'src/cli/sim.ts', child: 'src/cli/child.ts', worker: 'src/cli/worker.ts' },
    outdir: fileURLToPath(OUT_DIR),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  mkdirSync(OUT_DIR, { recursive: true });
  const tmp = `.tmp-${process.pid}`;
  for (const file of result.outputFiles) {
    writeFileSync(file.path + tmp, file.contents);
    renameSync(file.path + tmp, file.path);
  }
  const stamp = { builtAt, inputs: Object.keys(result.metafile.inputs) };
  writeFileSync(fileURLToPath(STAMP) + tmp, JSON.stringify(stamp));
  renameSync(fileURLToPath(STAMP) + tmp, STAMP);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
