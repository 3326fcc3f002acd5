/**
 * `return` in the C++ library: the value goes where the function's own convention says (the
 * result registers, or the memory the hidden pointer names), and survives the destructors that
 * run on the way out.
 */
import type { CType, ReturnClassification, Target } from '../../abi/ctype.ts';
import { typeToString } from '../../abi/typeToString.ts';
import type { Expr, FunctionDecl, Init } from '../../cpp/ast.ts';
import type { Span } from '../../diag.ts';
import { hex } from '../../machine/memory.ts';
import type { CppInterpreter } from '../cpp-interp.ts';
import { Ref, num, scalarKind, wrapInt, type Val } from '../values.ts';
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
export function doReturn(
  it: CppInterpreter,
  init: Init | null,
  nrvo: boolean,
  span: Span,
  nullResult = false,
): void {
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
  if (nullResult && init !== null) {
    // g++ evaluates the expression and returns 0 in its place (sema/stmt.ts, danglingReturn).
    if (init.kind === 'expr' && t.kind !== 'reference') it.rv(init.expr);
    else if (init.kind === 'expr' || init.kind === 'bind') it.lv(init.expr);
    setScalarResult(it, t.kind === 'reference' ? { kind: 'pointer', pointee: t.referent } : t, f.ret, 0);
    if (m.narrating) m.narrate('cpp.return-null-local', [f.ret.convention]);
    return;
  }
  const k = scalarKind(t, it.target);
  if (k !== null && t.kind !== 'reference' && init !== null && init.kind === 'expr') {
    const v = k.k === 'f32' && it.target === 'x86_64' ? floatResultX86(it, init.expr) : it.rv(init.expr);
    setScalarResult(it, t, f.ret, v);
    if (m.narrating) m.narrate('cpp.return-reg', [it.showVal(v, t), f.ret.convention]);
    return;
  }
  if (t.kind === 'reference' && init !== null) {
    const place = init.kind === 'bind' ? it.lv(init.expr) : init.kind === 'expr' ? it.lv(init.expr) : null;
    if (place !== null) setScalarResult(it, { kind: 'pointer', pointee: t.referent }, f.ret, place);
    return;
  }
  returnClassInRegisters(it, f, t, nrvo, init, span);
}

/**
 * x86-64 `float` result: the upper half of xmm0's low eight bytes, which Codon reads when it
 * declares `float` (a double). `cvtsd2ss %xmm0, %xmm0` of a computed double keeps that double's
 * upper half; a float loaded with `movss`, or a double variable converted by `pxor %xmm0, %xmm0;
 * cvtsd2ss -8(%rbp), %xmm0`, leaves zeros (g++ 12 -O0 -S). The oracle printed -2.75 for
 * `float f(double x) { return x * 2 + 0.25; }` called as `f(float) -> float` with -1.5. (Apart
 * from doReturn, which every level of a recursion passes through, so that its frame stays small.)
 */
function floatResultX86(it: CppInterpreter, e: Expr): Val {
  const m = it.p.m;
  const operand = computedDouble(e);
  if (operand === null) {
    const v = it.rv(e);
    m.setRegF64('xmm0', 0);
    return v;
  }
  const d = num(it.rv(operand));
  m.setRegF64('xmm0', d);
  return Math.fround(d);
}

