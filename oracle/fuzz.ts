/**
 * `npm run test:diff:gen` (CI: fixed seed, a sample) and `npm run test:diff:long` (a fresh seed,
 * thousands): generated (C++ library, Codon caller) pairs, run by the simulator and the oracle and
 * compared like the lesson programs. Prints, per category, how many programs were produced, how
 * many both sides ran, how many agree, and the disagreements by field with examples side by side.
 *
 * Every disagreement is either explained by a rule of `simplifications.json` (simplify.ts; each
 * rule is an entry of docs/SIMULATOR.md's Simplifications section) or it fails the run. It also
 * fails when a category has fewer compared programs than `--min`. `--report-only` prints the
 * same tally and fails only on the minimum (for exploring a new seed).
 */
import { runProgram } from '../src/sim/run/index';
import { simEvidence } from '../src/cli/evidence';
import { compare, type Disagreement } from './compare';
import { CATEGORIES, generate, type Category, type Generated } from './gen';
import { runReal } from './oracle';
import { explain, loadSimplifications } from './simplify';
import { toolchainGate, type Target } from './toolchain';

interface Args {
  seed: number;
  perCategory: number;
  min: number;
  strict: boolean;
  examples: number;
  simplifications?: string;
  /** Only the programs generated for this target (a fresh seed's triage of one target's rules). */
  target?: Target;
  /** Only the programs of this category (triage; the minimum then applies to it alone). */
  category?: Category;
}

function parse(argv: string[]): Args {
  const a: Args = { seed: 14, perCategory: 16, min: 10, strict: true, examples: 2 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--seed') a.seed = v === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(v);
    else if (k === '--per-category') a.perCategory = Number(v);
    else if (k === '--min') a.min = Number(v);
    else if (k === '--examples') a.examples = Number(v);
    else if (k === '--simplifications') a.simplifications = v;
    else if (k === '--target' && (v === 'x86_64' || v === 'aarch64')) a.target = v;
    else if (k === '--category' && (CATEGORIES as readonly string[]).includes(v ?? ''))
      a.category = v as Category;
    else if (k === '--report-only') {
      a.strict = false;
      continue;
    } else throw new Error(`unknown argument '${k}'`);
    i++;
  }
  return a;
}

