/**
 * The slice of libc and libm a Codon program can reach with a static `from C import` (or `@C`):
 * Codon links every program against the C library, so `from C import sqrt(float) -> float` finds
 * glibc's `sqrt` (codon/parser/visitors/typecheck/import.cpp `transformCImport` lowers it to an
 * external LLVM function of that name; the system linker resolves it).
 *
 * Each function is declared here with its real C prototype (glibc 2.36's <math.h>, <string.h>,
 * <stdlib.h>, <stdio.h>; `size_t` is `unsigned long` on both LP64 targets), read by the C++ front
 * end, so the typed declaration check compares a Codon import of it like any other C function: a
 * wrong declaration is a finding, and the call then goes on as the machine would run it (the
 * function reads its arguments from the registers *its* prototype names).
 */
import type { FunctionDecl } from '../cpp/ast.ts';
import { parseCpp } from '../cpp/index.ts';
import type { Machine } from '../machine/machine.ts';
import { NameId, named } from '../trace/names.ts';
import type { SourceLoc } from '../trace/types.ts';
import type { Placement, SideView } from './routes.ts';
import { runtimePrint, type Process } from './runtime.ts';

const PROTOTYPES = `extern "C" {
double sqrt(double x);
double pow(double x, double y);
double floor(double x);
double frexp(double x, int* exp);
unsigned long strlen(const char* s);
int puts(const char* s);
int atoi(const char* s);
void* malloc(unsigned long size);
void* calloc(unsigned long n, unsigned long size);
void free(void* p);
void* memcpy(void* dst, const void* src, unsigned long n);
void* memset(void* s, int c, unsigned long n);
}
`;

/** What one libc function sees: its arguments where its own prototype puts them, and its result slot. */
export interface LibcCall {
  p: Process;
  m: Machine;
  loc: SourceLoc;
  /** Argument i read as a double, a (sign-extended) int of `bytes`, or an address. */
  f64(i: number): number;
  int(i: number, bytes?: 4 | 8): number;
  addr(i: number): number;
  /** The object argument i's pointer was derived from (for the access check). */
  prov(i: number): number;
  /** Writes the result where the prototype returns it. */
  retF64(v: number): void;
  retInt(v: number, bytes?: 4 | 8): void;
}

type LibcImpl = (c: LibcCall) => void;

/** Reads a NUL-terminated string through checked one-byte loads (a missing NUL runs off the object). */
function cString(c: LibcCall, i: number): string {
  const a = c.addr(i);
  const access = { intended: c.prov(i), loc: c.loc, raw: true };
  let s = '';
  for (let k = 0; k < 1 << 20; k++) {
    c.m.work();
    const b = c.m.loadInt(a + k, 1, false, access);
    if (b === 0) break;
    s += String.fromCharCode(b);
  }
  return s;
}

/** glibc's `frexp`: x = m * 2^e with 0.5 <= |m| < 1 (m = x, e = 0 for 0, inf and NaN). */
function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = x * 2 ** -e;
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e--;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e++;
  }
  return [m, e];
}

/** glibc's `atoi` is `(int) strtol(s, NULL, 10)`: spaces, a sign, digits; the long wraps to int. */
function atoi(s: string): number {
  const match = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  if (match === null) return 0;
  return Number(BigInt.asIntN(32, BigInt.asIntN(64, BigInt(match[1] as string))));
}

