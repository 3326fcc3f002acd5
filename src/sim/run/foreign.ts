/**
 * A call from Codon into the C++ library, across the boundary. Each side follows its own belief:
 * Codon places arguments and reads the result as its `from C import` declaration lowers to LLVM;
 * the C++ function reads its parameters and writes its result as its definition says under the
 * target's C/C++ convention. Nothing reconciles the two; the machine just records what happens,
 * and a finding says where they disagree.
 */
import type { CType, Target } from '../abi/ctype.ts';
import type { CImport } from '../codon/ast.ts';
import type { CodonType } from '../codon/types.ts';
import { prune, typeName, wrapIntN } from '../codon/types.ts';
import { NameId, named } from '../trace/names.ts';
import { TermId, joinDetails, term } from '../trace/terms.ts';
import { sizeOf } from '../codon/layout.ts';
import type { FunctionDecl } from '../cpp/ast.ts';
import { hex } from '../machine/memory.ts';
import { INTENT_UNKNOWN } from '../machine/machine.ts';
import type { CallShape } from '../trace/tables.ts';
import { StepKind, type SourceLoc, type ValueRoute } from '../trace/types.ts';
import { Ref, StrVal, TupleVal, fieldOffsets, type CodonValue } from './codon-values.ts';
import type { ForeignCalls } from './codon-interp.ts';
import type { CppInterpreter } from './cpp-interp.ts';
import { compareDeclarations } from './declarations.ts';
import { HIDDEN_POINTER_REG, describePlacement, placementRegisters, type Placement } from './routes.ts';
import { openLibrary } from './dlopen.ts';
import { applyLeftover, leftoverRegisters, type Process } from './runtime.ts';
import { isLibc, libcFunction, runLibc } from './libc.ts';

const SIDE = 'codon' as const;
const NONE: CodonType = { kind: 'none' };

/** Symbols of the process itself (the runtime Codon links in) that a program may import. */
const RUNTIME_SYMBOLS = new Map<string, (p: Process, loc: SourceLoc) => CodonValue>([
  [
    // Boehm GC's explicit full collection.
    'GC_gcollect',
    (p, loc) => {
      p.gc.collect(loc);
      return null;
    },
  ],
]);

export class ForeignBridge implements ForeignCalls {
  private readonly exports: Map<string, FunctionDecl>;

  constructor(
    private readonly p: Process,
    private readonly cpp: CppInterpreter,
  ) {
    this.exports = cpp.exports();
  }

  get target(): Target {
    return this.p.m.target;
  }

  /** Whether `dlsym` finds the symbol: in the program's library (and the C library), or a system library's. */
  hasSymbol(symbol: string, library: 'program' | 'system' = 'program'): boolean {
    if (library === 'system') return libcFunction(symbol) !== undefined;
    return this.exports.has(symbol) || RUNTIME_SYMBOLS.has(symbol) || libcFunction(symbol) !== undefined;
  }

