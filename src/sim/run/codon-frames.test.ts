/**
 * The Codon side's frames (docs/SIMULATOR.md, "The Codon side's frames"; codon-interp/frames.ts),
 * pinned with the oracle's values. SEI CERT STR31-C's strcpy overflow runs up out of g++'s AArch64
 * frame (locals above the frame record) into the Codon caller's: llc-19 -O3 gives the top level
 * `sub sp, sp, #48; stp x30, x21, [sp, #16]; stp x20, x19, [sp, #32]` (the error flag of
 * `seq_str_int` at sp+12), so string bytes 24..31 land on its saved x30 and its `ret` jumps there.
 * The oracle (`npm run real`, qemu-aarch64) printed 37 and crashed with SIGSEGV at
 * 0x7468676965206e ("n eight" without the top byte "t"); on x86-64 f's own return address is hit
 * first and f's `ret` faults at a non-canonical address (SIGSEGV at 0, nothing printed).
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { formatName } from '../messages/format.ts';
import { objectList } from '../trace/tables.ts';
import type { Trace } from '../trace/types.ts';
import { runProgram } from './index.ts';

const HEAD = 'LIBPATH = "./libfoo.so"\n';
const STRING = 'a string much longer than eight bytes and then some';

function strcpyLib(n: number): string {
  return `#include <cstring>
extern "C" long f() {
    char buf[8];
    strcpy(buf, "${STRING.slice(0, n)}");
    return (long)strlen(buf);
}
`;
}

const TOP = `${HEAD}from C import LIBPATH.f() -> int\nprint(f())\n`;
const G = `${HEAD}from C import LIBPATH.f() -> int\n\ndef g(a: int) -> int:\n    z = f()\n    return z + a\n\nprint(g(3))\n`;
const RUN = `${HEAD}from C import LIBPATH.f() -> int\n\ndef run():\n    for i in range(2):\n        x = f()\n        print(x, i)\n\nrun()\n`;

function run(cpp: string, codon: string, target: Target) {
  const r = runProgram({ cpp, codon, target });
  if (r.trace === null) throw new Error('no trace');
  return { summary: r.summary, trace: r.trace };
}

function addressOf(trace: Trace, name: string): number {
  const o = objectList(trace.objects).find((x) => formatName(x.name) === name);
  if (o === undefined) throw new Error(`no object ${name}`);
  return o.addr;
}

function expectCrashAt(r: ReturnType<typeof run>, stdout: string, shown: string) {
  expect(r.summary.outcome).toBe('crash');
  expect(r.summary.stdout).toBe(stdout);
  expect(r.summary.crash?.signal).toBe('SIGSEGV');
  const c = r.trace.crash;
  expect(c?.message.id).toBe('crash.ret-saved-x30');
  // The exact address, as Linux reports it (top byte dropped); the crash's number is a double.
  expect(c?.message.params[2]).toBe(shown);
}

describe("the Codon side's frames (AArch64)", () => {
  it('STR31-C: the top level returns through its overwritten saved x30, as the oracle does', () => {
    const r = run(strcpyLib(37), TOP, 'aarch64');
    expectCrashAt(r, '37\n', '0x7468676965206e');
    expect(r.trace.crash?.message.params[1]).toBe('main');
  });

  it('puts the saved x30 16 bytes above the top level sp, right above its error flag (llc: [sp, #16])', () => {
    const { trace } = run(strcpyLib(37), TOP, 'aarch64');
    const x30 = addressOf(trace, 'saved x30 of main');
    // f's frame is 32 bytes below the caller's sp, buf at f's sp + 24: string byte 24 is the saved x30.
    expect(x30 - addressOf(trace, 'buf')).toBe(24);
    expect(addressOf(trace, 'saved x19 of main') - x30).toBe(8);
  });

  it('an overflow that stops short of the saved x30 returns normally (oracle: 16 bytes print 16)', () => {
    const r = run(strcpyLib(16), TOP, 'aarch64');
    expect(r.summary.outcome).toBe('ok');
    expect(r.summary.stdout).toBe('16\n');
  });

  it('an overflow into the middle of the saved x30 (oracle: 0x68676965206e for 30 bytes)', () => {
    expectCrashAt(run(strcpyLib(30), TOP, 'aarch64'), '30\n', '0x68676965206e');
  });

  it("lesson 2's run(): x30 sits 32 bytes above its sp (i, x, the loop counter, two error flags)", () => {
    const { trace } = run(strcpyLib(8), RUN, 'aarch64');
    // llc: `sub sp, sp, #96; stp x30, x25, [sp, #32]`, allocas at sp+24, 16, 8, 4, 0.
    const x30 = addressOf(trace, 'saved x30 of run');
    expect(x30 - addressOf(trace, 'i')).toBe(8);
    const f = objectList(trace.objects).find((o) => formatName(o.name) === 'buf');
    // f's buf is at f's sp + 24, f's sp 32 below run's: run's sp is buf + 8.
    expect(x30 - ((f?.addr ?? 0) + 8)).toBe(32);
  });

  it('a function returning through an overwritten saved x30 crashes there, before its caller prints', () => {
    // llc: g's frame is `sub sp, sp, #32; str x30, [sp, #16]` (z at sp+8; `a` in the slot beside x30
    // at sp+24, the odd save area's hole), so string bytes 24..31 land on g's saved x30: the oracle
    // crashed with SIGSEGV at 0x7468676965206e for 38 and for 46 bytes, before print ran.
    expectCrashAt(run(strcpyLib(46), G, 'aarch64'), '', '0x7468676965206e');
  });
});

describe("a for loop's counter lives in the Codon frame (AArch64)", () => {
  // run()'s counter is at sp+8 (`ldr x8, [sp, #8]; add x8, x8, #1; str x8, [sp, #8]`): string bytes
  // 16..23 land on it, and the loop reads it back at its next turn.
  it('a NUL over its low byte restarts it at 1 each turn: the oracle printed 16 1 until its time limit', () => {
    const { summary } = run(strcpyLib(16), RUN, 'aarch64');
    expect(summary.outcome).toBe('step-limit');
    expect(summary.stdout.startsWith('16 0\n16 1\n16 1\n')).toBe(true);
  });

  it('text over it ends the loop after one turn: the oracle printed 20 0 and returned', () => {
    const { summary } = run(strcpyLib(20), RUN, 'aarch64');
    expect(summary.outcome).toBe('ok');
    expect(summary.stdout).toBe('20 0\n');
  });

  it('an overflow that stops short of it leaves the loop alone (8 bytes: 8 0, 8 1)', () => {
    expect(run(strcpyLib(8), RUN, 'aarch64').summary.stdout).toBe('8 0\n8 1\n');
  });
});

describe("the Codon side's frames (x86-64)", () => {
  it("STR31-C still faults at f's own ret, as the oracle does (SIGSEGV at 0, nothing printed)", () => {
    const { summary, trace } = run(strcpyLib(37), TOP, 'x86_64');
    expect(summary.outcome).toBe('crash');
    expect(summary.stdout).toBe('');
    expect(summary.crash?.signal).toBe('SIGSEGV');
    expect(trace.crash?.address).toBe(0);
    expect(objectList(trace.objects).some((o) => formatName(o.name).startsWith('saved x30'))).toBe(false);
  });
});
