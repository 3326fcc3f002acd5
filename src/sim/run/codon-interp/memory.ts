/** Codon variables and values in memory: slots, accesses, and typed loads and stores. */
import type { Expr } from '../../codon/ast.ts';
import type { CodonType } from '../../codon/types.ts';
import { prune } from '../../codon/types.ts';
import type { Span } from '../../diag.ts';
import { INTENT_UNKNOWN, type Access } from '../../machine/machine.ts';
import { Ref, StrVal, TupleVal, fieldOffsets, type CodonValue } from '../codon-values.ts';
import type { CodonInterpreter } from '../codon-interp.ts';

export const SIDE = 'codon' as const;

export interface Slot {
  name: string;
  addr: number;
  type: CodonType;
  objectId: number;
}

export interface Frame {
  name: string;
  frameId: number;
  vars: Map<string, Slot>;
  returnValue: CodonValue;
  /**
   * The variable of each list comprehension in the function, allocated with its other locals at
   * entry (Codon lowers a comprehension inline, and LLVMVisitor allocates every variable of a
   * function in its entry block: codon/cir/llvm/llvisitor.cpp, `for (auto *var : *x)` …
   * `CreateAlloca`). Absent for the module's top level.
   */
  comprehensions?: Map<Expr, Slot>;
}

export function slotOf(it: CodonInterpreter, name: string): Slot | undefined {
  return it.frame?.vars.get(name) ?? it.globals.get(name);
}

export function refAccess(it: CodonInterpreter, ref: Ref | null, span: Span): Access {
  return { intended: ref === null ? INTENT_UNKNOWN : ref.prov, loc: it.loc(span) };
}

export function slotAccess(it: CodonInterpreter, s: Slot, span: Span): Access {
  return { intended: s.objectId, loc: it.loc(span) };
}

/** Stores a value of type `t` at `addr`. */
export function store(it: CodonInterpreter, addr: number, t: CodonType, v: CodonValue, access: Access): void {
  const m = it.p.m;
  const p = prune(t);
  switch (p.kind) {
    case 'int':
      m.storeInt(addr, 8, Number(v), access);
      return;
    case 'float':
      m.storeF64(addr, Number(v), access);
      return;
    case 'float32':
      m.storeF32(addr, Number(v), access);
      return;
    case 'bool':
      m.storeInt(addr, 1, v === true || v === 1 ? 1 : 0, access);
      return;
    case 'byte':
      m.storeInt(addr, 1, Number(v), access);
      return;
    case 'intn':
      m.storeInt(addr, p.bits / 8, Number(v), access);
      return;
    case 'ptr':
    case 'list':
    case 'ref-class':
    case 'exception':
    case 'dict':
    case 'set':
      m.storeInt(addr, 8, v instanceof Ref ? v.addr : 0, access);
      return;
    case 'tuple': {
      const offs = fieldOffsets(p);
      const fields = v instanceof TupleVal ? v.fields : [];
      p.elems.forEach((e, i) => store(it, addr + (offs[i] ?? 0), e, fields[i] ?? null, access));
      return;
    }
    case 'str':
      if (v instanceof StrVal) {
        m.storeInt(addr, 8, v.text.length, access);
        m.storeInt(addr + 8, 8, v.ptr, access);
      }
      return;
    case 'tuple-class': {
      const offs = fieldOffsets(p);
      const fields = v instanceof TupleVal ? v.fields : [];
      p.fields.forEach((f, i) => store(it, addr + (offs[i] ?? 0), f.type, fields[i] ?? null, access));
      return;
    }
    default:
      return;
  }
}

/** Loads a value of type `t` from `addr`. */
export function load(it: CodonInterpreter, addr: number, t: CodonType, access: Access): CodonValue {
  const m = it.p.m;
  const p = prune(t);
  switch (p.kind) {
    case 'int':
      return m.loadInt(addr, 8, true, access);
    case 'float':
      return m.loadF64(addr, access);
    case 'float32':
      return m.loadF32(addr, access);
    case 'bool':
      return m.loadInt(addr, 1, false, access) !== 0;
    case 'byte':
      return m.loadInt(addr, 1, false, access);
    case 'intn':
      return m.loadInt(addr, p.bits / 8, p.signed, access);
    case 'tuple': {
      const offs = fieldOffsets(p);
      return new TupleVal(p.elems.map((e, i) => load(it, addr + (offs[i] ?? 0), e, access)));
    }
    case 'ptr':
    case 'list':
    case 'ref-class':
    case 'exception':
    case 'dict':
    case 'set': {
      const a = m.loadInt(addr, 8, false, access);
      return new Ref(a, m.objectAt(a));
    }
    case 'str': {
      const len = m.loadInt(addr, 8, true, access);
      const ptr = m.loadInt(addr + 8, 8, false, access);
      return new StrVal(readText(it, ptr, len), ptr);
    }
    case 'tuple-class': {
      const offs = fieldOffsets(p);
      return new TupleVal(p.fields.map((f, i) => load(it, addr + (offs[i] ?? 0), f.type, access)));
    }
    default:
      return null;
  }
}

export function readText(it: CodonInterpreter, ptr: number, len: number): string {
  if (len <= 0 || len > 4096 || !it.p.m.mem.isMapped(ptr, len)) return '';
  return String.fromCharCode(...it.p.m.mem.readBytes(ptr, len));
}
