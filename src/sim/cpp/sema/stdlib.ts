/**
 * The C and C++ library as the checker knows it: C functions (`malloc`, `memcpy`, `printf`, math),
 * std algorithms (`std::copy`, `std::copy_n`, `std::fill`, `std::min`...), `std::make_shared` /
 * `std::make_unique`, `std::move`, and the member functions of the std classes
 * (`std::array::data`, `shared_ptr::get`...). Each becomes a dedicated node the interpreter knows.
 */
import { dt } from '../../diag';
import type { CType, RecordDecl, RecordType, StdKind } from '../../abi/ctype';
import type { Span } from '../../diag';
import type { BuiltinName, Expr, FieldInfo, Init, StdMethodName } from '../ast';
import type { ExprSyntax, InitListSyntax, TemplateArgSyntax } from '../syntax';
import type { Sema } from './context';
import { convertScalar, isNullPointerConstant } from './conversions';
import { checkArg, directInit, materialize, type InitArg } from './init';
import { cast, errorExpr, isGlvalue, toRvalue } from './make';
import { variadicArg } from './overload';
import { cachedStdType, resolveTemplateArgs } from './resolve-type';
import { requireHeader } from './headers';
import { isModelledStdMethod, MODELLED_BUILTINS, MODELLED_STD_OTHER } from './modelled-library';
import { checkPrintfFormat } from './printf';
import { BOOL, CHAR, DOUBLE, INT, LONG, SIZE_T, isArithmetic, ptrTo, sameType, typeName } from './types';

const VOID_T: CType = { kind: 'void' };
const VOID_PTR = ptrTo(VOID_T);
const CONST_VOID_PTR = ptrTo(VOID_T, true);
const CONST_CHAR_PTR = ptrTo(CHAR, true);

interface CSignature {
  ret: CType;
  params: CType[];
  variadic?: boolean;
}

/** C library functions by their (global or std::) name. */
const C_SIGNATURES: Readonly<Record<string, CSignature>> = {
  malloc: { ret: VOID_PTR, params: [SIZE_T] },
  calloc: { ret: VOID_PTR, params: [SIZE_T, SIZE_T] },
  realloc: { ret: VOID_PTR, params: [VOID_PTR, SIZE_T] },
  free: { ret: VOID_T, params: [VOID_PTR] },
  memcpy: { ret: VOID_PTR, params: [VOID_PTR, CONST_VOID_PTR, SIZE_T] },
  memmove: { ret: VOID_PTR, params: [VOID_PTR, CONST_VOID_PTR, SIZE_T] },
  memset: { ret: VOID_PTR, params: [VOID_PTR, INT, SIZE_T] },
  strlen: { ret: SIZE_T, params: [CONST_CHAR_PTR] },
  // glibc <string.h>, <stdlib.h>, <stdio.h>: char *strcpy(char *, const char *), int atoi(const char *),
  // int snprintf(char *, size_t, const char *, ...).
  strcpy: { ret: ptrTo(CHAR), params: [ptrTo(CHAR), CONST_CHAR_PTR] },
  atoi: { ret: INT, params: [CONST_CHAR_PTR] },
  snprintf: { ret: INT, params: [ptrTo(CHAR), SIZE_T, CONST_CHAR_PTR], variadic: true },
  printf: { ret: INT, params: [CONST_CHAR_PTR], variadic: true },
  puts: { ret: INT, params: [CONST_CHAR_PTR] },
  putchar: { ret: INT, params: [INT] },
  exit: { ret: VOID_T, params: [INT] },
  abort: { ret: VOID_T, params: [] },
  sqrt: { ret: DOUBLE, params: [DOUBLE] },
  fabs: { ret: DOUBLE, params: [DOUBLE] },
  pow: { ret: DOUBLE, params: [DOUBLE, DOUBLE] },
  sin: { ret: DOUBLE, params: [DOUBLE] },
  cos: { ret: DOUBLE, params: [DOUBLE] },
  exp: { ret: DOUBLE, params: [DOUBLE] },
  log: { ret: DOUBLE, params: [DOUBLE] },
  floor: { ret: DOUBLE, params: [DOUBLE] },
  ceil: { ret: DOUBLE, params: [DOUBLE] },
  frexp: { ret: DOUBLE, params: [DOUBLE, ptrTo(INT)] },
  abs: { ret: INT, params: [INT] },
};

