/**
 * What the runtime around the programs leaves behind, checked against real runs (glibc 2.36, g++ 12;
 * AArch64 under qemu-aarch64): after Codon's print, which ends in fwrite, %rdi (x1) holds stdout's
 * lock in libc's .bss; after glibc's printf, a dead-stack address; and a stray write at stdout's
 * lock has the consequences glibc's lock code gives it.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runtimeObjectPlan } from '../machine/layout.ts';
import { stateAt, stepMessage } from '../trace/reader.ts';
import { objectList } from '../trace/tables.ts';
import type { Trace } from '../trace/types.ts';
import { runProgram } from './index.ts';
import { formatName } from '../messages/format.ts';

const LIB = 'LIBPATH = "./libfoo.so"\n';
const NOTHING = 'extern "C" void nothing() {}\n';

function run(cpp: string, codon: string, target: Target = 'x86_64') {
  const r = runProgram({ cpp, codon, target, leftover: 'runtime-data' });
  if (r.trace === null) throw new Error('no trace');
  return { summary: r.summary, trace: r.trace };
}

const addressOf = (trace: Trace, name: string) => {
  const o = objectList(trace.objects).find((x) => formatName(x.name) === name);
  if (o === undefined) throw new Error(`no object ${name}`);
  return o;
};

/** The machine state right after the first step whose narration is `id`. */
function after(trace: Trace, id: string) {
  for (let s = 0; s < trace.steps.count; s++) if (stepMessage(trace, s).id === id) return stateAt(trace, s);
  throw new Error(`no step ${id}`);
}

const u64 = (b: Uint8Array) => Number(new DataView(b.buffer, b.byteOffset).getBigUint64(0, true));

describe('libc data around stdout’s lock', () => {
  it.each(['x86_64', 'aarch64'] as const)('is laid out as glibc 2.36 lays it out (%s)', (target) => {
    const { trace } = run(NOTHING, `${LIB}print(1)\n`, target);
    const stderrLock = addressOf(trace, '_IO_stdfile_2_lock');
    const stdoutLock = addressOf(trace, '_IO_stdfile_1_lock');
    const stdinLock = addressOf(trace, '_IO_stdfile_0_lock');
    const next = addressOf(trace, target === 'x86_64' ? '__pthread_force_elision' : 'xidcmd');
    expect([stderrLock.size, stdoutLock.size, stdinLock.size]).toEqual([16, 16, 16]);
    expect(stdoutLock.addr).toBe(stderrLock.addr + 16);
    expect(stdinLock.addr).toBe(stdoutLock.addr + 16);
    expect(next.addr).toBe(stdinLock.addr + 16);
    expect(next.size).toBe(runtimeObjectPlan(target).afterStdinLock.size);
  });
});

describe('what a print leaves in the registers', () => {
  it('Codon’s print on x86-64: %rdi = &_IO_stdfile_1_lock, %rax = the last fwrite’s count', () => {
    const { trace } = run(NOTHING, `${LIB}print(1.5, 2.5)\n`);
    const st = after(trace, 'codon.print');
    expect(u64(st.register('rdi'))).toBe(addressOf(trace, '_IO_stdfile_1_lock').addr);
    expect(u64(st.register('rax'))).toBe(1); // fwrite("\n", 1, 1, stdout)
  });

  it('the last write is the last non-empty piece', () => {
    const { trace } = run(NOTHING, `${LIB}print(1.5, 22.5, end='')\n`);
    expect(u64(after(trace, 'codon.print').register('rax'))).toBe(4);
  });

  it('Codon’s print on AArch64: x0 = the count, x1 = &_IO_stdfile_1_lock, x8 = 64 (write, after a newline)', () => {
    const { trace } = run(NOTHING, `${LIB}print(1.5)\n`, 'aarch64');
    const st = after(trace, 'codon.print');
    expect(u64(st.register('x0'))).toBe(1);
    expect(u64(st.register('x1'))).toBe(addressOf(trace, '_IO_stdfile_1_lock').addr);
    expect(u64(st.register('x8'))).toBe(64);
  });

  it('glibc’s printf, from the library: %rdi points into its dead work buffer, 1,360 bytes down', () => {
    const cpp = '#include <cstdio>\nextern "C" void say() { printf("%g\\n", 1.5); }\n';
    const { summary, trace } = run(cpp, `${LIB}from C import LIBPATH.say() -> None\nsay()\n`);
    expect(summary.stdout).toBe('1.5\n');
    const st = after(trace, 'cpp.stmt');
    expect(u64(st.register('rdi'))).toBe(u64(st.register('rsp')) - 1360);
    expect(u64(st.register('rax'))).toBe(4);
  });
});

const FOO = (a: string) => `#include <array>
extern "C" std::array<double, 4> foo() {
  std::array<double, 4> bar;
  bar[0] = ${a}; bar[1] = 2.5; bar[2] = 3.5; bar[3] = 4.5;
  return bar;
}
`;
const AFTER_PRINT = `${LIB}from C import LIBPATH.foo() -> Ptr[float]
a = foo()
print(a[0])
b = foo()
x = b[0]
print(x, b[1])
y = b[0]
print(y)
`;

describe('a stray write after a print', () => {
  it('lands on stdout’s lock and stdin’s, the 16 bytes after it', () => {
    const { trace } = run(FOO('1.5'), AFTER_PRINT);
    const lock = addressOf(trace, '_IO_stdfile_1_lock');
    expect(trace.boundaryCalls.count).toBe(2);
    // Call 2 wrote 1.5, 2.5, 3.5, 4.5 there; the prints since have only touched stdout's lock.
    const end = stateAt(trace, trace.steps.count - 1);
    expect(end.readF64(lock.addr + 16)).toBe(3.5);
    expect(end.readF64(lock.addr + 24)).toBe(4.5);
  });

  it('a count left non-zero keeps the lock taken by this thread, which changes the bits read back', () => {
    // 1.5 is 0x3ff8000000000000: lock word 0, count 0x3ff80000. The next fwrite takes the lock
    // (word 1) and, the count not returning to 0, keeps it: b[0] then reads 0x3ff8000000000001.
    const { summary, trace } = run(FOO('1.5'), AFTER_PRINT);
    expect(summary.outcome).toBe('ok');
    expect(summary.stdout).toMatch(/^1\.5\n1\.5 2\.5\n1\.5\n$/);
    const lock = addressOf(trace, '_IO_stdfile_1_lock');
    const end = stateAt(trace, trace.steps.count - 1);
    expect(end.readUint64(lock.addr)).toBe(0x3ff8000000000001n);
    expect(end.readUint64(lock.addr + 8)).toBe(BigInt(addressOf(trace, 'the main thread’s descriptor').addr));
  });

  it('a lock word left non-zero with a stranger as owner hangs the next print', () => {
    // 1.1 is 0x3ff199999999999a: the lock word reads 0x9999999a and the owner is 2.5's bits.
    const { summary, trace } = run(FOO('1.1'), AFTER_PRINT);
    expect(summary.outcome).toBe('step-limit');
    expect(summary.stdout).toBe('1.1\n');
    const ids = Array.from({ length: trace.steps.count }, (_, s) => stepMessage(trace, s).id);
    expect(ids).toContain('runtime.print-deadlock');
  });
});
