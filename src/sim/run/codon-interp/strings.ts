/**
 * Codon strings made at run time: `str(x)`, `a + b` and f-strings. Each result is a new string
 * whose bytes are in a GC block (`Ptr[byte](n)`, atomic: bytes hold no pointers), as str.codon's
 * `__add__` and lib.cpp's `string_conv` (`seq_alloc_atomic`) make them. An f-string is one block
 * here although Codon allocates one per piece (`seq_str_*` for each field, then `str.cat`): the
 * intermediate blocks are garbage at once, atomic, and never the GC object a leftover register
 * shows, so only their addresses would differ.
 */
import type { Expr, FStringExpr } from '../../codon/ast.ts';
import type { CodonType } from '../../codon/types.ts';
import { BYTE as BYTE_T, prune } from '../../codon/types.ts';
import { formatValue } from '../../codon/format.ts';
import { formatFloatSpec, formatIntSpec, formatStrSpec } from '../../codon/format-spec.ts';
import type { SourceLoc } from '../../trace/types.ts';
import { NameId, named, type ObjectName } from '../../trace/names.ts';
import { StrVal, bufferCells, type CodonValue } from '../codon-values.ts';
import type { CodonInterpreter } from '../codon-interp.ts';
import { runtimeGcAlloc } from '../runtime.ts';
import { reprOf, strOf } from './display.ts';

/**
 * A new string holding `text`, its bytes in a new GC block (named `name`: a str's buffer, or the
 * copy `str.from_ptr` makes).
 */
export function newStr(
  it: CodonInterpreter,
  text: string,
  loc: SourceLoc,
  name: ObjectName = named(NameId.codonBuffer, 'str'),
): StrVal {
  const m = it.p.m;
  const n = text.length;
  const addr = runtimeGcAlloc(it.p, Math.max(n, 1), true, name, `byte[${n}]`, loc, bufferCells(BYTE_T, n));
  if (n > 0) {
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) bytes[i] = text.charCodeAt(i) & 0xff;
    m.storeBytes(addr, bytes, { intended: m.objectAt(addr, false), loc });
  }
  return new StrVal(text, addr);
}

/** `str(x)`: the text print shows, in a new string (a `str` is returned as it is: `str.__str__`). */
export function toStr(it: CodonInterpreter, v: CodonValue, t: CodonType | null, loc: SourceLoc): StrVal {
  if (v instanceof StrVal) return v;
  return newStr(it, strOf(it, v, t), loc);
}

/** One field of an f-string as basic.cpp rewrites it: `str(x)`, `str(repr(x))`, `str(x.__format__(spec))`. */
function fieldText(
  it: CodonInterpreter,
  part: Extract<FStringExpr['parts'][number], { kind: 'field' }>,
): string {
  const v = it.eval(part.expr);
  const t = part.expr.type ?? null;
  // `repr` of a str is str.codon's `__repr__` (quotes chosen by content, escapes); others as print shows them.
  const text =
    part.conversion === 'r'
      ? v instanceof StrVal
        ? formatValue({ kind: 'str', value: v.text }, true)
        : reprOf(it, v, t ?? { kind: 'none' })
      : part.conversion === 's'
        ? strOf(it, v, t)
        : null;
  const spec = part.spec;
  if (spec === null) return text ?? strOf(it, v, t);
  if (text !== null) return formatStrSpec(text, spec);
  const p = t === null ? null : prune(t);
  if (v instanceof StrVal) return formatStrSpec(v.text, spec);
  if (p?.kind === 'float' && typeof v === 'number') return formatFloatSpec(v, spec);
  return formatIntSpec(BigInt(Math.trunc(Number(v))), spec);
}

/** An f-string: `str.cat` of its text and its fields, left to right. */
export function fstring(it: CodonInterpreter, e: FStringExpr): CodonValue {
  let text = '';
  for (const part of e.parts) {
    if (part.kind === 'text') text += part.value;
    else text += part.selfDoc + fieldText(it, part);
  }
  return newStr(it, text, it.loc(e.span));
}

/** `a + b` on strings (str.codon `__add__`). */
export function strConcat(it: CodonInterpreter, a: CodonValue, b: CodonValue, loc: SourceLoc): StrVal {
  const x = a instanceof StrVal ? a.text : '';
  const y = b instanceof StrVal ? b.text : '';
  return newStr(it, x + y, loc);
}

/** `str(x)` as the checker resolved it. */
export function strCall(
  it: CodonInterpreter,
  e: Extract<Expr, { kind: 'call' }>,
  loc: SourceLoc,
): CodonValue {
  const arg = e.args[0];
  if (arg === undefined) return newStr(it, '', loc);
  return toStr(it, it.eval(arg), arg.type ?? null, loc);
}