function builtin(
  name: BuiltinName,
  args: Expr[],
  type: CType,
  span: Span,
  extra: { typeArgs?: CType[]; elementInit?: Init } = {},
): Expr {
  return {
    kind: 'builtin-call',
    builtin: name,
    args,
    typeArgs: extra.typeArgs ?? [],
    ...(extra.elementInit ? { elementInit: extra.elementInit } : {}),
    type,
    category: 'prvalue',
    span,
  };
}

function isListArg(a: InitArg): a is InitListSyntax {
  return a.kind === 'init-list' && !('type' in a);
}

/** Converts argument expressions to parameter types; null after reporting. */
function convertArgs(sema: Sema, fname: string, args: Expr[], params: CType[], span: Span): Expr[] | null {
  if (args.length !== params.length) {
    sema.error(
      span,
      dt(
        'cpp.sema.stdlib.takes-argument-but-given',
        fname,
        params.length,
        dt(params.length === 1 ? 'codon.empty' : 'codon.plural-s'),
        args.length,
        dt(args.length === 1 ? 'cpp.was' : 'cpp.were'),
      ),
    );
    return null;
  }
  const out: Expr[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k] as Expr;
    const p = params[k] as CType;
    const c = convertScalar(a, p);
    if ('error' in c) {
      sema.error(a.span, dt('cpp.sema.stdlib.for-argument-of', c.error, k + 1, fname));
      return null;
    }
    out.push(c.expr);
  }
  return out;
}

/**
 * A call of a library function by name (`malloc`, `std::copy`, `std::make_shared<T>`); one the
 * interpreter does not run (MODELLED_BUILTINS) is refused here, where it is written, not when the
 * run reaches it.
 */
export function checkLibraryCall(
  sema: Sema,
  name: string,
  isStd: boolean,
  templateArgs: TemplateArgSyntax[] | undefined,
  argSyntax: (ExprSyntax | InitListSyntax)[],
  calleeSpan: Span,
  span: Span,
): Expr {
  // Refused before its arguments are checked: a check of what a function the simulator does not
  // run would accept ("'std::swap' is modelled for two variables of a scalar type") blames the learner.
  const asBuiltin = !isStd || C_SIGNATURES[name] ? name : `std::${name}`;
  if (!MODELLED_BUILTINS.has(asBuiltin as BuiltinName) && !MODELLED_STD_OTHER.includes(asBuiltin)) {
    requireHeader(sema, isStd ? `std::${name}` : name, calleeSpan);
    sema.diags.unsupported(
      calleeSpan,
      dt('cpp.sema.stdlib.the-library-function', isStd ? `std::${name}` : name),
    );
    return errorExpr(span);
  }
  const e = checkLibraryCallAnyway(sema, name, isStd, templateArgs, argSyntax, calleeSpan, span);
  if (e.kind === 'builtin-call' && !MODELLED_BUILTINS.has(e.builtin)) {
    sema.diags.unsupported(
      calleeSpan,
      dt('cpp.sema.stdlib.the-library-function', isStd ? `std::${name}` : name),
    );
    return errorExpr(span);
  }
  return e;
}

/** Refuses (and returns false for) a member function of a std class the interpreter does not run. */
export function modelledStdMethod(
  sema: Sema,
  kind: StdKind,
  method: StdMethodName,
  shown: string,
  span: Span,
): boolean {
  if (isModelledStdMethod(kind, method)) return true;
  sema.diags.unsupported(span, dt('cpp.sema.stdlib.msg', shown));
  return false;
}

