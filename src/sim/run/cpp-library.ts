/**
 * The C and C++ library as the simulated library sees it: malloc/free and new/delete on the C heap,
 * memcpy and std::copy as real stores, printf and std::cout down to the same runtime print, and
 * the standard classes with their real libstdc++ layouts (std::array's `_M_elems`, shared_ptr's
 * pointer + control block with its use count, unique_ptr's single pointer, vector's three pointers).
 */
import type { CType } from '../abi/ctype.ts';
import { layoutOf } from '../abi/layout.ts';
import { typeToString } from '../abi/typeToString.ts';
import type { Expr, FunctionDecl, Init, StringLiteralExpr, TranslationUnit } from '../cpp/ast.ts';
import type { Span } from '../diag.ts';
import type { SourceLoc } from '../trace/types.ts';
import { INTENT_UNKNOWN } from '../machine/machine.ts';
import { hex } from '../machine/memory.ts';
import { Unsupported } from './cpp-errors.ts';
import { badAlloc, builtin, builtinInto, type BuiltinExpr } from './cpp-library/builtins.ts';
import { CB_OBJECT, CB_USE, CB_WEAK, VPTR_SEPARATE } from './cpp-library/layouts.ts';
import { stdMethod } from './cpp-library/std-methods.ts';
import { stringBytes, stringConstruct, stringCopy, stringDestroy } from './cpp-library/strings.ts';
import { formatStreamDouble } from './printf.ts';
import { runtimePrint, type Process } from './runtime.ts';
import { Ref, loadScalar, num, scalarKind, storeScalar, type Val } from './values.ts';
import { NameId, named, type ObjectName } from '../trace/names.ts';

export { ExitRequest } from './cpp-library/builtins.ts';

type StdMethodExpr = Extract<Expr, { kind: 'std-method' }>;

/**
 * What the library needs of the C++ interpreter, and nothing more: the process, the classes'
 * destructors, source locations and sizes, evaluation, initialisation, member calls, temporaries.
 */
export interface CppLibraryHost {
  readonly p: Process;
  readonly unit: Pick<TranslationUnit, 'records'>;
  loc(span: Span): SourceLoc;
  size(t: CType): number;
  rv(e: Expr): Val;
  lv(e: Expr): Ref;
  initAt(init: Init, dest: Ref, t: CType): void;
  callMethod(fn: FunctionDecl, object: Ref, args: (Init | Ref)[], span: Span): Val;
  newTemp(name: ObjectName, t: CType, addr: number, size: number, span: Span): number;
}

export class CppLibrary {
  private readonly literals = new Map<string, number>();
  private rodataTop = 0;

  constructor(readonly cpp: CppLibraryHost) {}

  get m() {
    return this.cpp.p.m;
  }

  private loc(span: Span) {
    return this.cpp.loc(span);
  }

  /** The -O0 call of a library member function: `this` in the first argument register, the result in the return register. */
  callRegs(thisAddr: number, arg: number | null, result: Val | null): void {
    const m = this.m;
    const x86 = m.target === 'x86_64';
    m.setRegInt(x86 ? 'rdi' : 'x0', thisAddr);
    if (arg !== null) m.setRegInt(x86 ? 'rsi' : 'x1', arg);
    if (result !== null) {
      const reg = x86 ? 'rax' : 'x0';
      m.setRegInt(reg, num(result));
      if (result instanceof Ref && result.prov >= 0) this.cpp.p.regProv.set(reg, result.prov);
      else this.cpp.p.regProv.delete(reg);
    }
  }

  stringLiteral(e: StringLiteralExpr): Ref {
    const key = e.units.join(',');
    let addr = this.literals.get(key);
    if (addr === undefined) {
      const text = this.m.regionOfKind('text', 'libfoo');
      if (this.rodataTop === 0) this.rodataTop = text.start + 0x2000;
      addr = this.rodataTop;
      this.rodataTop += Math.ceil((e.units.length + 1) / 8) * 8;
      const bytes = new Uint8Array(e.units.length + 1);
      e.units.forEach((u, i) => (bytes[i] = u & 0xff));
      const r = this.m.mem.regionOf(addr);
      if (r !== null) {
        // .rodata is written by the loader, never by the program.
        r.writable = true;
        this.m.mem.writeBytes(addr, bytes);
        r.writable = false;
      }
      this.literals.set(key, addr);
    }
    return new Ref(addr, -1);
  }

