/**
 * The library's free functions, one handler per name (malloc, memcpy, printf, std::copy, <cmath>
 * ...): the arguments are evaluated and placed in the argument registers as the call does, then
 * the handler does the function's work on the machine.
 */
import type { CType } from '../../abi/ctype.ts';
import { typeToString } from '../../abi/typeToString.ts';
import type { BuiltinName, Expr } from '../../cpp/ast.ts';
import { INTENT_UNKNOWN, type Machine } from '../../machine/machine.ts';
import type { SourceLoc } from '../../trace/types.ts';
import { Unsupported } from '../cpp-errors.ts';
import type { CppLibrary } from '../cpp-library.ts';
import { formatPrintf } from '../printf.ts';
import { runtimePrint } from '../runtime.ts';
import { Ref, loadScalar, num, scalarKind, storeScalar, type Val } from '../values.ts';
import { CB_OBJECT, CB_USE, CB_WEAK, VPTR_INPLACE } from './layouts.ts';
import { NameId, named } from '../../trace/names.ts';
import { stringConcat, stringEquals } from './strings.ts';

export type BuiltinExpr = Extract<Expr, { kind: 'builtin-call' }>;

/** The functions built straight into their destination (they return a class): see `builtinInto`. */
type IntoName = 'std::make_shared' | 'std::make_unique' | 'std::operator+';

/** One call of a library function, its arguments evaluated and in their registers. */
interface Call {
  lib: CppLibrary;
  m: Machine;
  e: BuiltinExpr;
  name: BuiltinName;
  args: Val[];
  loc: SourceLoc;
  /** The integer result register. */
  ret: string;
  /** The pointee type of argument i (bytes when it is not a pointer). */
  pointee(i: number): CType;
  /** Argument i as an address. */
  ptr(i: number): Ref;
}

type Handler = (c: Call) => Val;

/** Calls a library function: evaluates its arguments, places them, and runs it. */
export function builtin(lib: CppLibrary, e: BuiltinExpr): Val {
  const cpp = lib.cpp;
  const m = cpp.p.m;
  const loc = cpp.loc(e.span);
  const name = e.builtin;
  if (name === 'std::make_shared' || name === 'std::make_unique' || name === 'std::operator+') {
    const size = cpp.size(e.type);
    const addr = m.pushStack(size, 8);
    const ref = new Ref(addr, cpp.newTemp(named(NameId.temporary), e.type, addr, size, e.span));
    builtinInto(lib, e, ref);
    return ref;
  }
  if (name === 'std::min' || name === 'std::max') return minMaxValue({ lib, m, e, loc });
  if (name === 'std::swap') return swap(lib, e);
  // String operands are read where they are (the object, not a copy): evaluated once, here.
  if (name === 'std::operator==' || name === 'std::operator!=') {
    const same = stringEquals(lib, e.args[0] as Expr, e.args[1] as Expr, loc);
    const v = same === (name === 'std::operator==') ? 1 : 0;
    m.setRegInt(x86ret(m), v);
    return v;
  }
  const args = e.args.map((a) => cpp.rv(a));
  const x86 = m.target === 'x86_64';
  const argRegs = x86 ? ['rdi', 'rsi', 'rdx'] : ['x0', 'x1', 'x2'];
  args.slice(0, 3).forEach((a, i) => {
    if (!(typeof a === 'number' && !Number.isInteger(a))) m.setRegInt(argRegs[i] as string, num(a));
  });
  const ret = x86 ? 'rax' : 'x0';
  const pointee = (i: number): CType => {
    const t = e.args[i]?.type;
    return t?.kind === 'pointer' ? t.pointee : { kind: 'int', name: 'unsigned char' };
  };
  const ptr = (i: number): Ref => {
    const a = args[i];
    return a instanceof Ref ? a : new Ref(num(a ?? 0), m.objectAt(num(a ?? 0)));
  };
  return BUILTINS[name]({ lib, m, e, name, args, loc, ret, pointee, ptr });
}

const arg = (c: Call, i: number): number => num(c.args[i] ?? 0);
const x86ret = (m: Machine): string => (m.target === 'x86_64' ? 'rax' : 'x0');

/**
 * `std::max(a, b)` / `std::min(a, b)` as libstdc++ writes them (`a < b ? b : a`, `b < a ? b : a`):
 * both arguments by reference in the first two argument registers, the chosen one's address
 * returned. A prvalue argument becomes a temporary on the stack that dies with the
 * full-expression, so a reference bound to the result may dangle, as it does in real C++.
 */
function minMaxValue(c: Pick<Call, 'lib' | 'm' | 'e' | 'loc'>): Val {
  const r = minMaxRef(c.lib, c.e);
  const k = scalarKind(c.e.type, c.m.target);
  return k === null ? r : loadScalar(c.m, k, r, c.loc);
}