  /**
   * What the import's `dlsym` leaves in the caller-saved registers. Codon's `dlsym`
   * (stdlib/internal/dlopen.codon) tests c_dlsym's result and returns it, nothing else, so they
   * hold what glibc's dlsym left. Measured on AArch64 (glibc 2.36 under qemu-aarch64: a call of
   * dlsym from assembly that stores x0..x18 right after it): x0 the symbol's address, x1 0, x2 0,
   * x3 1, x4 1, x5 16 bytes into the loader's lock, x6 5, x7 the symbol's entry in the library's
   * `.dynsym`, x8 0x0101010101010101. A callee that reads an argument register Codon did not set
   * (the second eightbyte of a 16-byte struct Codon passed as a `@tuple` of a float and an int: d0
   * and x0) reads these. Except x0 and x8 they are glibc's scratch values, so a perturbed run
   * draws them afresh (machine/garbage.ts): printed, they are marked indeterminate.
   *
   * x86-64 (gdb on the oracle's build, a breakpoint at the first call with no leftover set):
   * %rax the symbol's address (dlsym's result, which Codon's dlsym returns and the import stores),
   * %rdi the loader's lock `_rtld_global._dl_load_lock` (glibc's dlsym unlocks it last), %rsi 0,
   * %rdx 1, %rcx 0. Codon's call reads its function pointer from memory (`callq *f(%rip)`), so
   * until the caller's own code computes something else there, %rax at the first foreign call is
   * that address: a callee that never writes %rax (a class of one float, returned in %xmm0)
   * leaves it to a Codon caller that reads a pointer result, which then points at the function's
   * own code (the oracle printed 2.70043e-284, the bytes of `f`, read as a double).
   */
  resolved(symbol: string): void {
    const m = this.p.m;
    const fn = this.exports.get(symbol);
    if (fn === undefined) return;
    if (m.target === 'x86_64') return this.resolvedX86(fn);
    const text = m.regionOfKind('text', 'libfoo').start;
    const lock = m.object(this.p.runtimeObjects.loaderLock);
    m.setRegInt('x0', this.functionAddress(fn));
    const scratch: [string, number][] = [
      ['x1', 0],
      ['x2', 0],
      ['x3', 1],
      ['x4', 1],
      ['x5', lock.addr + 16],
      ['x6', 5],
      ['x7', text + 0x218 + 0x18 * (fn.id % 8)],
    ];
    this.setScratch(scratch);
    m.setRegBytes('x8', 0, new Uint8Array(8).fill(1));
    for (const reg of ['x0', 'x1', 'x2', 'x3', 'x4', 'x6', 'x7', 'x8']) this.p.regProv.delete(reg);
    this.p.regProv.set('x5', lock.id);
  }

  /** What glibc's dlsym leaves on x86-64 (see `resolved`). */
  private resolvedX86(fn: FunctionDecl): void {
    const m = this.p.m;
    const lock = m.object(this.p.runtimeObjects.loaderLock);
    m.setRegInt('rax', this.functionAddress(fn));
    m.setRegInt('rdi', lock.addr);
    this.setScratch([
      ['rsi', 0],
      ['rdx', 1],
      ['rcx', 0],
    ]);
    for (const reg of ['rax', 'rsi', 'rdx', 'rcx']) this.p.regProv.delete(reg);
    this.p.regProv.set('rdi', lock.id);
  }

  /** glibc's scratch values: a perturbed run draws them afresh (machine/garbage.ts). */
  private setScratch(regs: [string, number][]): void {
    const m = this.p.m;
    for (const [reg, value] of regs) {
      const bytes = new Uint8Array(8);
      const v = new DataView(bytes.buffer);
      v.setUint32(0, value >>> 0, true);
      v.setUint32(4, Math.floor(value / 2 ** 32), true);
      m.setRegBytes(reg, 0, m.garbage.bytes('register', bytes));
    }
  }

  /** Start of the Codon program's text, where a call from Codon returns to. */
  private codonText: number | undefined;
  private readonly viewCache = new Map<CImport, ReturnType<ForeignBridge['computeViews']>>();

  /** Both sides' views of a call and how they compare: fixed per import, so computed once. */
  private views(imp: CImport, fn: FunctionDecl) {
    let v = this.viewCache.get(imp);
    if (v === undefined) {
      v = this.computeViews(imp, fn);
      this.viewCache.set(imp, v);
    }
    return v;
  }

