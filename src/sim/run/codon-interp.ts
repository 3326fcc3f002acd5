/**
 * Runs a checked Codon module on the machine, the way unoptimised LLVM code from Codon would:
 * every variable has its slot (module variables in the program's .data, function locals in their
 * frame), every read is a load and every assignment a store, lists are GC objects
 * `{len, arr: {len, ptr}}` with their buffer on the GC heap, and runtime calls (print, GC
 * allocation) leave the registers as such calls do.
 */
import type { CImport, ClassDef, Expr, FunctionDef, Module, Stmt } from '../codon/ast.ts';
import { cImportName } from '../codon/ast.ts';
import type { CodonType } from '../codon/types.ts';
import { prune, typeName } from '../codon/types.ts';
import type { Span } from '../diag.ts';
import { INTENT_UNKNOWN, type Access } from '../machine/machine.ts';
import { hex } from '../machine/memory.ts';
import { StepKind, type SourceLoc } from '../trace/types.ts';
import { LocationCache } from './locations.ts';
import {
  LIST_CAP,
  LIST_CELLS,
  LIST_LEN,
  LIST_PTR,
  LIST_SIZE,
  Ref,
  StrVal,
  TupleVal,
  bufferCells,
  cellsOfCodon,
  fieldOffsets,
  layoutOfCodon,
  type CodonValue,
} from './codon-values.ts';
import { formatFloat as formatCodonFloat } from '../codon/format.ts';
import {
  isAtomic,
  listGrowCapacity,
  listLiteralCapacity,
  listRepeatCapacity,
  comprehensionCapacity,
} from '../codon/layout.ts';
import { runtimeGcAlloc, runtimePrint, type Process } from './runtime.ts';

/** The C side, as the Codon program sees it through `from C import`. */
export interface ForeignCalls {
  /** The library's exported symbol names (what `dlsym` can find). */
  hasSymbol(symbol: string): boolean;
  /** Calls the C function as the import declares it, returning what the caller reads back. */
  call(imp: CImport, args: { value: CodonValue; type: CodonType }[], loc: SourceLoc): CodonValue;
}

interface Slot {
  name: string;
  addr: number;
  type: CodonType;
  objectId: number;
}

interface Frame {
  name: string;
  frameId: number;
  vars: Map<string, Slot>;
  returnValue: CodonValue;
}

const enum Flow {
  Normal,
  Break,
  Continue,
  Return,
}

const SIDE = 'codon' as const;

export class CodonInterpreter {
  private readonly globals = new Map<string, Slot>();
  private readonly functions = new Map<string, FunctionDef>();
  private readonly classes = new Map<string, ClassDef>();
  private readonly imports = new Map<string, CImport>();
  private readonly literals = new Map<string, number>();
  private rodataTop: number;
  private globalsTop: number;
  private frame: Frame | null = null;
  private depth = 0;

  constructor(
    private readonly p: Process,
    private readonly mod: Module,
    private readonly ffi: ForeignCalls,
    private readonly source: string,
  ) {
    const text = p.m.regionOfKind('text', 'Codon');
    this.rodataTop = text.start + 0x4000;
    this.globalsTop = p.m.regionOfKind('static', 'Codon').start;
  }

  private readonly locs = new LocationCache(SIDE);

  /** The source location of a span. */
  private loc(span: Span): SourceLoc {
    return this.locs.of(span);
  }

  /** Runs the module's top level as Codon's `main`. */
  run(): void {
    const m = this.p.m;
    // Module-level variables live in the program's .data, zero-initialised at load.
    const data = m.regionOfKind('static', 'Codon');
    for (const g of this.mod.globals ?? []) {
      const l = layoutOfCodon(g.type);
      const size = Math.max(l.size, 1);
      this.globalsTop = Math.ceil(this.globalsTop / Math.max(l.align, 1)) * Math.max(l.align, 1);
      const addr = this.globalsTop;
      if (addr + size > data.end) {
        // A real .data grows with the program; the simulated one has a fixed size.
        m.runtimeError(
          'SimulatorLimit',
          `module-level variables past ${(data.end - data.start) / 1024} KiB are not modelled by this simulator (the program's .data region is that size); keep fewer globals, or put the values in a list`,
          this.loc(g.span),
        );
      }
      this.globalsTop += size;
      const objectId = m.newObject({
        name: g.name,
        typeName: typeName(g.type),
        role: 'global',
        side: SIDE,
        addr,
        size,
        cells: cellsOfCodon(g.type),
        loc: this.loc(g.span),
        initialized: true,
      });
      this.globals.set(g.name, { name: g.name, addr, type: g.type, objectId });
    }
    for (const s of this.mod.body) {
      if (s.kind === 'def') this.functions.set(s.name, s);
      else if (s.kind === 'class') this.classes.set(s.name, s);
    }
    const frameId = m.enterFrame('main', SIDE);
    this.frame = { name: 'main', frameId, vars: new Map(), returnValue: null };
    this.execBlock(this.mod.body);
  }

