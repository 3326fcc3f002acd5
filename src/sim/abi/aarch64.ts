/**
 * AArch64 procedure call standard (AAPCS64, sections 6.8-6.9, as g++ 12 implements it for
 * Linux): homogeneous floating-point aggregates, the 16-byte composite limit, `x8` for an
 * indirect result, and argument allocation stages B and C.
 */
import type { ArgLocation, CType, FloatName, RegisterPart, ReturnClassification } from './ctype.ts';
import { AbiError } from './errors.ts';
import { layoutOf } from './layout.ts';
import { floatInfo } from './scalars.ts';
import { isTrivialForCalls } from './trivial.ts';

/** A homogeneous floating-point aggregate: 1 to 4 members of one floating-point type, nothing else. */
export interface Hfa {
  base: FloatName;
  count: number;
}

/** Counts the floating-point members of `t` (-1 when something else is in it), like g++'s `aapcs_vfp_sub_candidate`. */
function hfaCount(t: CType, baseRef: { base: FloatName | null }): number {
  const same = (name: FloatName): boolean => {
    if (baseRef.base === null) baseRef.base = name;
    return baseRef.base === name;
  };
  switch (t.kind) {
    case 'float':
      return same(t.name) ? 1 : -1;
    case 'complex':
      return same(t.element.name) ? 2 : -1;
    case 'array': {
      const n = hfaCount(t.element, baseRef);
      return n < 0 ? -1 : n * t.length;
    }
    case 'record': {
      const l = layoutOf(t, 'aarch64');
      if (l.vptrOffset !== null) return -1;
      let count = 0;
      const parts: CType[] = [...l.bases.map((b) => b.type), ...l.fields.map((f) => f.type)];
      if (l.fields.some((f) => f.bitWidth !== undefined)) return -1;
      for (const p of parts) {
        const n = hfaCount(p, baseRef);
        if (n < 0) return -1;
        count = t.decl.tag === 'union' ? Math.max(count, n) : count + n;
      }
      // No padding allowed: the members must fill the object exactly.
      if (count > 0 && baseRef.base !== null && l.size !== count * floatInfo(baseRef.base, 'aarch64').size)
        return -1;
      return count;
    }
    default:
      return -1;
  }
}

/** The HFA description of `t` on AArch64, or null. Scalars are not aggregates; `_Complex` counts as two members. */
export function hfaOf(t: CType): Hfa | null {
  if (t.kind !== 'record' && t.kind !== 'array' && t.kind !== 'complex') return null;
  const ref: { base: FloatName | null } = { base: null };
  const count = hfaCount(t, ref);
  if (ref.base === null || count < 1 || count > 4) return null;
  return { base: ref.base, count };
}

const PREFIX: Record<FloatName, 's' | 'd' | 'q'> = { float: 's', double: 'd', 'long double': 'q' };

function vParts(base: FloatName, count: number, firstReg: number): RegisterPart[] {
  const size = floatInfo(base, 'aarch64').size;
  return Array.from({ length: count }, (_, i) => ({
    reg: `v${firstReg + i}`,
    offset: i * size,
    size,
    regOffset: 0,
  }));
}

function xParts(size: number, firstReg: number): RegisterPart[] {
  const parts: RegisterPart[] = [];
  for (let off = 0, r = firstReg; off < size; off += 8, r++)
    parts.push({ reg: `x${r}`, offset: off, size: Math.min(8, size - off), regOffset: 0 });
  return parts;
}

