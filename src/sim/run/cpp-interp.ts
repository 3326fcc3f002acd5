/**
 * Runs the C++ library on the machine the way g++ -O0 code does: every local has its slot in the
 * frame, every statement's loads and stores happen in order, arguments and results travel as
 * the function's own definition says under the target's calling convention (sret included), and
 * calls g++ really makes at -O0 (std::array's operator[] is a call) leave their registers behind.
 *
 * The callee side of a call never looks at what the caller meant: it reads its parameters from
 * the registers its own signature names, and writes its result where its own signature says.
 */
import type { CType, RecordDecl, ReturnClassification } from '../abi/ctype.ts';
import { classifyArgs, classifyReturn } from '../abi/index.ts';
import { layoutOf } from '../abi/layout.ts';
import { typeToString } from '../abi/typeToString.ts';
import type { BlockStmt, Expr, FunctionDecl, Init, Stmt, TranslationUnit, VarDecl } from '../cpp/ast.ts';
import type { Span } from '../diag.ts';
import type { ObjectTemplate } from '../trace/tables.ts';
import { INTENT_RESULT_SLOT, INTENT_UNKNOWN } from '../machine/machine.ts';
import { hex } from '../machine/memory.ts';
import { StepKind, type Cell, type SourceLoc } from '../trace/types.ts';
import { Unsupported } from './cpp-errors.ts';
import { CppLibrary } from './cpp-library.ts';
import type { Process } from './runtime.ts';
import { LocationCache } from './locations.ts';
import { SmallMap } from './small-map.ts';
import { Ref, loadScalar, num, scalarKind, storeScalar, wrapInt, type Val } from './values.ts';

interface VarSlot {
  addr: number;
  objectId: number;
  type: CType;
}

interface CppFrame {
  fn: FunctionDecl;
  frameId: number;
  vars: SmallMap<number, VarSlot>;
  /** Slot addresses reserved at entry for each local (the -O0 frame holds all of them). */
  reserved: SmallMap<number, number>;
  /** The hidden result pointer (sret/x8) the function received, when it returns in memory. */
  hidden: Ref | null;
  ret: ReturnClassification;
  /** Objects to destroy at scope exits: variable ids per open block. */
  scopes: VarDecl[][];
  /** Temporaries of the current full-expression. */
  temps: number[];
}

const enum Flow {
  Normal,
  Break,
  Continue,
  Return,
}

const SIDE = 'cpp' as const;
const LINK_CELLS_X86: Cell[] = [{ path: 'saved rbp', offset: 0, size: 8, kind: 'pointer' }];
const LINK_CELLS_A64: Cell[] = [
  { path: 'x29 (fp)', offset: 0, size: 8, kind: 'pointer' },
  { path: 'x30 (lr)', offset: 8, size: 8, kind: 'pointer' },
];
const POINTER_CELLS: Cell[] = [{ path: '', offset: 0, size: 8, kind: 'pointer' }];

interface ParamPlan {
  param: FunctionDecl['params'][number];
  size: number;
  align: number;
  kind: ReturnType<typeof scalarKind>;
  /** The parameter's object, all but its address. */
  template: ObjectTemplate;
  /** The one register the whole parameter arrives in, at offset 0, if so. */
  part: { reg: string; offset: number; size: number; regOffset: number } | undefined;
}

interface FnPlan {
  conv: { ret: ReturnClassification; args: ReturnType<typeof classifyArgs> };
  enterLoc: SourceLoc;
  leaveLoc: SourceLoc;
  hiddenTypeName: string;
  params: ParamPlan[];
  /** Parameters and locals: how many variables a frame of this function holds at most. */
  varCount: number;
  /** The narration parameters of entering and leaving, one array per caller. */
  callParams(callerName: string): string[];
}

export class CppInterpreter {
  private frame: CppFrame | null = null;
  private readonly statics = new Map<number, VarSlot & { initialized: boolean }>();
  private staticsTop: number;
  private depth = 0;
  readonly lib: CppLibrary;

  constructor(
    readonly p: Process,
    readonly unit: TranslationUnit,
    readonly source: string,
  ) {
    this.staticsTop = p.m.regionOfKind('static', 'libfoo').start;
    this.lib = new CppLibrary(this);
  }

  private readonly locs = new LocationCache(SIDE);

  /** The source location of a span. */
  loc(span: Span): SourceLoc {
    return this.locs.of(span);
  }

  private readonly texts = new Map<Span, string>();
  private readonly linkTemplates = new Map<string, ObjectTemplate>();
  private textStart: number | undefined;

  /** The frame-link object, "saved rbp of main" / "frame record (x29, x30) of main", interned once per caller. */
  private linkTemplate(callerName: string): ObjectTemplate {
    let t = this.linkTemplates.get(callerName);
    if (t === undefined) {
      const x86 = this.target === 'x86_64';
      t = this.p.m.objectTemplate({
        name: x86 ? `saved rbp of ${callerName}` : `frame record (x29, x30) of ${callerName}`,
        typeName: 'frame link',
        role: 'frame-link',
        side: SIDE,
        cells: x86 ? LINK_CELLS_X86 : LINK_CELLS_A64,
      });
      this.linkTemplates.set(callerName, t);
    }
    return t;
  }

  /** The source text of a span, on one line, for narration (cached: the same statement runs often). */
  text(span: Span): string {
    let t = this.texts.get(span);
    if (t === undefined) {
      const raw = this.source.slice(span.start.offset, span.end.offset).replace(/\s+/g, ' ');
      t = raw.length > 70 ? raw.slice(0, 67) + '...' : raw;
      this.texts.set(span, t);
    }
    return t;
  }

  get target() {
    return this.p.m.target;
  }

  private readonly layouts = new Map<CType, ReturnType<typeof layoutOf>>();
  private readonly conventions = new Map<
    FunctionDecl,
    { ret: ReturnClassification; args: ReturnType<typeof classifyArgs> }
  >();

  /** layoutOf, computed once per type object (the AST shares type objects). */
  layout(t: CType): ReturnType<typeof layoutOf> {
    let l = this.layouts.get(t);
    if (l === undefined) {
      l = layoutOf(t, this.target);
      this.layouts.set(t, l);
    }
    return l;
  }

  private readonly recordLayouts = new Map<RecordDecl, ReturnType<typeof layoutOf>>();

  recordLayout(decl: RecordDecl): ReturnType<typeof layoutOf> {
    let l = this.recordLayouts.get(decl);
    if (l === undefined) {
      l = layoutOf({ kind: 'record', decl }, this.target);
      this.recordLayouts.set(decl, l);
    }
    return l;
  }

  private readonly plans = new Map<FunctionDecl, FnPlan>();

  /** What every call of a function shares: its convention, locations, parameter layouts, narration. */
  private plan(fn: FunctionDecl): FnPlan {
    let plan = this.plans.get(fn);
    if (plan !== undefined) return plan;
    const conv = this.convention(fn);
    const body = fn.body?.span.end ?? fn.span.end;
    const end = this.loc({ start: body, end: body });
    const paramsByCaller = new Map<string, string[]>();
    plan = {
      conv,
      enterLoc: this.loc(fn.definitionSpan ?? fn.span),
      leaveLoc: { ...end, column: Math.max(1, end.column - 1) },
      hiddenTypeName: `${typeToString(fn.returnType)}*`,
      varCount: fn.params.length + fn.locals.length,
      params: fn.params.map((param, i) => {
        const loc = conv.args[i];
        const part = loc?.kind === 'regs' && loc.parts.length === 1 ? loc.parts[0] : undefined;
        const size = Math.max(this.size(param.type), 1);
        const cells = this.cells(param.type);
        return {
          param,
          size,
          align: Math.max(this.align(param.type), 1),
          kind: scalarKind(param.type, this.target),
          template: this.p.m.objectTemplate(
            {
              name: param.name,
              typeName: typeToString(param.type),
              role: 'param',
              side: SIDE,
              loc: this.loc(param.span),
              ...(cells ? { cells } : {}),
            },
            size,
          ),
          part: part !== undefined && part.regOffset === 0 ? part : undefined,
        };
      }),
      callParams: (callerName) => {
        let ps = paramsByCaller.get(callerName);
        if (ps === undefined) {
          ps = [fn.qualifiedName, callerName];
          paramsByCaller.set(callerName, ps);
        }
        return ps;
      },
    };
    this.plans.set(fn, plan);
    return plan;
  }