  // ------------------------------------------------------------------ construction and destruction

  /** Default-initialisation of a class without a user constructor (libstdc++'s defaults for std types). */
  defaultInit(t: CType, dest: Ref, span: Span): void {
    const m = this.m;
    if (t.kind !== 'record') return; // scalars and arrays of scalars: indeterminate
    const std = t.decl.std?.kind;
    if (
      std === 'shared_ptr' ||
      std === 'unique_ptr' ||
      std === 'vector' ||
      std === 'optional' ||
      std === 'string_view'
    ) {
      m.storeBytes(dest.addr, new Uint8Array(this.cpp.size(t)), { intended: dest.prov, loc: this.loc(span) });
      return;
    }
    if (std === 'array' || std === undefined) {
      if (std === undefined) {
        const layout = layoutOf(t, m.target);
        for (const f of layout.fields) {
          if (f.type.kind === 'record')
            this.defaultInit(f.type, new Ref(dest.addr + f.offset, dest.prov), span);
        }
      }
      return;
    }
    if (std === 'string') stringConstruct(this, dest, new Uint8Array(0), this.loc(span));
  }

  /** Runs the destructor of an object whose lifetime ends (std types, user destructors). */
  destroy(t: CType, obj: Ref, span: Span): void {
    if (t.kind !== 'record') return;
    const std = t.decl.std?.kind;
    if (std === 'shared_ptr') {
      this.sharedRelease(t, obj, span);
      return;
    }
    if (std === 'unique_ptr') {
      const p = this.m.loadInt(obj.addr, 8, false, { intended: obj.prov, loc: this.loc(span) });
      if (p !== 0) this.deleteOwned(t, p, span);
      return;
    }
    if (std === 'string') {
      stringDestroy(this, obj, this.loc(span));
      return;
    }
    if (std === 'vector') {
      const p = this.m.loadInt(obj.addr, 8, false, { intended: obj.prov, loc: this.loc(span) });
      if (p !== 0) this.freeBlock(p, span);
      return;
    }
    const dtor = this.cpp.unit.records
      .find((r) => r.decl === t.decl)
      ?.methods.find((f) => f.method?.kind === 'destructor');
    if (dtor !== undefined && dtor.body !== null && !(dtor.method?.defaulted ?? false))
      this.cpp.callMethod(dtor, obj, [], span);
  }

  freeBlock(ptr: number, span: Span): void {
    const m = this.m;
    this.callRegs(ptr, null, null);
    this.cpp.p.cheap.free(ptr, this.loc(span));
    m.setRegInt(m.target === 'x86_64' ? 'rax' : 'x0', 0);
  }

  /**
   * `delete p` of what a unique_ptr or shared_ptr `t` owns (std::default_delete): the object's
   * destructor runs first, then its memory is freed.
   */
  deleteOwned(t: CType, p: number, span: Span): void {
    const elem = t.kind === 'record' ? t.decl.std?.args[0] : undefined;
    if (elem !== undefined && typeof elem !== 'number' && elem.kind === 'record')
      this.destroy(elem, new Ref(p, this.m.objectAt(p)), span);
    this.freeBlock(p, span);
  }

  /** Decrements a shared_ptr's use count; at zero the object and then the control block go. */
  sharedRelease(t: CType, sp: Ref, span: Span): void {
    const ctrl = this.m.loadInt(sp.addr + 8, 8, false, { intended: sp.prov, loc: this.loc(span) });
    this.releaseControl(t, ctrl, span);
  }

  /**
   * libstdc++'s _M_release: the use count goes down; at zero _M_dispose destroys the object (for a
   * separate control block, `delete` of the pointer it holds; make_shared's object lives inside the
   * block), then the weak count goes down and at zero the block itself is freed.
   */
  private releaseControl(t: CType, ctrl: number, span: Span): void {
    const m = this.m;
    if (ctrl === 0) return;
    const loc = this.loc(span);
    const cref = { intended: m.objectAt(ctrl), loc };
    const use = m.loadInt(ctrl + CB_USE, 4, true, cref) - 1;
    m.storeInt(ctrl + CB_USE, 4, use, cref);
    if (use > 0) return;
    if (m.loadInt(ctrl, 8, false, cref) === m.regionOfKind('text', 'libfoo').start + VPTR_SEPARATE) {
      const owned = m.loadInt(ctrl + 16, 8, false, cref);
      if (owned !== 0) this.deleteOwned(t, owned, span);
    } else {
      // make_shared's object lives inside the block: _M_dispose runs its destructor in place.
      const elem = t.kind === 'record' ? t.decl.std?.args[0] : undefined;
      if (elem !== undefined && typeof elem !== 'number' && elem.kind === 'record')
        this.destroy(elem, new Ref(ctrl + CB_OBJECT, m.objectAt(ctrl)), span);
    }
    const weak = m.loadInt(ctrl + CB_WEAK, 4, true, cref) - 1;
    m.storeInt(ctrl + CB_WEAK, 4, weak, cref);
    if (weak <= 0) this.freeBlock(ctrl, span);
  }

