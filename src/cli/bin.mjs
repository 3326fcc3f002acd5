#!/usr/bin/env node
// `sim`, the package's bin (and `npm run sim`): runs the bundled command line, building it first when
// it is missing (a fresh clone installed without scripts) or older than one of its sources (an edit).
// The check stats the bundle's inputs, about a hundred files: a millisecond or two.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const OUT_DIR = new URL('node_modules/.cache/sim-cli/', root);

function isStale() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(new URL('inputs.json', OUT_DIR), 'utf8'));
  } catch {
    return true;
  }
  for (const input of stamp.inputs) {
    try {
      if (statSync(new URL(input, root)).mtimeMs >= stamp.builtAt) return true;
    } catch {
      return true; // a source was removed or renamed: the bundle may still import it
    }
  }
  return false;
}

if (isStale()) {
  const { buildCli } = await import('./build.mjs');
  await buildCli();
}
const { runCli } = await import(new URL('sim.mjs', OUT_DIR).href);
await runCli(process.argv.slice(2));