  /** The function's own convention for its result and parameters, computed once. */
  convention(fn: FunctionDecl): { ret: ReturnClassification; args: ReturnType<typeof classifyArgs> } {
    let c = this.conventions.get(fn);
    if (c === undefined) {
      const ret = classifyReturn(fn.returnType, this.target);
      c = {
        ret,
        args: classifyArgs(
          fn.params.map((p) => p.type),
          this.target,
          { indirectResult: ret.indirect },
        ),
      };
      this.conventions.set(fn, c);
    }
    return c;
  }

  size(t: CType): number {
    if (t.kind === 'void') return 0;
    if (t.kind === 'reference' || t.kind === 'function') return 8;
    return this.layout(t).size;
  }

  align(t: CType): number {
    if (t.kind === 'void') return 1;
    if (t.kind === 'reference' || t.kind === 'function') return 8;
    return this.layout(t).align;
  }

  cells(t: CType) {
    try {
      return layoutOf(t.kind === 'reference' ? { kind: 'pointer', pointee: t.referent } : t, this.target)
        .cells;
    } catch {
      return undefined;
    }
  }

  // ------------------------------------------------------------------ loading the library

  /** Exported symbols: functions with a body and external linkage, by their loader name. */
  exports(): Map<string, FunctionDecl> {
    const out = new Map<string, FunctionDecl>();
    for (const f of this.unit.functions)
      if (f.body !== null && !f.internal && f.method === null) out.set(f.symbol, f);
    return out;
  }

  /** Loads the library: statics get their storage (zeroed, as .bss), constant initialisers run. */
  load(): void {
    const m = this.p.m;
    for (const v of this.unit.statics) {
      if (v.externDeclaration === true) continue;
      const size = Math.max(this.size(v.type), 1);
      const align = Math.max(this.align(v.type), 1);
      this.staticsTop = Math.ceil(this.staticsTop / align) * align;
      const addr = this.staticsTop;
      this.staticsTop += size;
      const cells = this.cells(v.type);
      const objectId = m.newObject({
        name:
          v.functionId !== undefined
            ? `${this.functionName(v.functionId)}::${v.name} (static)`
            : v.qualifiedName,
        typeName: typeToString(v.type),
        role: 'static',
        side: SIDE,
        addr,
        size,
        ...(cells ? { cells } : {}),
        loc: this.loc(v.span),
      });
      // Static storage starts zeroed (.bss), so it is initialised memory.
      m.storeBytes(addr, new Uint8Array(size), { intended: objectId, loc: null, raw: true });
      this.statics.set(v.id, {
        addr,
        objectId,
        type: v.type,
        initialized: v.functionId !== undefined ? false : true,
      });
    }
    // Namespace-scope initialisers run when the library is loaded.
    for (const v of this.unit.statics) {
      const s = this.statics.get(v.id);
      if (s === undefined || v.functionId !== undefined || v.init === null) continue;
      this.initAt(v.init, new Ref(s.addr, s.objectId), v.type);
    }
  }

  private functionName(id: number): string {
    return this.unit.functions.find((f) => f.id === id)?.qualifiedName ?? '?';
  }

  // ------------------------------------------------------------------ calls

  /**
   * The callee side of a call: the caller has placed arguments (as *it* believes) and pushed the
   * return address. This reads parameters as the definition says, runs the body, and leaves the
   * result where the definition says.
   */
  invoke(fn: FunctionDecl, callerName: string): void {
    const m = this.p.m;
    if (fn.body === null) throw new Unsupported(`${fn.name} has no body here`, fn.span);
    if (++this.depth > 5000) m.crash('SIGSEGV', m.sp(), 'crash.stack-overflow', [hex(m.sp())]);
    const plan = this.plan(fn);
    const conv = plan.conv;
    const ret = conv.ret;
    const entrySp = m.sp();
    m.step(StepKind.Call, SIDE, plan.enterLoc, 'cpp.enter', plan.callParams(callerName));
    const frameId = m.enterFrame(fn.qualifiedName, SIDE);
    const frame: CppFrame = {
      fn,
      frameId,
      vars: new SmallMap(plan.varCount),
      reserved: new SmallMap(fn.locals.length),
      hidden: null,
      ret,
      scopes: [],
      temps: [],
    };
    // Prologue: save the caller's frame pointer (x86-64) or the frame record x29/x30 (AArch64).
    const linkSize = this.target === 'x86_64' ? 8 : 16;
    const link = m.pushStack(linkSize, 8);
    m.newObjectFrom(this.linkTemplate(callerName), link, linkSize, frameId, true);
    m.storeRuntimeInt(link, 8, this.target === 'x86_64' ? m.regs.getUint('rbp') : m.regs.getUint('x29'));
    if (this.target === 'aarch64') m.storeRuntimeInt(link + 8, 8, m.regs.getUint('x30'));
    m.setRegInt(this.target === 'x86_64' ? 'rbp' : 'x29', link);
    // The hidden result pointer arrives in rdi (x86-64) or x8 (AArch64), whatever the caller put there.
    if (ret.indirect) {
      const reg = this.target === 'x86_64' ? 'rdi' : 'x8';
      const value = m.regs.getUint(reg);
      frame.hidden = new Ref(value, INTENT_RESULT_SLOT);
      const slot = m.pushStack(8, 8);
      const id = m.newObject({
        name: `hidden result pointer (from ${reg})`,
        typeName: plan.hiddenTypeName,
        role: 'param',
        side: SIDE,
        addr: slot,
        size: 8,
        frameId,
        cells: POINTER_CELLS,
        loc: plan.enterLoc,
      });
      m.storeInt(slot, 8, value, { intended: id, loc: null });
    }
    // Parameters, spilled from their registers into the frame as -O0 code does.
    const locs = conv.args;
    for (let i = 0; i < plan.params.length; i++) {
      const pp = plan.params[i] as ParamPlan;
      const param = pp.param;
      const loc = locs[i];
      const size = pp.size;
      const kind = pp.kind;
      const addr = m.pushStack(size, pp.align);
      const id = m.newObjectFrom(pp.template, addr, size, frameId, false);
      frame.vars.set(param.id, { addr, objectId: id, type: param.type });
      if (loc === undefined) continue;
      const part = pp.part;
      if (part !== undefined && kind !== null && kind.k === 'int') {
        // The common case: an integer or pointer in one general register, spilled as is.
        m.storeInt(addr, kind.size, kind.signed ? m.regs.getInt(part.reg) : m.regs.getUint(part.reg), {
          intended: id,
          loc: null,
        });
        continue;
      }
      const bytes = this.readArgument(loc, size, entrySp);
      m.storeBytes(addr, bytes, { intended: id, loc: null });
    }
    // Reserve every local's slot now; each object comes to life at its declaration.
    for (const v of fn.locals) {
      if (v.storage !== 'auto' || (v.nrvo === true && ret.indirect)) continue;
      const size = Math.max(this.size(v.type), 1);
      frame.reserved.set(v.id, m.pushStack(size, Math.max(this.align(v.type), 1)));
    }
    m.pushStack(0, 16);
    const callerFrame = this.frame;
    this.frame = frame;
    try {
      this.execBlock(fn.body);
      // Falling off the end of a value-returning function is undefined; g++ -O0 returns whatever is in rax.
      m.step(StepKind.Return, SIDE, plan.leaveLoc, 'cpp.leave', plan.callParams(callerName));
      if (ret.indirect && this.target === 'x86_64' && frame.hidden !== null) {
        // The psABI: a function returning in memory returns the hidden pointer in rax.
        m.setRegInt('rax', frame.hidden.addr);
        this.p.regProv.set('rax', m.objectAt(frame.hidden.addr));
      }
    } finally {
      this.frame = callerFrame;
      this.depth--;
    }
    m.exitFrame(frameId);
  }