/** A class returned in registers (apart from doReturn for the same reason as floatResultX86). */
function returnClassInRegisters(
  it: CppInterpreter,
  f: CppFrame,
  t: CType,
  nrvo: boolean,
  init: Init | null,
  span: Span,
): void {
  const m = it.p.m;
  const size = it.size(t);
  // The named variable returned, if any: its slot is where g++ copies from.
  const origin = nrvo && f.fn.nrvoVariable !== null ? (f.vars.get(f.fn.nrvoVariable.id) ?? null) : null;
  const copyIn = (addr: number, bytes: Uint8Array | null): Ref => {
    const ref = new Ref(addr, it.newTemp(named(NameId.returnCopy), t, addr, size, span));
    if (bytes !== null) m.storeBytes(addr, bytes, { intended: ref.prov, loc: it.loc(span) });
    else if (init !== null) it.initAt(init, ref, t);
    return ref;
  };
  // The value's bytes come from: the return temporary the plan reserved (filled from the named
  // variable, or built there), the named variable itself, or a temporary built for the purpose.
  // std::array<double, 4> built by braces has no memory of its own in g++'s code (a register
  // pair); the simulator builds it in the lower of the two spill slots it is stored to anyway.
  const spills = it.target === 'aarch64' ? f.resultSpills : [];
  let src: Ref;
  if (f.resultCopy >= 0)
    src = copyIn(
      f.resultCopy,
      origin === null
        ? null
        : m.loadBytes(origin.addr, size, { intended: origin.objectId, loc: it.loc(span), raw: true }),
    );
  else if (origin !== null) src = new Ref(origin.addr, origin.objectId);
  else if (spills.length === 2) src = copyIn(spills[1] as number, null);
  else {
    const addr = m.pushStack(size, Math.max(it.align(t), 1));
    src = new Ref(addr, it.newTemp(named(NameId.returnValue), t, addr, size, span));
    if (init !== null) it.initAt(init, src, t);
  }
  const bytes = m.loadBytes(src.addr, size, { intended: src.prov, loc: it.loc(span), raw: true });
  // What g++ -O0 leaves in the integer result registers on the way (checked with g++ 12 and
  // aarch64-linux-gnu-g++ 12 -O0 -S): a class of up to 16 bytes travels through rax (x0, x1)
  // before reaching its return registers, so they keep its raw bits; a larger AArch64 HFA is
  // copied to a frame temporary first, and x0 keeps that temporary's address. Some AArch64 HFAs
  // are split differently (`hfaLeftovers`).
  const raw = new DataView(bytes.buffer, bytes.byteOffset);
  const word = (o: number) =>
    o + 8 <= size ? raw.getUint32(o, true) + raw.getUint32(o + 4, true) * 2 ** 32 : 0;
  const u32 = (o: number) => (o + 4 <= size ? raw.getUint32(o, true) : 0);
  const low = (n: number) => {
    let x = 0;
    for (let i = n - 1; i >= 0; i--) x = x * 256 + (raw.getUint8(i) as number);
    return x;
  };
  const setAddress = (reg: string, r: Ref) => {
    m.setRegInt(reg, r.addr);
    if (r.prov >= 0) it.p.regProv.set(reg, r.prov);
    else it.p.regProv.delete(reg);
  };
  const hfa = it.target === 'aarch64' ? f.ret.hfa : null;
  const split = hfa === null ? null : hfaLeftovers(size, hfa.count, word, u32);
  if (split === 'temporary') {
    // Three floats: `add x0, sp, copy; add x1, sp, s; ldr x2, [x1]; str x2, [x0]; ldr w1, [x1, 8]`.
    setAddress('x0', f.resultCopy >= 0 ? src : copyIn(m.pushStack(size, 16), bytes));
    m.setRegInt('x1', u32(size - 4));
    it.p.regProv.delete('x1');
  } else if (split !== null) {
    m.setRegInt('x0', split.x0);
    m.setRegInt('x1', split.x1);
    it.p.regProv.delete('x0');
  } else if (it.target === 'x86_64' && sseOnly(f.ret.eightbytes)) {
    // What the copy into xmm0/xmm1 leaves in the integer registers (x86SseLeftovers); a class
    // of one float never passes through them, so %rax keeps what the body left there.
    for (const [reg, v] of x86SseLeftovers(size, arrayShaped(t), sseHalves(t), word, u32)) {
      m.setRegInt(reg, v);
      it.p.regProv.delete(reg);
    }
  } else if (size <= 16) {
    // A class of 8 bytes or fewer is loaded into x0 alone (`ldr x0`, `ldr w0`, `fmov w0, s0`,
    // zero-extended), so x1 keeps what the body left: the constant or address of its last store
    // (aarch64-stores.ts). The oracle read 1 there, then 0 once its import left dlsym's x1.
    m.setRegInt(
      it.target === 'x86_64' ? 'rax' : 'x0',
      it.target === 'aarch64' && size < 8 ? low(size) : word(0),
    );
    if (it.target === 'aarch64' && size > 8) m.setRegInt('x1', word(8));
    it.p.regProv.delete(it.target === 'x86_64' ? 'rax' : 'x0');
  } else if (spills.length === 2) {
    // std::array<double, 4>: `ld1 {v0.16b - v1.16b}` from the value, then `st1` to the lower
    // spill slot and (`add x0, sp, N`) to the upper: x0 is the upper one's address; x1 keeps what
    // the body left (after `r[i] = ...`, the array's address).
    const lower = spills[1] as number;
    const upper = spills[0] as number;
    if (src.addr !== lower) copyIn(lower, bytes);
    setAddress('x0', copyIn(upper, bytes));
  } else if (it.target === 'aarch64') {
    // Four doubles: `add x0, sp, copy; add x1, sp, s; ldp q0, q1, [x1]; stp q0, q1, [x0]`, so x0
    // is the copy's address and x1 the named variable's (a brace-initialised value's bytes come
    // from .rodata, which the simulator does not model: x1 keeps what it held).
    setAddress('x0', f.resultCopy >= 0 ? src : copyIn(m.pushStack(size, 16), bytes));
    if (origin !== null) setAddress('x1', new Ref(origin.addr, origin.objectId));
  }
  for (const part of f.ret.parts)
    m.setRegBytes(part.reg, part.regOffset, bytes.subarray(part.offset, part.offset + part.size));
  // x86-64: a second INTEGER eightbyte of four bytes or fewer passes through %ecx on its way to
  // %rdx (`movl -4(%rbp), %ecx; movq %rcx, %rdx`, g++ 12 -O0 -S of `std::array<int, 3>`): %rcx
  // keeps it (the oracle read 3 from %rcx for a @tuple of three ints).
  const e = f.ret.eightbytes;
  if (it.target === 'x86_64' && e !== null && e[1] === 'INTEGER' && size > 8 && size <= 12)
    m.setRegInt('rcx', size === 12 ? u32(8) : word(8) % 2 ** (8 * (size - 8)));
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
  else if (k?.k === 'int' && !k.bool && k.size < 8 && !(v instanceof Ref)) {
    m.setRegInt(part.reg, narrowResultBits(it.target, num(v), k.size, k.signed));
    it.p.regProv.delete(part.reg);
  } else {
    m.setRegInt(part.reg, num(v));
    if (v instanceof Ref && v.prov >= 0) it.p.regProv.set(part.reg, v.prov);
    else it.p.regProv.delete(part.reg);
  }
}

