/**
 * What aarch64-linux-gnu-g++ 12 -O0 leaves in x0 and x1 after a scalar assignment and after
 * std::array's `operator[]`. A caller sees them when the function returns without writing them
 * again: a class returned in memory (x8) leaves both as its last statement did, one of 8 bytes or
 * fewer in x0 leaves x1, and Codon reads x0 as a `Ptr[T]` or x0..x7 as an `@tuple` of ints
 * whatever the C++ function returns. Checked with `aarch64-linux-gnu-g++ -O0 -S` (g++ 12.2):
 *
 * - `r[i]` of a `std::array`: `mov x1, i; mov x0, &r; bl operator[]`, whose `_S_ref` returns with
 *   x0 the element's address and x1 the array's (`ldr x1, [sp, 8]; add x0, x1, x0`);
 * - `r[i] = 8` (an integer constant): `mov x1, x0; mov x0, 8; str x0, [x1]`: x1 the element's
 *   address, x0 the constant. A type narrower than 64 bits moves it through w0 (`mov w0, -56;
 *   strb w0, [x1]` for an `unsigned char` 200: GCC's constants are sign-extended from their mode,
 *   and writing w0 clears x0's upper half);
 * - `s.m = 8` on the named return value built at x8: `mov x0, x8` at entry, then `mov x1, 8;
 *   str x1, [x0, off]`: x0 the result's address, x1 the constant;
 * - `v = 8` or `s.m = 8` on a local: `mov x0, 8; str x0, [sp, off]`: x0 the constant;
 * - a constant 0 is stored from xzr or wzr, and a floating constant goes through d0/s0 (`fmov`),
 *   leaving x0 and x1 as they were.
 * The oracle printed `8` for x0 and the last element's address for x1 after
 * `std::array<int64_t, 8> f()` storing 1..8, read by Codon as an `@tuple` of eight ints.
 */
import { isTrivialForCalls } from '../../abi/trivial.ts';
import type { Expr, FunctionDecl } from '../../cpp/ast.ts';
import type { CppInterpreter } from '../cpp-interp.ts';
import type { Process } from '../runtime.ts';
import { Ref, num, scalarKind, type Val } from '../values.ts';
import type { CppFrame } from './frames.ts';

type AssignExpr = Extract<Expr, { kind: 'assign' }>;
type Kind = NonNullable<ReturnType<typeof scalarKind>>;

/** After `operator[]` of a std::array returns: x1 holds the array's address (`_S_ref`). */
export function afterArraySubscript(p: Process, array: Ref): void {
  if (p.m.target !== 'aarch64') return;
  setAddress(p, 'x1', array);
}

/**
 * At `return` from a function whose class result is non-trivial for calls (a destructor, a copy
 * constructor: std::vector, std::string...), returned by invisible reference through x8: g++ hands
 * the result's address back in x0 (`mov x0, x19` before `ret` when x8 was kept across a call,
 * `mov x0, x8` in a leaf; aarch64-linux-gnu-g++ 12 -O0 -S of a vector built by push_back, of a class
 * with a destructor and of one with a copy constructor). A trivial class returned in memory leaves
 * x0 as its last statement did. Found by `test:diff:others` (a std::vector returned to a Codon
 * `Ptr[float]`: the real run reads through x0 = the leftover, the simulator faulted at 0).
 */
export function afterReturnByReference(it: CppInterpreter, f: CppFrame): void {
  if (it.target !== 'aarch64' || !f.ret.indirect || f.hidden === null) return;
  if (isTrivialForCalls(f.fn.returnType)) return;
  setAddress(it.p, 'x0', f.hidden);
}

