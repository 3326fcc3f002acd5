/**
 * Member functions of the standard classes with their real libstdc++ layouts: std::array's
 * `_M_elems`, shared_ptr's pointer and control block, unique_ptr's single pointer, vector's three
 * pointers, pair/complex/optional's members.
 */
import type { CType, StdKind } from '../../abi/ctype.ts';
import { layoutOf } from '../../abi/layout.ts';
import { typeToString } from '../../abi/typeToString.ts';
import type { Expr, StdMethodName } from '../../cpp/ast.ts';
import { INTENT_UNKNOWN, type Machine } from '../../machine/machine.ts';
import type { SourceLoc } from '../../trace/types.ts';
import { Unsupported } from '../cpp-errors.ts';
import type { CppLibrary } from '../cpp-library.ts';
import { Ref, loadScalar, num, scalarKind, storeScalar, type Val } from '../values.ts';
import { CB_USE } from './layouts.ts';
import { stringAppend, stringMethod } from './strings.ts';
import { afterArraySubscript } from '../cpp-interp/aarch64-stores.ts';

type StdMethodExpr = Extract<Expr, { kind: 'std-method' }>;

/** A member function of a standard class: the -O0 call with `this` and the result in their registers. */
export function stdMethod(lib: CppLibrary, e: StdMethodExpr): Val {
  const m = lib.m;
  const obj = lib.cpp.lv(e.object);
  const loc = lib.cpp.loc(e.span);
  if (e.method === 'operator+=') {
    // Its operand is read in place (a std::string object, a C string or a char).
    const r = stringAppend(lib, obj, e.args[0] as Expr, loc);
    lib.callRegs(obj.addr, null, r);
    return r;
  }
  const layout = layoutOf({ kind: 'record', decl: e.record }, m.target);
  const args = e.args.map((a) => lib.cpp.rv(a));
  const a0 = args[0] === undefined ? null : num(args[0]);
  const result = stdMethodValue(lib, e.std, e.method, e, obj, layout, args, loc);
  lib.callRegs(obj.addr, a0, result);
  if (e.std === 'array' && e.method === 'operator[]') afterArraySubscript(lib.cpp.p, obj);
  return result;
}

/** One call of a standard class's member function, its object and arguments evaluated. */
interface MethodCall {
  lib: CppLibrary;
  m: Machine;
  std: StdKind;
  method: StdMethodName;
  e: StdMethodExpr;
  obj: Ref;
  layout: ReturnType<typeof layoutOf>;
  args: Val[];
  loc: SourceLoc;
  /** The class's template arguments (`T`, `N`). */
  stdArgs: readonly (CType | number)[];
}

/** The member function's value, or undefined when the class has no such member modelled. */
type Handler = (c: MethodCall) => Val | undefined;

function stdMethodValue(
  lib: CppLibrary,
  std: StdKind,
  method: StdMethodName,
  e: StdMethodExpr,
  obj: Ref,
  layout: ReturnType<typeof layoutOf>,
  args: Val[],
  loc: SourceLoc,
): Val {
  const stdArgs = e.record.std?.args ?? [];
  const v = STD_METHODS[std]({ lib, m: lib.m, std, method, e, obj, layout, args, loc, stdArgs });
  if (v !== undefined) return v;
  throw new Unsupported(`${typeToString({ kind: 'record', decl: e.record })}::${method}`, e.span);
}

/** std::array: `_M_elems` in place. */
const arrayMethod: Handler = ({ lib, m, method, obj, args, loc, stdArgs }) => {
  const elem = stdArgs[0] as CType;
  const n = Number(stdArgs[1] ?? 0);
  const es = lib.cpp.size(elem);
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
};

/** unique_ptr's one pointer; shared_ptr's pointer and control block. */
const smartPointerMethod: Handler = ({ lib, m, std, method, e, obj, args, loc, stdArgs }) => {
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
      return new Ref(p + num(args[0] ?? 0) * lib.cpp.size(inner), pref.prov);
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
      if (std === 'unique_ptr') {
        // libstdc++ stores the new pointer first, then deletes the old one.
        m.storeInt(obj.addr, 8, num(args[0] ?? 0), { intended: obj.prov, loc });
        if (p !== 0) lib.deleteOwned({ kind: 'record', decl: e.record }, p, e.span);
        return 0;
      }
      if (std === 'shared_ptr') lib.sharedRelease({ kind: 'record', decl: e.record }, obj, e.span);
      m.storeBytes(obj.addr, new Uint8Array(16), { intended: obj.prov, loc });
      return 0;
    default:
      break;
  }
};

