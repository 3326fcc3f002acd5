/**
 * The C and C++ library as the simulated library sees it: malloc/free and new/delete on the C heap,
 * memcpy and std::copy as real stores, printf and std::cout down to the same runtime print, and
 * the standard classes with their real libstdc++ layouts (std::array's `_M_elems`, shared_ptr's
 * pointer + control block with its use count, unique_ptr's single pointer, vector's three pointers).
 */
import type { CType } from '../abi/ctype.ts';
import { layoutOf } from '../abi/layout.ts';
import { typeToString } from '../abi/typeToString.ts';
import type { Expr, Init, StdMethodName, StringLiteralExpr } from '../cpp/ast.ts';
import type { Span } from '../diag.ts';
import { INTENT_UNKNOWN, type Machine } from '../machine/machine.ts';
import { hex } from '../machine/memory.ts';
import type { CppInterpreter } from './cpp-interp.ts';
import { Unsupported } from './cpp-errors.ts';
import { formatPrintf, formatStreamDouble } from './printf.ts';
import { runtimePrint } from './runtime.ts';
import { Ref, loadScalar, num, scalarKind, storeScalar, type Val } from './values.ts';

type StdMethodExpr = Extract<Expr, { kind: 'std-method' }>;
type BuiltinExpr = Extract<Expr, { kind: 'builtin-call' }>;

/** libstdc++'s _Sp_counted_ptr_inplace: vptr, use count, weak count, then the object. */
/** Where the simulated vtables of the two control-block kinds are: _Sp_counted_ptr and _Sp_counted_ptr_inplace. */
const VPTR_SEPARATE = 0x40;
const VPTR_INPLACE = 0x60;
const CB_USE = 8;
const CB_WEAK = 12;
const CB_OBJECT = 16;

export class CppLibrary {
  private readonly literals = new Map<string, number>();
  private rodataTop = 0;

  constructor(private readonly cpp: CppInterpreter) {}

  private get m() {
    return this.cpp.p.m;
  }

  private loc(span: Span) {
    return this.cpp.loc(span);
  }

  /** The -O0 call of a library member function: `this` in the first argument register, the result in the return register. */
  private callRegs(thisAddr: number, arg: number | null, result: Val | null): void {
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
    if (std === 'string') throw new Unsupported('std::string objects', span);
  }

  /** Runs the destructor of an object whose lifetime ends (std types, user destructors). */
  destroy(t: CType, obj: Ref, span: Span): void {
    if (t.kind !== 'record') return;
    const std = t.decl.std?.kind;
    if (std === 'shared_ptr') {
      this.sharedRelease(obj, span);
      return;
    }
    if (std === 'unique_ptr') {
      const p = this.m.loadInt(obj.addr, 8, false, { intended: obj.prov, loc: this.loc(span) });
      if (p !== 0) this.freeBlock(p, span);
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

  private freeBlock(ptr: number, span: Span): void {
    const m = this.m;
    this.callRegs(ptr, null, null);
    this.cpp.p.cheap.free(ptr, this.loc(span));
    m.setRegInt(m.target === 'x86_64' ? 'rax' : 'x0', 0);
  }

  /** Decrements a shared_ptr's use count; at zero the object and then the control block go. */
  private sharedRelease(sp: Ref, span: Span): void {
    const ctrl = this.m.loadInt(sp.addr + 8, 8, false, { intended: sp.prov, loc: this.loc(span) });
    this.releaseControl(ctrl, span);
  }

  /**
   * libstdc++'s _M_release: the use count goes down; at zero _M_dispose destroys the object (for a
   * separate control block, `delete` of the pointer it holds; make_shared's object lives inside the
   * block), then the weak count goes down and at zero the block itself is freed.
   */
  private releaseControl(ctrl: number, span: Span): void {
    const m = this.m;
    if (ctrl === 0) return;
    const loc = this.loc(span);
    const cref = { intended: m.objectAt(ctrl), loc };
    const use = m.loadInt(ctrl + CB_USE, 4, true, cref) - 1;
    m.storeInt(ctrl + CB_USE, 4, use, cref);
    if (use > 0) return;
    if (m.loadInt(ctrl, 8, false, cref) === m.regionOfKind('text', 'libfoo').start + VPTR_SEPARATE) {
      const owned = m.loadInt(ctrl + 16, 8, false, cref);
      if (owned !== 0) this.freeBlock(owned, span);
    }
    const weak = m.loadInt(ctrl + CB_WEAK, 4, true, cref) - 1;
    m.storeInt(ctrl + CB_WEAK, 4, weak, cref);
    if (weak <= 0) this.freeBlock(ctrl, span);
  }

  /** Copy or move construction of a standard class. */
  copyStd(std: string, t: CType, dest: Ref, src: Ref, move: boolean, span: Span): void {
    const m = this.m;
    const loc = this.loc(span);
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
    } else if (std === 'unique_ptr' || std === 'vector') {
      if (!move) throw new Unsupported(`copying a ${typeToString(t)}`, span);
      m.storeBytes(src.addr, new Uint8Array(size), { intended: src.prov, loc });
    }
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
        const ctrl = this.cpp.p.cheap.malloc(24, 'shared_ptr control block', '_Sp_counted_ptr', 'cpp', loc);
        const cref = { intended: m.objectAt(ctrl, false), loc };
        m.storeInt(ctrl, 8, m.regionOfKind('text', 'libfoo').start + VPTR_SEPARATE, cref);
        m.storeInt(ctrl + CB_USE, 4, 1, cref);
        m.storeInt(ctrl + CB_WEAK, 4, 1, cref);
        m.storeInt(ctrl + 16, 8, num(p), cref);
        m.storeInt(dest.addr + 8, 8, ctrl, { intended: dest.prov, loc });
      }
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
  }