interface Tally {
  produced: number;
  compared: number;
  agree: number;
  simOnly: number;
  oracleOnly: number;
  /** Programs whose every disagreement a listed simplification explains. */
  listed: number;
  /** Programs with a disagreement no listed simplification explains: each one fails the run. */
  unlisted: number;
  fields: Map<string, { count: number; examples: { program: Generated; d: Disagreement }[] }>;
  /** Listed disagreements by rule. */
  rules: Map<string, number>;
  /** Why a program was not compared: the side that did not run and its first diagnostic. */
  skipped: Map<string, number>;
}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  const started = Date.now();
  const gate = toolchainGate('test:diff:gen');
  if (gate !== null) return gate;
  const programs = generate(args.seed, args.perCategory).filter(
    (g) =>
      (args.target === undefined || g.target === args.target) &&
      (args.category === undefined || g.category === args.category),
  );
  const simplifications = loadSimplifications(args.simplifications);
  const tallies = new Map<Category, Tally>(
    CATEGORIES.filter((c) => args.category === undefined || c === args.category).map((c) => [
      c,
      {
        produced: 0,
        compared: 0,
        agree: 0,
        simOnly: 0,
        oracleOnly: 0,
        listed: 0,
        unlisted: 0,
        fields: new Map(),
        rules: new Map(),
        skipped: new Map(),
      },
    ]),
  );
  let next = 0;
  const worker = async () => {
    while (next < programs.length) {
      const g = programs[next++] as Generated;
      const t = tallies.get(g.category) as Tally;
      t.produced++;
      const sim = runProgram({
        cpp: g.cpp,
        codon: g.codon,
        target: g.target,
        leftover: g.leftover,
        maxSteps: 20_000,
        indeterminate: true,
      });
      const real = await runReal({ cpp: g.cpp, codon: g.codon, target: g.target, leftover: g.leftover });
      const simRan = sim.summary.outcome !== 'compile-error';
      const realRan = real.outcome !== 'compile-error' && real.outcome !== 'refused';
      if (!simRan || !realRan) {
        if (simRan) t.simOnly++;
        else if (realRan) t.oracleOnly++;
        const why = !realRan
          ? `oracle ${real.outcome}: ${real.diagnostics[0] ?? ''}`
          : `sim ${sim.summary.outcome}: ${sim.summary.diagnostics[0]?.message ?? ''}`;
        t.skipped.set(why, (t.skipped.get(why) ?? 0) + 1);
        continue;
      }
      t.compared++;
      const ev = sim.trace ? simEvidence(sim.trace) : null;
      const diffs = compare(`${g.category}|${g.target}|${g.leftover}`, sim, ev, real);
      if (diffs.length === 0) t.agree++;
      const ctx = {
        cpp: g.cpp,
        codon: g.codon,
        target: g.target,
        simFindings: sim.summary.findings.map((f) => f.kind),
      };
      let unlisted = false;
      for (const d of diffs) {
        const rules = explain(simplifications, ctx, d);
        if (rules !== null) {
          for (const r of rules) t.rules.set(r, (t.rules.get(r) ?? 0) + 1);
          continue;
        }
        unlisted = true;
        const f = t.fields.get(d.field) ?? { count: 0, examples: [] };
        f.count++;
        if (f.examples.length < args.examples) f.examples.push({ program: g, d });
        t.fields.set(d.field, f);
      }
      if (diffs.length > 0) {
        if (unlisted) t.unlisted++;
        else t.listed++;
      }
    }
  };
  await Promise.all([worker(), worker()]);

  let failed = false;
  const total = { compared: 0, agree: 0, listed: 0, unlisted: 0 };
  const byRule = new Map<string, number>();
  process.stdout.write(
    `seed ${args.seed}, ${args.perCategory} programs per category${args.target ? ` (only those for ${args.target})` : ''}${args.category ? ` (only ${args.category})` : ''}\n\n` +
      `${'category'.padEnd(24)} produced compared agree listed unlisted  (only sim ran / only oracle ran)  unlisted disagreements by field; listed ones by rule\n`,
  );
  for (const [c, t] of tallies) {
    total.compared += t.compared;
    total.agree += t.agree;
    total.listed += t.listed;
    total.unlisted += t.unlisted;
    for (const [r, n] of t.rules) byRule.set(r, (byRule.get(r) ?? 0) + n);
    const fields = [...t.fields].map(([f, v]) => `${f}: ${v.count}`).join(', ');
    const rules = [...t.rules].map(([r, n]) => `${r}: ${n}`).join(', ');
    const low = t.compared < args.min;
    if (low) failed = true;
    process.stdout.write(
      `${c.padEnd(24)} ${String(t.produced).padStart(8)} ${String(t.compared).padStart(8)} ${String(t.agree).padStart(5)} ${String(t.listed).padStart(6)} ${String(t.unlisted).padStart(8)}  (${t.simOnly} / ${t.oracleOnly})  ${fields}${rules ? `; listed: ${rules}` : ''}${low ? `  BELOW MINIMUM ${args.min}` : ''}\n`,
    );
  }
  for (const [c, t] of tallies)
    for (const [why, n] of t.skipped) process.stdout.write(`not compared, ${c}: ${n} × ${why}\n`);
  for (const [c, t] of tallies) {
    for (const [f, v] of t.fields) {
      for (const ex of v.examples) {
        process.stdout.write(
          `\n[${c} ${f}] ${ex.program.target} ${ex.program.leftover}\n--- lib.cpp\n${ex.program.cpp}--- main.codon\n${ex.program.codon}    oracle: ${ex.d.oracle}\n    sim:    ${ex.d.sim}\n`,
        );
      }
    }
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const rules = [...byRule].map(([r, n]) => `${r} ${n}`).join(', ');
  process.stdout.write(
    `\ntest:diff:gen: ${programs.length} programs, ${total.compared} compared, ${total.agree} agree on every field, ` +
      `${total.listed} differ only where a listed simplification explains it (${rules || 'none'}), ` +
      `${total.unlisted} differ otherwise; ${secs} s\n`,
  );
  if (args.strict && total.unlisted > 0) {
    process.stdout.write(
      `test:diff:gen: FAILED: ${total.unlisted} programs disagree with the real machine outside oracle/simplifications.json ` +
        '(fix the simulator rule, or list the rule in docs/SIMULATOR.md#simplifications and simplifications.json)\n',
    );
    failed = true;
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`test:diff:gen: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