/** pair, complex, optional: their members in declaration order. */
const memberMethod: Handler = ({ m, method, obj, layout, loc, e }) => {
  const f = layout.fields;
  switch (method) {
    case 'first':
      return new Ref(obj.addr + (f[0]?.offset ?? 0), obj.prov);
    case 'second':
      return new Ref(obj.addr + (f[1]?.offset ?? layout.cells[1]?.offset ?? 8), obj.prov);
    case 'real':
    case 'imag': {
      // complex<T>::real() and imag() return the part by value: the first or second T of _M_value.
      const part = (e.record.std?.args[0] ?? { kind: 'float', name: 'double' }) as CType;
      const k = scalarKind(part, m.target);
      const size = part.kind === 'float' && part.name === 'float' ? 4 : 8;
      if (k === null) return undefined;
      return loadScalar(m, k, new Ref(obj.addr + (method === 'imag' ? size : 0), obj.prov), loc);
    }
    case 'operator bool':
    case 'has_value':
      return m.loadInt(obj.addr + (layout.size - layout.align), 1, false, { intended: obj.prov, loc });
    case 'value':
    case 'operator*':
      return new Ref(obj.addr, obj.prov);
    default:
      break;
  }
};

const none: Handler = () => undefined;

const STD_METHODS: { [K in StdKind]: Handler } = {
  array: arrayMethod,
  shared_ptr: smartPointerMethod,
  unique_ptr: smartPointerMethod,
  vector: ({ lib, method, e, obj, args, loc }) => vectorMethod(lib, method, e, obj, args, loc),
  pair: memberMethod,
  complex: memberMethod,
  optional: memberMethod,
  tuple: none,
  string_view: none,
  string: ({ m, method, obj, args, loc }) => stringMethod(m, method, obj, num(args[0] ?? 0), loc),
  control_block: none,
};

/** libstdc++'s vector: `_M_start`, `_M_finish`, `_M_end_of_storage`, the buffer on the C heap. */
function vectorMethod(
  lib: CppLibrary,
  method: StdMethodName,
  e: StdMethodExpr,
  obj: Ref,
  args: Val[],
  loc: SourceLoc,
): Val {
  const m = lib.m;
  const elem = (e.record.std?.args[0] ?? { kind: 'float', name: 'double' }) as CType;
  const es = lib.cpp.size(elem);
  const acc = { intended: obj.prov, loc };
  const start = m.loadInt(obj.addr, 8, false, acc);
  const finish = m.loadInt(obj.addr + 8, 8, false, acc);
  const eos = m.loadInt(obj.addr + 16, 8, false, acc);
  const size = (finish - start) / es;
  const buf = new Ref(start, start === 0 ? INTENT_UNKNOWN : m.objectAt(start));
  /** Moves the elements to a new buffer of `cap` elements, frees the old one; returns the new start. */
  const realloc = (cap: number, setFinish = true): number => {
    const nb = lib.vectorBuffer(elem, cap, loc);
    if (size > 0)
      m.storeBytes(nb, m.loadBytes(start, size * es, { intended: buf.prov, loc, raw: true }), {
        intended: m.objectAt(nb),
        loc,
      });
    if (start !== 0) lib.cpp.p.cheap.free(start, loc);
    m.storeInt(obj.addr, 8, nb, acc);
    if (setFinish) m.storeInt(obj.addr + 8, 8, nb + size * es, acc);
    m.storeInt(obj.addr + 16, 8, nb + cap * es, acc);
    return nb;
  };
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
    case 'push_back':
    case 'emplace_back': {
      // libstdc++'s _M_realloc_insert: a full vector moves to a buffer of size + max(size, 1)
      // elements and frees the old one, so pointers into the old buffer dangle.
      let f = finish;
      let s = start;
      if (finish === eos) {
        s = realloc(size + Math.max(size, 1), false); // _M_finish is set once, after the store
        f = s + size * es;
      }
      const k = scalarKind(elem, m.target);
      const slot = new Ref(f, m.objectAt(s));
      if (k !== null) storeScalar(m, k, slot, args[0] ?? 0, loc);
      m.storeInt(obj.addr + 8, 8, f + es, acc);
      return method === 'emplace_back' ? slot : 0;
    }
    case 'pop_back':
      // Scalars have nothing to destroy; popping an empty vector is undefined (libstdc++ only
      // asserts with _GLIBCXX_ASSERTIONS): _M_finish moves before _M_start.
      m.storeInt(obj.addr + 8, 8, finish - es, acc);
      return 0;
    case 'reserve': {
      const n = num(args[0] ?? 0);
      if (n > (eos - start) / es) realloc(n);
      return 0;
    }
    case 'resize': {
      const n = num(args[0] ?? 0);
      let s = start;
      // _M_default_append: growth to size + max(size, n - size), the new elements zeroed.
      if (n > (eos - start) / es) s = realloc(size + Math.max(size, n - size));
      if (n > size)
        m.storeBytes(s + size * es, new Uint8Array((n - size) * es), { intended: m.objectAt(s), loc });
      m.storeInt(obj.addr + 8, 8, s + n * es, acc);
      return 0;
    }
    default:
      throw new Unsupported(`std::vector::${method}`, e.span);
  }
}

// ------------------------------------------------------------------ free functions
