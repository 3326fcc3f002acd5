import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Leftover } from '../sim/machine/machine';
import type { Target } from '../sim/abi/ctype';
import { runProgram } from '../sim/run/index';
import { simEvidence, type SimEvidence } from './evidence';

const BUG = 'content/lessons/02-the-bug/programs/bug';

function evidenceOf(target: Target, leftover: Leftover): SimEvidence {
  const r = runProgram({
    cpp: readFileSync(`${BUG}/lib.cpp`, 'utf8'),
    codon: readFileSync(`${BUG}/main.codon`, 'utf8'),
    target,
    leftover,
  });
  if (!r.trace) throw new Error('the lesson program did not compile');
  return simEvidence(r.trace);
}

function expectHiddenPointerIsTheLeftoverRegister(ev: SimEvidence): void {
  for (const c of ev.calls) expect(c.hiddenPointer?.addr).toBe(c.registers[ev.leftoverRegister]);
}

describe('simEvidence', () => {
  it('names the loader lock as the leftover and the first store of the original bug (x86-64)', () => {
    const ev = evidenceOf('x86_64', 'runtime-data');
    expect(ev.calls.map((c) => c.symbol)).toEqual(['foo', 'foo', 'foo']);
    expect(ev.first).toMatchObject({ region: 'runtime', symbol: '_rtld_global._dl_load_lock' });
    expect(ev.calls[0]?.hiddenPointer).toMatchObject({
      region: 'runtime',
      symbol: '_rtld_global._dl_load_lock',
    });
    expectHiddenPointerIsTheLeftoverRegister(ev);
  });

  it('reads the return address of every call from the stack on x86-64 and from x30 on AArch64', () => {
    for (const target of ['x86_64', 'aarch64'] as const) {
      const ev = evidenceOf(target, 'runtime-data');
      for (const c of ev.calls) expect(c.returnAddress?.region).toBe('text');
    }
  });

  it('has no hidden pointer on AArch64, where the array comes back in d0-d3', () => {
    const ev = evidenceOf('aarch64', 'runtime-data');
    expect(ev.leftoverRegister).toBe('x8');
    expect(ev.calls.every((c) => c.hiddenPointer === null)).toBe(true);
  });

  it('puts address 0 in the leftover register with the zero setting', () => {
    const ev = evidenceOf('x86_64', 'zero');
    expect(ev.first).toMatchObject({ addr: '0x0', region: 'unmapped' });
  });
});

/** A static `from C import f` is a linked call the oracle's trampoline does not see: the leftover waits for the first call through a library's handle (oracle/others.ts found this on Codon's docs examples). */
describe('the leftover and a static import', () => {
  it('leaves a linked call out of the calls the oracle compares, and sets the leftover at the first library call', () => {
    const cpp =
      '#include <array>\nextern "C" std::array<double, 4> foo() { std::array<double, 4> b; b[0] = 1.5; b[1] = 2.5; b[2] = 3.5; b[3] = 4.5; return b; }\n';
    const codon =
      'from C import sqrt(float) -> float\nLIB = "./libfoo.so"\nfrom C import LIB.foo() -> Ptr[float]\nprint(sqrt(4.0))\np = foo()\n';
    const r = runProgram({ cpp, codon, target: 'x86_64', leftover: 'runtime-data' });
    if (r.trace === null) throw new Error('no trace');
    const ev = simEvidence(r.trace);
    expect(ev.calls.map((c) => c.symbol)).toEqual(['foo']);
    expect(ev.first?.symbol).toBe('_rtld_global._dl_load_lock');
  });
});