/** Where a function returning `t` leaves its result on AArch64. */
export function classifyReturnA64(t: CType): ReturnClassification {
  const base = { target: 'aarch64' as const, eightbytes: null };
  if (t.kind === 'void')
    return {
      ...base,
      size: 0,
      align: 1,
      trivialForCalls: true,
      convention: 'void',
      hfa: null,
      indirect: false,
      parts: [],
    };
  const layout = layoutOf(t, 'aarch64');
  const trivialForCalls = isTrivialForCalls(t);
  const hfa = hfaOf(t);
  const common = {
    ...base,
    size: layout.size,
    align: layout.align,
    trivialForCalls,
    hfa: trivialForCalls ? hfa : null,
  };
  if (!trivialForCalls) return { ...common, convention: 'x8-indirect', indirect: true, parts: [] };
  if (t.kind === 'float') {
    const p = PREFIX[t.name];
    return { ...common, convention: `${p}0`, indirect: false, parts: vParts(t.name, 1, 0) };
  }
  if (hfa) {
    const p = PREFIX[hfa.base];
    const convention = (
      hfa.count === 1 ? `${p}0` : `${p}0-${p}${hfa.count - 1}`
    ) as ReturnClassification['convention'];
    return { ...common, convention, indirect: false, parts: vParts(hfa.base, hfa.count, 0) };
  }
  if (layout.size > 16) return { ...common, convention: 'x8-indirect', indirect: true, parts: [] };
  return {
    ...common,
    convention: layout.size > 8 ? 'x0:x1' : 'x0',
    indirect: false,
    parts: xParts(layout.size, 0),
  };
}

/**
 * The "natural alignment" AAPCS64 uses to place arguments (C.4, C.8, C.12): for a composite,
 * the largest alignment of its members, so `alignas` on the class itself does not count (g++ 12:
 * `struct alignas(16) { double x; }` after an `int` goes in x1 and x2, fixture
 * `aligned16_after_int`); `__int128` and `long double` are 16.
 */
export function naturalAlignA64(t: CType): number {
  switch (t.kind) {
    case 'array':
      return naturalAlignA64(t.element);
    case 'record': {
      if (t.decl.packed) return 1;
      const l = layoutOf(t, 'aarch64');
      let a = l.vptrOffset !== null ? 8 : 1;
      for (const b of l.bases) a = Math.max(a, naturalAlignA64(b.type));
      for (const f of l.fields) a = Math.max(a, naturalAlignA64(f.type));
      return a;
    }
    default:
      return layoutOf(t, 'aarch64').align;
  }
}

/**
 * Where each argument travels on AArch64 (AAPCS64 stage C). The indirect result pointer has
 * its own register (`x8`), so `indirectResult` changes nothing here. Composites larger than
 * 16 bytes (not HFAs), and classes non-trivial for calls, are copied by the caller and passed
 * as a pointer. Stack slots are at least 8 bytes.
 */
export function classifyArgsA64(params: CType[], _opts: { indirectResult: boolean }): ArgLocation[] {
  let ngrn = 0;
  let nsrn = 0;
  let nsaa = 0;
  const toStack = (size: number, align: number): ArgLocation => {
    nsaa = Math.ceil(nsaa / align) * align;
    const loc: ArgLocation = { kind: 'stack', offset: nsaa, size };
    nsaa += Math.ceil(size / 8) * 8;
    return loc;
  };
  const pointerArg = (): ArgLocation => {
    if (ngrn < 8) return { kind: 'regs', parts: xParts(8, ngrn++) };
    return toStack(8, 8);
  };
  return params.map((t): ArgLocation => {
    if (t.kind === 'void' || t.kind === 'function')
      throw new AbiError('A function or `void` cannot be an argument.');
    if (t.kind === 'reference') return pointerArg();
    if (t.kind === 'record' && !isTrivialForCalls(t)) return { kind: 'indirect', pointer: pointerArg() };
    const layout = layoutOf(t, 'aarch64');
    const natural = naturalAlignA64(t);
    const hfa = t.kind === 'float' ? { base: t.name, count: 1 } : hfaOf(t);
    if (hfa) {
      if (nsrn + hfa.count <= 8) {
        const parts = vParts(hfa.base, hfa.count, nsrn);
        nsrn += hfa.count;
        return { kind: 'regs', parts };
      }
      nsrn = 8;
      return toStack(layout.size, natural >= 16 ? 16 : 8);
    }
    const composite = t.kind === 'record' || t.kind === 'array' || t.kind === 'complex';
    if (composite && layout.size > 16) return { kind: 'indirect', pointer: pointerArg() };
    if (natural === 16) ngrn += ngrn % 2; // C.8: 16-byte aligned values start at an even register.
    const words = Math.ceil(layout.size / 8);
    if (ngrn + words <= 8) {
      const parts = xParts(layout.size, ngrn);
      ngrn += words;
      return { kind: 'regs', parts };
    }
    ngrn = 8;
    return toStack(layout.size, Math.max(8, Math.min(16, natural)));
  });
}