  /** Reads the bytes of one argument from where the callee's own convention says it is. */
  private readArgument(
    loc: ReturnType<typeof classifyArgs>[number],
    size: number,
    entrySp: number,
  ): Uint8Array {
    const m = this.p.m;
    const out = new Uint8Array(size);
    if (loc.kind === 'regs') {
      for (const part of loc.parts) {
        const bytes = m.regs.getBytes(part.reg, part.regOffset, part.size);
        out.set(bytes.subarray(0, Math.min(part.size, size - part.offset)), part.offset);
      }
    } else if (loc.kind === 'stack') {
      out.set(
        m.loadBytes(entrySp + 8 + loc.offset, size, { intended: INTENT_UNKNOWN, loc: null, raw: true }),
      );
    } else {
      // Passed by invisible reference: the register holds the address of a temporary copy.
      const ptr = this.readArgument(loc.pointer, 8, entrySp);
      const addr =
        new DataView(ptr.buffer).getUint32(0, true) + new DataView(ptr.buffer).getUint32(4, true) * 2 ** 32;
      out.set(m.loadBytes(addr, size, { intended: INTENT_UNKNOWN, loc: null, raw: true }));
    }
    return out;
  }

  /**
   * A call from C++ to C++: the caller's side. Places arguments per the callee's signature (both
   * sides agree here, they see the same declaration), sets aside the result slot for a result
   * returned in memory, and reads the result back.
   */
  callFunction(fn: FunctionDecl, args: Init[], dest: Ref | null, span: Span): Val {
    const m = this.p.m;
    const { ret, args: locs } = this.convention(fn);
    // Evaluate each argument into a temporary, then move its bytes where the convention says.
    const temps = fn.params.map((param, i) => {
      const init = args[i];
      const size = Math.max(this.size(param.type), 1);
      const addr = m.pushStack(size, Math.max(this.align(param.type), 1));
      const id = this.newTemp(`argument ${param.name}`, param.type, addr, size, span);
      if (init !== undefined) this.initAt(init, new Ref(addr, id), param.type);
      return { addr, size, id };
    });
    let resultSlot: Ref | null = null;
    if (ret.indirect) {
      if (dest === null) {
        const size = this.size(fn.returnType);
        const addr = m.pushStack(size, Math.max(this.align(fn.returnType), 1));
        dest = new Ref(
          addr,
          this.newTemp(`result of ${fn.name}()`, fn.returnType, addr, size, span, 'return-slot'),
        );
      }
      resultSlot = dest;
      m.setRegInt(this.target === 'x86_64' ? 'rdi' : 'x8', dest.addr);
    }
    const stackArgs: { offset: number; bytes: Uint8Array }[] = [];
    temps.forEach((t, i) => {
      const loc = locs[i];
      if (loc === undefined) return;
      const bytes = m.loadBytes(t.addr, t.size, { intended: t.id, loc: this.loc(span), raw: true });
      if (loc.kind === 'regs') {
        for (const part of loc.parts)
          m.setRegBytes(part.reg, part.regOffset, bytes.subarray(part.offset, part.offset + part.size));
      } else if (loc.kind === 'stack') stackArgs.push({ offset: loc.offset, bytes });
      else {
        const inner = loc.pointer;
        if (inner.kind === 'regs' && inner.parts[0] !== undefined) m.setRegInt(inner.parts[0].reg, t.addr);
      }
    });
    if (stackArgs.length > 0) {
      const top = Math.max(...stackArgs.map((a) => a.offset + a.bytes.length));
      const base = m.pushStack(Math.ceil(top / 16) * 16, 16);
      for (const a of stackArgs)
        m.storeBytes(base + a.offset, a.bytes, { intended: INTENT_UNKNOWN, loc: null });
    }
    const retAddr = this.pushReturnAddress(this.frame?.fn.qualifiedName ?? 'caller', span);
    m.resultSlots.push(
      resultSlot === null ? null : { addr: resultSlot.addr, size: this.size(fn.returnType) },
    );
    try {
      this.invoke(fn, this.frame?.fn.qualifiedName ?? 'caller');
    } finally {
      m.resultSlots.pop();
    }
    this.popReturnAddress(retAddr);
    m.step(StepKind.Return, SIDE, this.loc(span), 'cpp.back', [
      fn.qualifiedName,
      this.frame?.fn.qualifiedName ?? '',
    ]);
    if (ret.indirect) return resultSlot as Ref;
    if (fn.returnType.kind === 'void') return 0;
    const k = scalarKind(fn.returnType, this.target);
    if (k !== null && fn.returnType.kind !== 'reference') return this.readScalarResult(fn.returnType, ret);
    // A class returned in registers: its bytes go to the destination (or a temporary).
    const size = this.size(fn.returnType);
    if (dest === null) {
      const addr = m.pushStack(size, Math.max(this.align(fn.returnType), 1));
      dest = new Ref(addr, this.newTemp(`result of ${fn.name}()`, fn.returnType, addr, size, span));
    }
    const bytes = new Uint8Array(size);
    for (const part of ret.parts)
      bytes.set(
        m.regs.getBytes(part.reg, part.regOffset, part.size).subarray(0, Math.max(0, size - part.offset)),
        part.offset,
      );
    m.storeBytes(dest.addr, bytes, { intended: dest.prov, loc: this.loc(span) });
    if (fn.returnType.kind === 'reference') return this.readScalarResult(fn.returnType, ret);
    return dest;
  }

  /** Reads a scalar result from its register (a reference comes back as the address). */
  readScalarResult(t: CType, ret: ReturnClassification): Val {
    const m = this.p.m;
    const part = ret.parts[0];
    if (ret.x87 === true) return m.x87Pop();
    if (part === undefined) return 0;
    const k = scalarKind(t, this.target);
    if (k === null) return 0;
    const bytes = m.regs.getBytes(part.reg, part.regOffset, 8);
    const dv = new DataView(bytes.buffer);
    switch (k.k) {
      case 'f32':
        return dv.getFloat32(0, true);
      case 'f64':
      case 'f80':
        return dv.getFloat64(0, true);
      case 'ptr': {
        const a = dv.getUint32(0, true) + dv.getUint32(4, true) * 2 ** 32;
        return new Ref(a, this.p.regProv.get(part.reg) ?? m.objectAt(a));
      }
      case 'int': {
        const lo = dv.getUint32(0, true);
        const hi = dv.getInt32(4, true);
        return wrapInt(k.size === 8 ? hi * 2 ** 32 + lo : lo, k.size, k.signed);
      }
    }
  }

  /** The `call` instruction into the library (see Machine.callInstruction). */
  pushReturnAddress(callerName: string, span: Span | null): number {
    const m = this.p.m;
    this.textStart ??= m.regionOfKind('text', 'libfoo').start;
    return m.callInstruction(callerName, SIDE, this.textStart + 0x100 + ((span?.start.line ?? 0) % 200) * 16);
  }

  /** `ret`. */
  popReturnAddress(addr: number): void {
    this.p.m.returnInstruction(addr);
  }

  newTemp(
    name: string,
    t: CType,
    addr: number,
    size: number,
    span: Span,
    role: 'temp' | 'return-slot' = 'temp',
  ): number {
    const m = this.p.m;
    const cells = this.cells(t);
    const id = m.newObject({
      name,
      typeName: typeToString(t),
      role,
      side: SIDE,
      addr,
      size,
      frameId: this.frame?.frameId ?? m.currentFrame,
      ...(cells ? { cells } : {}),
      loc: this.loc(span),
    });
    this.frame?.temps.push(id);
    return id;
  }

  // ------------------------------------------------------------------ statements

