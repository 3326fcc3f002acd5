/**
 * The standard library types the simulator knows, built as libstdc++ 12 (g++ 12, its default
 * `-std=gnu++17`) declares them: the same base classes and data members in the same order,
 * and each special member declared the way the header declares it (user-provided, `= default`,
 * `= delete` or not written). Layout and "trivial for calls" then follow from the general
 * rules in `layout.ts` and `trivial.ts`, never from a per-type verdict; the fixtures in
 * `fixtures/` check the results against g++.
 *
 * Internal helper classes keep their libstdc++ names (`std::_Head_base<0, int>`,
 * `std::__shared_count<>`), so member paths read like a debugger's: `_M_elems[2]`,
 * `_M_impl._M_start`, `_M_refcount._M_pi`.
 *
 * Two deliberate simplifications, both layout-neutral: a `[[no_unique_address]]` member of an
 * empty type (the deleter in `std::unique_ptr`'s tuple) is left out, so its holder is an
 * empty class; and the raw `__aligned_buffer<T>` inside `make_shared`'s control block is typed
 * as `T` itself, since that is the object living there.
 */
import { arrayOf, base, complexType, field, intType, pointerTo, record, type RecordInit } from './build.ts';
import type { CType, FloatName, RecordType, SpecialMembers, StdKind } from './ctype.ts';
import { AbiError } from './errors.ts';
import { effectiveSpecials } from './trivial.ts';
import { typeToString } from './typeToString.ts';

type Arg = CType | number;

/** The record of a standard library type with its real libstdc++ layout and special members. */
export function stdType(kind: StdKind, args: Arg[]): RecordType {
  return builders[kind](args);
}

const builders: Record<StdKind, (args: Arg[]) => RecordType> = {
  array: (args) => stdArray(typeArg(args, 0, 'array'), numberArg(args, 1, 'array')),
  pair: (args) => stdPair(typeArg(args, 0, 'pair'), typeArg(args, 1, 'pair')),
  tuple: (args) => stdTuple(args.map((_, i) => typeArg(args, i, 'tuple'))),
  optional: (args) => stdOptional(typeArg(args, 0, 'optional')),
  complex: (args) => stdComplex(typeArg(args, 0, 'complex')),
  string_view: () => stdStringView(),
  string: () => stdString(),
  vector: (args) => stdVector(typeArg(args, 0, 'vector')),
  unique_ptr: (args) => stdUniquePtr(typeArg(args, 0, 'unique_ptr')),
  shared_ptr: (args) => stdSharedPtr(typeArg(args, 0, 'shared_ptr')),
  control_block: (args) => stdControlBlock(typeArg(args, 0, 'control_block')),
};

function typeArg(args: Arg[], i: number, kind: StdKind): CType {
  const a = args[i];
  if (a === undefined || typeof a === 'number')
    throw new AbiError(`\`std::${kind}\` needs a type as template argument ${i + 1}.`);
  return a;
}

function numberArg(args: Arg[], i: number, kind: StdKind): number {
  const a = args[i];
  if (typeof a !== 'number' || !Number.isInteger(a) || a < 0)
    throw new AbiError(`\`std::${kind}\` needs a non-negative integer as template argument ${i + 1}.`);
  return a;
}

/** How a template argument is spelled inside a type name (`std::unique_ptr<double[]>`). */
function argText(a: Arg): string {
  return typeof a === 'number' ? String(a) : typeToString(a);
}

function templateName(name: string, args: Arg[]): string {
  return `${name}<${args.map(argText).join(', ')}>`;
}

const ULONG = intType('unsigned long');
const CHAR = intType('char');
const ALL_DEFAULTED: Partial<SpecialMembers> = {
  copyCtor: 'defaulted',
  moveCtor: 'defaulted',
  copyAssign: 'defaulted',
  moveAssign: 'defaulted',
};

function lib(init: RecordInit): RecordType {
  return record({ tag: 'struct', ...init });
}

// --- array -------------------------------------------------------------------------------------

/** `std::array<T, N>`: an aggregate holding `T _M_elems[N]`; for N = 0, an empty struct member. */
function stdArray(t: CType, n: number): RecordType {
  const elems = n === 0 ? lib({ name: `std::__array_traits<${argText(t)}, 0>::_Type` }) : arrayOf(t, n);
  return lib({
    name: templateName('std::array', [t, n]),
    fields: [field('_M_elems', elems)],
    std: { kind: 'array', args: [t, n] },
  });
}

// --- pair and tuple ----------------------------------------------------------------------------

