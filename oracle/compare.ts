/**
 * One comparison of a simulator run with the oracle's run of the same program, field by field
 * (see README.md, "Run the whole suite"). Shared by the lesson suite (diff.ts) and the generated
 * programs (fuzz.ts).
 */
import type { runProgram } from '../src/sim/run/index';
import type { SimEvidence } from '../src/cli/evidence';
import type { OracleResult } from './oracle';

export interface Disagreement {
  key: string;
  field: string;
  oracle: string;
  sim: string;
}

/** Finding kinds after which the simulator itself says the printed values are indeterminate. */
const INDETERMINATE = new Set(['dangling-read', 'uninitialized-read', 'use-after-free']);

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
  const indeterminate = s.findings.some((f) => INDETERMINATE.has(f.kind));
  if (indeterminate) {
    // The simulator marks the values read as indeterminate: compare the shape (lines and words).
    const shape = (t: string) =>
      t
        .split('\n')
        .map((l) => l.split(' ').length)
        .join(',');
    add('stdout-shape', shape(real.stdout), shape(s.stdout));
  } else add('stdout', show(real.stdout), show(s.stdout));
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