  private stmtStep(s: Stmt, message = 'cpp.stmt'): void {
    this.p.m.step(StepKind.Statement, SIDE, this.loc(s.span), message, [this.text(s.span)]);
  }

  execBlock(b: BlockStmt): Flow {
    const f = this.frame as CppFrame;
    f.scopes.push(b.scopeVars);
    let flow = Flow.Normal;
    try {
      for (const s of b.stmts) {
        flow = this.exec(s);
        if (flow !== Flow.Normal) break;
      }
    } finally {
      f.scopes.pop();
    }
    this.endScope(b.scopeVars, b.span);
    return flow;
  }

  /** Ends the lifetimes of a scope's variables in reverse order, running destructors. */
  private endScope(vars: VarDecl[], span: Span): void {
    const f = this.frame;
    if (f === null) return;
    const m = this.p.m;
    for (let i = vars.length - 1; i >= 0; i--) {
      const v = vars[i] as VarDecl;
      const slot = f.vars.get(v.id);
      if (slot === undefined) continue;
      if (!(v.nrvo === true && f.ret.indirect))
        this.lib.destroy(v.type, new Ref(slot.addr, slot.objectId), span);
      m.endObject(slot.objectId, 'out-of-scope', this.loc({ start: span.end, end: span.end }));
      f.vars.delete(v.id);
    }
  }

  private endTemps(): void {
    const f = this.frame;
    if (f === null || f.temps.length === 0) return;
    for (const id of f.temps) this.p.m.endObject(id, 'out-of-scope');
    f.temps.length = 0;
  }

  exec(s: Stmt): Flow {
    const m = this.p.m;
    const f = this.frame as CppFrame;
    switch (s.kind) {
      case 'block':
        return this.execBlock(s);
      case 'empty':
        return Flow.Normal;
      case 'error':
        throw new Unsupported('a statement that did not compile', s.span);
      case 'var-decl': {
        const v = s.variable;
        if (v.storage === 'static' || v.storage === 'thread') {
          const st = this.statics.get(v.id);
          this.stmtStep(s, 'cpp.static-local');
          if (st !== undefined && !st.initialized) {
            st.initialized = true;
            if (s.init !== null) this.initAt(s.init, new Ref(st.addr, st.objectId), v.type);
          }
          return Flow.Normal;
        }
        this.stmtStep(s, 'cpp.declare');
        let slot: VarSlot;
        if (v.nrvo === true && f.ret.indirect && f.hidden !== null) {
          // NRVO: the variable *is* the caller's result slot, wherever the hidden pointer points.
          const id = m.newObject({
            name: v.name,
            typeName: typeToString(v.type),
            role: 'result-view',
            side: SIDE,
            addr: f.hidden.addr,
            size: Math.max(this.size(v.type), 1),
            frameId: f.frameId,
            ...(this.cells(v.type) ? { cells: this.cells(v.type) } : {}),
            loc: this.loc(v.span),
            initialized: true,
          });
          slot = { addr: f.hidden.addr, objectId: id, type: v.type };
          f.vars.set(v.id, slot);
          m.narrate('cpp.declare-nrvo', [
            v.name,
            hex(f.hidden.addr),
            this.target === 'x86_64' ? 'rdi' : 'x8',
          ]);
          if (s.init !== null) this.initAt(s.init, new Ref(slot.addr, INTENT_RESULT_SLOT), v.type);
          this.endTemps();
          return Flow.Normal;
        }
        const addr =
          f.reserved.get(v.id) ??
          m.pushStack(Math.max(this.size(v.type), 1), Math.max(this.align(v.type), 1));
        const cells = this.cells(v.type);
        const id = m.newObject({
          name: v.name,
          typeName: typeToString(v.type),
          role: 'local',
          side: SIDE,
          addr,
          size: Math.max(this.size(v.type), 1),
          frameId: f.frameId,
          ...(cells ? { cells } : {}),
          loc: this.loc(v.span),
        });
        slot = { addr, objectId: id, type: v.type };
        f.vars.set(v.id, slot);
        if (s.init !== null) this.initAt(s.init, new Ref(addr, id), v.type);
        this.endTemps();
        return Flow.Normal;
      }
      case 'expr': {
        this.stmtStep(s);
        const v = this.rv(s.expr);
        this.endTemps();
        if ((s.expr.kind === 'assign' || s.expr.kind === 'compound-assign') && v instanceof Ref) {
          // Say where the value went: that is where a stray write shows itself.
          const k = scalarKind(s.expr.target.type, this.target);
          const stored =
            k !== null && this.p.m.mem.isMapped(v.addr, 8) ? loadScalarQuiet(this.p, k, v.addr) : null;
          const owner = this.p.m.objectAt(v.addr);
          const where = owner >= 0 ? this.p.m.object(owner).name : this.p.m.describeAddress(v.addr);
          this.p.m.narrate('cpp.store', [
            this.text(s.span),
            stored === null ? '?' : this.showVal(stored, s.expr.target.type),
            hex(v.addr),
            where,
          ]);
        }
        return Flow.Normal;
      }
      case 'if': {
        this.stmtStep(s, 'cpp.if');
        const c = num(this.rv(s.cond)) !== 0;
        this.endTemps();
        m.narrate('cpp.if', [this.text(s.cond.span), c ? 'true' : 'false']);
        if (c) return this.exec(s.then);
        return s.else === null ? Flow.Normal : this.exec(s.else);
      }
      case 'while':
        for (;;) {
          this.stmtStep(s, 'cpp.loop-test');
          const c = num(this.rv(s.cond)) !== 0;
          this.endTemps();
          m.narrate('cpp.loop-test', [this.text(s.cond.span), c ? 'true' : 'false']);
          if (!c) return Flow.Normal;
          const fl = this.exec(s.body);
          if (fl === Flow.Break) return Flow.Normal;
          if (fl === Flow.Return) return fl;
        }
      case 'do-while':
        for (;;) {
          const fl = this.exec(s.body);
          if (fl === Flow.Break) return Flow.Normal;
          if (fl === Flow.Return) return fl;
          this.stmtStep(s, 'cpp.loop-test');
          const c = num(this.rv(s.cond)) !== 0;
          this.endTemps();
          if (!c) return Flow.Normal;
        }
      case 'for': {
        f.scopes.push(s.scopeVars);
        try {
          if (s.init !== null) this.exec(s.init);
          for (;;) {
            if (s.cond === null && s.step === null) {
              // `for (;;)` has no test and no increment to stand on: each round is a step of its
              // own, so an empty endless loop spends the step budget like any other.
              this.p.m.step(
                StepKind.Statement,
                SIDE,
                this.loc({ start: s.span.start, end: s.body.span.start }),
                'cpp.loop-again',
              );
            }
            if (s.cond !== null) {
              this.p.m.step(StepKind.Statement, SIDE, this.loc(s.cond.span), 'cpp.loop-test', [
                this.text(s.cond.span),
                '',
              ]);
              const c = num(this.rv(s.cond)) !== 0;
              this.endTemps();
              m.narrate('cpp.loop-test', [this.text(s.cond.span), c ? 'true' : 'false']);
              if (!c) break;
            }
            const fl = this.exec(s.body);
            if (fl === Flow.Break) break;
            if (fl === Flow.Return) return fl;
            if (s.step !== null) {
              this.p.m.step(StepKind.Statement, SIDE, this.loc(s.step.span), 'cpp.stmt', [
                this.text(s.step.span),
              ]);
              this.rv(s.step);
              this.endTemps();
            }
          }
        } finally {
          f.scopes.pop();
        }
        this.endScope(s.scopeVars, s.span);
        return Flow.Normal;
      }
      case 'break':
        return Flow.Break;
      case 'continue':
        return Flow.Continue;
      case 'return': {
        this.stmtStep(s, 'cpp.return');
        this.doReturn(s.init, s.nrvo || this.returnsNrvoVariable(f.fn, s.init), s.span);
        // Only class objects have destructors that could touch the result registers.
        const result = f.scopes.some((vs) => vs.some((v) => v.type.kind === 'record'))
          ? this.saveResult(f)
          : null;
        this.endTemps();
        // Every open scope ends: destructors of the function's live locals run on the way out.
        for (let i = f.scopes.length - 1; i >= 0; i--) this.endScope(f.scopes[i] as VarDecl[], s.span);
        if (result !== null) this.restoreResult(result);
        return Flow.Return;
      }
    }
  }

