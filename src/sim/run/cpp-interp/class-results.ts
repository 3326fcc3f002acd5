/**
 * Where a C++ call's class result lands on the caller's side: the caller's temporary for a result
 * returned in memory (its address travels as the hidden pointer), or the bytes of the result
 * registers copied into the destination; and a scalar result read from its register. Shared by
 * free functions and member functions (calls.ts).
 */
import type { CType, ReturnClassification } from '../../abi/ctype.ts';
import type { FunctionDecl } from '../../cpp/ast.ts';
import type { Span } from '../../diag.ts';
import { NameId, named } from '../../trace/names.ts';
import type { CppInterpreter } from '../cpp-interp.ts';
import { Ref, scalarKind, wrapInt, type Val } from '../values.ts';

/** A temporary for a class result returned in memory, when the call has no destination. */
export function resultTemporary(it: CppInterpreter, fn: FunctionDecl, span: Span): Ref {
  const size = it.size(fn.returnType);
  const addr = it.p.m.pushStack(size, Math.max(it.align(fn.returnType), 1));
  return new Ref(
    addr,
    it.newTemp(named(NameId.resultOf, fn.name), fn.returnType, addr, size, span, 'return-slot'),
  );
}

/** A class returned in registers: its bytes go to the destination (or a temporary). */
export function classFromRegisters(
  it: CppInterpreter,
  fn: FunctionDecl,
  ret: ReturnClassification,
  dest0: Ref | null,
  span: Span,
): Ref {
  const m = it.p.m;
  const size = it.size(fn.returnType);
  let dest = dest0;
  if (dest === null) {
    const addr = m.pushStack(size, Math.max(it.align(fn.returnType), 1));
    dest = new Ref(addr, it.newTemp(named(NameId.resultOf, fn.name), fn.returnType, addr, size, span));
  }
  const bytes = new Uint8Array(size);
  for (const part of ret.parts)
    bytes.set(
      m.regs.getBytes(part.reg, part.regOffset, part.size).subarray(0, Math.max(0, size - part.offset)),
      part.offset,
    );
  m.storeBytes(dest.addr, bytes, { intended: dest.prov, loc: it.loc(span) });
  return dest;
}

/** Reads a scalar result from its register (a reference comes back as the address). */
export function readScalarResult(it: CppInterpreter, t: CType, ret: ReturnClassification): Val {
  const m = it.p.m;
  const part = ret.parts[0];
  if (ret.x87 === true) return m.x87Pop();
  if (part === undefined) return 0;
  const k = scalarKind(t, it.target);
  if (k === null) return 0;
  const bytes = m.regs.getBytes(part.reg, part.regOffset, 8);
  const dv = new DataView(bytes.buffer);
  switch (k.k) {
    case 'f32':
      return dv.getFloat32(0, true);
    case 'f64':
    case 'f80':
      return dv.getFloat64(0, true);
    case 'ptr': {
      const a = dv.getUint32(0, true) + dv.getUint32(4, true) * 2 ** 32;
      return new Ref(a, it.p.regProv.get(part.reg) ?? m.objectAt(a));
    }
    case 'int': {
      const lo = dv.getUint32(0, true);
      const hi = dv.getInt32(4, true);
      return wrapInt(k.size === 8 ? hi * 2 ** 32 + lo : lo, k.size, k.signed);
    }
  }
}