function checkLibraryCallAnyway(
  sema: Sema,
  name: string,
  isStd: boolean,
  templateArgs: TemplateArgSyntax[] | undefined,
  argSyntax: (ExprSyntax | InitListSyntax)[],
  calleeSpan: Span,
  span: Span,
): Expr {
  const fname = isStd ? `std::${name}` : name;
  requireHeader(sema, fname, calleeSpan);
  if (name === 'make_shared' || name === 'make_unique')
    return makeSmart(sema, name, templateArgs, argSyntax, calleeSpan, span);
  if (templateArgs && name !== 'min' && name !== 'max' && name !== 'move') {
    sema.error(calleeSpan, dt('cpp.sema.stdlib.with-explicit-template-arguments-is-not', fname));
    return errorExpr(span);
  }
  const args0 = argSyntax.map((a) => checkArg(sema, a));
  if (args0.some(isListArg)) {
    sema.error(span, dt('cpp.sema.stdlib.braced-arguments-to-are-not-modelled', fname));
    return errorExpr(span);
  }
  const args = args0 as Expr[];
  if (args.some((a) => a.kind === 'error')) return errorExpr(span);
  const sig = C_SIGNATURES[name];
  if (sig) return cCall(sema, name as BuiltinName, fname, sig, args, span);
  if (!isStd) {
    sema.unknownName(calleeSpan, name);
    return errorExpr(span);
  }
  switch (name) {
    case 'copy':
    case 'copy_n':
    case 'fill':
    case 'fill_n':
      return algorithm(sema, name, args, span);
    case 'move': {
      if (args.length !== 1) {
        sema.error(span, dt('cpp.sema.stdlib.std-move-takes-one-argument-but', args.length));
        return errorExpr(span);
      }
      const x = args[0] as Expr;
      if (!isGlvalue(x)) return x;
      return {
        ...cast('noop', x, x.type, { style: 'std::move', category: 'xvalue' }),
        span,
        ...(x.isConst ? { isConst: true } : {}),
      };
    }
    case 'min':
    case 'max': {
      if (args.length !== 2) {
        sema.error(span, dt('cpp.sema.stdlib.takes-two-arguments-here', fname));
        return errorExpr(span);
      }
      const [a, b] = args as [Expr, Expr];
      if (!sameType(a.type, b.type) || !isArithmetic(a.type)) {
        sema.error(
          span,
          dt('cpp.sema.stdlib.needs-two-arguments-of-the-same', fname, typeName(a.type), typeName(b.type)),
        );
        return errorExpr(span);
      }
      // `const T& max(const T&, const T&)`: the result is one of the two arguments, by reference.
      // A prvalue argument is a temporary that dies at the end of the full-expression, so a
      // reference bound to the result of `std::max(1, 2)` dangles ([class.temporary]/6.9).
      const glvalue = (x: Expr): Expr => (isGlvalue(x) ? x : materialize(x));
      return {
        ...builtin(`std::${name}`, [glvalue(a), glvalue(b)], a.type, span),
        category: 'lvalue',
        isConst: true,
      };
    }
    case 'swap': {
      if (args.length !== 2) {
        sema.error(span, dt('cpp.sema.stdlib.std-swap-takes-two-arguments'));
        return errorExpr(span);
      }
      const [a, b] = args as [Expr, Expr];
      if (
        (a.type.kind === 'record' || a.type.kind === 'array') &&
        sameType(a.type, b.type) &&
        a.category === 'lvalue' &&
        b.category === 'lvalue'
      ) {
        sema.diags.unsupported(calleeSpan, dt('cpp.sema.stdlib.std-swap-of-two-objects', typeName(a.type)));
        return errorExpr(span);
      }
      if (
        !sameType(a.type, b.type) ||
        a.category !== 'lvalue' ||
        b.category !== 'lvalue' ||
        a.isConst ||
        b.isConst
      ) {
        // g++: "no matching function for call to 'swap(...)'" (std::swap takes two T& of one T).
        sema.error(
          span,
          dt('cpp.sema.stdlib.std-swap-needs-two-modifiable-variables', typeName(a.type), typeName(b.type)),
        );
        return errorExpr(span);
      }
      return builtin('std::swap', [a, b], VOID_T, span);
    }
    case 'cout':
    case 'cerr':
    case 'endl':
      sema.error(calleeSpan, dt('cpp.sema.stdlib.std-cannot-be-called', name));
      return errorExpr(span);
    default:
      sema.diags.unsupported(calleeSpan, dt('cpp.sema.stdlib.the-library-function-std', name));
      return errorExpr(span);
  }
}