  private computeViews(imp: CImport, fn: FunctionDecl) {
    const { caller, callee, coincide, cmp } = compareDeclarations(imp, fn, this.target);
    const route = (pl: Placement | null): ValueRoute | null =>
      pl === null
        ? null
        : {
            label: pl.label,
            typeName: pl.typeName,
            where: describePlacement(pl),
            registers: placementRegisters(pl),
          };
    const routes = {
      callerArgs: caller.args.map((a) => route(a) as ValueRoute),
      callerResult: route(caller.result),
      calleeArgs: callee.args.map((a) => route(a) as ValueRoute),
      calleeResult: route(callee.result),
      callerResultWhere: caller.result === null ? term(TermId.nothing) : describePlacement(caller.result),
    };
    const calleeLoc = this.cpp.loc(fn.definitionSpan ?? fn.span);
    const related = [
      { side: 'codon' as const, line: imp.span.start.line, role: 'import declaration' },
      { side: 'cpp' as const, line: calleeLoc.line, role: 'callee definition' },
    ];
    const hiddenReg = callee.result?.indirect === true ? HIDDEN_POINTER_REG[this.target] : null;
    // What every call from one call site through this import shares, for the trace's call table.
    const shapes = new Map<SourceLoc, CallShape>();
    const shapeAt = (loc: SourceLoc): CallShape => {
      let shape = shapes.get(loc);
      if (shape === undefined) {
        shape = {
          symbol: imp.symbol,
          callerLoc: loc,
          calleeLoc,
          callerSignature: caller.signature,
          calleeSignature: callee.signature,
          callerArgs: routes.callerArgs,
          callerResult: routes.callerResult,
          calleeArgs: routes.calleeArgs,
          calleeResult: routes.calleeResult,
          hiddenReg,
          mismatch: cmp.abiMismatch || cmp.typeMismatch,
          linkage: imp.library === null ? 'linked' : 'dlsym',
        };
        shapes.set(loc, shape);
      }
      return shape;
    };
    const callParams = [imp.symbol, caller.signature, callee.signature];
    const returnParams = [imp.symbol, routes.callerResultWhere];
    const callerSetsHidden = caller.args.some((a) =>
      a.parts.some((pt) => pt.reg === HIDDEN_POINTER_REG[this.target]),
    );
    return {
      caller,
      callee,
      coincide,
      cmp,
      routes,
      related,
      hiddenReg,
      shapeAt,
      callParams,
      returnParams,
      callerSetsHidden,
    };
  }

  /** The function's address as a C++ function pointer names it (cpp-interp/indirect.ts). */
  private functionAddress(fn: FunctionDecl): number {
    return this.p.m.regionOfKind('text', 'libfoo').start + 0x80 + fn.id * 16;
  }