/** `std::pair<A, B>`: `first`, `second`; copy and move constructors `= default` (stl_pair.h). */
function stdPair(a: CType, b: CType): RecordType {
  const pairBase = lib({
    name: templateName('std::__pair_base', [a, b]),
    tag: 'class',
    specialMembers: { dtor: 'defaulted', copyCtor: 'defaulted', copyAssign: 'deleted' },
  });
  return lib({
    name: templateName('std::pair', [a, b]),
    bases: [base(pairBase)],
    fields: [field('first', a), field('second', b)],
    specialMembers: {
      copyCtor: 'defaulted',
      moveCtor: 'defaulted',
      copyAssign: 'user-provided',
      moveAssign: 'user-provided',
    },
    std: { kind: 'pair', args: [a, b] },
  });
}

/** Itanium "empty class" as libstdc++'s `__empty_not_final` sees it: no data, no virtuals, empty bases. */
function isEmptyClass(t: CType): boolean {
  if (t.kind !== 'record' || t.decl.tag === 'union' || t.decl.hasVirtualFunctions) return false;
  return t.decl.fields.length === 0 && t.decl.bases.every((b) => !b.virtual && isEmptyClass(b.type));
}

/** `std::_Head_base<I, H>`: holds one tuple element in `_M_head_impl`. */
function headBase(i: number, h: CType): RecordType {
  const empty = isEmptyClass(h);
  return lib({
    name: templateName('std::_Head_base', [i, h]),
    // For an empty H the member is `[[no_unique_address]]` and takes no room: left out here.
    fields: empty ? [] : [field('_M_head_impl', h)],
    specialMembers: { copyCtor: 'defaulted', moveCtor: 'defaulted' },
  });
}

/**
 * `std::_Tuple_impl<I, H, Tail...>` derives from `_Tuple_impl<I+1, Tail...>` *first* and
 * `_Head_base<I, H>` second, so the last element ends up at the lowest address. The basis
 * case `_Tuple_impl<I, H>` declares a user-provided move constructor (outside the
 * `_GLIBCXX_INLINE_VERSION` ABI), which makes every tuple non-trivial for calls and non-POD
 * for layout (so a later element may sit in an earlier one's tail padding).
 */
function tupleImpl(i: number, types: CType[]): RecordType {
  const [h, ...tail] = types;
  if (h === undefined) throw new AbiError('internal: empty _Tuple_impl');
  const bases =
    tail.length > 0 ? [base(tupleImpl(i + 1, tail)), base(headBase(i, h))] : [base(headBase(i, h))];
  return lib({
    name: templateName('std::_Tuple_impl', [i, ...types]),
    bases,
    specialMembers: {
      copyCtor: 'defaulted',
      moveCtor: tail.length > 0 ? 'defaulted' : 'user-provided',
      copyAssign: 'deleted',
    },
  });
}

/**
 * `std::tuple<Ts...>`: copy and move constructors `= default`, but the move constructor it
 * defaults to calls `_Tuple_impl`'s user-provided one, so it is not trivial for calls (g++
 * returns even `std::tuple<int, int>` through a hidden pointer). Elements are stored in
 * reverse order.
 */
function stdTuple(types: CType[]): RecordType {
  const name = templateName('std::tuple', types);
  if (types.length === 0) return lib({ name, tag: 'class', std: { kind: 'tuple', args: [] } });
  return lib({
    name,
    tag: 'class',
    bases: [base(tupleImpl(0, types))],
    specialMembers: {
      copyCtor: 'defaulted',
      moveCtor: 'defaulted',
      copyAssign: 'user-provided',
      moveAssign: 'user-provided',
    },
    std: { kind: 'tuple', args: types },
  });
}

// --- optional ----------------------------------------------------------------------------------

/** `std::is_trivially_copy_constructible` / `..._move_...` / `is_trivially_destructible`, from the type model. */
function trivially(t: CType, which: 'copyCtor' | 'moveCtor' | 'dtor'): boolean {
  while (t.kind === 'array') t = t.element;
  if (t.kind !== 'record') return true;
  const s = effectiveSpecials(t.decl);
  if (which === 'moveCtor' && (s.moveCtor === 'not-declared' || s.moveCtor === 'deleted'))
    return t.decl.specialMembers.moveCtor !== 'deleted' && s.copyCtor === 'trivial';
  return s[which] === 'trivial';
}

function constructible(t: CType, which: 'copyCtor' | 'moveCtor'): boolean {
  while (t.kind === 'array') t = t.element;
  if (t.kind !== 'record') return true;
  const s = effectiveSpecials(t.decl);
  if (which === 'moveCtor' && s.moveCtor === 'not-declared') return s.copyCtor !== 'deleted';
  if (which === 'moveCtor' && s.moveCtor === 'deleted' && t.decl.specialMembers.moveCtor !== 'deleted')
    return s.copyCtor !== 'deleted';
  return s[which] !== 'deleted';
}

