/**
 * A call through a function pointer (`f(x)`, `(*f)(x)`): the caller places the arguments as the
 * pointer's type says (g++ 12 -O0: `movq -8(%rbp), %rdx; call *%rdx`, `ldr x1, [sp, 8]; blr x1`)
 * and jumps to whatever address the pointer holds. That is a function of the library, a Codon
 * function whose address the Codon program passed (`cb.__raw__()`), or nothing: a null or stray
 * pointer faults at the address it holds, as the CPU's instruction fetch does.
 */
import type { FunctionType } from '../../abi/ctype.ts';
import { classifyArgs, classifyReturn } from '../../abi/index.ts';
import type { Expr, FunctionDecl } from '../../cpp/ast.ts';
import { INTENT_UNKNOWN } from '../../machine/machine.ts';
import { hex } from '../../machine/memory.ts';
import { NameId, named } from '../../trace/names.ts';
import { StepKind, type SourceLoc } from '../../trace/types.ts';
import { Unsupported } from '../cpp-errors.ts';
import { pointerViews } from '../callback.ts';
import { typeToString } from '../../abi/typeToString.ts';
import type { CppInterpreter } from '../cpp-interp.ts';
import { Ref, type Val } from '../values.ts';
import { SIDE } from './frames.ts';

type IndirectCall = Extract<Expr, { kind: 'indirect-call' }>;

/** Where a library function's code starts: a slot of its own in libfoo.so's text. */
export function functionAddress(it: CppInterpreter, fn: FunctionDecl): number {
  return it.p.m.regionOfKind('text', 'libfoo').start + 0x80 + fn.id * 16;
}

/** The Codon side's functions, as code a C++ function pointer can reach. */
export interface CodonEntries {
  /** The name of the Codon function whose code starts at `addr`, if one does. */
  nameAt(addr: number): string | undefined;
  /**
   * Runs the Codon function at `addr` as the callee of a call the C++ caller has set up: the
   * arguments are in the registers the pointer's type `ft` put them in, the return address is on
   * the stack. Its result is left where the Codon function's own LLVM signature returns it.
   */
  callFromC(addr: number, ft: FunctionType, callerLoc: SourceLoc): void;
}

/** What a code address is: a library function, a Codon function, or no function's start. */
type CodeAt = { kind: 'cpp'; fn: FunctionDecl } | { kind: 'codon'; name: string } | { kind: 'none' };

function codeAt(it: CppInterpreter, addr: number): CodeAt {
  const start = it.p.m.regionOfKind('text', 'libfoo').start;
  const offset = addr - start - 0x80;
  if (offset >= 0 && offset % 16 === 0) {
    const fn = it.unit.functions.find((f) => f.id === offset / 16);
    if (fn !== undefined && fn.body !== null) return { kind: 'cpp', fn };
  }
  const name = it.codonEntries?.nameAt(addr);
  return name === undefined ? { kind: 'none' } : { kind: 'codon', name };
}

/**
 * A jump to an address with no function: x86-64 raises a general-protection fault for a
 * non-canonical address (Linux: SIGSEGV at 0); anything else faults on the instruction fetch at the
 * address itself (unmapped, or mapped without execute permission: the heap, the stack, data).
 */
function crashAt(it: CppInterpreter, addr: number, loc: SourceLoc, span: IndirectCall['span']): never {
  const m = it.p.m;
  void loc;
  const top = Math.floor(addr / 2 ** 47);
  if (it.target === 'x86_64' && top !== 0 && top !== 0x1ffff)
    return m.crash('SIGSEGV', 0, 'crash.call-noncanonical', [hex(addr)]);
  const r = m.mem.regionOf(addr);
  if (r === null || r.kind !== 'text') return m.crash('SIGSEGV', addr, 'crash.call-not-code', [hex(addr)]);
  // Inside code but not at a function's start: what runs depends on the instruction bytes there.
  throw new Unsupported('a call to an address inside code that is not the start of a function', span);
}