  // ------------------------------------------------------------------ statements

  private execBlock(body: Stmt[]): Flow {
    for (const s of body) {
      const f = this.exec(s);
      if (f !== Flow.Normal) return f;
    }
    return Flow.Normal;
  }

  private stmtStep(s: Stmt, message: string, params: (string | number)[] = []): number {
    return this.p.m.step(StepKind.Statement, SIDE, this.loc(s.span), message, params);
  }

  /**
   * Before a statement's own last action (the store of an assignment, the return): when evaluating
   * it ran other steps (a call), that action gets a step of its own, so its events and narration
   * do not land on the callee's last step.
   */
  private resume(s: Stmt, step: number, message: string, params: (string | number)[]): void {
    if (this.p.m.stepCount - 1 !== step) this.stmtStep(s, message, params);
  }

  private exec(s: Stmt): Flow {
    const m = this.p.m;
    switch (s.kind) {
      case 'def':
      case 'class':
        return Flow.Normal;
      case 'cimport':
        this.execImport(s);
        return Flow.Normal;
      case 'assign': {
        const ps = this.assignParams(s);
        const step = this.stmtStep(s, 'codon.assign-start', ps[0]);
        const value = this.eval(s.value);
        this.resume(s, step, 'codon.assign', ps[1]);
        this.assign(s.target, value, s.value.type ?? null);
        if (m.narrating) m.narrate('codon.assign', [this.text(s.target), this.show(value, s.value.type)]);
        return Flow.Normal;
      }
      case 'augassign': {
        const ps = this.assignParams(s);
        const step = this.stmtStep(s, 'codon.assign-start', ps[0]);
        const cur = this.eval(s.target);
        const rhs = this.eval(s.value);
        this.resume(s, step, 'codon.assign', ps[1]);
        const t = s.target.type ?? null;
        const value = this.binary(s.op, cur, rhs, t, s.value.type ?? null, this.loc(s.span));
        this.assign(s.target, value, t);
        if (m.narrating) m.narrate('codon.assign', [this.text(s.target), this.show(value, t ?? undefined)]);
        return Flow.Normal;
      }
      case 'expr': {
        this.stmtStep(s, 'codon.expr', [this.text(s.expr)]);
        this.eval(s.expr);
        return Flow.Normal;
      }
      case 'pass':
        this.stmtStep(s, 'codon.pass');
        return Flow.Normal;
      case 'break':
        this.stmtStep(s, 'codon.break');
        return Flow.Break;
      case 'continue':
        this.stmtStep(s, 'codon.continue');
        return Flow.Continue;
      case 'return': {
        const step = this.stmtStep(s, 'codon.return', [this.frame?.name ?? '', '']);
        const v = s.value === null ? null : this.eval(s.value);
        this.resume(s, step, 'codon.return', [this.frame?.name ?? '', '']);
        if (this.frame !== null) this.frame.returnValue = v;
        m.narrate('codon.return', [this.frame?.name ?? '', this.show(v, s.value?.type)]);
        return Flow.Return;
      }
      case 'if': {
        this.stmtStep(s, 'codon.if', [this.text(s.test), '']);
        const c = this.truthy(this.eval(s.test));
        m.narrate('codon.if', [this.text(s.test), c ? 'True' : 'False']);
        return this.execBlock(c ? s.body : s.orelse);
      }
      case 'while': {
        for (;;) {
          this.stmtStep(s, 'codon.while', [this.text(s.test), '']);
          const c = this.truthy(this.eval(s.test));
          m.narrate('codon.while', [this.text(s.test), c ? 'True' : 'False']);
          if (!c) return Flow.Normal;
          const f = this.execBlock(s.body);
          if (f === Flow.Break) return Flow.Normal;
          if (f === Flow.Return) return f;
        }
      }
      case 'for':
        return this.execFor(s);
    }
  }

  private execFor(s: Extract<Stmt, { kind: 'for' }>): Flow {
    const m = this.p.m;
    const iter = s.iter;
    const forParams = this.stmtParams.get(s) ?? this.cacheParams(s, [[s.target.id, ''], [s.target.id]]);
    this.stmtStep(s, 'codon.for-start', [this.text(iter)]);
    // Over a range the counter is the loop's own; over a list each element is read when the loop
    // gets to it, its length read again each time (the body may append).
    const range = iter.kind === 'call' && iter.resolved?.kind === 'range';
    let [start, stop, step] = [0, 0, 1];
    let list: CodonValue = null;
    let elem: CodonType | null = null;
    if (range) {
      const args = iter.args.map((a) => Number(this.eval(a)));
      [start, stop, step] =
        args.length === 1 ? [0, args[0] ?? 0, 1] : [args[0] ?? 0, args[1] ?? 0, args[2] ?? 1];
      if (step === 0) m.runtimeError('ValueError', 'range() arg 3 must not be zero', this.loc(iter.span));
    } else {
      list = this.eval(iter);
      elem = this.listElem(iter.type);
    }
    for (let i = start; ; i += step) {
      this.stmtStep(s, 'codon.for', forParams[0]);
      let value: CodonValue | undefined;
      if (range) {
        if (step > 0 ? i < stop : i > stop) value = i;
      } else if (
        list instanceof Ref &&
        elem !== null &&
        i < m.loadInt(list.addr + LIST_LEN, 8, true, this.access(list, iter.span))
      ) {
        value = this.listGet(list, i, elem, iter.span);
      }
      if (value === undefined) {
        m.narrate('codon.for-end', forParams[1]);
        return Flow.Normal;
      }
      this.assign(s.target, value, s.target.type ?? null);
      if (m.narrating) m.narrate('codon.for', [s.target.id, this.show(value, s.target.type)]);
      const f = this.execBlock(s.body);
      if (f === Flow.Break) return Flow.Normal;
      if (f === Flow.Return) return f;
    }
  }