function cCall(
  sema: Sema,
  name: BuiltinName,
  fname: string,
  sig: CSignature,
  args: Expr[],
  span: Span,
): Expr {
  if (name === 'abs' && args.length === 1 && args[0]?.type.kind === 'float') {
    const t = args[0].type;
    return builtin('fabs', [toRvalue(args[0])], t, span);
  }
  if (sig.variadic) {
    if (args.length < sig.params.length) {
      sema.error(
        span,
        dt(
          'cpp.sema.stdlib.needs-at-least-argument',
          fname,
          sig.params.length,
          dt(sig.params.length === 1 ? 'codon.empty' : 'codon.plural-s'),
        ),
      );
      return errorExpr(span);
    }
    const fixed = convertArgs(sema, fname, args.slice(0, sig.params.length), sig.params, span);
    if (!fixed) return errorExpr(span);
    const rest: Expr[] = [];
    for (let k = sig.params.length; k < args.length; k++) {
      const init = variadicArg(sema, args[k] as Expr, dt('cpp.sema.stdlib.argument-of', k + 1, fname));
      if (!init || init.kind !== 'expr') return errorExpr(span);
      rest.push(init.expr);
    }
    if (name === 'printf') checkPrintfFormat(sema, args[0] as Expr, rest);
    if (name === 'snprintf') checkPrintfFormat(sema, args[2] as Expr, rest);
    return builtin(name, [...fixed, ...rest], sig.ret, span);
  }
  const conv = convertArgs(sema, fname, args, sig.params, span);
  if (!conv) return errorExpr(span);
  if (name === 'free' && args[0] && isNullPointerConstant(args[0]))
    sema.warning(span, dt('cpp.sema.stdlib.free-null-does-nothing'));
  return builtin(name, conv, sig.ret, span);
}

