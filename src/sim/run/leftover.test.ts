/**
 * The leftover register (issue 14, section 3): nobody sets the hidden-pointer register for the
 * first foreign call, so it holds its leftover *before* the call, visibly; the callee copies it
 * into rax itself when it returns the result address (g++ -O0: `mov -N(%rbp),%rax` before
 * `leave; ret`). rax does not hold it before the callee returns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { stateAt } from '../trace/reader.ts';
import { objectList } from '../trace/tables.ts';
import type { Trace } from '../trace/types.ts';
import { formatName } from '../messages/format.ts';
import { runProgram } from './index.ts';

const BUG = join(import.meta.dirname, '../../../content/lessons/02-the-bug/programs/bug');

function bugTrace(target: Target): Trace {
  const r = runProgram({
    cpp: readFileSync(join(BUG, 'lib.cpp'), 'utf8'),
    codon: readFileSync(join(BUG, 'main.codon'), 'utf8'),
    target,
    leftover: 'runtime-data',
  });
  if (r.trace === null) throw new Error('no trace');
  return r.trace;
}

function reg(trace: Trace, step: number, name: string): number {
  const b = stateAt(trace, step).register(name);
  return Number(new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true));
}

function loaderLock(trace: Trace): number {
  const o = objectList(trace.objects).find((x) => formatName(x.name) === '_rtld_global._dl_load_lock');
  if (o === undefined) throw new Error('no loader lock');
  return o.addr;
}

function expectRegisterAt(trace: Trace, step: number, name: string, value: number, holds: boolean) {
  if (holds) expect(reg(trace, step, name), `${name} at step ${step}`).toBe(value);
  else expect(reg(trace, step, name), `${name} at step ${step}`).not.toBe(value);
}

describe('the leftover register', () => {
  it('holds its value before the first call on x86-64; rax gets it only from the callee', () => {
    const trace = bugTrace('x86_64');
    const lock = loaderLock(trace);
    const call = trace.boundaryCalls.step[0] as number;
    const ret = trace.boundaryCalls.returnStep[0] as number;
    expectRegisterAt(trace, call - 1, 'rdi', lock, true);
    expectRegisterAt(trace, call - 1, 'rax', lock, false);
    expectRegisterAt(trace, call, 'rax', lock, false);
    expectRegisterAt(trace, ret, 'rax', lock, true);
  });

  it('is in x8 (and x0, which the callee leaves alone) before the first call on AArch64', () => {
    const trace = bugTrace('aarch64');
    const lock = loaderLock(trace);
    const call = trace.boundaryCalls.step[0] as number;
    expectRegisterAt(trace, call - 1, 'x8', lock, true);
    expectRegisterAt(trace, call - 1, 'x0', lock, true);
  });
});