  /** Copy or move construction of a standard class. */
  copyStd(std: string, t: CType, dest: Ref, src: Ref, move: boolean, span: Span): void {
    const m = this.m;
    const loc = this.loc(span);
    if (std === 'string') {
      stringCopy(this, dest, src, move, loc);
      return;
    }
    const size = this.cpp.size(t);
    const bytes = m.loadBytes(src.addr, size, { intended: src.prov, loc, raw: true });
    m.storeBytes(dest.addr, bytes, { intended: dest.prov, loc });
    if (std === 'shared_ptr') {
      if (move) m.storeBytes(src.addr, new Uint8Array(16), { intended: src.prov, loc });
      else {
        const ctrl = m.loadInt(src.addr + 8, 8, false, { intended: src.prov, loc });
        if (ctrl !== 0) {
          const cref = { intended: m.objectAt(ctrl), loc };
          m.storeInt(ctrl + CB_USE, 4, m.loadInt(ctrl + CB_USE, 4, true, cref) + 1, cref);
        }
      }
    } else if (std === 'vector' && !move) {
      // The copy gets a buffer of its own holding exactly the source's elements.
      const elem = t.kind === 'record' ? t.decl.std?.args[0] : undefined;
      if (elem === undefined || typeof elem === 'number')
        throw new Unsupported(`copying a ${typeToString(t)}`, span);
      const start = m.loadInt(src.addr, 8, false, { intended: src.prov, loc });
      const finish = m.loadInt(src.addr + 8, 8, false, { intended: src.prov, loc });
      const n = (finish - start) / Math.max(this.cpp.size(elem), 1);
      const buf = n === 0 ? 0 : this.vectorBuffer(elem, n, loc);
      if (n > 0)
        m.storeBytes(
          buf,
          m.loadBytes(start, finish - start, { intended: m.objectAt(start), loc, raw: true }),
          {
            intended: m.objectAt(buf),
            loc,
          },
        );
      m.storeInt(dest.addr, 8, buf, { intended: dest.prov, loc });
      m.storeInt(dest.addr + 8, 8, buf + (finish - start), { intended: dest.prov, loc });
      m.storeInt(dest.addr + 16, 8, buf + (finish - start), { intended: dest.prov, loc });
    } else if (std === 'unique_ptr' || std === 'vector') {
      if (!move) throw new Unsupported(`copying a ${typeToString(t)}`, span);
      m.storeBytes(src.addr, new Uint8Array(size), { intended: src.prov, loc });
    }
  }

  /**
   * libstdc++'s vector constructors: `(n)` value-initialises n elements, `(n, v)` copies v n
   * times, `{a, b, c}` copies the list; the buffer holds exactly the elements (capacity == size)
   * and an empty vector allocates nothing (three null pointers).
   */
  private constructVector(init: Extract<Init, { kind: 'std-ctor' }>, dest: Ref): void {
    const m = this.m;
    const loc = this.loc(init.span);
    const elem = init.type.decl.std?.args[0];
    const k = elem === undefined || typeof elem === 'number' ? null : scalarKind(elem, m.target);
    if (elem === undefined || typeof elem === 'number' || k === null)
      throw new Unsupported(`constructing a ${typeToString(init.type)}`, init.span);
    const es = this.cpp.size(elem);
    if (init.range === true) {
      this.constructVectorFromRange(init, dest, elem, k, es);
      return;
    }
    const values: Val[] = init.list === true ? init.args.map((a) => this.cpp.rv(a)) : [];
    const n = init.list === true ? values.length : num(this.cpp.rv(init.args[0] as Expr));
    const fill = init.list !== true && init.args.length > 1 ? this.cpp.rv(init.args[1] as Expr) : 0;
    const buf = n === 0 ? 0 : this.vectorBuffer(elem, n, loc);
    const prov = buf === 0 ? INTENT_UNKNOWN : m.objectAt(buf);
    for (let i = 0; i < n; i++)
      storeScalar(m, k, new Ref(buf + i * es, prov), init.list === true ? (values[i] ?? 0) : fill, loc);
    const acc = { intended: dest.prov, loc };
    m.storeInt(dest.addr, 8, buf, acc);
    m.storeInt(dest.addr + 8, 8, buf + n * es, acc);
    m.storeInt(dest.addr + 16, 8, buf + n * es, acc);
  }