  /**
   * The result registers as `return` left them. Destructors run after the value is computed (a
   * local unique_ptr, shared_ptr or vector is freed on the way out), and free() leaves its own
   * values in rax/x0; g++ keeps the result aside meanwhile (in the frame or a callee-saved
   * register, checked with g++ 12 -O0 -S) and loads it back before `ret`.
   */
  private saveResult(f: CppFrame): { reg: string; bytes: Uint8Array; prov: number | undefined }[] {
    const m = this.p.m;
    const regs = new Set(f.ret.parts.map((part) => part.reg));
    regs.add(this.target === 'x86_64' ? 'rax' : 'x0');
    if (this.target === 'aarch64') regs.add('x1');
    return [...regs].map((reg) => ({
      reg,
      bytes: m.regs.slotView(m.regs.indexOf(reg)).slice(),
      prov: this.p.regProv.get(reg),
    }));
  }

  private restoreResult(saved: { reg: string; bytes: Uint8Array; prov: number | undefined }[]): void {
    const m = this.p.m;
    for (const { reg, bytes, prov } of saved) {
      const now = m.regs.slotView(m.regs.indexOf(reg));
      if (now.every((b, i) => b === bytes[i])) continue;
      m.setRegBytes(reg, 0, bytes);
      if (prov === undefined) this.p.regProv.delete(reg);
      else this.p.regProv.set(reg, prov);
    }
  }

  /** `return bar;` where bar is the named return value: already in the slot, nothing to copy or move. */
  private returnsNrvoVariable(fn: FunctionDecl, init: Init | null): boolean {
    const v = fn.nrvoVariable;
    if (v === null || init === null) return false;
    let e: Expr | null = init.kind === 'copy' ? init.source : init.kind === 'expr' ? init.expr : null;
    while (
      e !== null &&
      e.kind === 'cast' &&
      (e.conversion === 'noop' || e.conversion === 'lvalue-to-rvalue')
    )
      e = e.operand;
    return e !== null && e.kind === 'var-ref' && e.variable.id === v.id;
  }

  /** Puts the return value where this function's own convention says it goes. */
  private doReturn(init: Init | null, nrvo: boolean, span: Span): void {
    const m = this.p.m;
    const f = this.frame as CppFrame;
    const t = f.fn.returnType;
    if (t.kind === 'void') return;
    if (f.ret.indirect) {
      if (!nrvo && init !== null && f.hidden !== null) this.initAt(init, f.hidden, t);
      m.narrate('cpp.return-memory', [hex(f.hidden?.addr ?? 0), this.target === 'x86_64' ? 'rdi' : 'x8']);
      return;
    }
    if (init === null && !nrvo) return;
    const k = scalarKind(t, this.target);
    if (k !== null && t.kind !== 'reference' && init !== null && init.kind === 'expr') {
      const v = this.rv(init.expr);
      this.setScalarResult(t, f.ret, v);
      if (m.narrating) m.narrate('cpp.return-reg', [this.showVal(v, t), f.ret.convention]);
      return;
    }
    if (t.kind === 'reference' && init !== null) {
      const place =
        init.kind === 'bind' ? this.lv(init.expr) : init.kind === 'expr' ? this.lv(init.expr) : null;
      if (place !== null) this.setScalarResult({ kind: 'pointer', pointee: t.referent }, f.ret, place);
      return;
    }
    // A class returned in registers: build it in a temporary (or use the NRVO local), then load its bytes.
    let src: Ref;
    if (nrvo && f.fn.nrvoVariable !== null) {
      const slot = f.vars.get(f.fn.nrvoVariable.id);
      src = slot === undefined ? new Ref(0, -1) : new Ref(slot.addr, slot.objectId);
    } else {
      const size = this.size(t);
      const addr = m.pushStack(size, Math.max(this.align(t), 1));
      src = new Ref(addr, this.newTemp('return value', t, addr, size, span));
      if (init !== null) this.initAt(init, src, t);
    }
    const size = this.size(t);
    const bytes = m.loadBytes(src.addr, size, { intended: src.prov, loc: this.loc(span), raw: true });
    // What g++ -O0 leaves in the integer result registers on the way (checked with g++ 12 and
    // aarch64-linux-gnu-g++ 12 -O0 -S): a class of up to 16 bytes travels through rax (x0, x1)
    // before reaching its return registers, so they keep its raw bits; a larger AArch64 HFA is
    // copied to a frame temporary first, and x0 keeps that temporary's address.
    const raw = new DataView(bytes.buffer, bytes.byteOffset);
    const word = (o: number) =>
      o + 8 <= size ? raw.getUint32(o, true) + raw.getUint32(o + 4, true) * 2 ** 32 : 0;
    if (size <= 16) {
      m.setRegInt(this.target === 'x86_64' ? 'rax' : 'x0', word(0));
      if (this.target === 'aarch64') m.setRegInt('x1', word(8));
      this.p.regProv.delete(this.target === 'x86_64' ? 'rax' : 'x0');
    } else if (this.target === 'aarch64') {
      const addr = m.pushStack(size, 16);
      const copy = this.newTemp('copy of the return value', t, addr, size, span);
      m.storeBytes(addr, bytes, { intended: copy, loc: this.loc(span) });
      m.setRegInt('x0', addr);
      this.p.regProv.set('x0', copy);
    }
    for (const part of f.ret.parts)
      m.setRegBytes(part.reg, part.regOffset, bytes.subarray(part.offset, part.offset + part.size));
    if (f.ret.x87 === true) m.x87Push(new DataView(bytes.buffer).getFloat64(0, true));
    m.narrate('cpp.return-reg', [typeToString(t), f.ret.convention]);
  }

  private setScalarResult(t: CType, ret: ReturnClassification, v: Val): void {
    const m = this.p.m;
    if (ret.x87 === true) {
      m.x87Push(num(v));
      return;
    }
    const part = ret.parts[0];
    if (part === undefined) return;
    const k = scalarKind(t, this.target);
    if (k?.k === 'f32') m.setRegF32(part.reg, num(v));
    else if (k?.k === 'f64') m.setRegF64(part.reg, num(v));
    else {
      m.setRegInt(part.reg, num(v));
      if (v instanceof Ref && v.prov >= 0) this.p.regProv.set(part.reg, v.prov);
      else this.p.regProv.delete(part.reg);
    }
  }

  /** At -O0 a floating value on its way to memory passes through xmm0 (d0/s0): `movsd %xmm0, (%rax)`. */
  private viaFloatRegister(k: ReturnType<typeof scalarKind>, v: Val): void {
    const m = this.p.m;
    if (k?.k === 'f64' || k?.k === 'f80') m.setRegF64(this.target === 'x86_64' ? 'xmm0' : 'v0', num(v));
    else if (k?.k === 'f32') m.setRegF32(this.target === 'x86_64' ? 'xmm0' : 'v0', num(v));
  }

  showVal(v: Val, t: CType): string {
    // Narration only: a summary-only run keeps none, so none is formatted.
    if (!this.p.m.narrating) return '';
    if (v instanceof Ref) return hex(v.addr);
    const k = scalarKind(t, this.target);
    if (k?.k === 'int') return String(v);
    return String(Number.isInteger(v) ? v.toFixed(1) : v);
  }

  // ------------------------------------------------------------------ initialisation

