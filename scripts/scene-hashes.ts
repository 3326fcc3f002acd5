// The scene of every step of every lesson program, hashed: the guard that keeps the view model's
// refactors honest (issue 15: "every lesson step's scene byte-identical before and after").
//
// For each program under content/lessons (and the welcome program), for each run its expect.json
// declares (target and leftover; the welcome program: both targets, default leftover), every step's
// scene (after all its events, and after each event inside the step, as the player's event stepping
// shows it) is serialised as JSON with sorted keys; the hash per run is a SHA-256 of those lines.
//
// src/sim/view/scene-hashes.test.ts compares them with the committed src/sim/view/scene-hashes.json;
// `SCENE_HASHES=write npx vitest run src/sim/view/scene-hashes.test.ts` rewrites that file. Both run
// under Vitest on purpose: tsx's transform folds the simulator's `-NaN` (the x87 indefinite) into a
// NaN without its sign bit, Vite's keeps it, so one run's scenes differ between the two tools.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Target } from '../src/sim/abi/ctype.ts';
import type { Leftover } from '../src/sim/machine/machine.ts';
import { runProgram } from '../src/sim/run/index.ts';
import { buildScene } from '../src/sim/view/scene.ts';
import { stepEvents } from '../src/sim/trace/reader.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const HASH_FILE = join(ROOT, 'src/sim/view/scene-hashes.json');

interface ProgramRun {
  /** `02-the-bug/bug x86_64 runtime-data`. */
  key: string;
  dir: string;
  target: Target;
  leftover: Leftover | undefined;
}

/** Every run of every lesson program (its expect.json's runs), and the welcome program on both targets. */
export function programRuns(): ProgramRun[] {
  const out: ProgramRun[] = [];
  const lessons = join(ROOT, 'content/lessons');
  const add = (name: string, dir: string) => {
    const runs = (
      JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as {
        runs: { target: Target; leftover: Leftover }[];
      }
    ).runs;
    for (const r of runs)
      out.push({ key: `${name} ${r.target} ${r.leftover}`, dir, target: r.target, leftover: r.leftover });
  };
  for (const lesson of readdirSync(lessons).sort()) {
    const programs = join(lessons, lesson, 'programs');
    if (!existsSync(programs)) continue;
    for (const name of readdirSync(programs).sort()) {
      add(`${lesson}/${name}`, join(programs, name));
      const solution = join(programs, name, 'solution');
      if (existsSync(join(solution, 'expect.json'))) add(`${lesson}/${name}/solution`, solution);
    }
  }
  for (const target of ['x86_64', 'aarch64'] as const)
    out.push({
      key: `welcome ${target} default`,
      dir: join(ROOT, 'content/welcome'),
      target,
      leftover: undefined,
    });
  return out;
}

/** JSON with object keys sorted, so a reordered field is not a change. */
export function sortedJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

/** The hash of every scene of one run (each step, and each event inside a step). */
export function runHash(r: ProgramRun): { hash: string; scenes: number; traced: boolean } {
  const { trace } = runProgram({
    cpp: readFileSync(join(r.dir, 'lib.cpp'), 'utf8'),
    codon: readFileSync(join(r.dir, 'main.codon'), 'utf8'),
    target: r.target,
    ...(r.leftover === undefined ? {} : { leftover: r.leftover }),
  });
  const h = createHash('sha256');
  let scenes = 0;
  // A program that does not compile (an exercise's starting point) has no scene.
  if (trace === null) return { hash: 'no trace', scenes, traced: false };
  for (let step = 0; step < trace.steps.count; step++) {
    const { start, end } = stepEvents(trace, step);
    // Inside the step: after each of its events but the last (the last is the whole step).
    for (let e = start + 1; e < end; e++) {
      h.update(`${step}@${e} ${sortedJson(buildScene(trace, step, e))}\n`);
      scenes++;
    }
    h.update(`${step} ${sortedJson(buildScene(trace, step))}\n`);
    scenes++;
  }
  return { hash: h.digest('hex'), scenes, traced: true };
}
