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
import type { BlockStmt, Expr, FunctionDecl, Init, Stmt, TranslationUnit } from '../cpp/ast.ts';
import type { Span } from '../diag.ts';
import type { ObjectTemplate } from '../trace/tables.ts';
import type { SourceLoc } from '../trace/types.ts';
import { CppLibrary } from './cpp-library.ts';
import type { Flow } from './flow.ts';
import type { Process } from './runtime.ts';
import { LocationCache } from './locations.ts';
import { Ref, type Val } from './values.ts';
import { callFunction, callMethod, invoke, type FnPlan } from './cpp-interp/calls.ts';
import { readScalarResult } from './cpp-interp/class-results.ts';
import { lv, rv } from './cpp-interp/expressions.ts';
import { SIDE, type CppFrame, type VarSlot } from './cpp-interp/frames.ts';
import { initAt, into } from './cpp-interp/init.ts';
import { showVal } from './cpp-interp/scalars.ts';
import { exec, execBlock } from './cpp-interp/statements.ts';
import type { CodonEntries } from './cpp-interp/indirect.ts';
import { NameId, ident, named, type ObjectName } from '../trace/names.ts';

/**
 * The C++ side of the run: the library's state (frames, statics, caches) and its entry points.
 * The work is done by the handler tables in ./cpp-interp/ (calls, statements, expressions,
 * initialisation); the fields they share are public to them, not to the rest of the simulator.
 */
export class CppInterpreter {
  /** The active frame (null between calls from Codon). */
  frame: CppFrame | null = null;
  readonly statics = new Map<number, VarSlot & { initialized: boolean }>();
  private staticsTop: number;
  /** C++ call depth (the simulated stack overflows long before the host's). */
  depth = 0;
  /** `this` of the member function running. */
  methodThis: Ref | null = null;
  /** The Codon functions a function pointer can reach (`cb.__raw__()`), set once the Codon side exists. */
  codonEntries: CodonEntries | null = null;
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
  /** Frame-link objects, one per caller (see calls.ts). */
  readonly linkTemplates = new Map<string, ObjectTemplate>();
  private textStart: number | undefined;

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

  /** What every call of a function shares (see calls.ts). */
  readonly plans = new Map<FunctionDecl, FnPlan>();

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
    const data = m.regionOfKind('static', 'libfoo');
    for (const v of this.unit.statics) {
      if (v.externDeclaration === true) continue;
      const size = Math.max(this.size(v.type), 1);
      const align = Math.max(this.align(v.type), 1);
      this.staticsTop = Math.ceil(this.staticsTop / align) * align;
      const addr = this.staticsTop;
      if (addr + size > data.end) {
        // A real .data/.bss grows with the library; the simulated one has a fixed size.
        m.runtimeError(
          'SimulatorLimit',
          `static storage past ${(data.end - data.start) / 1024} KiB is not modelled by this simulator (the library's .data/.bss region is that size); keep fewer or smaller statics`,
          this.loc(v.span),
        );
      }
      this.staticsTop += size;
      const cells = this.cells(v.type);
      const objectId = m.newObject({
        name:
          v.functionId !== undefined
            ? named(NameId.static, `${this.functionName(v.functionId)}::${v.name}`)
            : ident(v.qualifiedName),
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
    name: ObjectName,
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
  // ------------------------------------------------------------------ the handler tables' entry points

  /** The callee side of a call (see calls.ts). */
  invoke(fn: FunctionDecl, callerName: string): void {
    invoke(this, fn, callerName);
  }

  /** A call from C++ to C++: the caller's side (see calls.ts). */
  callFunction(fn: FunctionDecl, args: Init[], dest: Ref | null, span: Span): Val {
    return callFunction(this, fn, args, dest, span);
  }

  /** Calls a member function (constructor, destructor, method) with `this` = object. */
  callMethod(fn: FunctionDecl, object: Ref, args: (Init | Ref)[], span: Span, dest: Ref | null = null): Val {
    return callMethod(this, fn, object, args, span, dest);
  }

  /** Reads a scalar result from its register (a reference comes back as the address). */
  readScalarResult(t: CType, ret: ReturnClassification): Val {
    return readScalarResult(this, t, ret);
  }

  exec(s: Stmt): Flow {
    return exec(this, s);
  }

  execBlock(b: BlockStmt): Flow {
    return execBlock(this, b);
  }

  /** Evaluates an expression to a scalar value (prvalue), or a glvalue's address. */
  rv(e: Expr): Val {
    return rv(this, e);
  }

  /** Evaluates a glvalue to its address (with provenance). */
  lv(e: Expr): Ref {
    return lv(this, e);
  }

  /** Initialises the object of type `t` at `dest` as `init` says. */
  initAt(init: Init, dest: Ref, t: CType): void {
    initAt(this, init, dest, t);
  }

  /** Evaluates a class prvalue directly into `dest` (guaranteed copy elision). */
  into(e: Expr, dest: Ref): void {
    into(this, e, dest);
  }

  showVal(v: Val, t: CType): string {
    return showVal(this, v, t);
  }
}
