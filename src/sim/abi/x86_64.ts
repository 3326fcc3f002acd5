/**
 * x86-64 System V psABI 3.2.3: classifying values into eightbytes, and where returned values
 * and arguments travel. The algorithm follows the psABI text as g++ 12 implements it
 * (`classify_argument` in gcc/config/i386/i386.cc): each scalar leaf classifies the
 * eightbytes it covers, classes merge per eightbyte, then the clean-up rules run.
 */
import type { ArgLocation, CType, EightbyteClass, RegisterPart, ReturnClassification } from './ctype.ts';
import { AbiError } from './errors.ts';
import { layoutOf, sizeOf, type Layout } from './layout.ts';
import { floatInfo, intInfo } from './scalars.ts';
import { isTrivialForCalls } from './trivial.ts';

export const X86_INT_ARG_REGS = ['rdi', 'rsi', 'rdx', 'rcx', 'r8', 'r9'] as const;
export const X86_SSE_ARG_REGS = ['xmm0', 'xmm1', 'xmm2', 'xmm3', 'xmm4', 'xmm5', 'xmm6', 'xmm7'] as const;
export const X86_INT_RET_REGS = ['rax', 'rdx'] as const;
export const X86_SSE_RET_REGS = ['xmm0', 'xmm1'] as const;

/** psABI merge rule for two classes meeting in one eightbyte. */
export function mergeClasses(a: EightbyteClass, b: EightbyteClass): EightbyteClass {
  if (a === b) return a;
  if (a === 'NO_CLASS') return b;
  if (b === 'NO_CLASS') return a;
  if (a === 'MEMORY' || b === 'MEMORY') return 'MEMORY';
  if (a === 'INTEGER' || b === 'INTEGER') return 'INTEGER';
  const x87 = (c: EightbyteClass): boolean => c === 'X87' || c === 'X87UP' || c === 'COMPLEX_X87';
  if (x87(a) || x87(b)) return 'MEMORY';
  return 'SSE';
}

/** Thrown inside classification when a field is misaligned (packed): the whole value is MEMORY. */
class Unaligned extends Error {}

/**
 * The classes of each eightbyte of `t` after merging and clean-up. A class that is
 * non-trivial for the purposes of calls is all MEMORY (it travels by invisible reference).
 * For arguments (`forArg`), X87, X87UP and COMPLEX_X87 mean memory too.
 */
export function classifyEightbytes(t: CType, forArg = false): EightbyteClass[] {
  if (t.kind === 'void') return [];
  if (t.kind === 'reference') return ['INTEGER'];
  const size = sizeOf(t, 'x86_64');
  const words = Math.ceil(size / 8);
  const memory = (): EightbyteClass[] => new Array<EightbyteClass>(Math.max(words, 1)).fill('MEMORY');
  if (t.kind === 'record' && !isTrivialForCalls(t)) return memory();
  if (size > 64) return memory();
  const classes = new Array<EightbyteClass>(words).fill('NO_CLASS');
  try {
    mergeInto(classes, t, 0);
  } catch (e) {
    if (e instanceof Unaligned) return memory();
    throw e;
  }
  // A bare `_Complex long double` is one COMPLEX_X87 value (st0 and st1), never an argument register.
  if (classes[0] === 'COMPLEX_X87' && t.kind === 'complex') return forArg ? memory() : ['COMPLEX_X87'];
  const aggregate = t.kind === 'record' || t.kind === 'array';
  // More than two eightbytes: only SSE followed by SSEUPs (a wide vector) stays in registers.
  if (aggregate && words > 2 && (classes[0] !== 'SSE' || classes.slice(1).some((c) => c !== 'SSEUP')))
    return memory();
  for (let i = 0; i < words; i++) {
    const c = classes[i];
    const prev = i > 0 ? classes[i - 1] : undefined;
    if (c === 'MEMORY') return memory();
    if (c === 'SSEUP' && prev !== 'SSE' && prev !== 'SSEUP') classes[i] = 'SSE';
    if (c === 'X87UP' && prev !== 'X87') return memory();
  }
  if (forArg && classes.some((c) => c === 'X87' || c === 'X87UP' || c === 'COMPLEX_X87')) return memory();
  return classes;
}

