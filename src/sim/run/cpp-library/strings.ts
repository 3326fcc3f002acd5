/**
 * libstdc++'s std::string (the C++11 ABI, `__cxx11::basic_string`): 32 bytes, `_M_p` (the data
 * pointer) at 0, `_M_string_length` at 8, then a 16-byte union of `_M_local_buf` and
 * `_M_allocated_capacity`. Up to 15 characters live in the local buffer (the small-string
 * optimisation: `_M_p` points into the object itself); a longer string gets `length + 1` bytes
 * from operator new and its capacity is stored in the union. Always NUL-terminated.
 */
import type { Expr } from '../../cpp/ast.ts';
import type { Machine } from '../../machine/machine.ts';
import { NameId, named } from '../../trace/names.ts';
import type { SourceLoc } from '../../trace/types.ts';
import type { CppLibrary } from '../cpp-library.ts';
import { Ref, num } from '../values.ts';
import { badAlloc } from './builtins.ts';

const LENGTH = 8;
const LOCAL = 16;
/** `_S_local_capacity`: 15 characters and the NUL in the 16-byte local buffer. */
const LOCAL_CAPACITY = 15;

/** The data pointer and length of a string object. */
export function stringParts(m: Machine, obj: Ref, loc: SourceLoc): { data: Ref; length: number } {
  const acc = { intended: obj.prov, loc };
  const p = m.loadInt(obj.addr, 8, false, acc);
  const length = m.loadInt(obj.addr + LENGTH, 8, false, acc);
  return { data: new Ref(p, p === obj.addr + LOCAL ? obj.prov : m.objectAt(p)), length };
}

/** The characters of a string object. */
export function stringBytes(m: Machine, obj: Ref, loc: SourceLoc): Uint8Array {
  const { data, length } = stringParts(m, obj, loc);
  return m.loadBytes(data.addr, length, { intended: data.prov, loc, raw: true });
}

/** Constructs a string holding `text` at `dest` (local buffer or a heap block of exactly length + 1). */
export function stringConstruct(lib: CppLibrary, dest: Ref, text: Uint8Array, loc: SourceLoc): void {
  const m = lib.m;
  const acc = { intended: dest.prov, loc };
  let data = new Ref(dest.addr + LOCAL, dest.prov);
  if (text.length > LOCAL_CAPACITY) {
    const p = lib.cpp.p.cheap.malloc(
      text.length + 1,
      named(NameId.stringBuffer),
      `char[${text.length + 1}]`,
      'cpp',
      loc,
    );
    if (p === 0) badAlloc(m, text.length + 1);
    data = new Ref(p, m.objectAt(p, false));
    m.storeInt(dest.addr + LOCAL, 8, text.length, acc);
  }
  m.storeInt(dest.addr, 8, data.addr, acc);
  m.storeInt(dest.addr + LENGTH, 8, text.length, acc);
  const bytes = new Uint8Array(text.length + 1);
  bytes.set(text);
  m.storeBytes(data.addr, bytes, { intended: data.prov, loc });
}

/** The destructor: a heap buffer (anything not the local one) goes back to operator delete. */
export function stringDestroy(lib: CppLibrary, obj: Ref, loc: SourceLoc): void {
  const p = lib.m.loadInt(obj.addr, 8, false, { intended: obj.prov, loc });
  if (p !== obj.addr + LOCAL && p !== 0) lib.cpp.p.cheap.free(p, loc);
}

/**
 * Copy builds a new string from the source's characters; move steals a heap buffer (or copies the
 * local one) and leaves the source empty, pointing at its own local buffer.
 */
export function stringCopy(lib: CppLibrary, dest: Ref, src: Ref, move: boolean, loc: SourceLoc): void {
  const m = lib.m;
  const { data, length } = stringParts(m, src, loc);
  const local = data.addr === src.addr + LOCAL;
  if (!move || local) stringConstruct(lib, dest, stringBytes(m, src, loc), loc);
  else {
    const acc = { intended: dest.prov, loc };
    m.storeInt(dest.addr, 8, data.addr, acc);
    m.storeInt(dest.addr + LENGTH, 8, length, acc);
    m.storeInt(dest.addr + LOCAL, 8, m.loadInt(src.addr + LOCAL, 8, false, { intended: src.prov, loc }), acc);
  }
  if (move) {
    const acc = { intended: src.prov, loc };
    m.storeInt(src.addr, 8, src.addr + LOCAL, acc);
    m.storeInt(src.addr + LENGTH, 8, 0, acc);
    m.storeInt(src.addr + LOCAL, 1, 0, acc);
  }
}