  private execImport(s: CImport): void {
    const m = this.p.m;
    const name = cImportName(s);
    this.imports.set(name, s);
    if (s.library === null) {
      this.stmtStep(s, 'codon.import-static', [s.symbol]);
      if (!this.ffi.hasSymbol(s.symbol)) {
        m.runtimeError('CError', `undefined symbol: ${s.symbol}`, this.loc(s.span));
      }
      return;
    }
    const path = s.libraryPath ?? s.library.name;
    this.stmtStep(s, 'codon.import-dynamic', [s.symbol, path]);
    if (!this.ffi.hasSymbol(s.symbol)) {
      // Codon's dlsym raises CError(dlerror()); glibc's message names the library and the symbol.
      m.runtimeError('CError', `${path}: undefined symbol: ${s.symbol}`, this.loc(s.span));
    }
  }

  // ------------------------------------------------------------------ variables

  private slot(name: string): Slot | undefined {
    return this.frame?.vars.get(name) ?? this.globals.get(name);
  }

  private access(ref: Ref | null, span: Span): Access {
    return { intended: ref === null ? INTENT_UNKNOWN : ref.prov, loc: this.loc(span) };
  }

  private slotAccess(s: Slot, span: Span): Access {
    return { intended: s.objectId, loc: this.loc(span) };
  }

  private assign(target: Expr, value: CodonValue, valueType: CodonType | null): void {
    const m = this.p.m;
    if (target.kind === 'name') {
      const s = this.slot(target.id);
      if (s === undefined) return;
      this.store(s.addr, s.type, value, this.slotAccess(s, target.span));
      return;
    }
    if (target.kind === 'index') {
      const base = this.eval(target.target);
      const idx = Number(this.eval(target.index));
      const t = prune(target.target.type ?? { kind: 'none' });
      if (t.kind === 'ptr' && base instanceof Ref) {
        const l = layoutOfCodon(t.elem);
        this.store(base.addr + idx * l.size, t.elem, value, this.access(base, target.span));
      } else if (t.kind === 'list' && base instanceof Ref) {
        const { addr, access } = this.listElemAddr(base, idx, t.elem, target.span);
        this.store(addr, t.elem, value, access);
      }
      return;
    }
    if (target.kind === 'attr') {
      m.runtimeError('TypeError', 'cannot modify tuple attributes', this.loc(target.span));
    }
    void valueType;
  }