/** std::copy / copy_n / fill / fill_n over pointers (std::array's iterators are pointers in libstdc++). */
function algorithm(sema: Sema, name: 'copy' | 'copy_n' | 'fill' | 'fill_n', args: Expr[], span: Span): Expr {
  const fname = `std::${name}`;
  if (args.length !== 3) {
    sema.error(
      span,
      dt(
        'cpp.sema.stdlib.takes-arguments-but-given',
        fname,
        args.length,
        dt(args.length === 1 ? 'cpp.was' : 'cpp.were'),
      ),
    );
    return errorExpr(span);
  }
  const vals = args.map(toRvalue);
  const ptr = (k: number): Extract<CType, { kind: 'pointer' }> | null => {
    const t = vals[k]?.type;
    if (t?.kind !== 'pointer') {
      sema.error(
        args[k]?.span ?? span,
        dt('cpp.sema.stdlib.argument-of-must-be-a-pointer', k + 1, fname, typeName(args[k]?.type ?? VOID_T)),
      );
      return null;
    }
    return t;
  };
  const count = (k: number): Expr | null => {
    const c = convertScalar(vals[k] as Expr, LONG);
    if ('error' in c || (vals[k]?.type.kind !== 'int' && vals[k]?.type.kind !== 'enum')) {
      sema.error(args[k]?.span ?? span, dt('cpp.sema.stdlib.argument-of-must-be-a-count', k + 1, fname));
      return null;
    }
    return c.expr;
  };
  if (name === 'copy' || name === 'copy_n') {
    const first = ptr(0);
    const mid = name === 'copy' ? ptr(1) : null;
    const n = name === 'copy_n' ? count(1) : null;
    const out = ptr(2);
    if (!first || !out || (name === 'copy' && !mid) || (name === 'copy_n' && !n)) return errorExpr(span);
    if (mid && !sameType(first.pointee, mid.pointee)) {
      sema.error(span, dt('cpp.sema.stdlib.the-first-two-arguments-of-std', typeName(first), typeName(mid)));
      return errorExpr(span);
    }
    if (out.pointeeConst) {
      sema.error(
        args[2]?.span ?? span,
        dt('cpp.sema.stdlib.cannot-write-through-it-points-to', fname, typeName(out)),
      );
      return errorExpr(span);
    }
    if (!isArithmetic(first.pointee) && first.pointee.kind !== 'pointer') {
      sema.error(
        span,
        dt('cpp.sema.stdlib.is-modelled-for-elements-of-scalar', fname, typeName(first.pointee)),
      );
      return errorExpr(span);
    }
    if (
      !sameType(first.pointee, out.pointee) &&
      'error' in
        convertScalar(
          { kind: 'int-literal', value: 0n, type: first.pointee, category: 'prvalue', span },
          out.pointee,
        )
    ) {
      sema.error(
        span,
        dt('cpp.sema.stdlib.cannot-store-values-into', fname, typeName(first.pointee), typeName(out.pointee)),
      );
      return errorExpr(span);
    }
    const a = [vals[0] as Expr, (mid ? vals[1] : n) as Expr, vals[2] as Expr];
    return builtin(name === 'copy' ? 'std::copy' : 'std::copy_n', a, ptrTo(out.pointee), span);
  }
  const first = ptr(0);
  const last = name === 'fill' ? ptr(1) : null;
  const n = name === 'fill_n' ? count(1) : null;
  if (!first || (name === 'fill' && !last) || (name === 'fill_n' && !n)) return errorExpr(span);
  if (first.pointeeConst) {
    sema.error(
      args[0]?.span ?? span,
      dt('cpp.sema.stdlib.cannot-write-through-it-points-to', fname, typeName(first)),
    );
    return errorExpr(span);
  }
  const value = convertScalar(vals[2] as Expr, first.pointee);
  if ('error' in value) {
    sema.error(args[2]?.span ?? span, dt('cpp.sema.stdlib.the-value-for', value.error, fname));
    return errorExpr(span);
  }
  const a = [vals[0] as Expr, (last ? vals[1] : n) as Expr, value.expr];
  return builtin(
    name === 'fill' ? 'std::fill' : 'std::fill_n',
    a,
    name === 'fill' ? VOID_T : ptrTo(first.pointee),
    span,
  );
}