/**
 * The whole result register after g++ -O0 returns an integer narrower than 64 bits, which a Codon
 * `int` (i64) reads in full. The ABI leaves the bits above the type unspecified; g++ -O0's code
 * decides them (`g++ -O0 -S`, `aarch64-linux-gnu-g++ -O0 -S`, g++ 12):
 * - AArch64, 8 and 16 bits: always extended to 32 bits by the type's signedness (`sxtb`, `sxth`,
 *   `ldrsh`, `ldrb`, `and w0, w0, 255`) in w0, whose write clears the upper half: `int16_t`
 *   -80 reads as 4294967216 (the oracle's value);
 * - 32 bits on both, and 8 and 16 bits on x86-64: the common code writes a 32-bit register
 *   (`movl`, `addl`; a narrow variable is loaded with `movzbl`/`movzwl` whatever its
 *   signedness), so the type's bits zero-extended. Where g++ computes a narrow result in wider
 *   arithmetic or converts from a 64-bit value, the bits above differ: a listed simplification
 *   (docs/SIMULATOR.md#narrow-int-result).
 */
export function narrowResultBits(target: Target, v: number, size: number, signed: boolean): number {
  const x = wrapInt(v, size, signed);
  if (target === 'aarch64' && size < 4) return x >>> 0;
  return size === 4 ? x >>> 0 : x & (2 ** (8 * size) - 1);
}