/**
 * A pointer cast to another function type still reaches the function, which reads its parameters
 * as its own definition says (undefined behaviour in C++, [expr.call]/6): where the two types put
 * or read values differently, a finding says so, as for a mismatched import.
 */
function checkPointerType(it: CppInterpreter, fn: FunctionDecl, ft: FunctionType, loc: SourceLoc): void {
  if (typeToString(fn.type) === typeToString(ft)) return;
  const v = pointerViews(fn, ft, it.target);
  const params = [fn.qualifiedName, v.caller.signature, v.callee.signature, v.cmp.details.join('; ')];
  const related = [
    { side: SIDE, line: loc.line, role: 'call through the function pointer' },
    { side: SIDE, line: it.loc(fn.definitionSpan ?? fn.span).line, role: 'callee definition' },
  ];
  if (v.cmp.abiMismatch)
    it.p.m.finding('abi-mismatch', loc, [], related, 'finding.pointer-abi-mismatch', params);
  else if (v.cmp.typeMismatch)
    it.p.m.finding('type-mismatch', loc, [], related, 'finding.pointer-type-mismatch', params);
}

/** The caller's side of a call through a function pointer. */
export function callIndirect(it: CppInterpreter, e: IndirectCall): Val {
  const m = it.p.m;
  const ft = e.functionType;
  const loc = it.loc(e.span);
  const pointer = it.rv(e.callee);
  const addr = pointer instanceof Ref ? pointer.addr : Math.trunc(Number(pointer));
  // The arguments are evaluated into temporaries, then moved where the pointer's type says.
  const temps = ft.params.map((t, i) => {
    const size = Math.max(it.size(t), 1);
    const at = m.pushStack(size, Math.max(it.align(t), 1));
    const id = it.newTemp(named(NameId.argument, `#${i + 1}`), t, at, size, e.span);
    const init = e.args[i];
    if (init !== undefined) it.initAt(init, new Ref(at, id), t);
    return { at, size, id };
  });
  const code = codeAt(it, addr);
  if (code.kind === 'none') return crashAt(it, addr, loc, e.span);
  const ret = classifyReturn(ft.returnType, it.target);
  const locs = classifyArgs(ft.params, it.target, { indirectResult: ret.indirect });
  const stackArgs: { offset: number; bytes: Uint8Array }[] = [];
  temps.forEach((t, i) => {
    const where = locs[i];
    if (where === undefined) return;
    const bytes = m.loadBytes(t.at, t.size, { intended: t.id, loc, raw: true });
    if (where.kind === 'stack') stackArgs.push({ offset: where.offset, bytes });
    else if (where.kind === 'regs')
      for (const part of where.parts)
        m.setRegBytes(part.reg, part.regOffset, bytes.subarray(part.offset, part.offset + part.size));
  });
  if (stackArgs.length > 0) {
    const top = Math.max(...stackArgs.map((a) => a.offset + a.bytes.length));
    const base = m.pushStack(Math.ceil(top / 16) * 16, 16);
    for (const a of stackArgs)
      m.storeBytes(base + a.offset, a.bytes, { intended: INTENT_UNKNOWN, loc: null });
  }
  if (code.kind === 'cpp') checkPointerType(it, code.fn, ft, loc);
  const callerName = it.frame?.fn.qualifiedName ?? 'caller';
  const retAddr = it.pushReturnAddress(callerName, e.span);
  m.resultSlots.push(null);
  try {
    if (code.kind === 'cpp') it.invoke(code.fn, callerName);
    else it.codonEntries?.callFromC(addr, ft, loc);
  } finally {
    m.resultSlots.pop();
  }
  it.popReturnAddress(retAddr);
  m.step(StepKind.Return, SIDE, loc, 'cpp.back', [
    code.kind === 'cpp' ? code.fn.qualifiedName : code.name,
    callerName,
  ]);
  if (ft.returnType.kind === 'void') return 0;
  return it.readScalarResult(ft.returnType, ret);
}