  /** `std::vector<T> v(first, last)`: a buffer of exactly last - first elements, copied in order. */
  private constructVectorFromRange(
    init: Extract<Init, { kind: 'std-ctor' }>,
    dest: Ref,
    elem: CType,
    k: NonNullable<ReturnType<typeof scalarKind>>,
    es: number,
  ): void {
    const m = this.m;
    const loc = this.loc(init.span);
    const first = this.cpp.rv(init.args[0] as Expr);
    const last = this.cpp.rv(init.args[1] as Expr);
    const from = first instanceof Ref ? first : new Ref(num(first), m.objectAt(num(first)));
    const n = Math.max(0, Math.floor((num(last) - from.addr) / es));
    const buf = n === 0 ? 0 : this.vectorBuffer(elem, n, loc);
    const prov = buf === 0 ? INTENT_UNKNOWN : m.objectAt(buf);
    for (let i = 0; i < n; i++) {
      const v = loadScalar(m, k, new Ref(from.addr + i * es, from.prov), loc);
      storeScalar(m, k, new Ref(buf + i * es, prov), v, loc);
    }
    const acc = { intended: dest.prov, loc };
    m.storeInt(dest.addr, 8, buf, acc);
    m.storeInt(dest.addr + 8, 8, buf + n * es, acc);
    m.storeInt(dest.addr + 16, 8, buf + n * es, acc);
  }

  /** A vector's element buffer on the C heap (operator new: std::bad_alloc when the heap is full). */
  vectorBuffer(elem: CType, count: number, loc: SourceLoc): number {
    const size = count * this.cpp.size(elem);
    const p = this.cpp.p.cheap.malloc(
      size,
      named(NameId.vectorBuffer),
      `${typeToString(elem)}[${count}]`,
      'cpp',
      loc,
    );
    if (p === 0) badAlloc(this.m, size);
    return p;
  }

  constructStd(init: Extract<Init, { kind: 'std-ctor' }>, dest: Ref): void {
    const m = this.m;
    const layout = layoutOf(init.type, m.target);
    const loc = this.loc(init.span);
    if (init.std === 'unique_ptr' || init.std === 'shared_ptr') {
      const p = this.cpp.rv(init.args[0] as Expr);
      m.storeInt(dest.addr, 8, num(p), { intended: dest.prov, loc });
      if (init.std === 'shared_ptr') {
        // shared_ptr<T>(new T): a separate control block (_Sp_counted_ptr) on the heap.
        const ctrl = this.cpp.p.cheap.malloc(24, named(NameId.sharedControl), '_Sp_counted_ptr', 'cpp', loc);
        const cref = { intended: m.objectAt(ctrl, false), loc };
        m.storeInt(ctrl, 8, m.regionOfKind('text', 'libfoo').start + VPTR_SEPARATE, cref);
        m.storeInt(ctrl + CB_USE, 4, 1, cref);
        m.storeInt(ctrl + CB_WEAK, 4, 1, cref);
        m.storeInt(ctrl + 16, 8, num(p), cref);
        m.storeInt(dest.addr + 8, 8, ctrl, { intended: dest.prov, loc });
      }
      return;
    }
    if (init.std === 'vector') {
      this.constructVector(init, dest);
      return;
    }
    if (init.std === 'string') {
      const s = this.cpp.rv(init.args[0] as Expr);
      const text = this.readCString(s instanceof Ref ? s : new Ref(num(s), m.objectAt(num(s))), loc);
      stringConstruct(this, dest, new Uint8Array([...text].map((c) => c.charCodeAt(0))), loc);
      return;
    }
    if (init.std === 'complex') {
      const k = scalarKind(layout.cells[0]?.type ?? { kind: 'float', name: 'double' }, m.target);
      const es = layout.cells[0]?.size ?? 8;
      init.args.forEach((a, i) => {
        if (k !== null) storeScalar(m, k, new Ref(dest.addr + i * es, dest.prov), this.cpp.rv(a), loc);
      });
      return;
    }
    // pair, tuple, optional: the arguments initialise the members in declaration order.
    const scalars = layout.cells.filter((c) => c.kind !== 'padding');
    init.args.forEach((a, i) => {
      const cell = scalars[i];
      if (cell === undefined || cell.type === null) return;
      const k = scalarKind(cell.type, m.target);
      if (k !== null) storeScalar(m, k, new Ref(dest.addr + cell.offset, dest.prov), this.cpp.rv(a), loc);
    });
    // An optional built from a value is engaged: libstdc++'s _M_engaged, the byte after the payload.
    if (init.std === 'optional' && init.args.length === 1)
      m.storeInt(dest.addr + (layout.size - layout.align), 1, 1, { intended: dest.prov, loc });
  }

