/**
 * Frames as g++ 12 -O0 lays them out (issue 14, section 3). `g++ -O0 -S` of foo below:
 * `pushq %rbp; movq %rsp,%rbp; pushq %rbx; subq $24,%rsp`, bar at -32(%rbp), the saved rbx at
 * -8(%rbp). So bar[2] lands on padding and bar[3] on the saved rbx, which the epilogue restores
 * into the caller's rbx; the call returns normally.
 */
import { describe, expect, it } from 'vitest';
import { formatName } from '../messages/format.ts';
import { stateAt } from '../trace/reader.ts';
import { objectList } from '../trace/tables.ts';
import type { Trace } from '../trace/types.ts';
import { runProgram } from './index.ts';
import { savesRbx } from './cpp-interp/calls.ts';
import type { ReturnClassification } from '../abi/ctype.ts';

const ARRAY2 = `#include <array>
extern "C" std::array<double, 2> foo() {
  std::array<double, 2> bar;
  bar[0] = 1.5;
  bar[1] = 2.5;
  bar[2] = 3.5;
  bar[3] = 4.5;
  return bar;
}
`;
const CALLER = `LIBPATH = "./libfoo.so"

@tuple
class Pair:
    a: float
    b: float

from C import LIBPATH.foo() -> Pair
t = foo()
print(t.a, t.b)
`;

function run(): { trace: Trace; stdout: string; outcome: string } {
  const r = runProgram({ cpp: ARRAY2, codon: CALLER, target: 'x86_64', leftover: 'runtime-data' });
  if (r.trace === null) throw new Error(JSON.stringify(r.summary.diagnostics));
  return { trace: r.trace, stdout: r.summary.stdout, outcome: r.summary.outcome };
}

function frameObject(trace: Trace, name: string) {
  const o = objectList(trace.objects).find((x) => formatName(x.name) === name);
  if (o === undefined) throw new Error(`no ${name}`);
  return o;
}

function expectOffsetFromRbp(trace: Trace, name: string, offset: number) {
  const link = frameObject(trace, 'saved rbp of main');
  expect(frameObject(trace, name).addr - link.addr, name).toBe(offset);
}

describe('g++ -O0 frame layout', () => {
  it('pushes rbx for a {double, double} return: bar at -32(%rbp), saved rbx at -8(%rbp)', () => {
    const { trace, outcome, stdout } = run();
    expect(outcome).toBe('ok');
    expect(stdout).toBe('1.5 2.5\n');
    expectOffsetFromRbp(trace, 'saved rbx of main', -8);
    expectOffsetFromRbp(trace, 'bar', -32);
  });

  it('restores the stray store over the saved rbx into the caller’s rbx', () => {
    const { trace } = run();
    const ret = trace.boundaryCalls.returnStep[0] as number;
    const rbx = stateAt(trace, ret).register('rbx');
    expect(new DataView(rbx.buffer, rbx.byteOffset, 8).getFloat64(0, true)).toBe(4.5);
    const victims = trace.findings.flatMap((f) =>
      f.objects.map((id) => formatName(objectList(trace.objects)[id]!.name)),
    );
    expect(victims).toContain('saved rbx of main');
    expect(victims).not.toContain('saved rbp of main');
  });

  it.each([
    [['SSE', 'SSE'], false, true],
    [['SSE', 'INTEGER'], false, true],
    [['INTEGER', 'SSE'], false, true],
    [['INTEGER', 'INTEGER'], false, false],
    [['SSE'], false, false],
    [['MEMORY'], true, false],
  ] as const)('eightbytes %j (indirect %s): pushes rbx %s', (eightbytes, indirect, expected) => {
    const ret = {
      target: 'x86_64',
      indirect,
      eightbytes: [...eightbytes],
    } as unknown as ReturnClassification;
    expect(savesRbx(ret)).toBe(expected);
    expect(savesRbx({ ...ret, target: 'aarch64', eightbytes: null })).toBe(false);
  });

  it('jumps to the bits over the return address: non-canonical, SIGSEGV reported at 0 (as for real)', () => {
    const six = ARRAY2.replace('  bar[3] = 4.5;\n', '  bar[3] = 4.5;\n  bar[4] = 5.5;\n  bar[5] = 6.5;\n');
    const r = runProgram({ cpp: six, codon: CALLER, target: 'x86_64', leftover: 'runtime-data' });
    // npm run real on the same files: outcome crash, SIGSEGV, address 0, no output.
    expect(r.summary.outcome).toBe('crash');
    expect(r.summary.crash).toMatchObject({ signal: 'SIGSEGV', address: '0x0' });
    expect(r.summary.stdout).toBe('');
    expect(r.trace?.crash?.message.id).toBe('crash.ret-noncanonical');
  });
});
