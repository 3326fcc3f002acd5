/**
 * `npx tsx oracle/now-runs.ts`: the Codon the refusal corpus once refused and the simulator now
 * runs (src/sim/refusals/codon-now-runs.ts) and the class fixtures (src/sim/run/codon-class-programs.ts), each run by the simulator and by the oracle (lowered
 * as Codon 0.19 lowers it, built and run for real) on both targets: the outcome and stdout must
 * agree with each other and with the entry's expected stdout. test:diff takes only the lessons'
 * programs; this is the same check for these fixtures. Exit 1 on any disagreement, 3 without the
 * toolchain.
 */
import { runProgram } from '../src/sim/run/index';
import { CODON_NOW_RUNS, CODON_NOW_RUNS_LIB } from '../src/sim/refusals/codon-now-runs';
import { CLASS_FIXTURES } from '../src/sim/run/codon-class-programs';
import { runReal } from './oracle';
import { missingTools, type Target } from './toolchain';

async function main(): Promise<number> {
  const targets: Target[] = ['x86_64', 'aarch64'];
  const missing = targets.flatMap((t) => missingTools(t).map((m) => `${t}: ${m}`));
  if (missing.length > 0) {
    process.stderr.write(`now-runs: the real toolchain is missing (${missing.join('; ')})\n`);
    return 3;
  }
  let agree = 0;
  let total = 0;
  const programs = [
    ...CODON_NOW_RUNS.map((r) => ({ ...r, cpp: CODON_NOW_RUNS_LIB })),
    ...CLASS_FIXTURES.map((f) => ({ name: f.name, source: f.codon, cpp: f.cpp, stdout: f.stdout })),
  ];
  for (const r of programs) {
    for (const target of targets) {
      total++;
      const sim = runProgram({ cpp: r.cpp, codon: r.source, target, record: 'summary' }).summary;
      const real = await runReal({
        cpp: r.cpp,
        codon: r.source,
        target,
        leftover: 'runtime-data',
      });
      const ok = sim.outcome === real.outcome && sim.stdout === real.stdout && real.stdout === r.stdout;
      if (ok) agree++;
      process.stdout.write(
        `${ok ? 'agree' : 'DIFF '} ${r.name.padEnd(36)} ${target.padEnd(8)}` +
          (ok
            ? '\n'
            : `\n    oracle: ${real.outcome} ${JSON.stringify(real.stdout)} ${JSON.stringify(real.diagnostics)}\n` +
              `    sim:    ${sim.outcome} ${JSON.stringify(sim.stdout)}\n    expected: ${JSON.stringify(r.stdout)}\n`),
      );
    }
  }
  process.stdout.write(`\nnow-runs: ${total} runs, ${agree} agree\n`);
  return agree === total ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`now-runs: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
