/** Scalar helpers of the C++ interpreter: wrapping to a type, the float register on the way to memory, narration. */
import type { CType } from '../../abi/ctype.ts';
import { hex } from '../../machine/memory.ts';
import type { CppInterpreter } from '../cpp-interp.ts';
import type { Process } from '../runtime.ts';
import { Ref, num, scalarKind, wrapInt, type Val } from '../values.ts';

export function wrapTo(it: CppInterpreter, t: CType, v: number): number {
  const k = scalarKind(t, it.target);
  if (k?.k === 'int') return k.bool ? (v !== 0 ? 1 : 0) : wrapInt(v, k.size, k.signed);
  if (k?.k === 'f32') return Math.fround(v);
  return v;
}

/** At -O0 a floating value on its way to memory passes through xmm0 (d0/s0): `movsd %xmm0, (%rax)`. */
export function viaFloatRegister(it: CppInterpreter, k: ReturnType<typeof scalarKind>, v: Val): void {
  const m = it.p.m;
  if (k?.k === 'f64' || k?.k === 'f80') m.setRegF64(it.target === 'x86_64' ? 'xmm0' : 'v0', num(v));
  else if (k?.k === 'f32') m.setRegF32(it.target === 'x86_64' ? 'xmm0' : 'v0', num(v));
}

/** A value as narration shows it. */
export function showVal(it: CppInterpreter, v: Val, t: CType): string {
  // Narration only: a summary-only run keeps none, so none is formatted.
  if (!it.p.m.narrating) return '';
  if (v instanceof Ref) return hex(v.addr);
  const k = scalarKind(t, it.target);
  if (k?.k === 'int') return String(v);
  return String(Number.isInteger(v) ? v.toFixed(1) : v);
}

/** Reads a scalar for narration only: no events, no findings. */
export function loadScalarQuiet(
  p: Process,
  k: NonNullable<ReturnType<typeof scalarKind>>,
  addr: number,
): Val {
  const mem = p.m.mem;
  switch (k.k) {
    case 'int':
      return k.signed ? mem.readInt(addr, k.size) : mem.readUint(addr, k.size);
    case 'f32':
      return mem.readF32(addr);
    case 'f64':
    case 'f80':
      return mem.readF64(addr);
    case 'ptr':
      return new Ref(mem.readUint(addr, 8), -1);
  }
}

export function isFloatType(t: CType): boolean {
  return t.kind === 'float';
}

export function arith(op: string, a: number, b: number, float: boolean): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return float ? a * b : Number(BigInt.asIntN(64, BigInt(Math.trunc(a)) * BigInt(Math.trunc(b))));
    case '/':
      return float ? a / b : Math.trunc(a / b);
    case '%':
      return a % b;
    case '&':
      return Number(BigInt.asIntN(64, BigInt(a) & BigInt(b)));
    case '|':
      return Number(BigInt.asIntN(64, BigInt(a) | BigInt(b)));
    case '^':
      return Number(BigInt.asIntN(64, BigInt(a) ^ BigInt(b)));
    case '<<':
      return Number(BigInt.asIntN(64, BigInt(a) << BigInt(b)));
    case '>>':
      return Number(BigInt(a) >> BigInt(b));
  }
  return 0;
}