  call(imp: CImport, args: { value: CodonValue; type: CodonType }[], loc: SourceLoc): CodonValue {
    const m = this.p.m;
    // The library's own definition first (it interposes, as the dynamic linker resolves), then libc's.
    const system =
      imp.libraryPath !== undefined && openLibrary(imp.libraryPath, this.target).kind === 'system';
    const fn = (system ? undefined : this.exports.get(imp.symbol)) ?? libcFunction(imp.symbol);
    if (fn === undefined) {
      const runtime = RUNTIME_SYMBOLS.get(imp.symbol);
      if (runtime !== undefined) return runtime(this.p, loc);
      return m.runtimeError('CError', `undefined symbol: ${imp.symbol}`, loc);
    }
    const v = this.views(imp, fn);
    const { caller, callee, coincide, cmp, related, hiddenReg, callerSetsHidden } = v;
    // The leftover is there before the call, set by whatever ran before (the oracle's trampoline
    // at the first call): its register events belong to the step before the call, so the
    // diagram shows the value already in place when the call starts.
    // Only a call through a library's handle: a static import is a linked call, which the
    // oracle's trampoline does not see either (oracle/runtime/tramp-x86_64.S).
    const leftover = imp.library === null ? null : applyLeftover(this.p);
    m.step(StepKind.BoundaryCall, SIDE, loc, 'boundary.call', v.callParams);
    if (cmp.abiMismatch) {
      m.finding('abi-mismatch', loc, [], related, 'finding.abi-mismatch', [
        imp.symbol,
        joinDetails(cmp.details) ?? '',
      ]);
    } else if (cmp.typeMismatch) {
      m.finding('type-mismatch', loc, [], related, 'finding.type-mismatch', [
        imp.symbol,
        joinDetails(cmp.details) ?? '',
      ]);
    }
    // The declarations disagree even where the registers line up: the run goes well on this
    // target by coincidence, and nothing in either declaration says it must (on AArch64 the
    // hidden pointer travels in x8, docs/DOMAIN.md#the-write-up-judged, last row).
    if (coincide)
      m.finding('abi-coincidence', loc, [], related, 'finding.abi-coincidence', [
        imp.symbol,
        caller.signature,
        callee.signature,
        HIDDEN_POINTER_REG[this.target],
        caller.result === null ? '' : describePlacement(caller.result),
      ]);
    // A `@tuple` return LLVM demoted to memory: Codon's code passes its own stack buffer.
    const buffer = caller.result?.indirect === true ? this.resultBuffer(imp, loc) : null;
    // The caller places each argument where *it* believes it goes: registers, and past the
    // registers the stack, in an area 16-byte aligned at the call (psABI 3.2.2, AAPCS64 6.4.2).
    const onStack = caller.args.filter((pl) => pl.stackOffset !== null);
    const spBeforeArgs = m.sp();
    const stackBase =
      onStack.length === 0
        ? 0
        : m.pushStack(Math.ceil(Math.max(...onStack.map((pl) => (pl.stackOffset ?? 0) + 8)) / 16) * 16, 16);
    for (let i = 0; i < caller.args.length; i++) {
      const a = args[i];
      const pl = caller.args[i] as Placement;
      if (pl.stackOffset !== null) {
        const bytes = this.codonBytes(a?.value ?? null, a?.type ?? NONE).subarray(0, 8);
        m.storeBytes(stackBase + pl.stackOffset, bytes, { intended: INTENT_UNKNOWN, loc: null });
        continue;
      }
      this.placeArg(pl, a?.value ?? null, a?.type ?? NONE);
    }
    // Registers the callee's code writes from here on are its result; the others are not (garbage.ts).
    const placed = m.regs.clock;
    const callId = m.addBoundaryCall(
      v.shapeAt(loc),
      m.stepCount - 1,
      hiddenReg === null ? 0 : m.regs.getUint(hiddenReg),
    );
    // Say what the leftover register holds only where it matters: the callee takes a hidden
    // pointer there and the caller put nothing in that register. One message per setting, so
    // the page can say it in any language.
    if (leftover !== null && callee.result?.indirect === true && !callerSetsHidden)
      m.narrate(`boundary.call-leftover.${leftover.setting}`, [
        imp.symbol,
        caller.signature,
        callee.signature,
        HIDDEN_POINTER_REG[this.target],
        hex(leftover.value),
        leftover.objectName,
      ]);
    // `call`: the return address goes on the stack (x30 on AArch64); Codon set aside no result
    // slot. The caller is Codon's code, so the address points into the Codon program's text, after
    // the call instruction of this line (the oracle sees it there, oracle/compare.ts).
    const callerName = m.frames.nameOf(m.currentFrame) ?? 'main';
    this.codonText ??= m.regionOfKind('text', 'Codon').start;
    const ret = m.callInstruction(callerName, 'codon', this.codonText + 0x100 + (loc.line % 200) * 16);
    const first = args[0]?.value;
    const slotObject = coincide && first instanceof Ref && first.prov >= 0 ? m.object(first.prov) : null;
    // The callee's stores through its hidden pointer belong to the slot the caller meant for them:
    // the object the coinciding pointer argument names, or the demoted return's buffer.
    m.resultSlots.push(
      buffer !== null
        ? { addr: buffer.addr, size: buffer.size }
        : slotObject === null
          ? null
          : { addr: slotObject.addr, size: slotObject.size },
    );
    try {
      if (isLibc(fn)) runLibc(this.p, fn, callee, loc);
      else this.cpp.invoke(fn, callerName);
    } finally {
      m.resultSlots.pop();
    }
    this.cpp.popReturnAddress(ret);
    m.step(StepKind.BoundaryReturn, SIDE, loc, 'boundary.return', v.returnParams);
    if (m.garbage.perturbs('register') && caller.result !== null)
      m.garbage.clobberUnwritten(
        m,
        placed,
        caller.result.parts.map((x) => x.reg),
        leftover === null ? [] : leftoverRegisters(this.p),
      );
    const value = this.readResult(caller.result, imp.returnType ?? NONE, loc, buffer);
    // The caller takes its stack arguments back off the stack, then the demoted result's buffer.
    if (onStack.length > 0) m.setSp(spBeforeArgs);
    if (buffer !== null) {
      m.endObject(buffer.id, 'out-of-scope', null);
      m.setSp(buffer.sp);
    }
    m.endBoundaryCall(callId);
    return value;
  }

