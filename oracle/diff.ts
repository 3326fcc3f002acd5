/**
 * `npm run test:diff`: the differential step. Every lesson program, on every (target, leftover)
 * its expect.json names, run by the simulator and by the oracle (the real machine), compared on:
 * outcome and signal; stdout (exactly, except the spans the simulator marks indeterminate, which
 * match whatever the real run printed there); the leftover register at the first foreign call (its region and,
 * in the runtime's data, its symbol); the region (and symbol) of every hidden-pointer store.
 *
 * Disagreements are expected while the simulator is being fixed: each known one is listed in
 * known-divergences.json with its reason. The step fails on a disagreement that is not listed and
 * on a listed one that no longer occurs (so a fix shrinks the list). `--write-known` rewrites the
 * list from this run, keeping the reasons already written.
 *
 * Without the toolchain it skips with a notice, except under CI=true, where that is a failure.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProgram } from '../src/sim/run/index';
import { simEvidence } from '../src/cli/evidence';
import { compare } from './compare';
import {
  CODON_COLLECTIONS_RUN,
  CODON_NOW_RUNS,
  CODON_NOW_RUNS_LIB,
} from '../src/sim/refusals/codon-now-runs';
import { CLASS_FIXTURES } from '../src/sim/run/codon-class-programs';
import { runReal, type LeftoverName } from './oracle';
import { missingTools, type Target } from './toolchain';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const KNOWN = join(ROOT, 'oracle', 'known-divergences.json');

interface Job {
  program: string;
  dir: string;
  /** The sources, for a fixture that is not a lesson program (else read from `dir`). */
  sources?: { cpp: string; codon: string };
  target: Target;
  leftover: LeftoverName;
}

interface KnownEntry {
  key: string;
  reason: string;
  oracle?: string;
  sim?: string;
}

function jobs(): Job[] {
  const out: Job[] = [];
  const lessons = join(ROOT, 'content', 'lessons');
  for (const l of readdirSync(lessons).sort()) {
    const progs = join(lessons, l, 'programs');
    if (!existsSync(progs)) continue;
    for (const p of readdirSync(progs).sort()) {
      const dir = join(progs, p);
      const ex = join(dir, 'expect.json');
      if (!existsSync(ex)) continue;
      const spec = JSON.parse(readFileSync(ex, 'utf8')) as {
        runs: { target: Target; leftover?: LeftoverName }[];
      };
      for (const r of spec.runs) {
        out.push({
          program: relative(lessons, dir).replace('/programs/', '/'),
          dir,
          target: r.target,
          leftover: r.leftover ?? 'runtime-data',
        });
      }
    }
  }
  // Fixtures of constructs beyond the lessons, in the same layout, compared the same way.
  for (const root of FIXTURE_ROOTS) {
    const dir0 = join(ROOT, root);
    if (!existsSync(dir0)) continue;
    for (const p of readdirSync(dir0).sort()) {
      const dir = join(dir0, p);
      const ex = join(dir, 'expect.json');
      if (!existsSync(ex)) continue;
      const spec = JSON.parse(readFileSync(ex, 'utf8')) as {
        runs: { target: Target; leftover?: LeftoverName }[];
      };
      for (const r of spec.runs)
        out.push({
          program: relative(ROOT, dir),
          dir,
          target: r.target,
          leftover: r.leftover ?? 'runtime-data',
        });
    }
  }
  // The Codon fixtures of issue 13: what the refusal corpus once refused (f-strings, classes, `try`,
  // `@export`...), the class programs, and the dicts, sets and tuples (src/sim/refusals/codon-now-runs.ts,
  // src/sim/run/codon-class-programs.ts).
  const codonFixtures = [
    ...CODON_NOW_RUNS.map((r) => ({ name: r.name, cpp: CODON_NOW_RUNS_LIB, codon: r.source })),
    ...CLASS_FIXTURES.map((f) => ({ name: `class ${f.name}`, cpp: f.cpp, codon: f.codon })),
    ...CODON_COLLECTIONS_RUN.map((f) => ({ name: f.name, cpp: CODON_NOW_RUNS_LIB, codon: f.source })),
  ];
  for (const f of codonFixtures) {
    for (const target of ['x86_64', 'aarch64'] as const) {
      out.push({
        program: `codon-now-runs/${f.name.split(' ').slice(0, 4).join('-')}`,
        dir: '',
        sources: { cpp: f.cpp, codon: f.codon },
        target,
        leftover: 'runtime-data',
      });
    }
  }
  return out;
}