function put(classes: EightbyteClass[], offset: number, c: EightbyteClass): void {
  const i = Math.floor(offset / 8);
  const cur = classes[i];
  if (cur !== undefined) classes[i] = mergeClasses(cur, c);
}

/** Merges the classes of a value of type `t` placed at byte `offset` of the classified object. */
function mergeInto(classes: EightbyteClass[], t: CType, offset: number): void {
  switch (t.kind) {
    case 'void':
    case 'function':
      throw new AbiError('A function or `void` cannot be passed or returned as a value.');
    case 'int':
    case 'enum': {
      const info = intInfo(t.kind === 'int' ? t.name : t.underlying.name, 'x86_64');
      if (offset % info.align !== 0) throw new Unaligned();
      put(classes, offset, 'INTEGER');
      if (info.size === 16) put(classes, offset + 8, 'INTEGER');
      return;
    }
    case 'pointer':
    case 'reference':
      if (offset % 8 !== 0) throw new Unaligned();
      put(classes, offset, 'INTEGER');
      return;
    case 'float': {
      const info = floatInfo(t.name, 'x86_64');
      if (offset % info.align !== 0) throw new Unaligned();
      if (t.name === 'long double') {
        put(classes, offset, 'X87');
        put(classes, offset + 8, 'X87UP');
      } else put(classes, offset, 'SSE');
      return;
    }
    case 'complex': {
      const info = floatInfo(t.element.name, 'x86_64');
      if (offset % info.align !== 0) throw new Unaligned();
      if (t.element.name === 'long double') put(classes, offset, 'COMPLEX_X87');
      else {
        put(classes, offset, 'SSE');
        put(classes, offset + info.size, 'SSE');
      }
      return;
    }
    case 'vector':
      if (offset % 16 !== 0) throw new Unaligned();
      put(classes, offset, 'SSE');
      put(classes, offset + 8, 'SSEUP');
      return;
    case 'array': {
      const el = sizeOf(t.element, 'x86_64');
      for (let i = 0; i < t.length; i++) mergeInto(classes, t.element, offset + i * el);
      return;
    }
    case 'record': {
      const l = layoutOf(t, 'x86_64');
      if (l.vptrOffset !== null) put(classes, offset + l.vptrOffset, 'INTEGER');
      for (const b of l.bases) mergeInto(classes, b.type, offset + b.offset);
      for (const f of l.fields) {
        if (f.bitWidth !== undefined) {
          // Bit-fields are INTEGER in every eightbyte they touch (never "misaligned").
          const startBit = (offset + f.offset) * 8 + (f.bitOffset ?? 0);
          const endBit = startBit + f.bitWidth;
          for (let b = Math.floor(startBit / 64); b * 64 < endBit; b++) put(classes, b * 8, 'INTEGER');
        } else mergeInto(classes, f.type, offset + f.offset);
      }
      return;
    }
  }
}

/** Register parts for eightbyte classes: INTEGER from `intRegs`, SSE (with its SSEUP tail) from `sseRegs`. */
function partsFor(
  classes: EightbyteClass[],
  size: number,
  intRegs: readonly string[],
  sseRegs: readonly string[],
): RegisterPart[] {
  const parts: RegisterPart[] = [];
  let ni = 0;
  let ns = 0;
  for (let i = 0; i < classes.length; i++) {
    const bytes = Math.min(8, size - 8 * i);
    const c = classes[i];
    if (c === 'INTEGER') parts.push({ reg: intRegs[ni++] ?? '?', offset: 8 * i, size: bytes, regOffset: 0 });
    else if (c === 'SSE') parts.push({ reg: sseRegs[ns++] ?? '?', offset: 8 * i, size: bytes, regOffset: 0 });
    else if (c === 'SSEUP') {
      const last = parts[parts.length - 1];
      if (last) last.size += bytes;
    }
  }
  return parts;
}

const CONVENTIONS: Record<string, ReturnClassification['convention']> = {
  '': 'void',
  rax: 'rax',
  'rax,rdx': 'rax:rdx',
  xmm0: 'xmm0',
  'xmm0,xmm1': 'xmm0:xmm1',
  'rax,xmm0': 'rax+xmm0',
  'xmm0,rax': 'xmm0+rax',
};

