/** What Codon values mean and look like: truthiness, string literals, `str()` for print, narration. */
import type { CodonType } from '../../codon/types.ts';
import { prune } from '../../codon/types.ts';
import { formatFloat as formatCodonFloat } from '../../codon/format.ts';
import { hex } from '../../machine/memory.ts';
import { LIST_LEN, Ref, StrVal, TupleVal, type CodonValue } from '../codon-values.ts';
import type { CodonInterpreter } from '../codon-interp.ts';
import type { Process } from '../runtime.ts';
import { listValues } from './lists.ts';
import { objectStr } from './classes.ts';
import { tableCursor, tableLen, tableOf } from './dicts.ts';
import { SIDE } from './memory.ts';

export function truthy(it: CodonInterpreter, v: CodonValue, t?: CodonType): boolean {
  // dict.codon `__bool__` is `__len__() > 0`, set.codon's `__len__() != 0`: `_size`.
  const table = t === undefined ? null : tableOf(v, t);
  if (table) return tableLen(it, table, it.p.m.currentLoc) > 0;
  // list.codon `__bool__` is `__len__() > 0`: an empty list is false, whatever its address.
  if (v instanceof Ref && t !== undefined && prune(t).kind === 'list' && v.addr !== 0)
    return it.p.m.loadInt(v.addr + LIST_LEN, 8, true, { intended: v.prov, loc: it.p.m.currentLoc }) > 0;
  if (v instanceof Ref) return v.addr !== 0;
  if (v instanceof StrVal) return v.text.length > 0;
  if (v instanceof TupleVal) return true;
  return v !== null && v !== false && v !== 0;
}

export function literal(it: CodonInterpreter, text: string): StrVal {
  let ptr = it.literals.get(text);
  if (ptr === undefined) {
    ptr = it.rodataTop;
    it.rodataTop += Math.ceil((text.length + 1) / 8) * 8;
    // String literals sit in the program's read-only data, written at load.
    const bytes = new Uint8Array(text.length + 1);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
    forceWrite(it.p, ptr, bytes);
    it.literals.set(text, ptr);
  }
  return new StrVal(text, ptr);
}

/** Codon's `str(x)` for print: floats with `{:g}`, lists `[a, b]`, pointers in hex. */
export function strOf(it: CodonInterpreter, v: CodonValue, t: CodonType | null): string {
  const p = t === null ? null : prune(t);
  if (v === null) return 'None';
  if (v instanceof StrVal) return v.text;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (p?.kind === 'bool') return v ? 'True' : 'False';
  if (p?.kind === 'list' && v instanceof Ref) {
    const loc = it.p.m.currentLoc;
    const items = listValues(
      it,
      v,
      p.elem,
      loc ?? { side: SIDE, line: 0, column: 0, endLine: 0, endColumn: 0 },
    );
    return `[${items.map((x) => reprOf(it, x, p.elem)).join(', ')}]`;
  }
  if (v instanceof Ref && (p?.kind === 'ref-class' || p?.kind === 'exception')) return objectStr(it, v, p);
  if ((p?.kind === 'dict' || p?.kind === 'set') && v instanceof Ref) return tableRepr(it, v, p);
  if (v instanceof Ref) return hex(v.addr);
  if (v instanceof TupleVal && p?.kind === 'tuple') {
    // tuple.codon `_str`: `(a, b)`, and `(a,)` for one item.
    const items = p.elems.map((e, i) => reprOf(it, v.fields[i] ?? null, e));
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  if (v instanceof TupleVal && p?.kind === 'tuple-class') {
    return `(${p.fields.map((f, i) => `${f.name}: ${reprOf(it, v.fields[i] ?? null, f.type)}`).join(', ')})`;
  }
  if (typeof v === 'number') {
    if (p?.kind === 'float' || p?.kind === 'float32') return formatCodonFloat(v);
    return intText(v);
  }
  return String(v);
}

/**
 * An integer as lib.cpp's seq_str_int/seq_str_uint print it: every digit of the value held.
 * JavaScript's own `String` prints the shortest text that reads back as the same double
 * (`2 ** 62` as `4611686018427388000`); the real machine prints the integer's digits
 * (`4611686018427387904`), which the double holds exactly whenever the value fits its 53 bits
 * (docs/SIMULATOR.md#int64-precision is about the values that do not).
 */
export function intText(v: number): string {
  const n = Math.trunc(v);
  return Number.isSafeInteger(n) || !Number.isFinite(n) ? String(n) : BigInt(n).toString();
}

/** dict.codon `__repr__` (`{}` or `{k: v, ...}`) and set.codon's (`set()` or `{a, ...}`), in bucket order. */
function tableRepr(it: CodonInterpreter, v: Ref, p: CodonType & { kind: 'dict' | 'set' }): string {
  const t = tableOf(v, p);
  if (!t) return hex(v.addr);
  const next = tableCursor(it, t, 'items', it.p.m.currentLoc);
  const parts: string[] = [];
  for (let x = next(); x !== undefined; x = next()) {
    if (p.kind === 'dict' && x instanceof TupleVal)
      parts.push(`${reprOf(it, x.fields[0] ?? null, p.key)}: ${reprOf(it, x.fields[1] ?? null, p.value)}`);
    else parts.push(reprOf(it, x, p.kind === 'set' ? p.elem : p.key));
  }
  if (parts.length === 0) return p.kind === 'dict' ? '{}' : 'set()';
  return `{${parts.join(', ')}}`;
}

/**
 * str.codon `__repr__`: single quotes (double when the text has a `'` and no `"`), `\n`, `\r`,
 * `\t`, `\\` and the quote escaped, other bytes outside 32..126 as `\xhh`.
 */
export function strRepr(text: string): string {
  const q = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of text) {
    const b = ch.charCodeAt(0) & 0xff;
    if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\\') out += '\\\\';
    else if (ch === q) out += '\\' + q;
    else if (b < 32 || b > 126) out += '\\x' + b.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

export function reprOf(it: CodonInterpreter, v: CodonValue, t: CodonType): string {
  if (v instanceof StrVal) return strRepr(v.text);
  return strOf(it, v, t);
}

/** A short display of a value for narration. */
export function show(it: CodonInterpreter, v: CodonValue, t: CodonType | undefined): string | number {
  // Narration only: a summary-only run keeps none, so none is formatted.
  if (!it.p.m.narrating) return '';
  // Integers stay numbers in the narration's parameters: no string per loop iteration.
  if (typeof v === 'number' && Number.isInteger(v) && t !== undefined && prune(t).kind === 'int') return v;
  if (v instanceof Ref) return hex(v.addr);
  if (v instanceof TupleVal) return strOf(it, v, t ?? null);
  if (v instanceof StrVal) return JSON.stringify(v.text);
  if (
    typeof v === 'number' &&
    t !== undefined &&
    (prune(t).kind === 'float' || prune(t).kind === 'float32')
  ) {
    return formatCodonFloat(v);
  }
  if (typeof v === 'number' && Number.isInteger(v)) return intText(v);
  return v === null ? 'None' : String(v);
}

function forceWrite(p: Process, addr: number, bytes: Uint8Array): void {
  // The loader maps read-only data with its contents; the program itself can never write there.
  const r = p.m.mem.regionOf(addr);
  if (r === null) return;
  const was = r.writable;
  r.writable = true;
  p.m.mem.writeBytes(addr, bytes);
  r.writable = was;
}