/** Folders of fixture programs (each `<name>/{lib.cpp, main.codon, expect.json}`) outside the lessons. */
const FIXTURE_ROOTS = ['src/sim/run/fixtures/callbacks', 'src/sim/run/fixtures/ints'];

async function pool<T, R>(items: T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i] as T);
      }
    }),
  );
  return out;
}

async function main(): Promise<number> {
  const started = Date.now();
  const writeKnown = process.argv.includes('--write-known');
  const targets: Target[] = ['x86_64', 'aarch64'];
  const missing = targets.flatMap((t) => missingTools(t).map((m) => `${t}: ${m}`));
  if (missing.length > 0) {
    const msg = `test:diff: the real toolchain is missing (${missing.join('; ')}); see oracle/README.md`;
    if (process.env.CI === 'true') {
      process.stderr.write(msg + '\n');
      return 1;
    }
    process.stdout.write(`${msg}. Skipped.\n`);
    return 0;
  }
  const all = jobs();
  const results = await pool(all, 2, async (job) => {
    const cpp = job.sources?.cpp ?? readFileSync(join(job.dir, 'lib.cpp'), 'utf8');
    const codon = job.sources?.codon ?? readFileSync(join(job.dir, 'main.codon'), 'utf8');
    const sim = runProgram({ cpp, codon, target: job.target, leftover: job.leftover, indeterminate: true });
    const ev = sim.trace ? simEvidence(sim.trace) : null;
    const real = await runReal({ cpp, codon, target: job.target, leftover: job.leftover });
    return {
      job,
      real,
      sim,
      ev,
      diffs: compare(`${job.program}|${job.target}|${job.leftover}`, sim, ev, real),
    };
  });

  const known: KnownEntry[] = existsSync(KNOWN)
    ? (JSON.parse(readFileSync(KNOWN, 'utf8')) as KnownEntry[])
    : [];
  const knownKeys = new Map(known.map((k) => [k.key, k]));
  const found = results.flatMap((r) => r.diffs);
  const foundKeys = new Set(found.map((d) => d.key));
  const fresh = found.filter((d) => !knownKeys.has(d.key));
  const gone = known.filter((k) => !foundKeys.has(k.key));

  const rows = results.map((r) => {
    const k = `${r.job.program} ${r.job.target} ${r.job.leftover}`;
    const status =
      r.diffs.length === 0 ? 'agree' : r.diffs.every((d) => knownKeys.has(d.key)) ? 'known' : 'NEW';
    return `${status.padEnd(6)} ${k.padEnd(60)} ${r.diffs.map((d) => d.field).join(', ')}`;
  });
  process.stdout.write(rows.join('\n') + '\n\n');
  for (const d of found) {
    const tag = knownKeys.has(d.key) ? 'known' : 'NEW';
    process.stdout.write(`[${tag}] ${d.key}\n    oracle: ${d.oracle}\n    sim:    ${d.sim}\n`);
  }
  for (const g of gone)
    process.stdout.write(
      `[GONE] ${g.key}: listed in known-divergences.json but no longer occurs; remove it\n`,
    );
  const agree = results.filter((r) => r.diffs.length === 0).length;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `\ntest:diff: ${results.length} runs compared, ${agree} agree on every field, ${found.length} disagreements ` +
      `(${found.length - fresh.length} known, ${fresh.length} new), ${gone.length} listed but gone; ${secs} s\n`,
  );
  if (writeKnown) {
    const next: KnownEntry[] = found.map((d) => ({
      key: d.key,
      reason: knownKeys.get(d.key)?.reason ?? 'found by the oracle; not yet triaged (issue 14)',
      oracle: d.oracle,
      sim: d.sim,
    }));
    writeFileSync(KNOWN, JSON.stringify(next, null, 2) + '\n');
    process.stdout.write(`wrote ${relative(ROOT, KNOWN)} (${next.length} entries)\n`);
    return 0;
  }
  return fresh.length > 0 || gone.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`test:diff: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