/**
 * What aarch64-linux-gnu-g++ 12 -O0 leaves in x0 and x1 when it returns a floating-point HFA whose
 * bytes it moves through them (`aarch64-linux-gnu-g++ -O0 -S` of `{float x2}`, `{float x3}`,
 * `{float x4}`, `{double x3}` and the `std::array`s of the same elements):
 * - 8 bytes of two floats: `ldr x0; mov x1, x0; lsr w1, w1, 0; lsr x0, x0, 32`: x0 the second
 *   float's bits, x1 the first's;
 * - 12 bytes (three floats): copied to a frame temporary (`add x0, sp, N`), the last four bytes
 *   through w1: x0 the temporary's address, x1 the third float's bits;
 * - 16 bytes of four floats: `ldp x0, x1`, then `lsr x0, x1, 32`: x0 the fourth float's bits,
 *   x1 the last eight bytes;
 * - 24 bytes (three doubles): `ldp x0, x1, [x3]` then `ldr x0, [x3, 16]`: x0 the third double's
 *   bits, x1 the second's. Codon reading x0 as a pointer then faults on those bits (the oracle
 *   crashes there; the simulator used to give it a frame temporary's address).
 * Others (one element, two doubles, 32 bytes) keep the general rule (null).
 */
function hfaLeftovers(
  size: number,
  count: number,
  word: (o: number) => number,
  u32: (o: number) => number,
): { x0: number; x1: number } | 'temporary' | null {
  if (size === 8 && count === 2) return { x0: u32(4), x1: u32(0) };
  if (size === 12 && count === 3) return 'temporary';
  if (size === 16 && count === 4) return { x0: u32(12), x1: word(8) };
  if (size === 24 && count === 3) return { x0: word(16), x1: word(8) };
  return null;
}

const sseOnly = (e: ReturnClassification['eightbytes']): boolean =>
  e !== null && e.length > 0 && e.every((c) => c === 'SSE');

/** `std::array<T, N>` or a struct whose one member is an array (`struct S { float m[3]; }`). */
function arrayShaped(t: CType): boolean {
  if (t.kind !== 'record') return false;
  if (t.decl.std?.kind === 'array') return true;
  const only = t.decl.fields.length === 1 && t.decl.bases.length === 0 ? t.decl.fields[0] : undefined;
  return only !== undefined && only.type.kind === 'array';
}

/**
 * What g++ 12 -O0 leaves in the integer registers when it returns a class of floats or doubles
 * in xmm0 (and xmm1) on x86-64 (`g++ -O0 -S` of `std::array<float, N>`, `std::array<double, N>`,
 * `struct { float m0, ...; }` and `struct { float m[N]; }`):
 * - 4 bytes (one float): `movss -4(%rbp), %xmm0` only, nothing: %rax keeps what the body left
 *   (for a `std::array`, the element address the last `operator[]` call returned). The oracle
 *   printed 2.65042e-314 for `std::array<float, 1>` read as `Ptr[float]`: the 1.5f and the
 *   saved %rbp's low half that follow it in the finished frame, where the simulator used to
 *   fault on %rax = 0;
 * - 8 bytes: `movq -8(%rbp), %rax` (or `movq %xmm0, %rax`): the bytes;
 * - 12 bytes: copied to a 12-byte temporary; an array-shaped class then loads `movq -12(%rbp),
 *   %rdx; movl -4(%rbp), %eax` (%rax the third float's bits), three scalar members `movq
 *   -12(%rbp), %rax` (the first eight bytes);
 * - 16 bytes: `movq -32(%rbp), %rax; movq -24(%rbp), %rdx; movq %rax, %rcx`, then by what the
 *   eightbytes hold: a second one of two floats ends `movq %rdx, %rax` (%rax the last eight
 *   bytes); two doubles go through %rsi and %rdi (%rax the first double); two floats then a
 *   double keep %rax; a double then one float pass it through %edx (`movl %edx, %eax; ...;
 *   movl %eax, %edx`): %rdx its four bytes.
 */