export function minMaxRef(lib: CppLibrary, e: BuiltinExpr): Ref {
  const cpp = lib.cpp;
  const m = cpp.p.m;
  const loc = cpp.loc(e.span);
  const k = scalarKind(e.type, m.target);
  if (k === null) throw new Unsupported(`${e.builtin} of '${typeToString(e.type)}'`, e.span);
  const refs = e.args.map((a) => {
    if (a.kind !== 'materialize') return cpp.lv(a);
    const size = cpp.size(a.type);
    const addr = m.pushStack(size, Math.min(size, 16));
    const ref = new Ref(addr, cpp.newTemp(named(NameId.temporary), a.type, addr, size, a.span));
    storeScalar(m, k, ref, cpp.rv(a.expr), loc);
    return ref;
  });
  const [ra, rb] = refs as [Ref, Ref];
  const x86 = m.target === 'x86_64';
  m.setRegInt(x86 ? 'rdi' : 'x0', ra.addr);
  m.setRegInt(x86 ? 'rsi' : 'x1', rb.addr);
  const a = num(loadScalar(m, k, ra, loc));
  const b = num(loadScalar(m, k, rb, loc));
  const chosen = e.builtin === 'std::max' ? (a < b ? rb : ra) : b < a ? rb : ra;
  lib.callRegs(ra.addr, rb.addr, chosen);
  return chosen;
}
/**
 * `std::swap(a, b)` on two scalars, as libstdc++ writes it: both by reference in the first two
 * argument registers, `T tmp = std::move(a); a = std::move(b); b = std::move(tmp);`.
 */
function swap(lib: CppLibrary, e: BuiltinExpr): Val {
  const cpp = lib.cpp;
  const m = cpp.p.m;
  const loc = cpp.loc(e.span);
  const [ea, eb] = e.args as [Expr, Expr];
  const k = scalarKind(ea.type, m.target);
  if (k === null) throw new Unsupported(`std::swap of '${typeToString(ea.type)}'`, e.span);
  const ra = cpp.lv(ea);
  const rb = cpp.lv(eb);
  const x86 = m.target === 'x86_64';
  m.setRegInt(x86 ? 'rdi' : 'x0', ra.addr);
  m.setRegInt(x86 ? 'rsi' : 'x1', rb.addr);
  const tmp = loadScalar(m, k, ra, loc);
  storeScalar(m, k, ra, loadScalar(m, k, rb, loc), loc);
  storeScalar(m, k, rb, tmp, loc);
  return 0;
}

const math1 =
  (f: (x: number) => number): Handler =>
  (c) =>
    f(arg(c, 0));
const notModelled: Handler = (c) => {
  throw new Unsupported(`${c.name}`, c.e.span);
};

const allocate: Handler = ({ lib, m, name, args, loc, ret }) => {
  const size = name === 'calloc' ? num(args[0] ?? 0) * num(args[1] ?? 0) : num(args[0] ?? 0);
  const p = lib.cpp.p.cheap.malloc(size, named(NameId.mallocBlock, size), `${size} bytes`, 'cpp', loc);
  if (p !== 0 && name === 'calloc') m.storeBytes(p, new Uint8Array(size), { intended: m.objectAt(p), loc });
  const r = new Ref(p, p === 0 ? INTENT_UNKNOWN : m.objectAt(p, false));
  m.setRegInt(ret, p);
  return r;
};

const copyBytes: Handler = ({ m, args, loc, ptr }) => {
  const d = ptr(0);
  const s = ptr(1);
  const n = num(args[2] ?? 0);
  const bytes = m.loadBytes(s.addr, n, { intended: s.prov, loc, raw: true });
  m.storeBytes(d.addr, bytes, { intended: d.prov, loc });
  return d;
};

const stdCopy: Handler = ({ lib, m, name, args, loc, ret, pointee, ptr }) => {
  const first = ptr(0);
  const es = lib.cpp.size(pointee(0)) || 1;
  const count = name === 'std::copy' ? (num(args[1] ?? 0) - first.addr) / es : num(args[1] ?? 0);
  const out = ptr(2);
  const k = scalarKind(pointee(0), m.target);
  for (let i = 0; i < count; i++) {
    const src = new Ref(first.addr + i * es, first.prov);
    const dst = new Ref(out.addr + i * es, out.prov);
    if (k !== null) storeScalar(m, k, dst, loadScalar(m, k, src, loc), loc);
  }
  const end = new Ref(out.addr + count * es, out.prov);
  m.setRegInt(ret, end.addr);
  return end;
};