/** size, length, empty, c_str, data, operator[]. */
export function stringMethod(m: Machine, method: string, obj: Ref, index: number, loc: SourceLoc) {
  const { data, length } = stringParts(m, obj, loc);
  switch (method) {
    case 'size':
    case 'length':
      return length;
    case 'empty':
      return length === 0 ? 1 : 0;
    case 'c_str':
    case 'data':
      return data;
    case 'operator[]':
      return new Ref(data.addr + index, data.prov);
    default:
      return undefined;
  }
}

/** The characters of an operand of a string operator: a std::string object, a C string or a char. */
export function operandBytes(lib: CppLibrary, e: Expr, loc: SourceLoc): Uint8Array {
  const m = lib.m;
  const t = e.type;
  if (t.kind === 'record') return stringBytes(m, lib.cpp.lv(e), loc);
  const v = lib.cpp.rv(e);
  if (t.kind === 'int') return new Uint8Array([num(v) & 0xff]);
  const p = v instanceof Ref ? v : new Ref(num(v), m.objectAt(num(v)));
  return new Uint8Array([...lib.readCString(p, loc)].map((c) => c.charCodeAt(0)));
}

/** `a + b`: a new string of exactly both operands' characters (GCC 12's __str_concat reserves their sum). */
export function stringConcat(lib: CppLibrary, a: Expr, b: Expr, dest: Ref, loc: SourceLoc): void {
  const x = operandBytes(lib, a, loc);
  const y = operandBytes(lib, b, loc);
  const text = new Uint8Array(x.length + y.length);
  text.set(x);
  text.set(y, x.length);
  stringConstruct(lib, dest, text, loc);
}

/** `a == b` / `a != b`: same length and same characters. */
export function stringEquals(lib: CppLibrary, a: Expr, b: Expr, loc: SourceLoc): boolean {
  const x = operandBytes(lib, a, loc);
  const y = operandBytes(lib, b, loc);
  return x.length === y.length && x.every((c, i) => c === y[i]);
}

/**
 * `s += x` (basic_string::_M_append): in place when the capacity allows; else _M_mutate moves the
 * characters to a new buffer of max(new length, 2 * old capacity) characters (+1 for the NUL)
 * and frees the old heap buffer, so a pointer from c_str() taken before dangles.
 */
export function stringAppend(lib: CppLibrary, obj: Ref, x: Expr, loc: SourceLoc): Ref {
  const m = lib.m;
  const add = operandBytes(lib, x, loc);
  const acc = { intended: obj.prov, loc };
  const { data, length } = stringParts(m, obj, loc);
  const local = data.addr === obj.addr + LOCAL;
  const capacity = local ? LOCAL_CAPACITY : m.loadInt(obj.addr + LOCAL, 8, false, acc);
  const n = length + add.length;
  let dest = data;
  if (n > capacity) {
    const cap = Math.max(n, 2 * capacity);
    const p = lib.cpp.p.cheap.malloc(cap + 1, named(NameId.stringBuffer), `char[${cap + 1}]`, 'cpp', loc);
    if (p === 0) badAlloc(m, cap + 1);
    dest = new Ref(p, m.objectAt(p, false));
    m.storeBytes(p, m.loadBytes(data.addr, length, { intended: data.prov, loc, raw: true }), {
      intended: dest.prov,
      loc,
    });
    if (!local) lib.cpp.p.cheap.free(data.addr, loc);
    m.storeInt(obj.addr, 8, p, acc);
    m.storeInt(obj.addr + LOCAL, 8, cap, acc);
  }
  const tail = new Uint8Array(add.length + 1);
  tail.set(add);
  m.storeBytes(dest.addr + length, tail, { intended: dest.prov, loc });
  m.storeInt(obj.addr + LENGTH, 8, n, acc);
  return obj;
}