export function x86SseLeftovers(
  size: number,
  arrayLike: boolean,
  halves: string | null,
  word: (o: number) => number,
  u32: (o: number) => number,
): [string, number][] {
  if (size <= 4) return [];
  if (size <= 8) return [['rax', word(0)]];
  if (size <= 12)
    return arrayLike
      ? [
          ['rdx', word(0)],
          ['rax', u32(8)],
        ]
      : [['rax', word(0)]];
  switch (halves) {
    case 'ff|ff':
    case 'd|ff':
      return [
        ['rcx', word(0)],
        ['rdx', word(8)],
        ['rax', word(8)],
      ];
    case 'd|d':
      return [
        ['rsi', word(0)],
        ['rdi', word(8)],
        ['rcx', word(0)],
        ['rdx', word(8)],
        ['rax', word(0)],
      ];
    case 'ff|d':
      return [
        ['rcx', word(0)],
        ['rdx', word(8)],
        ['rax', word(0)],
      ];
    case 'd|f':
      return [
        ['rcx', word(0)],
        ['rdx', u32(8)],
        ['rax', word(0)],
      ];
    default:
      return [['rax', word(0)]];
  }
}

/**
 * The two eightbytes of a class of floats and doubles, each as its scalars in order (`f` a float,
 * `d` a double): `ff|ff` for four floats, `d|f` for `{double; float}`. Null for anything else.
 */
function sseHalves(t: CType): string | null {
  const leaves: number[] = [];
  let ok = true;
  const walk = (c: CType): void => {
    if (c.kind === 'float' && (c.name === 'float' || c.name === 'double'))
      leaves.push(c.name === 'float' ? 4 : 8);
    else if (c.kind === 'array') for (let i = 0; i < c.length; i++) walk(c.element);
    else if (c.kind === 'record' && c.decl.std?.kind === 'array') {
      const n = Number(c.decl.std.args[1] ?? 0);
      for (let i = 0; i < n; i++) walk(c.decl.std.args[0] as CType);
    } else if (c.kind === 'record' && c.decl.bases.length === 0 && c.decl.tag !== 'union')
      for (const fd of c.decl.fields) walk(fd.type);
    else ok = false;
  };
  walk(t);
  if (!ok) return null;
  const half = ['', ''];
  let off = 0;
  for (const size of leaves) {
    off = Math.ceil(off / size) * size;
    half[off < 8 ? 0 : 1] += size === 4 ? 'f' : 'd';
    off += size;
  }
  return `${half[0]}|${half[1]}`;
}

/**
 * The computed double a float result is converted from (`cvtsd2ss %xmm0, %xmm0`), or null. GCC
 * narrows `(float)(f * 2 + 0.25)` with `f` a float to float arithmetic (`addss` of 0.25f: its
 * operands are floats promoted to double, or double constants a float holds exactly, and the
 * result is the same), so that is a float computed in xmm0 (zeros above), not a conversion: the
 * oracle printed 1.59512e-314 for `float f(float x) { return x * 2 + 0.25; }` read as a double.
 */
function computedDouble(e: Expr): Expr | null {
  while (e.kind === 'cast' && e.conversion === 'noop') e = e.operand;
  if (e.kind !== 'cast' || e.conversion !== 'float') return null;
  let op = e.operand;
  while (op.kind === 'cast' && op.conversion === 'noop') op = op.operand;
  const t = op.type;
  if (t.kind !== 'float' || t.name !== 'double') return null;
  if (op.kind === 'cast' && op.conversion === 'lvalue-to-rvalue') return null;
  return narrowsToFloat(op) ? null : op;
}

/** A double expression GCC computes in float: float operands promoted, exact constants, + - * /. */
function narrowsToFloat(e: Expr): boolean {
  while (e.kind === 'cast' && e.conversion === 'noop') e = e.operand;
  if (e.kind === 'cast' && (e.conversion === 'float' || e.conversion === 'int-to-float')) {
    const from = e.operand.type;
    if (e.conversion === 'float') return from.kind === 'float' && from.name === 'float';
    return narrowsToFloat(e.operand);
  }
  if (e.kind === 'binary' && ['+', '-', '*', '/'].includes(e.op))
    return narrowsToFloat(e.left) && narrowsToFloat(e.right);
  if (e.kind === 'float-literal') return Math.fround(e.value) === e.value;
  if (e.kind === 'int-literal') return Math.fround(Number(e.value)) === Number(e.value);
  return false;
}
