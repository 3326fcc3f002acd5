/**
 * One comparison of a simulator run with the oracle's run of the same program, field by field
 * (see README.md, "Run the whole suite"). Shared by the lesson suite (diff.ts) and the generated
 * programs (fuzz.ts). The simulator's run must have been asked for its indeterminate stdout
 * (`runProgram({ ..., indeterminate: true })`), or its stdout is compared exactly.
 */
import type { runProgram } from '../src/sim/run/index';
import type { SimEvidence } from '../src/cli/evidence';
import type { OracleResult } from './oracle';
import { matchesMarked, showMarked } from '../src/sim/trace/indeterminate';

export interface Disagreement {
  key: string;
  field: string;
  oracle: string;
  sim: string;
}

const show = (x: unknown): string => (typeof x === 'string' ? JSON.stringify(x) : JSON.stringify(x ?? null));

/** A place an address is named by: the region kind, plus the symbol inside the runtime's data. */
function place(n: { region: string; symbol: string | null } | null): string {
  if (!n) return 'none';
  return n.region === 'runtime' && n.symbol ? `runtime:${n.symbol}` : n.region;
}

export function compare(
  key: string,
  sim: ReturnType<typeof runProgram>,
  ev: SimEvidence | null,
  real: OracleResult,
): Disagreement[] {
  const out: Disagreement[] = [];
  const add = (field: string, o: string, s: string) => {
    if (o !== s) out.push({ key: `${key}|${field}`, field, oracle: o, sim: s });
  };
  const s = sim.summary;
  add(
    'outcome',
    real.outcome + (real.crash ? ` ${real.crash.signal}` : ''),
    s.outcome + (s.crash ? ` ${s.crash.signal}` : ''),
  );
  // Bytes the simulator computed compare exactly; a span it marks indeterminate (it depends on
  // bytes the simulator invents: src/sim/trace/indeterminate.ts) matches whatever the real run
  // printed there (one value for a `value` span, any text for a `text` span).
  const marks = s.stdoutIndeterminate;
  if (!matchesMarked(s.stdout, marks, real.stdout))
    out.push({
      key: `${key}|stdout`,
      field: 'stdout',
      oracle: show(real.stdout),
      sim: show(showMarked(s.stdout, marks)),
    });
  if (ev) {
    add('leftover-at-first-call', place(real.evidence.first), place(ev.first));
    const rh = real.evidence.calls.map((c) => place(c.hiddenPointer)).join(' ');
    const sh = ev.calls.map((c) => place(c.hiddenPointer)).join(' ');
    add('hidden-pointer-stores', rh, sh);
    // Whose code a return address points into: the Codon program's or the library's.
    const code = (n: { region: string; where: string } | null) =>
      !n ? 'none' : /libfoo/.test(n.where) ? 'library code' : n.region === 'text' ? 'program code' : n.region;
    const rr = real.evidence.calls.map((c) => code(c.returnAddress)).join(' ');
    const sr = ev.calls.map((c) => code(c.returnAddress)).join(' ');
    add('return-address', rr, sr);
  }
  return out;
}