  /** Initialises the object of type `t` at `dest` as `init` says. */
  initAt(init: Init, dest: Ref, t: CType): void {
    const m = this.p.m;
    switch (init.kind) {
      case 'default':
        if (init.ctor !== null) {
          this.callMethod(init.ctor, dest, [], init.span);
          return;
        }
        this.lib.defaultInit(t, dest, init.span);
        return;
      case 'zero': {
        const size = this.size(t);
        if (size > 0)
          m.storeBytes(dest.addr, new Uint8Array(size), { intended: dest.prov, loc: this.loc(init.span) });
        return;
      }
      case 'expr': {
        const k = scalarKind(t, this.target);
        if (k !== null && t.kind !== 'reference') {
          const v = this.rv(init.expr);
          this.viaFloatRegister(k, v);
          storeScalar(m, k, dest, v, this.loc(init.span));
          return;
        }
        if (t.kind === 'reference') {
          storeScalar(m, { k: 'ptr' }, dest, this.lv(init.expr), this.loc(init.span));
          return;
        }
        this.into(init.expr, dest);
        return;
      }
      case 'bind':
        storeScalar(m, { k: 'ptr' }, dest, this.lv(init.expr), this.loc(init.span));
        return;
      case 'copy': {
        const src = this.lv(init.source);
        if (init.ctor !== null) {
          this.callMethod(init.ctor, dest, [src], init.span);
          return;
        }
        if (init.std !== null) {
          this.lib.copyStd(init.std, t, dest, src, init.move, init.span);
          return;
        }
        const size = this.size(t);
        const bytes = m.loadBytes(src.addr, size, {
          intended: src.prov,
          loc: this.loc(init.span),
          raw: true,
        });
        m.storeBytes(dest.addr, bytes, { intended: dest.prov, loc: this.loc(init.span) });
        return;
      }
      case 'ctor': {
        this.callMethod(init.ctor, dest, init.args, init.span);
        return;
      }
      case 'aggregate':
        this.aggregate(init, dest, t);
        return;
      case 'string': {
        const size = this.size(t);
        const bytes = new Uint8Array(size);
        init.literal.units.forEach((u, i) => {
          if (i < size) bytes[i] = u & 0xff;
        });
        m.storeBytes(dest.addr, bytes, { intended: dest.prov, loc: this.loc(init.span) });
        return;
      }
      case 'std-ctor':
        this.lib.constructStd(init, dest);
        return;
    }
  }

  private aggregate(init: Extract<Init, { kind: 'aggregate' }>, dest: Ref, t: CType): void {
    if (t.kind === 'array') {
      const es = this.size(t.element);
      init.elements.forEach((e, i) => this.initAt(e, new Ref(dest.addr + i * es, dest.prov), t.element));
      for (let i = init.elements.length; i < t.length; i++) {
        this.initAt(
          { kind: 'zero', type: t.element, span: init.span },
          new Ref(dest.addr + i * es, dest.prov),
          t.element,
        );
      }
      return;
    }
    if (t.kind === 'record') {
      const layout = layoutOf(t, this.target);
      const std = t.decl.std;
      if (std?.kind === 'array') {
        const inner = layout.fields[0];
        if (inner !== undefined) {
          const arr = inner.type;
          // `std::array<T,N> a = {1, 2}` braces the inner C array; both spellings reach here.
          const flat =
            init.elements.length === 1 &&
            init.elements[0]?.kind === 'aggregate' &&
            arr.kind === 'array' &&
            arr.element.kind !== 'array'
              ? (init.elements[0] as Extract<Init, { kind: 'aggregate' }>).elements
              : init.elements;
          this.aggregate(
            { ...init, elements: flat, type: arr },
            new Ref(dest.addr + inner.offset, dest.prov),
            arr,
          );
        }
        return;
      }
      layout.fields.forEach((fl, i) => {
        const e = init.elements[i];
        const place = new Ref(dest.addr + fl.offset, dest.prov);
        if (e !== undefined) this.initAt(e, place, fl.type);
        else this.initAt({ kind: 'zero', type: fl.type, span: init.span }, place, fl.type);
      });
      return;
    }
    const e = init.elements[0];
    if (e !== undefined) this.initAt(e, dest, t);
    else this.initAt({ kind: 'zero', type: t, span: init.span }, dest, t);
  }

  /** Calls a member function (constructor, destructor, method) with `this` = object. */
  callMethod(fn: FunctionDecl, object: Ref, args: (Init | Ref)[], span: Span): Val {
    const m = this.p.m;
    if (fn.body === null) throw new Unsupported(`the body of ${fn.qualifiedName}`, span);
    // `this` travels as the first integer argument; model it as a hidden first parameter.
    const thisReg = this.target === 'x86_64' ? 'rdi' : 'x0';
    const ret = classifyReturn(fn.returnType, this.target);
    const locs = classifyArgs(
      [{ kind: 'pointer', pointee: fn.returnType }, ...fn.params.map((p) => p.type)],
      this.target,
      {
        indirectResult: ret.indirect,
      },
    );
    const temps = fn.params.map((param, i) => {
      const a = args[i];
      const size = Math.max(this.size(param.type), 1);
      const addr = m.pushStack(size, Math.max(this.align(param.type), 1));
      const id = this.newTemp(`argument ${param.name}`, param.type, addr, size, span);
      if (a instanceof Ref) {
        if (param.type.kind === 'reference')
          storeScalar(m, { k: 'ptr' }, new Ref(addr, id), a, this.loc(span));
        else
          m.storeBytes(
            addr,
            m.loadBytes(a.addr, size, { intended: a.prov, loc: this.loc(span), raw: true }),
            { intended: id, loc: null },
          );
      } else if (a !== undefined) this.initAt(a, new Ref(addr, id), param.type);
      return { addr, size };
    });
    const thisLoc = locs[0];
    temps.forEach((t, i) => {
      const loc = locs[i + 1];
      if (loc?.kind !== 'regs') return;
      const bytes = m.loadBytes(t.addr, t.size, { intended: INTENT_UNKNOWN, loc: null, raw: true });
      for (const part of loc.parts)
        m.setRegBytes(part.reg, part.regOffset, bytes.subarray(part.offset, part.offset + part.size));
    });
    m.setRegInt(thisLoc?.kind === 'regs' ? (thisLoc.parts[0]?.reg ?? thisReg) : thisReg, object.addr);
    const retAddr = this.pushReturnAddress(this.frame?.fn.qualifiedName ?? 'caller', span);
    m.resultSlots.push(null);
    const saved = this.methodThis;
    this.methodThis = object;
    try {
      this.invokeMethod(fn, object);
    } finally {
      this.methodThis = saved;
      m.resultSlots.pop();
    }
    this.popReturnAddress(retAddr);
    if (fn.returnType.kind === 'void') return 0;
    return this.readScalarResult(fn.returnType, ret);
  }

  private methodThis: Ref | null = null;

