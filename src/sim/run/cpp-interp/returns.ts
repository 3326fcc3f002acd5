/**
 * `return` in the C++ library: the value goes where the function's own convention says (the
 * result registers, or the memory the hidden pointer names), and survives the destructors that
 * run on the way out.
 */
import type { CType, ReturnClassification } from '../../abi/ctype.ts';
import { typeToString } from '../../abi/typeToString.ts';
import type { Expr, FunctionDecl, Init } from '../../cpp/ast.ts';
import type { Span } from '../../diag.ts';
import { hex } from '../../machine/memory.ts';
import type { CppInterpreter } from '../cpp-interp.ts';
import { Ref, num, scalarKind, type Val } from '../values.ts';
import type { CppFrame } from './frames.ts';
import { NameId, named } from '../../trace/names.ts';

export type SavedResult = { reg: string; bytes: Uint8Array; prov: number | undefined }[];

/**
 * The result registers as `return` left them. Destructors run after the value is computed (a
 * local unique_ptr, shared_ptr or vector is freed on the way out), and free() leaves its own
 * values in rax/x0; g++ keeps the result aside meanwhile (in the frame or a callee-saved
 * register, checked with g++ 12 -O0 -S) and loads it back before `ret`.
 */
export function saveResult(it: CppInterpreter, f: CppFrame): SavedResult {
  const m = it.p.m;
  const regs = new Set(f.ret.parts.map((part) => part.reg));
  regs.add(it.target === 'x86_64' ? 'rax' : 'x0');
  if (it.target === 'aarch64') regs.add('x1');
  return [...regs].map((reg) => ({
    reg,
    bytes: m.regs.slotView(m.regs.indexOf(reg)).slice(),
    prov: it.p.regProv.get(reg),
  }));
}

export function restoreResult(it: CppInterpreter, saved: SavedResult): void {
  const m = it.p.m;
  for (const { reg, bytes, prov } of saved) {
    const now = m.regs.slotView(m.regs.indexOf(reg));
    if (now.every((b, i) => b === bytes[i])) continue;
    m.setRegBytes(reg, 0, bytes);
    if (prov === undefined) it.p.regProv.delete(reg);
    else it.p.regProv.set(reg, prov);
  }
}

/** `return bar;` where bar is the named return value: already in the slot, nothing to copy or move. */
export function returnsNrvoVariable(fn: FunctionDecl, init: Init | null): boolean {
  const v = fn.nrvoVariable;
  if (v === null || init === null) return false;
  let e: Expr | null = init.kind === 'copy' ? init.source : init.kind === 'expr' ? init.expr : null;
  while (e !== null && e.kind === 'cast' && (e.conversion === 'noop' || e.conversion === 'lvalue-to-rvalue'))
    e = e.operand;
  return e !== null && e.kind === 'var-ref' && e.variable.id === v.id;
}

/** Puts the return value where this function's own convention says it goes. */
export function doReturn(it: CppInterpreter, init: Init | null, nrvo: boolean, span: Span): void {
  const m = it.p.m;
  const f = it.frame as CppFrame;
  const t = f.fn.returnType;
  if (t.kind === 'void') return;
  if (f.ret.indirect) {
    if (!nrvo && init !== null && f.hidden !== null) it.initAt(init, f.hidden, t);
    m.narrate('cpp.return-memory', [hex(f.hidden?.addr ?? 0), it.target === 'x86_64' ? 'rdi' : 'x8']);
    return;
  }
  if (init === null && !nrvo) return;
  const k = scalarKind(t, it.target);
  if (k !== null && t.kind !== 'reference' && init !== null && init.kind === 'expr') {
    const v = it.rv(init.expr);
    setScalarResult(it, t, f.ret, v);
    if (m.narrating) m.narrate('cpp.return-reg', [it.showVal(v, t), f.ret.convention]);
    return;
  }
  if (t.kind === 'reference' && init !== null) {
    const place = init.kind === 'bind' ? it.lv(init.expr) : init.kind === 'expr' ? it.lv(init.expr) : null;
    if (place !== null) setScalarResult(it, { kind: 'pointer', pointee: t.referent }, f.ret, place);
    return;
  }
  // A class returned in registers: build it in a temporary (or use the NRVO local), then load its bytes.
  let src: Ref;
  if (nrvo && f.fn.nrvoVariable !== null) {
    const slot = f.vars.get(f.fn.nrvoVariable.id);
    src = slot === undefined ? new Ref(0, -1) : new Ref(slot.addr, slot.objectId);
  } else {
    const size = it.size(t);
    const addr = m.pushStack(size, Math.max(it.align(t), 1));
    src = new Ref(addr, it.newTemp(named(NameId.returnValue), t, addr, size, span));
    if (init !== null) it.initAt(init, src, t);
  }
  const size = it.size(t);
  const bytes = m.loadBytes(src.addr, size, { intended: src.prov, loc: it.loc(span), raw: true });
  // What g++ -O0 leaves in the integer result registers on the way (checked with g++ 12 and
  // aarch64-linux-gnu-g++ 12 -O0 -S): a class of up to 16 bytes travels through rax (x0, x1)
  // before reaching its return registers, so they keep its raw bits; a larger AArch64 HFA is
  // copied to a frame temporary first, and x0 keeps that temporary's address.
  const raw = new DataView(bytes.buffer, bytes.byteOffset);
  const word = (o: number) =>
    o + 8 <= size ? raw.getUint32(o, true) + raw.getUint32(o + 4, true) * 2 ** 32 : 0;
  if (size <= 16) {
    m.setRegInt(it.target === 'x86_64' ? 'rax' : 'x0', word(0));
    if (it.target === 'aarch64') m.setRegInt('x1', word(8));
    it.p.regProv.delete(it.target === 'x86_64' ? 'rax' : 'x0');
  } else if (it.target === 'aarch64') {
    const addr = m.pushStack(size, 16);
    const copy = it.newTemp(named(NameId.returnCopy), t, addr, size, span);
    m.storeBytes(addr, bytes, { intended: copy, loc: it.loc(span) });
    m.setRegInt('x0', addr);
    it.p.regProv.set('x0', copy);
  }
  for (const part of f.ret.parts)
    m.setRegBytes(part.reg, part.regOffset, bytes.subarray(part.offset, part.offset + part.size));
  if (f.ret.x87 === true) m.x87Push(new DataView(bytes.buffer).getFloat64(0, true));
  m.narrate('cpp.return-reg', [typeToString(t), f.ret.convention]);
}

function setScalarResult(it: CppInterpreter, t: CType, ret: ReturnClassification, v: Val): void {
  const m = it.p.m;
  if (ret.x87 === true) {
    m.x87Push(num(v));
    return;
  }
  const part = ret.parts[0];
  if (part === undefined) return;
  const k = scalarKind(t, it.target);
  if (k?.k === 'f32') m.setRegF32(part.reg, num(v));
  else if (k?.k === 'f64') m.setRegF64(part.reg, num(v));
  else {
    m.setRegInt(part.reg, num(v));
    if (v instanceof Ref && v.prov >= 0) it.p.regProv.set(part.reg, v.prov);
    else it.p.regProv.delete(part.reg);
  }
}