  /** The buffer LLVM's sret demotion has the caller pass, its address in the hidden-pointer register. */
  private resultBuffer(imp: CImport, loc: SourceLoc): { addr: number; id: number; size: number; sp: number } {
    const m = this.p.m;
    const t = prune(imp.returnType ?? NONE);
    const size = Math.max(sizeOf(t), 1);
    const sp = m.sp();
    const addr = m.pushStack(size, 16);
    const id = m.newObject({
      name: named(NameId.returnValue),
      typeName: typeName(t),
      role: 'temp',
      side: SIDE,
      addr,
      size,
      frameId: m.currentFrame,
      loc,
    });
    const reg = HIDDEN_POINTER_REG[this.target];
    m.setRegInt(reg, addr);
    this.p.regProv.set(reg, id);
    return { addr, id, size, sp };
  }

  /** Writes one Codon argument into the registers of the caller's placement. */
  private placeArg(pl: Placement, v: CodonValue, t: CodonType): void {
    const m = this.p.m;
    const part0 = pl.parts[0];
    const kind = prune(t).kind;
    if (pl.parts.length === 1 && part0 !== undefined && part0.regOffset === 0) {
      // One scalar in one register: no byte shuffling needed.
      if (v instanceof Ref) {
        m.setRegInt(part0.reg, v.addr);
        if (v.prov >= 0) this.p.regProv.set(part0.reg, v.prov);
        else this.p.regProv.delete(part0.reg);
        return;
      }
      if (typeof v === 'number' && kind === 'int') {
        m.setRegInt(part0.reg, v);
        this.p.regProv.delete(part0.reg);
        return;
      }
      if (typeof v === 'number' && kind === 'float') {
        m.setRegF64(part0.reg, v);
        return;
      }
      const pt = prune(t);
      if (typeof v === 'number' && pt.kind === 'intn' && pt.bits < 64) {
        // llc -O3 puts an i8/i16/i32 argument in the register with a 32-bit move (`movl $65244,
        // %edi`, `movzwl (%rbx), %edi`; AArch64 `mov w0, #65244`, `ldrh w8`): zero-extended to the
        // whole register, whatever its signedness (Codon's declarations carry no signext/zeroext).
        m.setRegInt(part0.reg, Number(BigInt.asUintN(pt.bits, BigInt(Math.trunc(v)))));
        this.p.regProv.delete(part0.reg);
        return;
      }
    }
    const bytes = this.codonBytes(v, t);
    for (const part of pl.parts) {
      m.setRegBytes(part.reg, part.regOffset, bytes.subarray(part.offset, part.offset + part.size));
      if (v instanceof Ref && v.prov >= 0) this.p.regProv.set(part.reg, v.prov);
      else this.p.regProv.delete(part.reg);
    }
  }

  /** The bytes of a Codon value as LLVM passes it. */
  private codonBytes(v: CodonValue, t: CodonType): Uint8Array {
    const p = prune(t);
    // A `@tuple` of more than two words is passed field by field in as many registers (the
    // oracle's runs of 3- to 5-field tuples): room for all of its bytes, not just two words.
    const out = new Uint8Array(Math.max(16, p.kind === 'tuple-class' ? Math.ceil(sizeOf(p) / 8) * 8 : 0));
    const dv = new DataView(out.buffer);
    const setU64 = (off: number, n: number) => {
      dv.setUint32(off, ((n % 2 ** 32) + 2 ** 32) % 2 ** 32, true);
      dv.setUint32(off + 4, Math.floor(n / 2 ** 32) >>> 0, true);
    };
    if (v instanceof Ref) setU64(0, v.addr);
    else if (v instanceof StrVal) {
      setU64(0, v.text.length);
      setU64(8, v.ptr);
    } else if (v instanceof TupleVal && p.kind === 'tuple-class') {
      const offs = fieldOffsets(p);
      p.fields.forEach((f, i) => {
        const inner = this.codonBytes(v.fields[i] ?? null, f.type);
        out.set(inner.subarray(0, Math.min(8, out.length - (offs[i] ?? 0))), offs[i] ?? 0);
      });
    } else if (typeof v === 'number' || typeof v === 'boolean') {
      const n = Number(v);
      if (p.kind === 'float') dv.setFloat64(0, n, true);
      else if (p.kind === 'float32') dv.setFloat32(0, n, true);
      else setU64(0, Math.trunc(n));
    }
    return out;
  }

