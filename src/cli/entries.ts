/**
 * Where the simulation's helper processes start: in the bundle (src/cli/build.mjs) the `.mjs` files
 * beside sim.mjs; from the sources (development, through tsx) the `.ts` files, loaded with tsx.
 */
import type { WorkerOptions } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';

const FROM_SOURCES = import.meta.url.endsWith('.ts');
const entry = (name: string): URL => new URL(`./${name}${FROM_SOURCES ? '.ts' : '.mjs'}`, import.meta.url);

/** The child process's entry (child.ts) and the options that let Node load it. */
export const CHILD_ENTRY = entry('child');
export const CHILD_EXEC_ARGV: string[] = FROM_SOURCES ? ['--import', 'tsx'] : [];

/** Starts the simulation worker (worker.ts) with `options`. */
export function startWorker(options: WorkerOptions): Worker {
  const url = entry('worker');
  if (!FROM_SOURCES) return new Worker(url, options);
  // A worker does not inherit tsx's loader from `--import`: register it inside, then load the entry.
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}