/**
 * `std::optional<T>`: `_Optional_base<T>` holds `_Optional_payload<T> _M_payload`, whose base
 * `_Optional_payload_base<T>` holds the union `_Storage<T> _M_payload { _M_empty; _M_value; }`
 * and `bool _M_engaged`. Which specialisations are picked, and so whether the copy and move
 * constructors are `= default` or user-provided, depends on T's own triviality (optional:
 * `_Optional_base<T, is_trivially_copy_constructible, is_trivially_move_constructible>`).
 */
function stdOptional(t: CType): RecordType {
  const tcc = trivially(t, 'copyCtor');
  const tmc = trivially(t, 'moveCtor');
  const td = trivially(t, 'dtor');
  const ts = argText(t);
  const emptyByte = lib({ name: `std::_Optional_payload_base<${ts}>::_Empty_byte` });
  const storage = lib({
    name: `std::_Optional_payload_base<${ts}>::_Storage<${ts}>`,
    tag: 'union',
    fields: [field('_M_empty', emptyByte), field('_M_value', t)],
    // "User-provided destructor is needed when _Up has non-trivial dtor."
    specialMembers: td ? {} : { dtor: 'user-provided' },
  });
  const payloadBase = lib({
    name: `std::_Optional_payload_base<${ts}>`,
    fields: [field('_M_payload', storage), field('_M_engaged', intType('bool'))],
    specialMembers: { ...ALL_DEFAULTED, dtor: 'defaulted' },
  });
  // _Optional_payload<T, trivially destructible, trivially copy-assignable, trivially move-assignable>
  // (assignability approximated by constructibility: it only changes the assignment operators).
  let payload: RecordType;
  if (td && tcc && tmc) {
    payload = lib({ name: `std::_Optional_payload<${ts}>`, bases: [base(payloadBase)] });
  } else {
    const middle = lib({
      name: `std::_Optional_payload<${ts}, true, false, false>`,
      bases: [base(payloadBase)],
      specialMembers: {
        copyCtor: 'defaulted',
        moveCtor: 'defaulted',
        dtor: 'defaulted',
        copyAssign: 'user-provided',
        moveAssign: 'user-provided',
      },
    });
    payload = td
      ? middle
      : lib({
          name: `std::_Optional_payload<${ts}>`,
          bases: [base(middle)],
          specialMembers: {
            copyCtor: 'defaulted',
            moveCtor: 'defaulted',
            copyAssign: 'defaulted',
            moveAssign: 'defaulted',
            dtor: 'user-provided',
          },
        });
  }
  const baseImpl = lib({ name: `std::_Optional_base_impl<${ts}, std::_Optional_base<${ts}>>`, tag: 'class' });
  const optionalBase = lib({
    name: `std::_Optional_base<${ts}>`,
    bases: [base(baseImpl)],
    fields: [field('_M_payload', payload)],
    specialMembers: {
      copyCtor: tcc ? 'defaulted' : 'user-provided',
      moveCtor: tmc ? 'defaulted' : 'user-provided',
      copyAssign: 'defaulted',
      moveAssign: 'defaulted',
    },
  });
  const copy = constructible(t, 'copyCtor');
  const move = constructible(t, 'moveCtor');
  const enable = lib({
    name: `std::_Enable_copy_move<${copy}, ${copy}, ${move}, ${move}, std::optional<${ts}>>`,
    specialMembers:
      copy && move
        ? {}
        : {
            copyCtor: copy ? 'defaulted' : 'deleted',
            moveCtor: move ? 'defaulted' : 'deleted',
            copyAssign: copy ? 'defaulted' : 'deleted',
            moveAssign: move ? 'defaulted' : 'deleted',
          },
  });
  return lib({
    name: templateName('std::optional', [t]),
    tag: 'class',
    bases: [base(optionalBase), base(enable)],
    std: { kind: 'optional', args: [t] },
  });
}

// --- complex -----------------------------------------------------------------------------------

/** `std::complex<F>` (the float/double/long double specialisations): one `__complex__ F _M_value`. */
function stdComplex(t: CType): RecordType {
  if (t.kind !== 'float')
    throw new AbiError(`\`std::complex<${argText(t)}>\`: only float, double and long double are modelled.`);
  const name: FloatName = t.name;
  return lib({
    name: `std::complex<${name}>`,
    tag: 'class',
    fields: [field('_M_value', complexType(name))],
    specialMembers: { copyAssign: 'defaulted' },
    std: { kind: 'complex', args: [t] },
  });
}

