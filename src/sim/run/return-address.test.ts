/**
 * Where a call returns to (issue 14, section 3): a call from Codon pushes (x86-64) or leaves in
 * x30 (AArch64) an address in the Codon program's text; a call from C++ to C++ one in libfoo.so's.
 * The oracle (oracle/compare.ts, "program code") sees the same on both targets.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { formatName } from '../messages/format.ts';
import { stateAt } from '../trace/reader.ts';
import { objectList } from '../trace/tables.ts';
import { TermId, isTerm } from '../trace/terms.ts';
import type { Trace } from '../trace/types.ts';
import { runProgram } from './index.ts';

const CPP = `extern "C" long twice(long x) { return x * 2; }
long inner(long x) { return x + 1; }
extern "C" long outer(long x) { return inner(x) * 3; }
`;
const CODON = `LIBPATH = "./libfoo.so"
from C import LIBPATH.twice(int) -> int
from C import LIBPATH.outer(int) -> int
print(twice(20), outer(1))
`;

function traceOf(target: Target): Trace {
  const r = runProgram({ cpp: CPP, codon: CODON, target });
  expect(r.summary.stdout).toBe('40 6\n');
  if (r.trace === null) throw new Error('no trace');
  return r.trace;
}

function regionNameAt(trace: Trace, addr: number): string {
  const r = trace.regions.find((x) => addr >= x.start && addr < x.end);
  return r === undefined ? 'unmapped' : formatName(r.name);
}

/** Every return address a `call` pushed on x86-64: the region its value points into. */
function pushedReturnTargets(trace: Trace): string[] {
  return objectList(trace.objects)
    .filter(
      (o) =>
        o.role === 'frame-link' && o.size === 8 && isTerm(o.typeName) && o.typeName.id === TermId.codePointer,
    )
    .map((o) => regionNameAt(trace, Number(stateAt(trace, o.born).readUint64(o.addr))));
}

function expectReturnsInto(targets: string[], expected: string[]) {
  expect(targets).toEqual(expected);
}

describe('return addresses', () => {
  it('point into the Codon program for calls from Codon, into libfoo.so for C++ calls (x86-64)', () => {
    expectReturnsInto(pushedReturnTargets(traceOf('x86_64')), [
      'main program text (Codon)',
      'main program text (Codon)',
      'libfoo.so text',
    ]);
  });

  it('are left in x30 pointing into the Codon program on AArch64', () => {
    const trace = traceOf('aarch64');
    const calls = trace.boundaryCalls;
    expect(calls.count).toBe(2);
    for (let i = 0; i < calls.count; i++) {
      const step = calls.step[i] as number;
      const x30 = stateAt(trace, step).register('x30');
      const value = Number(new DataView(x30.buffer, x30.byteOffset, 8).getBigUint64(0, true));
      expect(regionNameAt(trace, value)).toBe('main program text (Codon)');
    }
  });
});