const stdFill: Handler = ({ lib, m, name, args, loc, pointee, ptr }) => {
  const first = ptr(0);
  const es = lib.cpp.size(pointee(0)) || 1;
  const count = name === 'std::fill' ? (num(args[1] ?? 0) - first.addr) / es : num(args[1] ?? 0);
  const k = scalarKind(pointee(0), m.target);
  for (let i = 0; i < count; i++)
    if (k !== null) storeScalar(m, k, new Ref(first.addr + i * es, first.prov), args[2] ?? 0, loc);
  return new Ref(first.addr + count * es, first.prov);
};

const BUILTINS: { [K in Exclude<BuiltinName, IntoName>]: Handler } = {
  malloc: allocate,
  calloc: allocate,
  realloc: notModelled,
  free: (c) => {
    c.lib.cpp.p.cheap.free(arg(c, 0), c.loc);
    return 0;
  },
  memcpy: copyBytes,
  memmove: copyBytes,
  memset: ({ m, args, loc, ptr }) => {
    const d = ptr(0);
    const n = num(args[2] ?? 0);
    m.storeBytes(d.addr, new Uint8Array(n).fill(num(args[1] ?? 0) & 0xff), { intended: d.prov, loc });
    return d;
  },
  strlen: ({ m, loc, ptr }) => {
    const s = ptr(0);
    let n = 0;
    while (n < 1 << 16 && m.loadInt(s.addr + n, 1, false, { intended: s.prov, loc }) !== 0) n++;
    return n;
  },
  strcpy: ({ m, loc, ptr, ret }) => {
    // Byte by byte up to and including the NUL, as glibc's does: past the end of the destination
    // the machine sees the write land outside its object (the classic overflow).
    const d = ptr(0);
    const s = ptr(1);
    for (let n = 0; n < 1 << 16; n++) {
      const b = m.loadInt(s.addr + n, 1, false, { intended: s.prov, loc });
      m.storeInt(d.addr + n, 1, b, { intended: d.prov, loc });
      if (b === 0) break;
    }
    m.setRegInt(ret, d.addr);
    return d;
  },
  atoi: ({ lib, loc, ptr }) => atoi(lib.readCString(ptr(0), loc)),
  snprintf: ({ lib, m, e, args, loc, ret, ptr }) => {
    // The whole text is formatted; at most n - 1 bytes and a NUL are stored; the full length returns.
    const d = ptr(0);
    const n = num(args[1] ?? 0);
    const text = formatPrintf(
      lib.readCString(ptr(2), loc),
      args.slice(3),
      e.args.slice(3).map((a) => a.type),
      (p) => lib.readCString(p, loc),
    );
    if (n > 0) {
      const bytes = new Uint8Array(Math.min(text.length, n - 1) + 1);
      for (let i = 0; i < bytes.length - 1; i++) bytes[i] = text.charCodeAt(i) & 0xff;
      m.storeBytes(d.addr, bytes, { intended: d.prov, loc });
    }
    m.setRegInt(ret, text.length);
    return text.length;
  },
  'std::copy': stdCopy,
  'std::copy_n': stdCopy,
  'std::fill': stdFill,
  'std::fill_n': stdFill,
  printf: ({ lib, m, e, args, loc, ret, ptr }) => {
    const fmt = ptr(0);
    const text = formatPrintf(
      lib.readCString(fmt, loc),
      args.slice(1),
      e.args.slice(1).map((a) => a.type),
      (p) => lib.readCString(p, loc),
    );
    runtimePrint(lib.cpp.p, text, { kind: 'printf' });
    m.setRegInt(ret, text.length);
    return text.length;
  },
  puts: ({ lib, loc, ptr }) => {
    const text = lib.readCString(ptr(0), loc) + '\n';
    runtimePrint(lib.cpp.p, text);
    return text.length;
  },
  putchar: (c) => {
    runtimePrint(c.lib.cpp.p, String.fromCharCode(arg(c, 0) & 0xff));
    return arg(c, 0);
  },
  exit: (c) => {
    throw new ExitRequest(arg(c, 0));
  },
  abort: ({ m }) => m.crash('SIGABRT', 0, 'crash.abort', []),
  // Reached only through `builtin`'s early path, before the arguments are evaluated by value.
  'std::min': minMaxValue,
  'std::max': minMaxValue,
  // Reached through `builtin`'s early path (the operands are swapped in place, not loaded first).
  'std::swap': (c) => swap(c.lib, c.e),
  sqrt: math1(Math.sqrt),
  fabs: math1(Math.abs),
  abs: math1(Math.abs),
  pow: (c) => arg(c, 0) ** arg(c, 1),
  sin: math1(Math.sin),
  cos: math1(Math.cos),
  exp: math1(Math.exp),
  log: math1(Math.log),
  floor: math1(Math.floor),
  ceil: math1(Math.ceil),
  // Reached only through `builtin`'s early path (the operands are read in place there).
  'std::operator==': notModelled,
  'std::operator!=': notModelled,
  frexp: frexp,
};