/** `std::make_shared<T>(args)` / `std::make_unique<T>(args)` (and `make_unique<T[]>(n)`). */
function makeSmart(
  sema: Sema,
  name: 'make_shared' | 'make_unique',
  templateArgs: TemplateArgSyntax[] | undefined,
  argSyntax: (ExprSyntax | InitListSyntax)[],
  calleeSpan: Span,
  span: Span,
): Expr {
  const fname = `std::${name}`;
  if (!templateArgs || templateArgs.length !== 1) {
    sema.error(calleeSpan, dt('cpp.sema.stdlib.needs-the-type-to-create-as', fname));
    argSyntax.forEach((a) => checkArg(sema, a));
    return errorExpr(span);
  }
  const targs = resolveTemplateArgs(sema, templateArgs);
  const T = targs?.[0];
  if (!T || typeof T === 'number') {
    if (targs) sema.error(calleeSpan, dt('cpp.sema.stdlib.needs-a-type-as-its-template', fname));
    return errorExpr(span);
  }
  const kind: StdKind = name === 'make_shared' ? 'shared_ptr' : 'unique_ptr';
  const r = cachedStdType(sema, kind, [T]);
  if (!r.ok) {
    sema.error(calleeSpan, r.message);
    return errorExpr(span);
  }
  const args = argSyntax.map((a) => checkArg(sema, a));
  if (T.kind === 'array') {
    if (name === 'make_shared' || T.length !== 0 || args.length !== 1 || isListArg(args[0] as InitArg)) {
      sema.error(
        span,
        name === 'make_shared'
          ? dt('cpp.sema.stdlib.std-make-shared-of-an-array')
          : dt('cpp.sema.stdlib.std-make-unique-t-takes-the'),
      );
      return errorExpr(span);
    }
    const n = convertScalar(args[0] as Expr, SIZE_T);
    if ('error' in n) {
      sema.error(args[0]?.span ?? span, dt('cpp.sema.stdlib.the-number-of-elements-must-be'));
      return errorExpr(span);
    }
    const zero: Init = { kind: 'zero', type: { kind: 'array', element: T.element, length: 0 }, span };
    return builtin('std::make_unique', [n.expr], r.value, span, { typeArgs: [T], elementInit: zero });
  }
  if (T.kind === 'reference' || T.kind === 'void' || T.kind === 'function') {
    sema.error(calleeSpan, dt('cpp.sema.stdlib.cannot-create-a', fname, typeName(T)));
    return errorExpr(span);
  }
  const init = directInit(sema, T, args, { what: dt('cpp.ctx.created-by', fname), span }, span);
  if (!init) return errorExpr(span);
  return builtin(name === 'make_shared' ? 'std::make_shared' : 'std::make_unique', [], r.value, span, {
    typeArgs: [T],
    elementInit: init,
  });
}

// ------------------------------------------------------------------ std class members

interface MethodSpec {
  /** Parameter types, given the element type. */
  params: (elem: CType) => CType[];
  /** Result type and category, given the element type and whether the object is const. */
  result: (elem: CType, objConst: boolean) => { type: CType; category: Expr['category']; isConst?: boolean };
  /** Modifies the object (not callable on a const object). */
  mutating?: boolean;
  /** How many of the parameters must be given (the rest have defaults); all when absent. */
  required?: number;
}

const elemLvalue = (
  elem: CType,
  c: boolean,
): { type: CType; category: Expr['category']; isConst?: boolean } => ({
  type: elem,
  category: 'lvalue',
  ...(c ? { isConst: true } : {}),
});
const prv = (t: CType): { type: CType; category: Expr['category'] } => ({ type: t, category: 'prvalue' });

const SEQUENCE: Record<string, MethodSpec> = {
  'operator[]': { params: () => [SIZE_T], result: elemLvalue },
  at: { params: () => [SIZE_T], result: elemLvalue },
  data: { params: () => [], result: (e, c) => prv(ptrTo(e, c)) },
  size: { params: () => [], result: () => prv(SIZE_T) },
  empty: { params: () => [], result: () => prv(BOOL) },
  begin: { params: () => [], result: (e, c) => prv(ptrTo(e, c)) },
  end: { params: () => [], result: (e, c) => prv(ptrTo(e, c)) },
  front: { params: () => [], result: elemLvalue },
  back: { params: () => [], result: elemLvalue },
};

const POINTER_LIKE: Record<string, MethodSpec> = {
  get: { params: () => [], result: (e) => prv(ptrTo(e)) },
  'operator*': { params: () => [], result: (e) => elemLvalue(e, false) },
  'operator->': { params: () => [], result: (e) => prv(ptrTo(e)) },
  'operator bool': { params: () => [], result: () => prv(BOOL) },
  reset: { params: () => [], result: () => prv(VOID_T), mutating: true },
};