  recordAssign(e: Extract<Expr, { kind: 'record-assign' }>): void {
    const m = this.m;
    const dest = this.cpp.lv(e.target);
    const src = this.cpp.lv(e.source);
    if (e.method !== null) {
      this.cpp.callMethod(e.method, dest, [src], e.span);
      return;
    }
    if (e.std === 'string') {
      // The target's old characters go, the source's are copied (or moved) in. (libstdc++ reuses
      // the target's buffer when it is big enough; the characters and length come out the same.)
      if (dest.addr === src.addr) return;
      stringDestroy(this, dest, this.loc(e.span));
      stringCopy(this, dest, src, e.move, this.loc(e.span));
      return;
    }
    if (e.std === 'shared_ptr') {
      // libstdc++'s operator= copies (or moves) the source into a temporary and swaps it with the
      // target: the source's count goes up (or the source is emptied), then what the target held
      // before is released. Assigning a shared_ptr to itself changes nothing.
      if (dest.addr === src.addr) return;
      const oldCtrl = m.loadInt(dest.addr + 8, 8, false, { intended: dest.prov, loc: this.loc(e.span) });
      this.copyStd('shared_ptr', e.type, dest, src, e.move, e.span);
      this.releaseControl(e.type, oldCtrl, e.span);
      return;
    }
    if (e.std === 'unique_ptr') {
      // libstdc++'s move assignment is reset(source.release()): the target takes the pointer, then
      // deletes what it held before. Assigning a unique_ptr to itself changes nothing.
      if (dest.addr === src.addr) return;
      const loc = this.loc(e.span);
      const old = m.loadInt(dest.addr, 8, false, { intended: dest.prov, loc });
      this.copyStd('unique_ptr', e.type, dest, src, e.move, e.span);
      if (old !== 0) this.deleteOwned(e.type, old, e.span);
      return;
    }
    const size = this.cpp.size(e.type);
    m.storeBytes(
      dest.addr,
      m.loadBytes(src.addr, size, { intended: src.prov, loc: this.loc(e.span), raw: true }),
      {
        intended: dest.prov,
        loc: this.loc(e.span),
      },
    );
  }

  // ------------------------------------------------------------------ member functions of std classes

  // ------------------------------------------------------------------ member functions of std classes

  stdMethod(e: StdMethodExpr): Val {
    return stdMethod(this, e);
  }

  // ------------------------------------------------------------------ free functions

  builtin(e: BuiltinExpr): Val {
    return builtin(this, e);
  }

  /** Class-returning library functions built straight into their destination: make_shared, make_unique. */
  builtinInto(e: BuiltinExpr, dest: Ref): void {
    builtinInto(this, e, dest);
  }

  /**
   * The user destructor of a class, if it has one (`~S() {...}`, not `= default`). g++ then gives
   * `new S[n]` an array cookie and `delete[]` runs it on every element.
   */
  private userDestructor(t: CType): FunctionDecl | null {
    if (t.kind !== 'record' || t.decl.std !== undefined) return null;
    const dtor = this.cpp.unit.records
      .find((r) => r.decl === t.decl)
      ?.methods.find((f) => f.method?.kind === 'destructor');
    return dtor !== undefined && dtor.body !== null && !(dtor.method?.defaulted ?? false) ? dtor : null;
  }