/**
 * atoi(s) as glibc computes it, (int) strtol(s, NULL, 10): leading white space, a sign, decimal
 * digits up to the first other character; strtol saturates at LONG_MIN/LONG_MAX and the cast to int
 * keeps the low 32 bits.
 */
export function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d*)/.exec(s);
  const digits = m?.[2] ?? '';
  if (digits === '') return 0;
  let v = BigInt(digits);
  if (m?.[1] === '-') v = -v;
  const LMAX = (1n << 63n) - 1n;
  if (v > LMAX) v = LMAX;
  if (v < -LMAX - 1n) v = -LMAX - 1n;
  return Number(BigInt.asIntN(32, v));
}

/**
 * frexp(x, &e): x = m * 2^e with 0.5 <= |m| < 1 (and m = x, e = 0 for zero, infinities and NaN, as
 * glibc does); the exponent is an int stored through the pointer.
 */
function frexp(c: Call): Val {
  const x = arg(c, 0);
  let e = 0;
  let mant = x;
  if (x !== 0 && Number.isFinite(x)) {
    e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x)))) + 1;
    mant = x / 2 ** e;
    // log2 rounds near powers of two: settle the mantissa into [0.5, 1).
    while (Math.abs(mant) >= 1) {
      mant /= 2;
      e += 1;
    }
    while (Math.abs(mant) < 0.5) {
      mant *= 2;
      e -= 1;
    }
  }
  const p = c.ptr(1);
  c.m.storeInt(p.addr, 4, e, { intended: p.prov, loc: c.loc });
  return mant;
}

/** Class-returning library functions built straight into their destination: make_shared, make_unique. */
export function builtinInto(lib: CppLibrary, e: BuiltinExpr, dest: Ref): void {
  const cpp = lib.cpp;
  const m = cpp.p.m;
  const loc = cpp.loc(e.span);
  const elemType = e.typeArgs[0] ?? { kind: 'int', name: 'int' };
  const es = cpp.size(elemType);
  if (e.builtin === 'std::make_shared') {
    // One allocation: the control block with the object inside it (_Sp_counted_ptr_inplace).
    const block = cpp.p.cheap.malloc(
      CB_OBJECT + es,
      named(NameId.makeShared, typeToString(elemType)),
      `_Sp_counted_ptr_inplace<${typeToString(elemType)}>`,
      'cpp',
      loc,
    );
    if (block === 0) badAlloc(m, CB_OBJECT + es);
    const bref = new Ref(block, m.objectAt(block, false));
    m.storeInt(block, 8, m.regionOfKind('text', 'libfoo').start + VPTR_INPLACE, {
      intended: bref.prov,
      loc,
    });
    m.storeInt(block + CB_USE, 4, 1, { intended: bref.prov, loc });
    m.storeInt(block + CB_WEAK, 4, 1, { intended: bref.prov, loc });
    const obj = new Ref(block + CB_OBJECT, bref.prov);
    if (e.elementInit !== undefined) cpp.initAt(e.elementInit, obj, elemType);
    else m.storeBytes(obj.addr, new Uint8Array(es), { intended: obj.prov, loc });
    m.storeInt(dest.addr, 8, obj.addr, { intended: dest.prov, loc });
    m.storeInt(dest.addr + 8, 8, block, { intended: dest.prov, loc });
    return;
  }
  if (e.builtin === 'std::operator+') {
    stringConcat(lib, e.args[0] as Expr, e.args[1] as Expr, dest, loc);
    return;
  }
  if (e.builtin === 'std::make_unique') {
    const p = cpp.p.cheap.malloc(
      es,
      named(NameId.makeUnique, typeToString(elemType)),
      typeToString(elemType),
      'cpp',
      loc,
    );
    if (p === 0) badAlloc(m, es);
    const obj = new Ref(p, m.objectAt(p, false));
    if (e.elementInit !== undefined) cpp.initAt(e.elementInit, obj, elemType);
    else m.storeBytes(p, new Uint8Array(es), { intended: obj.prov, loc });
    m.storeInt(dest.addr, 8, p, { intended: dest.prov, loc });
    return;
  }
  throw new Unsupported(e.builtin, e.span);
}

/** `exit(n)` from the library: the run ends normally with that status. */
export class ExitRequest {
  constructor(readonly status: number) {}
}

/**
 * `new` on a full heap throws std::bad_alloc; nothing in the subset catches it, so std::terminate
 * aborts the process (libstdc++ prints "terminate called after throwing an instance of
 * 'std::bad_alloc'" and calls abort: SIGABRT).
 */
export function badAlloc(m: Machine, bytes: number): never {
  m.crash('SIGABRT', 0, 'crash.bad-alloc', [bytes]);
}