const STD_METHODS: Partial<Record<StdKind, Record<string, MethodSpec>>> = {
  array: { ...SEQUENCE, fill: { params: (e) => [e], result: () => prv(VOID_T), mutating: true } },
  vector: {
    ...SEQUENCE,
    push_back: { params: (e) => [e], result: () => prv(VOID_T), mutating: true },
    // For the scalar elements modelled, emplace_back(x) constructs from x as push_back copies it.
    emplace_back: { params: (e) => [e], result: (e) => elemLvalue(e, false), mutating: true },
    pop_back: { params: () => [], result: () => prv(VOID_T), mutating: true },
    clear: { params: () => [], result: () => prv(VOID_T), mutating: true },
    resize: { params: () => [SIZE_T], result: () => prv(VOID_T), mutating: true },
    reserve: { params: () => [SIZE_T], result: () => prv(VOID_T), mutating: true },
    capacity: { params: () => [], result: () => prv(SIZE_T) },
  },
  string: {
    size: SEQUENCE.size as MethodSpec,
    length: { params: () => [], result: () => prv(SIZE_T) },
    empty: SEQUENCE.empty as MethodSpec,
    c_str: { params: () => [], result: () => prv(CONST_CHAR_PTR) },
    data: { params: () => [], result: () => prv(CONST_CHAR_PTR) },
    'operator[]': { params: () => [SIZE_T], result: (_e, c) => elemLvalue(CHAR, c) },
  },
  string_view: {
    size: SEQUENCE.size as MethodSpec,
    length: { params: () => [], result: () => prv(SIZE_T) },
    empty: SEQUENCE.empty as MethodSpec,
    data: { params: () => [], result: () => prv(CONST_CHAR_PTR) },
    'operator[]': {
      params: () => [SIZE_T],
      result: () => ({ type: CHAR, category: 'lvalue', isConst: true }),
    },
  },
  shared_ptr: { ...POINTER_LIKE, use_count: { params: () => [], result: () => prv(LONG) } },
  unique_ptr: {
    ...POINTER_LIKE,
    // reset(pointer p = pointer()): deletes what it held, then holds p.
    reset: { params: (e) => [ptrTo(e)], result: () => prv(VOID_T), mutating: true, required: 0 },
    release: { params: () => [], result: (e) => prv(ptrTo(e)), mutating: true },
    'operator[]': { params: () => [SIZE_T], result: (e) => elemLvalue(e, false) },
  },
  optional: {
    has_value: { params: () => [], result: () => prv(BOOL) },
    value: { params: () => [], result: elemLvalue },
    'operator*': { params: () => [], result: elemLvalue },
    'operator->': { params: () => [], result: (e, c) => prv(ptrTo(e, c)) },
    'operator bool': { params: () => [], result: () => prv(BOOL) },
    reset: { params: () => [], result: () => prv(VOID_T), mutating: true },
  },
  complex: {
    real: { params: () => [], result: (e) => prv(e) },
    imag: { params: () => [], result: (e) => prv(e) },
  },
};

/** The element type a std class's members talk about (`T` of `array<T, N>`, `shared_ptr<T>`; `T` of `unique_ptr<T[]>`). */
function elementType(decl: RecordDecl): CType {
  const a = decl.std?.args[0];
  if (decl.std?.kind === 'string' || decl.std?.kind === 'string_view') return CHAR;
  if (!a || typeof a === 'number') return VOID_T;
  return a.kind === 'array' && decl.std?.kind === 'unique_ptr' ? a.element : a;
}