  /** Stores a value of type `t` at `addr`. */
  private store(addr: number, t: CodonType, v: CodonValue, access: Access): void {
    const m = this.p.m;
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
      case 'ptr':
      case 'list':
        m.storeInt(addr, 8, v instanceof Ref ? v.addr : 0, access);
        return;
      case 'str':
        if (v instanceof StrVal) {
          m.storeInt(addr, 8, v.text.length, access);
          m.storeInt(addr + 8, 8, v.ptr, access);
        }
        return;
      case 'tuple-class': {
        const offs = fieldOffsets(p);
        const fields = v instanceof TupleVal ? v.fields : [];
        p.fields.forEach((f, i) => this.store(addr + (offs[i] ?? 0), f.type, fields[i] ?? null, access));
        return;
      }
      default:
        return;
    }
  }

  /** Loads a value of type `t` from `addr`. */
  private load(addr: number, t: CodonType, access: Access): CodonValue {
    const m = this.p.m;
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
      case 'ptr':
      case 'list': {
        const a = m.loadInt(addr, 8, false, access);
        return new Ref(a, m.objectAt(a));
      }
      case 'str': {
        const len = m.loadInt(addr, 8, true, access);
        const ptr = m.loadInt(addr + 8, 8, false, access);
        return new StrVal(this.readText(ptr, len), ptr);
      }
      case 'tuple-class': {
        const offs = fieldOffsets(p);
        return new TupleVal(p.fields.map((f, i) => this.load(addr + (offs[i] ?? 0), f.type, access)));
      }
      default:
        return null;
    }
  }

  private readText(ptr: number, len: number): string {
    if (len <= 0 || len > 4096 || !this.p.m.mem.isMapped(ptr, len)) return '';
    return String.fromCharCode(...this.p.m.mem.readBytes(ptr, len));
  }

  // ------------------------------------------------------------------ expressions

  private eval(e: Expr): CodonValue {
    const m = this.p.m;
    switch (e.kind) {
      case 'int':
        return Number(e.value);
      case 'float':
        return e.value;
      case 'bool':
        return e.value;
      case 'none':
        return null;
      case 'str':
        return this.literal(e.value);
      case 'name': {
        const s = this.slot(e.id);
        if (s !== undefined) return this.load(s.addr, s.type, this.slotAccess(s, e.span));
        return null;
      }
      case 'unary': {
        const v = this.eval(e.operand);
        if (e.op === 'not') return !this.truthy(v);
        if (e.op === '-') return -Number(v);
        return v;
      }
      case 'binary': {
        const l = this.eval(e.left);
        const r = this.eval(e.right);
        return this.binary(e.op, l, r, e.left.type ?? null, e.right.type ?? null, this.loc(e.span));
      }
      case 'compare': {
        let left = this.eval(e.operands[0] as Expr);
        for (let i = 0; i < e.ops.length; i++) {
          const right = this.eval(e.operands[i + 1] as Expr);
          if (!compare(e.ops[i] as string, left, right)) return false;
          left = right;
        }
        return true;
      }
      case 'boolop': {
        const l = this.truthy(this.eval(e.left));
        if (e.op === 'and' ? !l : l) return l;
        return this.truthy(this.eval(e.right));
      }
      case 'call':
        return this.call(e);
      case 'index': {
        const t = prune(e.target.type ?? { kind: 'none' });
        const base = this.eval(e.target);
        const idx = Number(this.eval(e.index));
        if (t.kind === 'ptr' && base instanceof Ref) {
          const l = layoutOfCodon(t.elem);
          return this.load(base.addr + idx * l.size, t.elem, this.access(base, e.span));
        }
        if (t.kind === 'list' && base instanceof Ref) return this.listGet(base, idx, t.elem, e.span);
        return null;
      }
      case 'attr':
        return this.attr(e);
      case 'list': {
        const elem = this.listElem(e.type);
        const values = e.items.map((x) => this.eval(x));
        return this.newList(elem, values, e.span);
      }
      case 'listcomp':
        return this.listComp(e);
      case 'error':
        return m.runtimeError('SimulatorError', 'this expression could not be compiled', this.loc(e.span));
    }
  }

  private attr(e: Extract<Expr, { kind: 'attr' }>): CodonValue {
    const m = this.p.m;
    const t = prune(e.target.type ?? { kind: 'none' });
    // `lst.arr.ptr`, `lst.arr.len`, `lst.len`: fields of the list object, loaded from the GC heap.
    if (e.target.kind === 'attr' && e.target.name === 'arr') {
      const lt = prune(e.target.target.type ?? { kind: 'none' });
      const list = this.eval(e.target.target);
      if (lt.kind === 'list' && list instanceof Ref) {
        const access = this.access(list, e.span);
        if (e.name === 'ptr') {
          const a = m.loadInt(list.addr + LIST_PTR, 8, false, access);
          return new Ref(a, m.objectAt(a));
        }
        if (e.name === 'len') return m.loadInt(list.addr + LIST_CAP, 8, true, access);
      }
    }
    const base = this.eval(e.target);
    if (t.kind === 'list' && base instanceof Ref) {
      if (e.name === 'len') return m.loadInt(base.addr + LIST_LEN, 8, true, this.access(base, e.span));
      if (e.name === 'arr') {
        const access = this.access(base, e.span);
        const cap = m.loadInt(base.addr + LIST_CAP, 8, true, access);
        const a = m.loadInt(base.addr + LIST_PTR, 8, false, access);
        return new TupleVal([cap, new Ref(a, m.objectAt(a))]);
      }
    }
    if (t.kind === 'tuple-class' && base instanceof TupleVal) {
      const i = t.fields.findIndex((f) => f.name === e.name);
      return base.fields[i] ?? null;
    }
    if (t.kind === 'str' && base instanceof StrVal) {
      if (e.name === 'ptr') return new Ref(base.ptr, -1);
      if (e.name === 'len') return base.text.length;
    }
    return m.runtimeError(
      'AttributeError',
      `'${typeName(t)}' object has no attribute '${e.name}'`,
      this.loc(e.span),
    );
  }

  private binary(
    op: string,
    l: CodonValue,
    r: CodonValue,
    lt: CodonType | null,
    rt: CodonType | null,
    loc: SourceLoc,
  ): CodonValue {
    const m = this.p.m;
    const ltk = lt === null ? 'none' : prune(lt).kind;
    const rtk = rt === null ? 'none' : prune(rt).kind;
    if (ltk === 'list' && op === '*' && l instanceof Ref) {
      const lp = prune(lt as CodonType);
      const elem = lp.kind === 'list' ? lp.elem : ({ kind: 'int' } as CodonType);
      const items = this.listValues(l, elem, loc);
      const times = Math.max(0, Math.trunc(Number(r)));
      const capacity = listRepeatCapacity(items.length, times);
      // Codon allocates the whole buffer first (list.codon's __mul__); when that cannot be had, the
      // buffer pointer is NULL and the first copy faults: no host array of 10^9 values is built.
      if (!this.p.gc.fits(capacity * layoutOfCodon(elem).size))
        return this.newList(elem, items.slice(0, 1), null, loc, capacity);
      const out: CodonValue[] = [];
      for (let i = 0; i < times; i++) {
        m.work();
        for (const x of items) out.push(x);
      }
      return this.newList(elem, out, null, loc, capacity);
    }
    if (ltk === 'ptr' && l instanceof Ref) {
      const lp = prune(lt as CodonType);
      const size = lp.kind === 'ptr' ? layoutOfCodon(lp.elem).size : 1;
      const n = Number(r);
      return new Ref(l.addr + (op === '-' ? -n : n) * size, l.prov);
    }
    const a = Number(l);
    const b = Number(r);
    const isInt = ltk === 'int' && rtk === 'int';
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0) m.runtimeError('ZeroDivisionError', 'float division by zero', loc);
        return a / b;
      case '//':
        if (b === 0) m.runtimeError('ZeroDivisionError', 'integer division or modulo by zero', loc);
        return Math.floor(a / b);
      case '%':
        if (b === 0) m.runtimeError('ZeroDivisionError', 'integer division or modulo by zero', loc);
        return isInt ? a - Math.floor(a / b) * b : a - Math.floor(a / b) * b;
      case '**':
        return a ** b;
    }
    return null;
  }

  private truthy(v: CodonValue): boolean {
    if (v instanceof Ref) return v.addr !== 0;
    if (v instanceof StrVal) return v.text.length > 0;
    if (v instanceof TupleVal) return true;
    return v !== null && v !== false && v !== 0;
  }

  // ------------------------------------------------------------------ calls

  private call(e: Extract<Expr, { kind: 'call' }>): CodonValue {
    const m = this.p.m;
    const r = e.resolved;
    const loc = this.loc(e.span);
    if (r === undefined) return m.runtimeError('SimulatorError', 'this call could not be compiled', loc);
    switch (r.kind) {
      case 'print': {
        const values = e.args.map((a) => ({ v: this.eval(a), t: a.type ?? null }));
        const sepKw = e.keywords.find((k) => k.name === 'sep');
        const endKw = e.keywords.find((k) => k.name === 'end');
        const sep = sepKw ? this.strOf(this.eval(sepKw.value), null) : ' ';
        const end = endKw ? this.strOf(this.eval(endKw.value), null) : '\n';
        const strs = values.map((x) => this.strOf(x.v, x.t));
        const text = strs.join(sep) + end;
        // One fwrite per value, separator and end (builtin.codon); the last one that writes anything counts.
        const last = [...strs.flatMap((x, i) => (i > 0 ? [sep, x] : [x])), end].filter((x) => x !== '').pop();
        runtimePrint(this.p, text, { kind: 'stdio', last: last ?? '' });
        m.narrate('codon.print', [JSON.stringify(text)]);
        return null;
      }
      case 'len': {
        const v = this.eval(e.args[0] as Expr);
        if (v instanceof Ref) return m.loadInt(v.addr + LIST_LEN, 8, true, this.access(v, e.span));
        if (v instanceof StrVal) return v.text.length;
        return 0;
      }
      case 'range':
        return null;
      case 'convert': {
        const v = this.eval(e.args[0] as Expr);
        if (r.to === 'int') return Math.trunc(Number(v));
        if (r.to === 'bool') return this.truthy(v);
        return Number(v);
      }
      case 'ptr-alloc': {
        const n = Number(this.eval(e.args[0] as Expr));
        const size = layoutOfCodon(r.elem).size * n;
        if (n < 0) m.runtimeError('ValueError', 'negative allocation size', loc);
        const atomic = isAtomic(r.elem);
        const addr = runtimeGcAlloc(
          this.p,
          Math.max(size, 1),
          atomic,
          `Ptr[${typeName(r.elem)}](${n}) buffer`,
          `${typeName(r.elem)}[${n}]`,
          loc,
          bufferCells(r.elem, n),
        );
        return new Ref(addr, m.objectAt(addr, false));
      }
      case 'ptr-null':
        return new Ref(0, -1);
      case 'ptr-cast': {
        const v = this.eval(e.args[0] as Expr);
        return v instanceof Ref ? v : new Ref(Number(v), m.objectAt(Number(v)));
      }
      case 'addr-of': {
        const s = this.slot(r.name);
        return s === undefined ? new Ref(0, -1) : new Ref(s.addr, s.objectId);
      }
      case 'tuple-new':
        return new TupleVal(e.args.map((a) => this.eval(a)));
      case 'list-append': {
        const target = e.callee.kind === 'attr' ? e.callee.target : null;
        const list = target === null ? null : this.eval(target);
        const v = this.eval(e.args[0] as Expr);
        if (list instanceof Ref) this.listAppend(list, r.elem, v, e.span);
        return null;
      }
      case 'c-function': {
        const imp = this.imports.get(r.name);
        if (imp === undefined) return m.runtimeError('NameError', `name '${r.name}' is not defined`, loc);
        const args = e.args.map((a, i) => ({
          value: this.eval(a),
          type: imp.paramTypes?.[i] ?? a.type ?? ({ kind: 'none' } as CodonType),
        }));
        return this.ffi.call(imp, args, loc);
      }
      case 'codon-function': {
        const def = this.functions.get(r.name);
        if (def === undefined) return m.runtimeError('NameError', `name '${r.name}' is not defined`, loc);
        return this.callCodon(
          def,
          e.args.map((a) => this.eval(a)),
          loc,
        );
      }
    }
  }

  private callCodon(def: FunctionDef, args: CodonValue[], loc: SourceLoc): CodonValue {
    const m = this.p.m;
    if (++this.depth > 10_000) m.crash('SIGSEGV', m.sp(), 'crash.stack-overflow', [hex(m.sp())]);
    m.step(StepKind.Call, SIDE, loc, 'codon.call', [def.name, args.length]);
    const caller = this.frame;
    const ret = m.callInstruction(
      caller?.name ?? 'main',
      SIDE,
      m.regionOfKind('text', 'Codon').start + 0x1200 + (loc.line % 256) * 16,
    );
    const frameId = m.enterFrame(def.name, SIDE);
    const frame: Frame = { name: def.name, frameId, vars: new Map(), returnValue: null };
    // Unoptimised LLVM: every local gets its alloca in the entry block.
    for (const v of def.locals ?? []) {
      const l = layoutOfCodon(v.type);
      const addr = m.pushStack(Math.max(l.size, 1), Math.max(l.align, 1));
      const objectId = m.newObject({
        name: v.name,
        typeName: typeName(v.type),
        role: v.isParam ? 'param' : 'local',
        side: SIDE,
        addr,
        size: Math.max(l.size, 1),
        cells: cellsOfCodon(v.type),
        frameId,
        loc: this.loc(v.span),
      });
      frame.vars.set(v.name, { name: v.name, addr, type: v.type, objectId });
    }
    m.pushStack(0, 16);
    this.frame = frame;
    def.params.forEach((param, i) => {
      const s = frame.vars.get(param.name);
      if (s !== undefined) this.store(s.addr, s.type, args[i] ?? null, this.slotAccess(s, param.span));
    });
    this.execBlock(def.body);
    const value = frame.returnValue;
    m.step(StepKind.Return, SIDE, this.loc(def.span), 'codon.return-to', [def.name, caller?.name ?? 'main']);
    m.exitFrame(frameId);
    m.returnInstruction(ret);
    this.frame = caller;
    this.depth--;
    return value;
  }

  // ------------------------------------------------------------------ lists

  private listElem(t: CodonType | undefined): CodonType {
    const p = prune(t ?? { kind: 'none' });
    return p.kind === 'list' ? p.elem : { kind: 'float' };
  }

  private newList(
    elem: CodonType,
    values: CodonValue[],
    span: Span | null,
    at?: SourceLoc,
    capacity?: number,
  ): Ref {
    const m = this.p.m;
    const loc = at ?? (span ? this.loc(span) : null);
    const size = layoutOfCodon(elem).size;
    const cap = Math.max(capacity ?? listLiteralCapacity(values.length), values.length, 1);
    const obj = runtimeGcAlloc(
      this.p,
      LIST_SIZE,
      false,
      `List[${typeName(elem)}] object`,
      `List[${typeName(elem)}]`,
      loc,
      LIST_CELLS,
    );
    const objId = m.objectAt(obj, false);
    const buf = runtimeGcAlloc(
      this.p,
      cap * size,
      isAtomic(elem),
      `List[${typeName(elem)}] buffer`,
      `${typeName(elem)}[${cap}]`,
      loc,
      bufferCells(elem, cap),
    );
    const bufId = m.objectAt(buf, false);
    const oa: Access = { intended: objId, loc };
    m.storeInt(obj + LIST_LEN, 8, values.length, oa);
    m.storeInt(obj + LIST_CAP, 8, cap, oa);
    m.storeInt(obj + LIST_PTR, 8, buf, oa);
    values.forEach((v, i) => this.store(buf + i * size, elem, v, { intended: bufId, loc }));
    return new Ref(obj, objId);
  }

  private listElemAddr(
    list: Ref,
    idx: number,
    elem: CodonType,
    span: Span,
  ): { addr: number; access: Access } {
    const m = this.p.m;
    const access = this.access(list, span);
    const len = m.loadInt(list.addr + LIST_LEN, 8, true, access);
    const i = idx < 0 ? idx + len : idx;
    if (i < 0 || i >= len) m.runtimeError('IndexError', 'list index out of range', this.loc(span));
    const buf = m.loadInt(list.addr + LIST_PTR, 8, false, access);
    return {
      addr: buf + i * layoutOfCodon(elem).size,
      access: { intended: m.objectAt(buf), loc: this.loc(span) },
    };
  }

  private listGet(list: Ref, idx: number, elem: CodonType, span: Span): CodonValue {
    const { addr, access } = this.listElemAddr(list, idx, elem, span);
    return this.load(addr, elem, access);
  }

  private listValues(list: Ref, elem: CodonType, loc: SourceLoc): CodonValue[] {
    const m = this.p.m;
    const access: Access = { intended: list.prov, loc };
    const len = m.loadInt(list.addr + LIST_LEN, 8, true, access);
    const buf = m.loadInt(list.addr + LIST_PTR, 8, false, access);
    const size = layoutOfCodon(elem).size;
    const bufAccess: Access = { intended: m.objectAt(buf), loc };
    const out: CodonValue[] = [];
    for (let i = 0; i < Math.min(len, 1 << 16); i++) out.push(this.load(buf + i * size, elem, bufAccess));
    return out;
  }

  private listAppend(list: Ref, elem: CodonType, v: CodonValue, span: Span): void {
    const m = this.p.m;
    const loc = this.loc(span);
    const access = this.access(list, span);
    const len = m.loadInt(list.addr + LIST_LEN, 8, true, access);
    let cap = m.loadInt(list.addr + LIST_CAP, 8, true, access);
    let buf = m.loadInt(list.addr + LIST_PTR, 8, false, access);
    const size = layoutOfCodon(elem).size;
    if (len >= cap) {
      // Codon's List grows a full buffer with a fresh GC allocation and a copy (list.codon).
      const next = Math.max(1, listGrowCapacity(len));
      const nb = runtimeGcAlloc(
        this.p,
        next * size,
        isAtomic(elem),
        `List[${typeName(elem)}] buffer`,
        `${typeName(elem)}[${next}]`,
        loc,
        bufferCells(elem, next),
      );
      if (len > 0) {
        const bytes = m.loadBytes(buf, len * size, { intended: m.objectAt(buf), loc, raw: true });
        m.storeBytes(nb, bytes, { intended: m.objectAt(nb, false), loc });
      }
      buf = nb;
      cap = next;
      m.storeInt(list.addr + LIST_CAP, 8, cap, access);
      m.storeInt(list.addr + LIST_PTR, 8, buf, access);
    }
    this.store(buf + len * size, elem, v, { intended: m.objectAt(buf), loc });
    m.storeInt(list.addr + LIST_LEN, 8, len + 1, access);
  }

  private listComp(e: Extract<Expr, { kind: 'listcomp' }>): CodonValue {
    const m = this.p.m;
    const elem = this.listElem(e.type);
    // The comprehension variable is a hidden local of the enclosing function.
    const varType = e.target.type ?? { kind: 'int' };
    const l = layoutOfCodon(varType);
    const addr = m.pushStack(Math.max(l.size, 1), Math.max(l.align, 1));
    const objectId = m.newObject({
      name: e.target.id,
      typeName: typeName(varType),
      role: 'local',
      side: SIDE,
      addr,
      size: Math.max(l.size, 1),
      cells: cellsOfCodon(varType),
      frameId: this.frame?.frameId ?? -1,
      loc: this.loc(e.target.span),
    });
    const slot: Slot = { name: e.target.id, addr, type: varType, objectId };
    const frame = this.frame;
    const saved = frame?.vars.get(e.target.id);
    frame?.vars.set(e.target.id, slot);
    const iter = e.iter;
    // A range is walked, never listed: `range(2*10**8)` must not become a host array.
    let range: { start: number; step: number; count: number } | null = null;
    let values: CodonValue[] = [];
    if (iter.kind === 'call' && iter.resolved?.kind === 'range') {
      const args = iter.args.map((a) => Number(this.eval(a)));
      const [start, stop, step] =
        args.length === 1 ? [0, args[0] ?? 0, 1] : [args[0] ?? 0, args[1] ?? 0, args[2] ?? 1];
      const count = step === 0 ? 0 : Math.max(0, Math.ceil((stop - start) / step));
      range = { start, step, count };
    } else {
      const src = this.eval(iter);
      if (src instanceof Ref) values = this.listValues(src, this.listElem(iter.type), this.loc(iter.span));
    }
    const count = range === null ? values.length : range.count;
    // Both a range and a list have __len__, so Codon sizes the new list up front (collections.cpp).
    const list = this.newList(elem, [], e.span, undefined, comprehensionCapacity(count));
    for (let k = 0; k < count; k++) {
      m.work();
      const v = range === null ? (values[k] ?? null) : range.start + k * range.step;
      this.store(addr, varType, v, this.slotAccess(slot, e.target.span));
      if (e.conditions.every((c) => this.truthy(this.eval(c))))
        this.listAppend(list, elem, this.eval(e.elt), e.span);
    }
    if (frame !== null) {
      if (saved === undefined) frame.vars.delete(e.target.id);
      else frame.vars.set(e.target.id, saved);
    }
    m.endObject(objectId, 'out-of-scope');
    return list;
  }

  // ------------------------------------------------------------------ strings and display

  private literal(text: string): StrVal {
    let ptr = this.literals.get(text);
    if (ptr === undefined) {
      ptr = this.rodataTop;
      this.rodataTop += Math.ceil((text.length + 1) / 8) * 8;
      // String literals sit in the program's read-only data, written at load.
      const bytes = new Uint8Array(text.length + 1);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
      forceWrite(this.p, ptr, bytes);
      this.literals.set(text, ptr);
    }
    return new StrVal(text, ptr);
  }

  /** Codon's `str(x)` for print: floats with `{:g}`, lists `[a, b]`, pointers in hex. */
  private strOf(v: CodonValue, t: CodonType | null): string {
    const p = t === null ? null : prune(t);
    if (v === null) return 'None';
    if (v instanceof StrVal) return v.text;
    if (typeof v === 'boolean') return v ? 'True' : 'False';
    if (p?.kind === 'bool') return v ? 'True' : 'False';
    if (p?.kind === 'list' && v instanceof Ref) {
      const loc = this.p.m.currentLoc;
      const items = this.listValues(
        v,
        p.elem,
        loc ?? { side: SIDE, line: 0, column: 0, endLine: 0, endColumn: 0 },
      );
      return `[${items.map((x) => this.reprOf(x, p.elem)).join(', ')}]`;
    }
    if (v instanceof Ref) return hex(v.addr);
    if (v instanceof TupleVal && p?.kind === 'tuple-class') {
      return `(${p.fields.map((f, i) => `${f.name}: ${this.reprOf(v.fields[i] ?? null, f.type)}`).join(', ')})`;
    }
    if (typeof v === 'number') {
      if (p?.kind === 'float' || p?.kind === 'float32') return formatCodonFloat(v);
      return String(Math.trunc(v));
    }
    return String(v);
  }

  private reprOf(v: CodonValue, t: CodonType): string {
    if (v instanceof StrVal) return `'${v.text}'`;
    return this.strOf(v, t);
  }

  /** A short display of a value for narration. */
  private show(v: CodonValue, t: CodonType | undefined): string | number {
    // Narration only: a summary-only run keeps none, so none is formatted.
    if (!this.p.m.narrating) return '';
    // Integers stay numbers in the narration's parameters: no string per loop iteration.
    if (typeof v === 'number' && Number.isInteger(v) && t !== undefined && prune(t).kind === 'int') return v;
    if (v instanceof Ref) return hex(v.addr);
    if (v instanceof TupleVal) return this.strOf(v, t ?? null);
    if (v instanceof StrVal) return JSON.stringify(v.text);
    if (
      typeof v === 'number' &&
      t !== undefined &&
      (prune(t).kind === 'float' || prune(t).kind === 'float32')
    ) {
      return formatCodonFloat(v);
    }
    return v === null ? 'None' : String(v);
  }

  /** The source text of an expression, for narration. */
  private readonly texts = new Map<Span, string>();

  /** Narration parameters of a statement that never change (its source text), built once per statement. */
  private readonly stmtParams = new Map<Stmt, [(string | number)[], (string | number)[]]>();

  private cacheParams(
    s: Stmt,
    ps: [(string | number)[], (string | number)[]],
  ): [(string | number)[], (string | number)[]] {
    this.stmtParams.set(s, ps);
    return ps;
  }

  /** An assignment's: its start ("target = value") and its store, before the value is known. */
  private assignParams(s: Extract<Stmt, { kind: 'assign' | 'augassign' }>) {
    return (
      this.stmtParams.get(s) ??
      this.cacheParams(s, [
        [this.text(s.target), this.text(s.value)],
        [this.text(s.target), ''],
      ])
    );
  }

  private text(e: Expr): string {
    let t = this.texts.get(e.span);
    if (t === undefined) {
      t = sourceText(this.source, e.span);
      this.texts.set(e.span, t);
    }
    return t;
  }
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

function compare(op: string, a: CodonValue, b: CodonValue): boolean {
  const x = a instanceof Ref ? a.addr : Number(a);
  const y = b instanceof Ref ? b.addr : Number(b);
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    case '==':
      return x === y;
    default:
      return x !== y;
  }
}

/** The text of a span in a source. */
export function sourceText(source: string, span: Span): string {
  const t = source.slice(span.start.offset, span.end.offset);
  return t.length > 60 ? t.slice(0, 57) + '...' : t;
}