/** After `e`, an assignment of `v` (already stored at `place`), the registers its code left. */
export function afterAssign(it: CppInterpreter, e: AssignExpr, k: Kind, place: Ref, v: Val): void {
  if (it.target !== 'aarch64' || k.k !== 'int' || v instanceof Ref || !isConstant(e.value)) return;
  const n = num(v);
  if (n === 0) return;
  const bits = k.size >= 8 ? n : k.size === 4 ? n >>> 0 : signExtend(n, k.size) >>> 0;
  const target = strip(e.target);
  if (target.kind === 'std-method' && target.std === 'array' && target.method === 'operator[]') {
    setAddress(it.p, 'x1', place);
    setConstant(it, 'x0', bits);
    return;
  }
  const base = baseVariable(target);
  if (base === null) return;
  const f = it.frame as CppFrame | null;
  if (f === null) return;
  if (f.hidden !== null && base.nrvo === true && f.ret.indirect) {
    // Where the result's address lives is the register allocator's choice: x0 in a function with
    // no parameters and no calls, x1 (`mov x1, x8`) beside parameters, x19 across calls; the
    // constant then goes through x1, x0 and x0 (`aarch64-linux-gnu-g++ -O0 -S` of each).
    if (callsSomething(f.fn)) setConstant(it, 'x0', bits);
    else if (f.fn.params.length > 0) {
      setAddress(it.p, 'x1', f.hidden);
      setConstant(it, 'x0', bits);
    } else {
      setAddress(it.p, 'x0', f.hidden);
      setConstant(it, 'x1', bits);
    }
    return;
  }
  if ((base.storage === 'auto' || base.storage === 'param') && base.type.kind !== 'reference')
    setConstant(it, 'x0', bits);
}

function setAddress(p: Process, reg: string, r: Ref): void {
  p.m.setRegInt(reg, r.addr);
  if (r.prov >= 0) p.regProv.set(reg, r.prov);
  else p.regProv.delete(reg);
}

function setConstant(it: CppInterpreter, reg: string, bits: number): void {
  it.p.m.setRegInt(reg, bits);
  it.p.regProv.delete(reg);
}

function signExtend(n: number, size: number): number {
  const bits = size * 8;
  const x = ((Math.trunc(n) % 2 ** bits) + 2 ** bits) % 2 ** bits;
  return x >= 2 ** (bits - 1) ? x - 2 ** bits : x;
}

function strip(e: Expr): Expr {
  while (e.kind === 'cast' && e.conversion === 'noop') e = e.operand;
  return e;
}

/** The variable a store goes to at a fixed place in its frame: `v`, `v.m`, `v.m.n`. */
function baseVariable(e: Expr) {
  let x = e;
  while (x.kind === 'member') x = strip(x.object);
  return x.kind === 'var-ref' && !x.throughReference ? x.variable : null;
}

const CALLS = new Set([
  'call',
  'method-call',
  'std-method',
  'builtin-call',
  'indirect-call',
  'new',
  'delete',
  'stream-output',
  'record-assign',
]);
/** Keys that lead out of the body (declarations, types), which the walk does not follow. */
const NOT_BODY = new Set([
  'function',
  'method',
  'variable',
  'record',
  'type',
  'field',
  'span',
  'computeType',
]);
const callsCache = new WeakMap<FunctionDecl, boolean>();

/** Whether the function's body calls anything (g++ then keeps the result's address in x19). */
function callsSomething(fn: FunctionDecl): boolean {
  let v = callsCache.get(fn);
  if (v === undefined) {
    const seen = new Set<object>();
    const walk = (x: unknown): boolean => {
      if (typeof x !== 'object' || x === null || seen.has(x)) return false;
      seen.add(x);
      if (CALLS.has((x as { kind?: string }).kind ?? '')) return true;
      for (const [k, y] of Object.entries(x)) if (!NOT_BODY.has(k) && walk(y)) return true;
      return false;
    };
    v = walk(fn.body);
    callsCache.set(fn, v);
  }
  return v;
}

/** A constant GCC folds at -O0 (a literal, converted, negated or combined with another). */
function isConstant(e: Expr): boolean {
  switch (e.kind) {
    case 'int-literal':
    case 'float-literal':
    case 'bool-literal':
    case 'enumerator':
      return true;
    case 'cast':
      return (
        ['noop', 'integral', 'float-to-int', 'int-to-float', 'float', 'to-bool'].includes(e.conversion) &&
        isConstant(e.operand)
      );
    case 'unary':
      return isConstant(e.operand);
    case 'binary':
      return isConstant(e.left) && isConstant(e.right);
    default:
      return false;
  }
}