const IMPLS: Readonly<Record<string, LibcImpl>> = {
  sqrt: (c) => c.retF64(Math.sqrt(c.f64(0))),
  pow: (c) => c.retF64(Math.pow(c.f64(0), c.f64(1))),
  floor: (c) => c.retF64(Math.floor(c.f64(0))),
  frexp: (c) => {
    const [mant, e] = frexp(c.f64(0));
    c.m.storeInt(c.addr(1), 4, e, { intended: c.prov(1), loc: c.loc });
    c.retF64(mant);
  },
  strlen: (c) => c.retInt(cString(c, 0).length),
  puts: (c) => {
    const text = cString(c, 0);
    runtimePrint(c.p, `${text}\n`);
    // glibc's _IO_puts returns MIN(INT_MAX, len + 1) on success.
    c.retInt(text.length + 1, 4);
  },
  atoi: (c) => c.retInt(atoi(cString(c, 0)), 4),
  malloc: (c) => {
    const n = c.int(0);
    c.retInt(c.p.cheap.malloc(n, named(NameId.mallocBlock, n), `${n} bytes`, 'codon', c.loc));
  },
  calloc: (c) => {
    const n = c.int(0) * c.int(1);
    const a = c.p.cheap.malloc(n, named(NameId.callocBlock), `${n} bytes`, 'codon', c.loc);
    if (a !== 0) c.m.storeBytes(a, new Uint8Array(n), { intended: c.m.objectAt(a, false), loc: c.loc });
    c.retInt(a);
  },
  free: (c) => c.p.cheap.free(c.addr(0), c.loc),
  memcpy: (c) => {
    const n = c.int(2);
    const bytes = c.m.loadBytes(c.addr(1), n, { intended: c.prov(1), loc: c.loc, raw: true });
    c.m.storeBytes(c.addr(0), bytes, { intended: c.prov(0), loc: c.loc });
    c.retInt(c.addr(0));
  },
  memset: (c) => {
    const n = c.int(2);
    c.m.storeBytes(c.addr(0), new Uint8Array(n).fill(c.int(1, 4) & 0xff), {
      intended: c.prov(0),
      loc: c.loc,
    });
    c.retInt(c.addr(0));
  },
};

let declarations: Map<string, FunctionDecl> | null = null;

/** The modelled libc functions' declarations, by symbol (parsed once, from the prototypes above). */
export function libcDeclarations(): ReadonlyMap<string, FunctionDecl> {
  if (declarations === null) {
    declarations = new Map();
    for (const f of parseCpp(PROTOTYPES, '<libc>').unit.functions) declarations.set(f.symbol, f);
  }
  return declarations;
}

/** The libc declaration of `symbol`, when the C library defines it here. */
export function libcFunction(symbol: string): FunctionDecl | undefined {
  return libcDeclarations().get(symbol);
}

/** True for a declaration of this table (it has no body: libc runs it, not the C++ interpreter). */
export function isLibc(fn: FunctionDecl): boolean {
  return libcDeclarations().get(fn.symbol) === fn;
}

/** The C source of the prototypes (for the learners' page and tests). */
export const LIBC_PROTOTYPES = PROTOTYPES;

/**
 * Runs a libc function on the machine: it reads its arguments where its own prototype (`callee`)
 * places them and leaves its result there, whatever the Codon caller believed.
 */
export function runLibc(p: Process, fn: FunctionDecl, callee: SideView, loc: SourceLoc): void {
  const impl = IMPLS[fn.symbol];
  if (impl === undefined) return;
  const m = p.m;
  const reg = (pl: Placement | null | undefined): string => pl?.parts[0]?.reg ?? '';
  const argReg = (i: number) => reg(callee.args[i]);
  const call: LibcCall = {
    p,
    m,
    loc,
    f64: (i) => m.regs.getF64(argReg(i)),
    int: (i, bytes = 8) => {
      const v = m.regs.getInt(argReg(i));
      return bytes === 4 ? Number(BigInt.asIntN(32, BigInt(v))) : v;
    },
    addr: (i) => m.regs.getUint(argReg(i)),
    prov: (i) => p.regProv.get(argReg(i)) ?? m.objectAt(m.regs.getUint(argReg(i))),
    retF64: (v) => m.setRegF64(reg(callee.result), v),
    // A 32-bit result is written to the low half (eax/w0), which clears the upper half.
    retInt: (v, bytes = 8) => {
      const r = reg(callee.result);
      m.setRegInt(r, bytes === 4 ? Number(BigInt.asUintN(32, BigInt(v))) : v);
      p.regProv.delete(r);
    },
  };
  impl(call);
}