// --- strings -----------------------------------------------------------------------------------

/** `std::string_view`: `size_t _M_len; const char* _M_str;`, copy constructor `= default`. */
function stdStringView(): RecordType {
  return lib({
    name: 'std::string_view',
    tag: 'class',
    fields: [field('_M_len', ULONG), field('_M_str', pointerTo(CHAR, true))],
    specialMembers: { copyCtor: 'defaulted', copyAssign: 'defaulted' },
    std: { kind: 'string_view', args: [] },
  });
}

/** `std::allocator<T>`: empty, but its copy constructor and destructor are user-provided (allocator.h). */
function stdAllocator(t: CType): RecordType {
  const newAllocator = lib({
    name: templateName('std::__new_allocator', [t]),
    tag: 'class',
    specialMembers: { copyCtor: 'user-provided', dtor: 'user-provided' },
  });
  return lib({
    name: templateName('std::allocator', [t]),
    tag: 'class',
    bases: [base(newAllocator)],
    specialMembers: { copyCtor: 'user-provided', dtor: 'user-provided', copyAssign: 'defaulted' },
  });
}

/**
 * `std::string` (`std::__cxx11::basic_string<char>`, 32 bytes): `_M_dataplus._M_p` points at the
 * characters, `_M_string_length`, then a union of the 16-byte small-string buffer
 * `_M_local_buf` and `_M_allocated_capacity`. Every special member is user-provided.
 */
function stdString(): RecordType {
  const allocHider = lib({
    name: 'std::string::_Alloc_hider',
    bases: [base(stdAllocator(CHAR))],
    fields: [field('_M_p', pointerTo(CHAR))],
  });
  const local = lib({
    name: 'std::string::<anonymous union>',
    tag: 'union',
    fields: [field('_M_local_buf', arrayOf(CHAR, 16)), field('_M_allocated_capacity', ULONG)],
  });
  const userProvided: Partial<SpecialMembers> = {
    copyCtor: 'user-provided',
    moveCtor: 'user-provided',
    dtor: 'user-provided',
    copyAssign: 'user-provided',
    moveAssign: 'user-provided',
  };
  return lib({
    name: 'std::string',
    tag: 'class',
    fields: [field('_M_dataplus', allocHider), field('_M_string_length', ULONG), field('', local)],
    specialMembers: userProvided,
    std: { kind: 'string', args: [] },
  });
}

// --- vector ------------------------------------------------------------------------------------

/**
 * `std::vector<T>`: `_Vector_base<T>` holds `_Vector_impl _M_impl`, which derives from the
 * allocator and `_Vector_impl_data { _M_start, _M_finish, _M_end_of_storage }`. The copy
 * constructor and destructor are user-provided (stl_vector.h).
 */
function stdVector(t: CType): RecordType {
  const ts = argText(t);
  const ptr = pointerTo(t);
  const implData = lib({
    name: `std::_Vector_base<${ts}>::_Vector_impl_data`,
    fields: [field('_M_start', ptr), field('_M_finish', ptr), field('_M_end_of_storage', ptr)],
    specialMembers: { moveCtor: 'user-provided' },
  });
  const impl = lib({
    name: `std::_Vector_base<${ts}>::_Vector_impl`,
    bases: [base(stdAllocator(t)), base(implData)],
    specialMembers: { moveCtor: 'user-provided' },
  });
  const vbase = lib({
    name: `std::_Vector_base<${ts}>`,
    fields: [field('_M_impl', impl)],
    specialMembers: { moveCtor: 'defaulted', dtor: 'user-provided' },
  });
  return lib({
    name: templateName('std::vector', [t]),
    tag: 'class',
    bases: [base(vbase)],
    specialMembers: {
      copyCtor: 'user-provided',
      moveCtor: 'defaulted',
      dtor: 'user-provided',
      copyAssign: 'user-provided',
      moveAssign: 'user-provided',
    },
    std: { kind: 'vector', args: [t] },
  });
}

// --- smart pointers ----------------------------------------------------------------------------

/**
 * `std::unique_ptr<T>` (or `<T[]>`, passed as an array type): `__uniq_ptr_data<T, D> _M_t`,
 * whose base `__uniq_ptr_impl` holds `tuple<T*, default_delete<T>> _M_t`. The deleter is
 * empty, so the whole thing is one pointer. The destructor is user-provided, the copy
 * constructor deleted, the move constructor `= default` (unique_ptr.h).
 */