/** Where a function returning `t` leaves its result on x86-64. */
export function classifyReturnX86(t: CType): ReturnClassification {
  const base = { target: 'x86_64' as const, hfa: null };
  if (t.kind === 'void')
    return {
      ...base,
      size: 0,
      align: 1,
      trivialForCalls: true,
      convention: 'void',
      eightbytes: [],
      indirect: false,
      parts: [],
    };
  const layout: Layout = layoutOf(t, 'x86_64');
  const trivialForCalls = isTrivialForCalls(t);
  const eightbytes = classifyEightbytes(t);
  const common = { ...base, size: layout.size, align: layout.align, trivialForCalls, eightbytes };
  if (eightbytes.includes('MEMORY')) return { ...common, convention: 'sret', indirect: true, parts: [] };
  if (eightbytes[0] === 'COMPLEX_X87')
    return {
      ...common,
      convention: 'x87',
      indirect: false,
      x87: true,
      parts: [
        { reg: 'st0', offset: 0, size: 10, regOffset: 0 },
        { reg: 'st1', offset: 16, size: 10, regOffset: 0 },
      ],
    };
  const x87 = eightbytes.indexOf('X87');
  if (x87 >= 0)
    return {
      ...common,
      convention: 'x87',
      indirect: false,
      x87: true,
      parts: [{ reg: 'st0', offset: 8 * x87, size: 10, regOffset: 0 }],
    };
  const parts = partsFor(eightbytes, layout.size, X86_INT_RET_REGS, X86_SSE_RET_REGS);
  const convention = CONVENTIONS[parts.map((p) => p.reg).join(',')];
  if (convention === undefined)
    throw new AbiError(`internal: no x86-64 return convention for ${eightbytes.join(',')}`);
  return { ...common, convention, indirect: false, parts };
}

/** The stack slot alignment of a by-value stack argument: at least 8, at most 16. */
function stackAlign(align: number): number {
  return Math.min(16, Math.max(8, align));
}

/**
 * Where each argument travels on x86-64. `indirectResult` reserves `%rdi` for the hidden
 * result pointer. An aggregate that does not fit in the registers left goes whole to the
 * stack (never split); a class non-trivial for calls is copied to a temporary whose address
 * is passed like a pointer argument.
 */
export function classifyArgsX86(params: CType[], opts: { indirectResult: boolean }): ArgLocation[] {
  let ngpr = opts.indirectResult ? 1 : 0;
  let nsse = 0;
  let stack = 0;
  const toStack = (size: number, align: number): ArgLocation => {
    const offset = Math.ceil(stack / stackAlign(align)) * stackAlign(align);
    const slot = Math.ceil(size / 8) * 8;
    stack = offset + slot;
    return { kind: 'stack', offset, size };
  };
  const pointerArg = (): ArgLocation => {
    const reg = X86_INT_ARG_REGS[ngpr];
    if (reg !== undefined) {
      ngpr++;
      return { kind: 'regs', parts: [{ reg, offset: 0, size: 8, regOffset: 0 }] };
    }
    return toStack(8, 8);
  };
  return params.map((t): ArgLocation => {
    if (t.kind === 'reference') return pointerArg();
    if (t.kind === 'record' && !isTrivialForCalls(t)) return { kind: 'indirect', pointer: pointerArg() };
    const layout = layoutOf(t, 'x86_64');
    const classes = classifyEightbytes(t, true);
    if (classes.includes('MEMORY')) return toStack(layout.size, layout.align);
    const needInt = classes.filter((c) => c === 'INTEGER').length;
    const needSse = classes.filter((c) => c === 'SSE').length;
    if (ngpr + needInt > X86_INT_ARG_REGS.length || nsse + needSse > X86_SSE_ARG_REGS.length)
      return toStack(layout.size, layout.align);
    const parts = partsFor(classes, layout.size, X86_INT_ARG_REGS.slice(ngpr), X86_SSE_ARG_REGS.slice(nsse));
    ngpr += needInt;
    nsse += needSse;
    return { kind: 'regs', parts };
  });
}