  newExpr(e: Extract<Expr, { kind: 'new' }>): Val {
    const m = this.m;
    const loc = this.loc(e.span);
    const t = e.allocated;
    const es = Math.max(this.cpp.size(t), 1);
    const count = e.count === null ? 1 : num(this.cpp.rv(e.count));
    // Itanium C++ ABI 2.7: `new T[n]` of a type with a non-trivial destructor allocates an 8-byte
    // cookie holding n in front of the elements and returns the address after it, so that
    // `delete[]` knows how many destructors to run (g++ -O0: operator new[](n*es + 8)).
    const cookie = e.count !== null && this.userDestructor(t) !== null ? 8 : 0;
    const size = es * count + cookie;
    const name = named(NameId.newBlock, e.count === null ? typeToString(t) : `${typeToString(t)}[${count}]`);
    const block = this.cpp.p.cheap.malloc(
      size,
      name,
      e.count === null ? typeToString(t) : `${typeToString(t)}[${count}]`,
      'cpp',
      loc,
    );
    if (block === 0) badAlloc(m, size);
    const prov = m.objectAt(block, false);
    if (cookie > 0) m.storeInt(block, 8, count, { intended: prov, loc });
    const p = block + cookie;
    const ref = new Ref(p, prov);
    m.setRegInt(m.target === 'x86_64' ? 'rax' : 'x0', p);
    if (e.init !== null) {
      if (e.count === null) this.cpp.initAt(e.init, ref, t);
      else if (e.init.kind === 'aggregate')
        this.cpp.initAt(e.init, ref, { kind: 'array', element: t, length: count });
      else for (let i = 0; i < count; i++) this.cpp.initAt(e.init, new Ref(p + i * es, ref.prov), t);
    }
    return ref;
  }

  /**
   * `delete p` runs the destructor once and frees p. `delete[] p` of a class with a destructor
   * reads the cookie in front of p, destroys the elements last to first (C++17 [expr.delete]/6)
   * and frees the block from the cookie. `delete` of what `new[]` returned therefore frees an
   * address 8 bytes into a block, and glibc aborts.
   */
  deleteExpr(e: Extract<Expr, { kind: 'delete' }>): void {
    const m = this.m;
    const p = this.cpp.rv(e.operand);
    const ref = p instanceof Ref ? p : new Ref(p, m.objectAt(p));
    if (ref.addr === 0) return;
    const pointee = e.operand.type.kind === 'pointer' ? e.operand.type.pointee : null;
    if (e.array && e.destructor !== null && pointee !== null) {
      const loc = this.loc(e.span);
      const count = m.loadInt(ref.addr - 8, 8, false, { intended: ref.prov, loc });
      const es = Math.max(this.cpp.size(pointee), 1);
      for (let i = count - 1; i >= 0; i--)
        this.cpp.callMethod(e.destructor, new Ref(ref.addr + i * es, ref.prov), [], e.span);
      this.cpp.p.cheap.free(ref.addr - 8, loc);
      return;
    }
    if (e.destructor !== null) this.cpp.callMethod(e.destructor, ref, [], e.span);
    this.cpp.p.cheap.free(ref.addr, this.loc(e.span));
  }

  streamOutput(e: Extract<Expr, { kind: 'stream-output' }>): void {
    let text = '';
    for (const item of e.items) {
      if (item.kind === 'endl') {
        text += '\n';
        continue;
      }
      const t = item.expr.type;
      if (t.kind === 'record' && t.decl.std?.kind === 'string') {
        const bytes = stringBytes(this.m, this.cpp.lv(item.expr), this.loc(e.span));
        text += String.fromCharCode(...bytes);
        continue;
      }
      const v = this.cpp.rv(item.expr);
      if (t.kind === 'float') text += formatStreamDouble(num(v));
      else if (t.kind === 'pointer' && t.pointee.kind === 'int' && t.pointee.name === 'char')
        text += this.readCString(v instanceof Ref ? v : new Ref(v, -1), this.loc(e.span));
      else if (t.kind === 'pointer') text += hex(num(v));
      else if (t.kind === 'int' && t.name === 'char') text += String.fromCharCode(num(v) & 0xff);
      else if (t.kind === 'int' && t.name === 'bool') text += num(v) !== 0 ? '1' : '0';
      else text += String(num(v));
    }
    runtimePrint(this.cpp.p, text);
  }

  readCString(p: Ref, loc: SourceLoc): string {
    const m = this.m;
    let s = '';
    for (let i = 0; i < 4096; i++) {
      const c = m.loadInt(p.addr + i, 1, false, { intended: p.prov, loc, raw: true });
      if (c === 0) break;
      s += String.fromCharCode(c);
    }
    return s;
  }
}