/** A member function call on a std class object: `bar.data()`, `bar[i]`, `p.get()`, `*p`. */
export function checkStdMethodCall(
  sema: Sema,
  object0: Expr,
  method: string,
  args: Expr[],
  span: Span,
): Expr {
  const t = object0.type;
  if (t.kind !== 'record' || !t.decl.std) {
    sema.error(span, dt('cpp.sema.stdlib.has-no-member-function', typeName(t), method));
    return errorExpr(span);
  }
  const kind = t.decl.std.kind;
  const table = STD_METHODS[kind];
  const spec = table?.[method];
  const shown = `std::${kind}::${method}`;
  if (!spec) {
    sema.diags.unsupported(span, dt('cpp.sema.stdlib.msg', shown));
    return errorExpr(span);
  }
  const isArrayUnique =
    kind === 'unique_ptr' && typeof t.decl.std.args[0] !== 'number' && t.decl.std.args[0]?.kind === 'array';
  if (kind === 'unique_ptr' && method === 'operator[]' && !isArrayUnique) {
    sema.error(span, dt('cpp.sema.stdlib.std-unique-ptr-t-has-no'));
    return errorExpr(span);
  }
  if (kind === 'unique_ptr' && isArrayUnique && (method === 'operator*' || method === 'operator->')) {
    sema.error(span, dt('cpp.sema.stdlib.std-unique-ptr-t-has-no-2', method.replace('operator', '')));
    return errorExpr(span);
  }
  const object = isGlvalue(object0) ? object0 : materialize(object0);
  const objConst = Boolean(object.isConst);
  if (spec.mutating && objConst) {
    sema.error(span, dt('cpp.sema.stdlib.modifies-the-object-which-is-const', shown));
    return errorExpr(span);
  }
  const elem = elementType(t.decl);
  if (kind === 'vector' && elem.kind === 'record') {
    // The interpreter's vectors hold scalars; a class element would need its constructors and
    // destructors run per element, which are not modelled. Refused here, not mid-run, and once:
    // a later use of the same vector is part of the first refusal.
    if (object0.kind === 'var-ref' && sema.diags.refusedNames.has(object0.variable.name)) {
      sema.diags.refusals++;
      return errorExpr(span);
    }
    sema.diags.unsupported(
      span,
      dt('cpp.sema.stdlib.a-std-vector-of-class-objects', typeName(elem)),
      dt('cpp.sema.stdlib.use-an-array-of-the-class'),
    );
    return errorExpr(span);
  }
  const all = spec.params(elem);
  const params =
    spec.required !== undefined && args.length >= spec.required && args.length < all.length
      ? all.slice(0, args.length)
      : all;
  const conv = convertArgs(sema, shown, args, params, span);
  if (!conv) return errorExpr(span);
  const res = spec.result(elem, objConst);
  if (!modelledStdMethod(sema, kind, method as StdMethodName, shown, span)) return errorExpr(span);
  return {
    kind: 'std-method',
    std: kind,
    method: method as StdMethodName,
    record: t.decl,
    object,
    args: conv,
    ...res,
    span,
  };
}

/** A data member of a std class: only `first`/`second` of std::pair are public. */
export function checkStdMember(sema: Sema, object: Expr, t: RecordType, name: string, span: Span): Expr {
  const std = t.decl.std;
  if (std?.kind === 'pair' && (name === 'first' || name === 'second')) {
    const index = t.decl.fields.findIndex((f) => f.name === name);
    const fd = t.decl.fields[index];
    if (fd) {
      const field: FieldInfo = { name, type: fd.type, index, access: 'public', defaultInit: null, span };
      return {
        kind: 'member',
        object,
        record: t.decl,
        field,
        type: fd.type,
        category: object.category,
        ...(object.isConst ? { isConst: true } : {}),
        span,
      };
    }
  }
  const spec = std ? STD_METHODS[std.kind]?.[name] : undefined;
  if (spec) sema.error(span, dt('cpp.sema.stdlib.is-a-member-function-of-call', name, t.decl.name));
  else sema.error(span, dt('cpp.sema.stdlib.has-no-accessible-member-in-this', t.decl.name, name));
  return errorExpr(span);
}