  /** Runs a member function body with `this` bound; parameters are read from the argument registers after `this`. */
  private invokeMethod(fn: FunctionDecl, object: Ref): void {
    const m = this.p.m;
    const body = fn.body as BlockStmt;
    m.step(StepKind.Call, SIDE, this.loc(fn.definitionSpan ?? fn.span), 'cpp.enter', [
      fn.qualifiedName,
      this.frame?.fn.qualifiedName ?? '',
    ]);
    const frameId = m.enterFrame(fn.qualifiedName, SIDE);
    const ret = classifyReturn(fn.returnType, this.target);
    const frame: CppFrame = {
      fn,
      frameId,
      vars: new SmallMap(),
      reserved: new SmallMap(),
      hidden: null,
      ret,
      scopes: [],
      temps: [],
    };
    const entrySp = m.sp();
    const locs = classifyArgs(
      [{ kind: 'pointer', pointee: fn.returnType }, ...fn.params.map((p) => p.type)],
      this.target,
      {
        indirectResult: ret.indirect,
      },
    );
    fn.params.forEach((param, i) => {
      const size = Math.max(this.size(param.type), 1);
      const addr = m.pushStack(size, Math.max(this.align(param.type), 1));
      const id = m.newObject({
        name: param.name,
        typeName: typeToString(param.type),
        role: 'param',
        side: SIDE,
        addr,
        size,
        frameId,
        loc: this.loc(param.span),
      });
      frame.vars.set(param.id, { addr, objectId: id, type: param.type });
      const loc = locs[i + 1];
      if (loc !== undefined)
        m.storeBytes(addr, this.readArgument(loc, size, entrySp), { intended: id, loc: null });
    });
    for (const v of fn.locals) {
      if (v.storage !== 'auto') continue;
      frame.reserved.set(v.id, m.pushStack(Math.max(this.size(v.type), 1), Math.max(this.align(v.type), 1)));
    }
    const callerFrame = this.frame;
    this.frame = frame;
    try {
      // Member initialisers run before the constructor body.
      for (const mi of fn.method?.memberInits ?? []) {
        if (mi.kind === 'field-init') {
          const fl = layoutOf(
            { kind: 'record', decl: fn.method?.record as RecordDecl },
            this.target,
          ).fields.find((x) => x.name === mi.field.name);
          if (fl !== undefined)
            this.initAt(mi.init, new Ref(object.addr + fl.offset, object.prov), mi.field.type);
        }
      }
      this.execBlock(body);
    } finally {
      this.frame = callerFrame;
    }
    m.exitFrame(frameId);
  }

  // ------------------------------------------------------------------ expressions

  /** Evaluates an expression to a scalar value (prvalue), or a glvalue's address. */
  rv(e: Expr): Val {
    const m = this.p.m;
    switch (e.kind) {
      case 'int-literal':
        return Number(e.value);
      case 'float-literal':
        return e.value;
      case 'bool-literal':
        return e.value ? 1 : 0;
      case 'nullptr':
        return new Ref(0, INTENT_UNKNOWN);
      case 'enumerator':
        return Number(e.value);
      case 'this':
        return this.methodThis ?? new Ref(0, INTENT_UNKNOWN);
      case 'string-literal':
        return this.lib.stringLiteral(e);
      case 'sizeof':
        return e.align ? this.align(e.of) : this.size(e.of);
      case 'cast':
        return this.cast(e);
      case 'unary': {
        const v = num(this.rv(e.operand));
        switch (e.op) {
          case '-':
            return this.wrapTo(e.type, -v);
          case '+':
            return v;
          case '!':
            return v === 0 ? 1 : 0;
          case '~':
            return this.wrapTo(e.type, ~v);
        }
        break;
      }
      case 'address-of':
        return this.lv(e.operand);
      case 'binary':
        return this.binary(e);
      case 'pointer-arith': {
        const p = this.rv(e.pointer);
        const n = num(this.rv(e.offset));
        const pt = e.type.kind === 'pointer' ? e.type.pointee : e.type;
        const size = pt.kind === 'void' ? 1 : this.size(pt);
        const ref = p instanceof Ref ? p : new Ref(p, INTENT_UNKNOWN);
        return new Ref(ref.addr + (e.op === '+' ? n : -n) * size, ref.prov);
      }
      case 'pointer-diff': {
        const a = num(this.rv(e.left));
        const b = num(this.rv(e.right));
        const lt = e.left.type;
        const size = lt.kind === 'pointer' && lt.pointee.kind !== 'void' ? this.size(lt.pointee) : 1;
        return Math.trunc((a - b) / size);
      }
      case 'logical': {
        const l = num(this.rv(e.left)) !== 0;
        if (e.op === '&&' ? !l : l) return l ? 1 : 0;
        return num(this.rv(e.right)) !== 0 ? 1 : 0;
      }
      case 'conditional':
        return num(this.rv(e.cond)) !== 0 ? this.rv(e.then) : this.rv(e.else);
      case 'comma':
        this.rv(e.left);
        return this.rv(e.right);
      case 'inc-dec': {
        const place = this.lv(e.operand);
        const k = scalarKind(e.operand.type, this.target);
        if (k === null) throw new Unsupported('++/-- on this type', e.span);
        const old = loadScalar(m, k, place, this.loc(e.span));
        const t = e.operand.type;
        let next: Val;
        if (old instanceof Ref) {
          const size = t.kind === 'pointer' && t.pointee.kind !== 'void' ? this.size(t.pointee) : 1;
          next = new Ref(old.addr + (e.op === '++' ? size : -size), old.prov);
        } else next = this.wrapTo(t, old + (e.op === '++' ? 1 : -1));
        storeScalar(m, k, place, next, this.loc(e.span));
        return e.prefix ? place : old;
      }
      case 'assign': {
        const v = this.rv(e.value);
        const place = this.lv(e.target);
        const k = scalarKind(e.target.type, this.target);
        if (k === null) throw new Unsupported('assignment to this type', e.span);
        this.viaFloatRegister(k, v);
        storeScalar(m, k, place, v, this.loc(e.span));
        return place;
      }
      case 'compound-assign': {
        const place = this.lv(e.target);
        const k = scalarKind(e.target.type, this.target);
        if (k === null) throw new Unsupported('compound assignment to this type', e.span);
        const cur = loadScalar(m, k, place, this.loc(e.span));
        const rhs = this.rv(e.value);
        let v: Val;
        if (cur instanceof Ref) {
          const t = e.target.type;
          const size = t.kind === 'pointer' && t.pointee.kind !== 'void' ? this.size(t.pointee) : 1;
          v = new Ref(cur.addr + (e.op === '-' ? -1 : 1) * num(rhs) * size, cur.prov);
        } else v = this.wrapTo(e.target.type, arith(e.op, cur, num(rhs), isFloatType(e.computeType)));
        storeScalar(m, k, place, v, this.loc(e.span));
        return place;
      }
      case 'call': {
        if (e.type.kind === 'record') return this.materialize(e);
        return this.callFunction(e.function, e.args, null, e.span);
      }
      case 'method-call': {
        const obj = this.lv(e.object);
        return this.callMethod(e.method, obj, e.args, e.span);
      }
      case 'std-method':
        return this.lib.stdMethod(e);
      case 'builtin-call':
        return this.lib.builtin(e);
      case 'stream-output':
        this.lib.streamOutput(e);
        return 0;
      case 'new':
        return this.lib.newExpr(e);
      case 'delete':
        this.lib.deleteExpr(e);
        return 0;
      case 'var-ref':
      case 'member':
      case 'deref':
      case 'function-ref':
        // A glvalue used as a value: its address (a load is a separate lvalue-to-rvalue cast).
        return this.lv(e);
      case 'record-assign':
        this.lib.recordAssign(e);
        return this.lv(e.target);
      case 'materialize':
      case 'temporary':
        return this.materialize(e);
      case 'indirect-call':
        throw new Unsupported('a call through a function pointer', e.span);
      case 'error':
        throw new Unsupported('an expression that did not compile', e.span);
    }
    throw new Unsupported(`the expression ${this.text((e as Expr).span)}`, (e as Expr).span);
  }

  /** Builds a class prvalue in a temporary of the current full-expression and returns its address. */
  private materialize(e: Expr): Ref {
    const m = this.p.m;
    const size = Math.max(this.size(e.type), 1);
    const addr = m.pushStack(size, Math.max(this.align(e.type), 1));
    const ref = new Ref(addr, this.newTemp('temporary', e.type, addr, size, e.span));
    this.into(e.kind === 'materialize' ? e.expr : e, ref);
    return ref;
  }

  /** Evaluates a class prvalue directly into `dest` (guaranteed copy elision). */
  into(e: Expr, dest: Ref): void {
    switch (e.kind) {
      case 'call':
        this.callFunction(e.function, e.args, dest, e.span);
        return;
      case 'temporary':
        this.initAt(e.init, dest, e.type);
        return;
      case 'materialize':
        this.into(e.expr, dest);
        return;
      case 'builtin-call':
        this.lib.builtinInto(e, dest);
        return;
      case 'cast':
        if (e.conversion === 'noop' || e.conversion === 'lvalue-to-rvalue') {
          this.copyObject(this.lv(e.operand), dest, e.type, e.span);
          return;
        }
        break;
      default:
        break;
    }
    if (e.category !== 'prvalue') {
      this.copyObject(this.lv(e), dest, e.type, e.span);
      return;
    }
    throw new Unsupported(`building ${typeToString(e.type)} from ${this.text(e.span)}`, e.span);
  }