  recordAssign(e: Extract<Expr, { kind: 'record-assign' }>): void {
    const m = this.m;
    const dest = this.cpp.lv(e.target);
    const src = this.cpp.lv(e.source);
    if (e.method !== null) {
      this.cpp.callMethod(e.method, dest, [src], e.span);
      return;
    }
    if (e.std === 'shared_ptr') {
      // libstdc++'s operator= copies (or moves) the source into a temporary and swaps it with the
      // target: the source's count goes up (or the source is emptied), then what the target held
      // before is released. Assigning a shared_ptr to itself changes nothing.
      if (dest.addr === src.addr) return;
      const oldCtrl = m.loadInt(dest.addr + 8, 8, false, { intended: dest.prov, loc: this.loc(e.span) });
      this.copyStd('shared_ptr', e.type, dest, src, e.move, e.span);
      this.releaseControl(oldCtrl, e.span);
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

  stdMethod(e: StdMethodExpr): Val {
    const m = this.m;
    const obj = this.cpp.lv(e.object);
    const loc = this.loc(e.span);
    const layout = layoutOf({ kind: 'record', decl: e.record }, m.target);
    const args = e.args.map((a) => this.cpp.rv(a));
    const a0 = args[0] === undefined ? null : num(args[0]);
    const result = this.stdMethodValue(e.std, e.method, e, obj, layout, args, loc);
    this.callRegs(obj.addr, a0, result);
    return result;
  }

  private stdMethodValue(
    std: string,
    method: StdMethodName,
    e: StdMethodExpr,
    obj: Ref,
    layout: ReturnType<typeof layoutOf>,
    args: Val[],
    loc: ReturnType<CppInterpreter['loc']>,
  ): Val {
    const m = this.m;
    const stdArgs = e.record.std?.args ?? [];
    if (std === 'array') {
      const elem = stdArgs[0] as CType;
      const n = Number(stdArgs[1] ?? 0);
      const es = this.cpp.size(elem);
      const i = args[0] === undefined ? 0 : num(args[0]);
      switch (method) {
        case 'operator[]':
          return new Ref(obj.addr + i * es, obj.prov);
        case 'at':
          if (i < 0 || i >= n)
            m.crash('SIGABRT', 0, 'crash.out-of-range', [
              `array::at: __n (which is ${i}) >= _Nm (which is ${n})`,
            ]);
          return new Ref(obj.addr + i * es, obj.prov);
        case 'data':
        case 'begin':
          return new Ref(obj.addr, obj.prov);
        case 'end':
          return new Ref(obj.addr + n * es, obj.prov);
        case 'front':
          return new Ref(obj.addr, obj.prov);
        case 'back':
          return new Ref(obj.addr + (n - 1) * es, obj.prov);
        case 'size':
          return n;
        case 'empty':
          return n === 0 ? 1 : 0;
        case 'fill': {
          const k = scalarKind(elem, m.target);
          if (k !== null)
            for (let j = 0; j < n; j++)
              storeScalar(m, k, new Ref(obj.addr + j * es, obj.prov), args[0] ?? 0, loc);
          return 0;
        }
        default:
          break;
      }
    }
    if (std === 'shared_ptr' || std === 'unique_ptr') {
      const p = m.loadInt(obj.addr, 8, false, { intended: obj.prov, loc });
      const pref = new Ref(p, p === 0 ? INTENT_UNKNOWN : m.objectAt(p));
      switch (method) {
        case 'get':
        case 'operator->':
        case 'operator*':
          return pref;
        case 'operator bool':
          return p !== 0 ? 1 : 0;
        case 'operator[]': {
          const elem = stdArgs[0] as CType;
          const inner = elem.kind === 'array' ? elem.element : elem;
          return new Ref(p + num(args[0] ?? 0) * this.cpp.size(inner), pref.prov);
        }
        case 'use_count': {
          if (std !== 'shared_ptr') break;
          const ctrl = m.loadInt(obj.addr + 8, 8, false, { intended: obj.prov, loc });
          return ctrl === 0 ? 0 : m.loadInt(ctrl + CB_USE, 4, true, { intended: m.objectAt(ctrl), loc });
        }
        case 'release':
          m.storeInt(obj.addr, 8, 0, { intended: obj.prov, loc });
          return pref;
        case 'reset':
          if (std === 'unique_ptr' && p !== 0) this.freeBlock(p, e.span);
          else if (std === 'shared_ptr') this.sharedRelease(obj, e.span);
          m.storeBytes(obj.addr, new Uint8Array(std === 'shared_ptr' ? 16 : 8), { intended: obj.prov, loc });
          return 0;
        default:
          break;
      }
    }
    if (std === 'vector') return this.vectorMethod(method, e, obj, args, loc);
    if (std === 'pair' || std === 'complex' || std === 'optional') {
      const f = layout.fields;
      switch (method) {
        case 'first':
        case 'real':
          return new Ref(obj.addr + (f[0]?.offset ?? 0), obj.prov);
        case 'second':
        case 'imag':
          return new Ref(obj.addr + (f[1]?.offset ?? layout.cells[1]?.offset ?? 8), obj.prov);
        case 'has_value':
          return m.loadInt(obj.addr + (layout.size - layout.align), 1, false, { intended: obj.prov, loc });
        case 'value':
        case 'operator*':
          return new Ref(obj.addr, obj.prov);
        default:
          break;
      }
    }
    throw new Unsupported(`${typeToString({ kind: 'record', decl: e.record })}::${method}`, e.span);
  }

  /** libstdc++'s vector: `_M_start`, `_M_finish`, `_M_end_of_storage`, the buffer on the C heap. */
  private vectorMethod(
    method: StdMethodName,
    e: StdMethodExpr,
    obj: Ref,
    args: Val[],
    loc: ReturnType<CppInterpreter['loc']>,
  ): Val {
    const m = this.m;
    const elem = (e.record.std?.args[0] ?? { kind: 'float', name: 'double' }) as CType;
    const es = this.cpp.size(elem);
    const acc = { intended: obj.prov, loc };
    const start = m.loadInt(obj.addr, 8, false, acc);
    const finish = m.loadInt(obj.addr + 8, 8, false, acc);
    const eos = m.loadInt(obj.addr + 16, 8, false, acc);
    const size = (finish - start) / es;
    const buf = new Ref(start, start === 0 ? INTENT_UNKNOWN : m.objectAt(start));
    switch (method) {
      case 'size':
        return size;
      case 'capacity':
        return (eos - start) / es;
      case 'empty':
        return size === 0 ? 1 : 0;
      case 'data':
      case 'begin':
        return buf;
      case 'end':
        return new Ref(finish, buf.prov);
      case 'operator[]':
        return new Ref(start + num(args[0] ?? 0) * es, buf.prov);
      case 'at': {
        const i = num(args[0] ?? 0);
        if (i < 0 || i >= size)
          m.crash('SIGABRT', 0, 'crash.out-of-range', [
            `vector::_M_range_check: __n (which is ${i}) >= this->size() (which is ${size})`,
          ]);
        return new Ref(start + i * es, buf.prov);
      }
      case 'clear':
        m.storeInt(obj.addr + 8, 8, start, acc);
        return 0;
      case 'push_back': {
        let s = start;
        let f = finish;
        if (finish === eos) {
          const cap = Math.max(1, ((eos - start) / es) * 2);
          const nb = this.cpp.p.cheap.malloc(
            cap * es,
            `vector buffer`,
            `${typeToString(elem)}[${cap}]`,
            'cpp',
            loc,
          );
          if (size > 0)
            m.storeBytes(nb, m.loadBytes(start, size * es, { intended: buf.prov, loc, raw: true }), {
              intended: m.objectAt(nb),
              loc,
            });
          if (start !== 0) this.cpp.p.cheap.free(start, loc);
          s = nb;
          f = nb + size * es;
          m.storeInt(obj.addr, 8, s, acc);
          m.storeInt(obj.addr + 16, 8, nb + cap * es, acc);
        }
        const k = scalarKind(elem, m.target);
        if (k !== null) storeScalar(m, k, new Ref(f, m.objectAt(s)), args[0] ?? 0, loc);
        m.storeInt(obj.addr + 8, 8, f + es, acc);
        return 0;
      }
      default:
        throw new Unsupported(`std::vector::${method}`, e.span);
    }
  }

  // ------------------------------------------------------------------ free functions

  builtin(e: BuiltinExpr): Val {
    const m = this.m;
    const loc = this.loc(e.span);
    const name = e.builtin;
    if (name === 'std::make_shared' || name === 'std::make_unique') {
      const size = this.cpp.size(e.type);
      const addr = m.pushStack(size, 8);
      const ref = new Ref(addr, this.cpp.newTemp('temporary', e.type, addr, size, e.span));
      this.builtinInto(e, ref);
      return ref;
    }
    const args = e.args.map((a) => this.cpp.rv(a));
    const x86 = m.target === 'x86_64';
    const argRegs = x86 ? ['rdi', 'rsi', 'rdx'] : ['x0', 'x1', 'x2'];
    args.slice(0, 3).forEach((a, i) => {
      if (!(typeof a === 'number' && !Number.isInteger(a))) m.setRegInt(argRegs[i] as string, num(a));
    });
    const ret = x86 ? 'rax' : 'x0';
    const pointee = (i: number): CType => {
      const t = e.args[i]?.type;
      return t?.kind === 'pointer' ? t.pointee : { kind: 'int', name: 'unsigned char' };
    };
    const ptr = (i: number): Ref => {
      const a = args[i];
      return a instanceof Ref ? a : new Ref(num(a ?? 0), m.objectAt(num(a ?? 0)));
    };
    switch (name) {
      case 'malloc':
      case 'calloc': {
        const size = name === 'calloc' ? num(args[0] ?? 0) * num(args[1] ?? 0) : num(args[0] ?? 0);
        const p = this.cpp.p.cheap.malloc(size, `malloc(${size}) block`, `${size} bytes`, 'cpp', loc);
        if (p !== 0 && name === 'calloc')
          m.storeBytes(p, new Uint8Array(size), { intended: m.objectAt(p), loc });
        const r = new Ref(p, p === 0 ? INTENT_UNKNOWN : m.objectAt(p, false));
        m.setRegInt(ret, p);
        return r;
      }
      case 'free':
        this.cpp.p.cheap.free(num(args[0] ?? 0), loc);
        return 0;
      case 'memcpy':
      case 'memmove': {
        const d = ptr(0);
        const s = ptr(1);
        const n = num(args[2] ?? 0);
        const bytes = m.loadBytes(s.addr, n, { intended: s.prov, loc, raw: true });
        m.storeBytes(d.addr, bytes, { intended: d.prov, loc });
        return d;
      }
      case 'memset': {
        const d = ptr(0);
        const n = num(args[2] ?? 0);
        m.storeBytes(d.addr, new Uint8Array(n).fill(num(args[1] ?? 0) & 0xff), { intended: d.prov, loc });
        return d;
      }
      case 'strlen': {
        const s = ptr(0);
        let n = 0;
        while (n < 1 << 16 && m.loadInt(s.addr + n, 1, false, { intended: s.prov, loc }) !== 0) n++;
        return n;
      }
      case 'std::copy':
      case 'std::copy_n': {
        const first = ptr(0);
        const es = this.cpp.size(pointee(0)) || 1;
        const count = name === 'std::copy' ? (num(args[1] ?? 0) - first.addr) / es : num(args[1] ?? 0);
        const out = ptr(2);
        const k = scalarKind(pointee(0), m.target);
        for (let i = 0; i < count; i++) {
          const src = new Ref(first.addr + i * es, first.prov);
          const dst = new Ref(out.addr + i * es, out.prov);
          if (k !== null) storeScalar(m, k, dst, loadScalar(m, k, src, loc), loc);
        }
        const end = new Ref(out.addr + count * es, out.prov);
        m.setRegInt(ret, end.addr);
        return end;
      }
      case 'std::fill':
      case 'std::fill_n': {
        const first = ptr(0);
        const es = this.cpp.size(pointee(0)) || 1;
        const count = name === 'std::fill' ? (num(args[1] ?? 0) - first.addr) / es : num(args[1] ?? 0);
        const k = scalarKind(pointee(0), m.target);
        for (let i = 0; i < count; i++)
          if (k !== null) storeScalar(m, k, new Ref(first.addr + i * es, first.prov), args[2] ?? 0, loc);
        return new Ref(first.addr + count * es, first.prov);
      }
      case 'printf': {
        const fmt = ptr(0);
        const text = formatPrintf(
          this.readCString(fmt, loc),
          args.slice(1),
          e.args.slice(1).map((a) => a.type),
          (p) => this.readCString(p, loc),
        );
        runtimePrint(this.cpp.p, text, { kind: 'printf' });
        m.setRegInt(ret, text.length);
        return text.length;
      }
      case 'puts': {
        const text = this.readCString(ptr(0), loc) + '\n';
        runtimePrint(this.cpp.p, text);
        return text.length;
      }
      case 'putchar':
        runtimePrint(this.cpp.p, String.fromCharCode(num(args[0] ?? 0) & 0xff));
        return num(args[0] ?? 0);
      case 'exit':
        throw new ExitRequest(num(args[0] ?? 0));
      case 'abort':
        return m.crash('SIGABRT', 0, 'crash.abort', []);
      case 'std::min':
        return Math.min(num(args[0] ?? 0), num(args[1] ?? 0));
      case 'std::max':
        return Math.max(num(args[0] ?? 0), num(args[1] ?? 0));
      case 'sqrt':
        return Math.sqrt(num(args[0] ?? 0));
      case 'fabs':
      case 'abs':
        return Math.abs(num(args[0] ?? 0));
      case 'pow':
        return num(args[0] ?? 0) ** num(args[1] ?? 0);
      case 'sin':
        return Math.sin(num(args[0] ?? 0));
      case 'cos':
        return Math.cos(num(args[0] ?? 0));
      case 'exp':
        return Math.exp(num(args[0] ?? 0));
      case 'log':
        return Math.log(num(args[0] ?? 0));
      case 'floor':
        return Math.floor(num(args[0] ?? 0));
      case 'ceil':
        return Math.ceil(num(args[0] ?? 0));
      default:
        throw new Unsupported(`${name}`, e.span);
    }
  }

  /** Class-returning library functions built straight into their destination: make_shared, make_unique. */
  builtinInto(e: BuiltinExpr, dest: Ref): void {
    const m = this.m;
    const loc = this.loc(e.span);
    const elemType = e.typeArgs[0] ?? { kind: 'int', name: 'int' };
    const es = this.cpp.size(elemType);
    if (e.builtin === 'std::make_shared') {
      // One allocation: the control block with the object inside it (_Sp_counted_ptr_inplace).
      const block = this.cpp.p.cheap.malloc(
        CB_OBJECT + es,
        `make_shared block (control block + ${typeToString(elemType)})`,
        `_Sp_counted_ptr_inplace<${typeToString(elemType)}>`,
        'cpp',
        loc,
      );
      if (block === 0) badAlloc(m, CB_OBJECT + es);
      const bref = new Ref(block, m.objectAt(block, false));
      m.storeInt(block, 8, m.regionOfKind('text', 'libfoo').start + VPTR_INPLACE, {
        intended: bref.prov,
        loc,
      });
      m.storeInt(block + CB_USE, 4, 1, { intended: bref.prov, loc });
      m.storeInt(block + CB_WEAK, 4, 1, { intended: bref.prov, loc });
      const obj = new Ref(block + CB_OBJECT, bref.prov);
      if (e.elementInit !== undefined) this.cpp.initAt(e.elementInit, obj, elemType);
      else m.storeBytes(obj.addr, new Uint8Array(es), { intended: obj.prov, loc });
      m.storeInt(dest.addr, 8, obj.addr, { intended: dest.prov, loc });
      m.storeInt(dest.addr + 8, 8, block, { intended: dest.prov, loc });
      return;
    }
    if (e.builtin === 'std::make_unique') {
      const p = this.cpp.p.cheap.malloc(
        es,
        `make_unique ${typeToString(elemType)}`,
        typeToString(elemType),
        'cpp',
        loc,
      );
      if (p === 0) badAlloc(m, es);
      const obj = new Ref(p, m.objectAt(p, false));
      if (e.elementInit !== undefined) this.cpp.initAt(e.elementInit, obj, elemType);
      else m.storeBytes(p, new Uint8Array(es), { intended: obj.prov, loc });
      m.storeInt(dest.addr, 8, p, { intended: dest.prov, loc });
      return;
    }
    throw new Unsupported(e.builtin, e.span);
  }

  newExpr(e: Extract<Expr, { kind: 'new' }>): Val {
    const m = this.m;
    const loc = this.loc(e.span);
    const t = e.allocated;
    const es = Math.max(this.cpp.size(t), 1);
    const count = e.count === null ? 1 : num(this.cpp.rv(e.count));
    const size = es * count;
    const name = e.count === null ? `new ${typeToString(t)}` : `new ${typeToString(t)}[${count}]`;
    const p = this.cpp.p.cheap.malloc(
      size,
      name,
      e.count === null ? typeToString(t) : `${typeToString(t)}[${count}]`,
      'cpp',
      loc,
    );
    if (p === 0) badAlloc(m, size);
    const ref = new Ref(p, m.objectAt(p, false));
    m.setRegInt(m.target === 'x86_64' ? 'rax' : 'x0', p);
    if (e.init !== null) {
      if (e.count === null) this.cpp.initAt(e.init, ref, t);
      else if (e.init.kind === 'aggregate')
        this.cpp.initAt(e.init, ref, { kind: 'array', element: t, length: count });
      else for (let i = 0; i < count; i++) this.cpp.initAt(e.init, new Ref(p + i * es, ref.prov), t);
    }
    return ref;
  }

  deleteExpr(e: Extract<Expr, { kind: 'delete' }>): void {
    const m = this.m;
    const p = this.cpp.rv(e.operand);
    const ref = p instanceof Ref ? p : new Ref(p, m.objectAt(p));
    if (ref.addr === 0) return;
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

  readCString(p: Ref, loc: ReturnType<CppInterpreter['loc']>): string {
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

/** `exit(n)` from the library: the run ends normally with that status. */
export class ExitRequest {
  constructor(readonly status: number) {}
}

/**
 * `new` on a full heap throws std::bad_alloc; nothing in the subset catches it, so std::terminate
 * aborts the process (libstdc++ prints "terminate called after throwing an instance of
 * 'std::bad_alloc'" and calls abort: SIGABRT).
 */
function badAlloc(m: Machine, bytes: number): never {
  m.crash('SIGABRT', 0, 'crash.bad-alloc', [bytes]);
}