  /** Reads the result where the Codon caller believes it is, as the declared type. */
  private readResult(
    pl: Placement | null,
    t: CodonType,
    loc: SourceLoc,
    buffer: { addr: number; id: number; size: number } | null = null,
  ): CodonValue {
    const m = this.p.m;
    const p = prune(t);
    if (pl === null || p.kind === 'none') return null;
    if (buffer !== null && p.kind === 'tuple-class') {
      // Demoted to memory: the fields are read from the buffer, each at its LLVM offset.
      const bytes = m.loadBytes(buffer.addr, buffer.size, { intended: buffer.id, loc });
      const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const offs = fieldOffsets(p);
      return new TupleVal(
        p.fields.map((f, i) => {
          const off = offs[i] ?? 0;
          const ft = prune(f.type);
          if (ft.kind === 'float') return dv.getFloat64(off, true);
          if (ft.kind === 'float32') return dv.getFloat32(off, true);
          const word = dv.getUint32(off, true) + dv.getUint32(off + 4, true) * 2 ** 32;
          if (ft.kind === 'ptr' || ft.kind === 'list') return new Ref(word, m.objectAt(word));
          return dv.getInt32(off + 4, true) * 2 ** 32 + dv.getUint32(off, true);
        }),
      );
    }
    const only = pl.parts.length === 1 && pl.x87.length === 0 ? pl.parts[0] : undefined;
    if (only !== undefined && only.regOffset === 0) {
      // One scalar in one register: read it straight from the register file.
      if (p.kind === 'float') return m.regs.getF64(only.reg);
      if (p.kind === 'int') return m.regs.getInt(only.reg);
      if (p.kind === 'ptr' || p.kind === 'list' || p.kind === 'ref-class') {
        const addr = m.regs.getUint(only.reg);
        return new Ref(addr, this.p.regProv.get(only.reg) ?? m.objectAt(addr));
      }
    }
    const size = Math.max(16, ...pl.parts.map((x) => x.offset + x.size));
    const bytes = new Uint8Array(size + 16);
    for (const part of pl.parts) bytes.set(m.regs.getBytes(part.reg, part.regOffset, part.size), part.offset);
    const dv = new DataView(bytes.buffer);
    const u64 = (off: number) => dv.getUint32(off, true) + dv.getUint32(off + 4, true) * 2 ** 32;
    switch (p.kind) {
      case 'float':
        return dv.getFloat64(0, true);
      case 'float32':
        return dv.getFloat32(0, true);
      case 'int':
        return dv.getInt32(4, true) * 2 ** 32 + dv.getUint32(0, true);
      case 'bool':
        return (bytes[0] ?? 0) !== 0;
      case 'byte':
        return bytes[0] ?? 0;
      case 'intn': // `Int[N]`/`UInt[N]` read as LLVM's iN: the low N bits of the register
        return wrapIntN(dv.getInt32(4, true) * 2 ** 32 + dv.getUint32(0, true), p.bits, p.signed);
      case 'ptr':
      case 'list':
      case 'ref-class': {
        const reg = pl.parts[0]?.reg ?? '';
        const addr = u64(0);
        return new Ref(addr, this.p.regProv.get(reg) ?? m.objectAt(addr));
      }
      case 'tuple-class': {
        // x87 slots are popped in order: st0 first, then st1 (each pop shifts the stack).
        const offs = fieldOffsets(p);
        const x87Values: number[] = pl.x87.map(() => m.x87Pop());
        let x87i = 0;
        const regOffsets = new Set(pl.parts.map((x) => x.offset));
        return new TupleVal(
          p.fields.map((f, i) => {
            const off = offs[i] ?? 0;
            const ft = prune(f.type);
            if (!regOffsets.has(off) && (ft.kind === 'float' || ft.kind === 'float32'))
              return x87Values[x87i++] ?? NaN;
            if (ft.kind === 'float') return dv.getFloat64(off, true);
            if (ft.kind === 'float32') return dv.getFloat32(off, true);
            if (ft.kind === 'ptr' || ft.kind === 'list') return new Ref(u64(off), m.objectAt(u64(off)));
            return dv.getInt32(off + 4, true) * 2 ** 32 + dv.getUint32(off, true);
          }),
        );
      }
      case 'str': {
        const len = u64(0);
        return new StrVal('', u64(8) + 0 * len);
      }
      default:
        return null;
    }
  }
}

export type { CType };