function stdUniquePtr(t: CType): RecordType {
  const isArray = t.kind === 'array';
  const elem = t.kind === 'array' ? t.element : t;
  const arg = isArray ? `${argText(elem)}[]` : argText(elem);
  const deleter = lib({ name: `std::default_delete<${arg}>`, specialMembers: {} });
  const tuple = stdTuple([pointerTo(elem), deleter]);
  const impl = lib({
    name: `std::__uniq_ptr_impl<${arg}, std::default_delete<${arg}>>`,
    tag: 'class',
    fields: [field('_M_t', tuple)],
    specialMembers: { moveCtor: 'user-provided', moveAssign: 'user-provided' },
  });
  const data = lib({
    name: `std::__uniq_ptr_data<${arg}, std::default_delete<${arg}>>`,
    bases: [base(impl)],
    specialMembers: { moveCtor: 'defaulted', moveAssign: 'defaulted' },
  });
  return lib({
    name: `std::unique_ptr<${arg}>`,
    tag: 'class',
    fields: [field('_M_t', data)],
    specialMembers: {
      copyCtor: 'deleted',
      moveCtor: 'defaulted',
      dtor: 'user-provided',
      copyAssign: 'deleted',
      moveAssign: 'defaulted',
    },
    std: { kind: 'unique_ptr', args: [t] },
  });
}

/** `std::_Sp_counted_base<>`: the control block's base: vptr, `_M_use_count`, `_M_weak_count`. */
function countedBase(): RecordType {
  return lib({
    name: 'std::_Sp_counted_base<>',
    tag: 'class',
    fields: [field('_M_use_count', intType('int')), field('_M_weak_count', intType('int'))],
    hasVirtualFunctions: true,
    specialMembers: { copyCtor: 'deleted', copyAssign: 'deleted', dtor: 'user-provided' },
  });
}

/**
 * `std::shared_ptr<T>` (16 bytes): base `__shared_ptr<T>` holds `T* _M_ptr` and
 * `__shared_count<> _M_refcount` (a pointer to the control block). `__shared_ptr`'s copy
 * constructor is `= default`, but `__shared_count`'s copy constructor and destructor are
 * user-provided (they update the counts), so the defaulted ones are non-trivial.
 */
function stdSharedPtr(t: CType): RecordType {
  const ts = argText(t);
  const count = lib({
    name: 'std::__shared_count<>',
    tag: 'class',
    fields: [field('_M_pi', pointerTo(countedBase()))],
    specialMembers: { copyCtor: 'user-provided', dtor: 'user-provided', copyAssign: 'user-provided' },
  });
  const access = lib({ name: `std::__shared_ptr_access<${ts}>`, tag: 'class' });
  const sp = lib({
    name: `std::__shared_ptr<${ts}>`,
    tag: 'class',
    bases: [base(access)],
    fields: [field('_M_ptr', pointerTo(t)), field('_M_refcount', count)],
    specialMembers: {
      copyCtor: 'defaulted',
      moveCtor: 'user-provided',
      dtor: 'defaulted',
      copyAssign: 'defaulted',
      moveAssign: 'user-provided',
    },
  });
  return lib({
    name: templateName('std::shared_ptr', [t]),
    tag: 'class',
    bases: [base(sp)],
    specialMembers: {
      copyCtor: 'defaulted',
      moveCtor: 'user-provided',
      copyAssign: 'defaulted',
      moveAssign: 'user-provided',
    },
    std: { kind: 'shared_ptr', args: [t] },
  });
}

/**
 * The block `std::make_shared<T>` allocates: `_Sp_counted_ptr_inplace<T, allocator<T>>`, i.e.
 * vptr, use count, weak count (`_Sp_counted_base`), then the T object itself in
 * `_M_impl._M_storage`, aligned for T.
 */
function stdControlBlock(t: CType): RecordType {
  const ts = argText(t);
  const implBase = lib({
    name: `std::_Sp_ebo_helper<0, std::allocator<${ts}>, true>`,
    bases: [base(stdAllocator(t))],
  });
  const impl = lib({
    name: `std::_Sp_counted_ptr_inplace<${ts}>::_Impl`,
    tag: 'class',
    bases: [base(implBase)],
    fields: [field('_M_storage', t)],
  });
  return lib({
    name: `std::_Sp_counted_ptr_inplace<${ts}, std::allocator<${ts}>>`,
    tag: 'class',
    bases: [base(countedBase())],
    fields: [field('_M_impl', impl)],
    specialMembers: { dtor: 'user-provided' },
    std: { kind: 'control_block', args: [t] },
  });
}