  /** A trivial copy of a whole object: its bytes, read raw, written with the destination's provenance. */
  private copyObject(src: Ref, dest: Ref, t: CType, span: Span): void {
    const m = this.p.m;
    const bytes = m.loadBytes(src.addr, this.size(t), { intended: src.prov, loc: this.loc(span), raw: true });
    m.storeBytes(dest.addr, bytes, { intended: dest.prov, loc: this.loc(span) });
  }

  /** Evaluates a glvalue to its address (with provenance). */
  lv(e: Expr): Ref {
    const m = this.p.m;
    switch (e.kind) {
      case 'var-ref': {
        const v = e.variable;
        const f = this.frame;
        let slot: VarSlot | undefined = f?.vars.get(v.id);
        let ref: Ref;
        if (slot !== undefined)
          ref = new Ref(
            slot.addr,
            v.nrvo === true && f?.ret.indirect === true ? INTENT_RESULT_SLOT : slot.objectId,
          );
        else {
          const st = this.statics.get(v.id);
          if (st === undefined) throw new Unsupported(`the variable ${v.name} here`, e.span);
          slot = st;
          ref = new Ref(st.addr, st.objectId);
        }
        if (e.throughReference) {
          const a = m.loadInt(ref.addr, 8, false, { intended: ref.prov, loc: this.loc(e.span) });
          return new Ref(a, m.objectAt(a));
        }
        return ref;
      }
      case 'member': {
        const base = this.lv(e.object);
        const fl = this.recordLayout(e.record).fields.find((x) => x.name === e.field.name);
        return new Ref(base.addr + (fl?.offset ?? 0), base.prov);
      }
      case 'deref': {
        const p = this.rv(e.operand);
        return p instanceof Ref ? p : new Ref(p, m.objectAt(p));
      }
      case 'cast': {
        if (e.conversion === 'derived-to-base' && e.base !== undefined) {
          const inner = e.operand.type.kind === 'pointer' ? this.rv(e.operand) : this.lv(e.operand);
          const ref = inner instanceof Ref ? inner : new Ref(inner, -1);
          const derived = e.operand.type.kind === 'pointer' ? e.operand.type.pointee : e.operand.type;
          const b =
            derived.kind === 'record'
              ? layoutOf(derived, this.target).bases.find((x) => x.type.decl === e.base)
              : undefined;
          return new Ref(ref.addr + (b?.offset ?? 0), ref.prov);
        }
        const v = this.rv(e);
        return v instanceof Ref ? v : new Ref(v, -1);
      }
      case 'call':
      case 'method-call':
      case 'std-method':
      case 'inc-dec':
      case 'assign':
      case 'compound-assign':
      case 'record-assign':
      case 'conditional':
      case 'comma':
      case 'stream-output': {
        const v = this.rv(e);
        return v instanceof Ref ? v : new Ref(v, m.objectAt(v));
      }
      case 'materialize':
      case 'temporary':
        return this.materialize(e);
      case 'string-literal': {
        const v = this.lib.stringLiteral(e);
        return v;
      }
      case 'function-ref':
        return new Ref(m.regionOfKind('text', 'libfoo').start + 0x80 + e.function.id * 16, -1);
      default:
        throw new Unsupported(`the address of ${this.text(e.span)}`, e.span);
    }
  }

  private cast(e: Extract<Expr, { kind: 'cast' }>): Val {
    const m = this.p.m;
    switch (e.conversion) {
      case 'lvalue-to-rvalue': {
        const place = this.lv(e.operand);
        const k = scalarKind(e.type, this.target);
        if (k === null) return place;
        return loadScalar(m, k, place, this.loc(e.span));
      }
      case 'array-to-pointer':
      case 'function-to-pointer':
        return this.lv(e.operand);
      case 'integral':
        return this.wrapTo(e.type, num(this.rv(e.operand)));
      case 'int-to-float': {
        const v = num(this.rv(e.operand));
        return e.type.kind === 'float' && e.type.name === 'float' ? Math.fround(v) : v;
      }
      case 'float-to-int':
        return this.wrapTo(e.type, Math.trunc(num(this.rv(e.operand))));
      case 'float': {
        const v = num(this.rv(e.operand));
        return e.type.kind === 'float' && e.type.name === 'float' ? Math.fround(v) : v;
      }
      case 'to-bool':
        return num(this.rv(e.operand)) !== 0 ? 1 : 0;
      case 'null-to-pointer':
        this.rv(e.operand);
        return new Ref(0, INTENT_UNKNOWN);
      case 'pointer':
      case 'noop': {
        const v = this.rv(e.operand);
        return v;
      }
      case 'derived-to-base':
        return this.lv(e);
      case 'pointer-to-int':
        return num(this.rv(e.operand));
      case 'int-to-pointer': {
        const a = num(this.rv(e.operand));
        return new Ref(a, m.objectAt(a));
      }
      case 'to-void':
        this.rv(e.operand);
        return 0;
    }
  }

  private binary(e: Extract<Expr, { kind: 'binary' }>): Val {
    const l = this.rv(e.left);
    const r = this.rv(e.right);
    const a = num(l);
    const b = num(r);
    switch (e.op) {
      case '==':
        return a === b ? 1 : 0;
      case '!=':
        return a !== b ? 1 : 0;
      case '<':
        return a < b ? 1 : 0;
      case '>':
        return a > b ? 1 : 0;
      case '<=':
        return a <= b ? 1 : 0;
      case '>=':
        return a >= b ? 1 : 0;
    }
    const float = isFloatType(e.type);
    if (!float && (e.op === '/' || e.op === '%') && b === 0) {
      this.p.m.crash('SIGFPE', 0, 'crash.divide-by-zero', [this.text(e.span)]);
    }
    return this.wrapTo(e.type, arith(e.op, a, b, float));
  }

  private wrapTo(t: CType, v: number): number {
    const k = scalarKind(t, this.target);
    if (k?.k === 'int') return k.bool ? (v !== 0 ? 1 : 0) : wrapInt(v, k.size, k.signed);
    if (k?.k === 'f32') return Math.fround(v);
    return v;
  }
}

/** Reads a scalar for narration only: no events, no findings. */
function loadScalarQuiet(p: Process, k: NonNullable<ReturnType<typeof scalarKind>>, addr: number): Val {
  const mem = p.m.mem;
  switch (k.k) {
    case 'int':
      return k.signed ? mem.readInt(addr, k.size) : mem.readUint(addr, k.size);
    case 'f32':
      return mem.readF32(addr);
    case 'f64':
    case 'f80':
      return mem.readF64(addr);
    case 'ptr':
      return new Ref(mem.readUint(addr, 8), -1);
  }
}

function isFloatType(t: CType): boolean {
  return t.kind === 'float';
}

function arith(op: string, a: number, b: number, float: boolean): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return float ? a * b : Number(BigInt.asIntN(64, BigInt(Math.trunc(a)) * BigInt(Math.trunc(b))));
    case '/':
      return float ? a / b : Math.trunc(a / b);
    case '%':
      return a % b;
    case '&':
      return Number(BigInt.asIntN(64, BigInt(a) & BigInt(b)));
    case '|':
      return Number(BigInt.asIntN(64, BigInt(a) | BigInt(b)));
    case '^':
      return Number(BigInt.asIntN(64, BigInt(a) ^ BigInt(b)));
    case '<<':
      return Number(BigInt.asIntN(64, BigInt(a) << BigInt(b)));
    case '>>':
      return Number(BigInt(a) >> BigInt(b));
  }
  return 0;
}
