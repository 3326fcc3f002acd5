/**
 * Types as written to `CType`s: fundamental types in every spelling (`unsigned long long`,
 * `long int`, `signed`), glibc's typedefs (`size_t`, `int64_t`, `uint8_t`), the standard
 * library classes the simulator lays out (via the ABI module's libstdc++ builders), classes,
 * enums and aliases of the file, and declarators (`*`, `&`, `[N]`, `(params)`).
 */
import { dt } from '../../diag';
import type { CType, FloatName, IntName, RecordType, StdKind } from '../../abi/ctype';
import type { DiagText, Span } from '../../diag';
import { GLIBC_TYPEDEFS, STD_MODELLED_CLASSES, STD_MODELLED_TEMPLATES, STD_TYPES } from '../std-names';
import type {
  DeclSpecs,
  DeclaratorOp,
  DeclaratorSyntax,
  ExprSyntax,
  NamePart,
  QualifiedName,
  TemplateArgSyntax,
  TypeIdSyntax,
} from '../syntax';
import { stdType, tryAbi } from './abi';
import type { Sema } from './context';
import { evalInt } from './consteval';
import { checkExpr } from './expr';
import { requireHeader } from './headers';
import { lookupQualified, type LookupResult } from './lookup';
import { declareEnum, declareRecord, declareElaborated } from './record';
import { instantiateClass } from './templates';
import { intT, ptrTo, refTo, typeName, VOID } from './types';

/** A type with its top-level `const`; `auto` marks a placeholder to deduce from an initializer. */
export interface QualType {
  type: CType;
  const: boolean;
  auto?: boolean;
}

/** A resolved function parameter. */
export interface ParamInfo {
  name: string | null;
  span: Span;
  /** The parameter's type after adjustment (arrays and functions become pointers). */
  type: CType;
  const: boolean;
  defaultArg?: ExprSyntax;
}

export interface DeclaratorResult extends QualType {
  /** When the declarator declares a function: its parameters (with names) and variadic flag. */
  fn?: { params: ParamInfo[]; variadic: boolean; const: boolean };
  /** `T x[]`: the array bound is to be deduced from the initializer. */
  unknownBound?: boolean;
}

/** Maps a multiset of type keywords to a fundamental type, or an error message. */
export function builtinType(words: string[]): CType | DiagText {
  const count = (w: string): number => words.filter((x) => x === w).length;
  const signed = count('signed');
  const unsigned = count('unsigned');
  const longs = count('long');
  const shorts = count('short');
  const base = words.filter((w) => !['signed', 'unsigned', 'long', 'short'].includes(w));
  if (signed && unsigned) return dt('cpp.builtin.together', 'signed', 'unsigned');
  if (signed > 1 || unsigned > 1) return dt('cpp.builtin.duplicate', signed > 1 ? 'signed' : 'unsigned');
  if (longs > 2) return dt('cpp.builtin.long-long-long');
  if (shorts > 1) return dt('cpp.builtin.duplicate', 'short');
  if (shorts && longs) return dt('cpp.builtin.together', 'long', 'short');
  if (base.length > 1) return dt('cpp.builtin.combined', base[0], base[1]);
  const b = base[0];
  const sign = unsigned ? 'unsigned' : signed ? 'signed' : '';
  const noModifiers = (): DiagText | null =>
    sign || longs || shorts
      ? dt(
          'cpp.builtin.cannot-use-with',
          [sign, longs ? 'long' : '', shorts ? 'short' : ''].filter(Boolean).join(' '),
          b,
        )
      : null;
  switch (b) {
    case 'void':
    case 'bool':
    case 'float':
    case 'wchar_t':
    case 'char16_t':
    case 'char32_t':
    case 'char8_t': {
      const err = noModifiers();
      if (err) return err;
      if (b === 'void') return VOID;
      if (b === 'float') return { kind: 'float', name: 'float' };
      if (b === 'char8_t') return intT('unsigned char');
      return intT(b as IntName);
    }
    case 'double':
      if (sign || shorts || longs > 1) return dt('cpp.builtin.invalid', words.join(' '));
      return { kind: 'float', name: (longs ? 'long double' : 'double') as FloatName };
    case 'char':
      if (longs || shorts) return dt('cpp.builtin.with-char', longs ? 'long' : 'short');
      return intT(unsigned ? 'unsigned char' : signed ? 'signed char' : 'char');
    case '__int128':
      if (longs || shorts) return dt('cpp.builtin.with-int128', longs ? 'long' : 'short');
      return intT(unsigned ? 'unsigned __int128' : '__int128');
    case 'int':
    case undefined: {
      const core = shorts ? 'short' : longs === 2 ? 'long long' : longs === 1 ? 'long' : 'int';
      return intT((unsigned ? `unsigned ${core}` : core) as IntName);
    }
    default:
      return dt('cpp.sema.resolve-type.unknown-type', words.join(' '));
  }
}

/** Resolves declaration specifiers to a base type; null after reporting an error. */
export function resolveSpecs(sema: Sema, specs: DeclSpecs): QualType | null {
  const base = specs.base;
  const withConst = (q: QualType | null): QualType | null =>
    q ? { ...q, const: q.const || specs.const } : null;
  switch (base.kind) {
    case 'builtin': {
      const t = builtinType(base.words);
      if (!('kind' in t)) {
        sema.error(base.span, t);
        return null;
      }
      return { type: t, const: specs.const };
    }
    case 'auto':
      return { type: VOID, const: specs.const, auto: true };
    case 'named':
      return withConst(resolveNamedType(sema, base.name));
    case 'elaborated':
      return withConst(declareElaborated(sema, base.tag, base.name));
    case 'record-def': {
      const t = declareRecord(sema, base.record);
      return t ? { type: t, const: specs.const } : null;
    }
    case 'enum-def': {
      const t = declareEnum(sema, base.enumDef);
      return t ? { type: t, const: specs.const } : null;
    }
    case 'error':
      return null;
  }
}

function qualifiedText(qn: QualifiedName): string {
  return (qn.global ? '::' : '') + qn.parts.map((p) => p.name).join('::');
}

/** A name that should denote a type. */
export function resolveNamedType(sema: Sema, qn: QualifiedName): QualType | null {
  const last = qn.parts[qn.parts.length - 1] as NamePart;
  const member = containerMemberType(sema, qn);
  if (member !== undefined) return member;
  const hit = lookupQualified(sema, qn);
  if (!hit) {
    // A class template that was refused (`template <int N> struct Buf`): its uses are part of that refusal.
    if (sema.diags.refusedNames.has(last.name)) sema.diags.refusals++;
    else sema.error(qn.span, dt('cpp.sema.resolve-type.unknown-type', qualifiedText(qn)));
    return null;
  }
  return typeFromLookup(sema, hit, last, qn);
}

/**
 * `std::vector<T>::iterator`, `const_iterator`, `size_type`, `value_type` (and std::array's). An
 * iterator is the element pointer: std::array's is `T*` in libstdc++, and std::vector's
 * `__normal_iterator<T*, vector<T>>` holds just that pointer (same size, same bits); begin() and
 * end() return it as such here. undefined when the name is not one of these.
 */
function containerMemberType(sema: Sema, qn: QualifiedName): QualType | null | undefined {
  const [ns, cls, member] = qn.parts;
  if (qn.parts.length !== 3 || ns?.name !== 'std' || !cls || !member) return undefined;
  if ((cls.name !== 'vector' && cls.name !== 'array') || !cls.templateArgs) return undefined;
  if (!['iterator', 'const_iterator', 'size_type', 'value_type'].includes(member.name)) return undefined;
  const container = resolveStdType(sema, cls.name, cls);
  if (!container || container.type.kind !== 'record') return null;
  const elem = container.type.decl.std?.args[0];
  if (elem === undefined || typeof elem === 'number') return null;
  switch (member.name) {
    case 'iterator':
      return { type: ptrTo(elem, false), const: false };
    case 'const_iterator':
      return { type: ptrTo(elem, true), const: false };
    case 'size_type':
      return { type: intT('unsigned long'), const: false };
    default:
      return { type: elem, const: false };
  }
}

function typeFromLookup(sema: Sema, hit: LookupResult, last: NamePart, qn: QualifiedName): QualType | null {
  switch (hit.kind) {
    case 'type':
      if (last.templateArgs) sema.error(last.span, dt('cpp.sema.resolve-type.is-not-a-template', last.name));
      return { type: hit.type, const: hit.const };
    case 'global-typedef':
      return globalTypedef(sema, hit.name, last.span);
    case 'std':
      return resolveStdType(sema, hit.name, last);
    case 'template':
      if (hit.template.kind === 'class') {
        const t = instantiateClass(sema, hit.template, last.templateArgs, last.span);
        return t ? { type: t, const: false } : null;
      }
      sema.error(qn.span, dt('cpp.sema.resolve-type.is-a-function-template-not-a', qualifiedText(qn)));
      return null;
    default:
      sema.error(qn.span, dt('cpp.sema.resolve-type.is-not-a-type', qualifiedText(qn)));
      return null;
  }
}

function globalTypedef(sema: Sema, name: string, span: Span): QualType | null {
  const int = GLIBC_TYPEDEFS[name];
  if (int) return { type: intT(int), const: false };
  if (name === '__m128' || name === '__m128d') {
    return {
      type:
        name === '__m128'
          ? { kind: 'vector', name, element: { kind: 'float', name: 'float' }, length: 4 }
          : { kind: 'vector', name, element: { kind: 'float', name: 'double' }, length: 2 },
      const: false,
    };
  }
  sema.error(span, dt('cpp.sema.resolve-type.is-not-modelled-by-this-simulator', name));
  return null;
}

/** `std::array<double, 4>` and the other std classes, built with libstdc++'s real layout. */
function resolveStdType(sema: Sema, name: string, part: NamePart): QualType | null {
  if (GLIBC_TYPEDEFS[name]) return globalTypedef(sema, name, part.span);
  const templ: StdKind | undefined = STD_MODELLED_TEMPLATES[name];
  const cls: StdKind | undefined = STD_MODELLED_CLASSES[name];
  if (!templ && !cls) {
    if (name === 'nullptr_t')
      sema.error(part.span, dt('cpp.sema.resolve-type.std-nullptr-t-is-not-modelled'));
    else if (STD_TYPES.has(name))
      sema.error(part.span, dt('cpp.sema.resolve-type.std-is-not-modelled-by-this', name));
    else sema.error(part.span, dt('cpp.sema.resolve-type.unknown-type-std', name));
    return null;
  }
  requireHeader(sema, `std::${name}`, part.span);
  if (cls) {
    if (part.templateArgs) sema.error(part.span, dt('cpp.sema.resolve-type.std-is-not-a-template', name));
    return buildStd(sema, cls, [], part.span);
  }
  if (!part.templateArgs) {
    sema.error(
      part.span,
      dt(
        'cpp.sema.resolve-type.std-needs-template-arguments-as-in',
        name,
        STD_EXAMPLES[templ as StdKind] ?? `std::${name}<T>`,
      ),
    );
    return null;
  }
  const args = resolveTemplateArgs(sema, part.templateArgs);
  if (!args) return null;
  const shapeError = checkStdArgs(templ as StdKind, args);
  if (shapeError) {
    sema.error(part.span, shapeError);
    return null;
  }
  return buildStd(sema, templ as StdKind, args, part.span);
}

const STD_EXAMPLES: Partial<Record<StdKind, string>> = {
  array: 'std::array<double, 4>',
  pair: 'std::pair<int, double>',
  tuple: 'std::tuple<int, double>',
  optional: 'std::optional<double>',
  complex: 'std::complex<double>',
  vector: 'std::vector<double>',
  unique_ptr: 'std::unique_ptr<double>',
  shared_ptr: 'std::shared_ptr<double>',
};

function checkStdArgs(kind: StdKind, args: (CType | number)[]): DiagText | null {
  const types = args.every((a) => typeof a !== 'number');
  const example = STD_EXAMPLES[kind] ?? '';
  switch (kind) {
    case 'array':
      if (args.length !== 2 || typeof args[0] === 'number' || typeof args[1] !== 'number')
        return dt('cpp.std.array-args', example);
      if (args[0]?.kind === 'void' || args[0]?.kind === 'reference' || args[0]?.kind === 'function')
        return dt('cpp.std.array-elements', typeName(args[0]));
      return null;
    case 'pair':
      return args.length === 2 && types ? null : dt('cpp.std.pair-args', example);
    case 'tuple':
      return types ? null : dt('cpp.std.tuple-args', example);
    case 'complex': {
      const t = args[0];
      return args.length === 1 && t !== undefined && typeof t !== 'number' && t.kind === 'float'
        ? null
        : dt('cpp.std.complex-args');
    }
    default:
      return args.length === 1 && types ? null : dt('cpp.std.one-type', kind, example);
  }
}

function buildStd(sema: Sema, kind: StdKind, args: (CType | number)[], span: Span): QualType | null {
  const r = cachedStdType(sema, kind, args);
  if (!r.ok) {
    sema.error(span, r.message);
    return null;
  }
  return { type: r.value, const: false };
}

/**
 * The libstdc++ record of a std class, built once per file and argument list: a 1 MB file names
 * `std::array<double, 4>` thousands of times, and one shared RecordType also makes type identity cheap.
 */
export function cachedStdType(
  sema: Sema,
  kind: StdKind,
  args: (CType | number)[],
): { ok: true; value: RecordType } | { ok: false; message: string } {
  const key = kind + '<' + args.map((a) => (typeof a === 'number' ? String(a) : typeKey(a))).join(',') + '>';
  const hit = sema.stdTypes.get(key);
  if (hit) return { ok: true, value: hit };
  const r = tryAbi(() => stdType(kind, args));
  if (r.ok) sema.stdTypes.set(key, r.value);
  return r;
}

/** A string identifying a type within one file (user classes by their qualified name and line). */
function typeKey(t: CType): string {
  if (t.kind === 'record') return `${t.decl.name}@${t.decl.line ?? 'std'}`;
  if (t.kind === 'pointer') return `${t.pointeeConst ? 'const ' : ''}${typeKey(t.pointee)}*`;
  if (t.kind === 'array') return `${typeKey(t.element)}[${t.length}]`;
  return typeName(t);
}

/** Template arguments: types, or integral constants. */
export function resolveTemplateArgs(sema: Sema, args: TemplateArgSyntax[]): (CType | number)[] | null {
  const out: (CType | number)[] = [];
  for (const a of args) {
    if (a.kind === 'type-arg') {
      const t = resolveTypeId(sema, a.type, { allowUnknownBound: true });
      if (!t) return null;
      out.push(t.type);
      continue;
    }
    const e = checkExpr(sema, a.expr);
    if (e.kind === 'error') return null;
    const v = evalInt(e);
    if (v === null) {
      sema.error(a.span, dt('cpp.sema.resolve-type.a-template-argument-must-be-a'));
      return null;
    }
    if (v < 0n || v > 0xffffffffn) {
      sema.error(a.span, dt('cpp.sema.resolve-type.the-template-argument-is-out-of', v));
      return null;
    }
    out.push(Number(v));
  }
  return out;
}

/** A type-id (cast, sizeof, new, template argument). */
export function resolveTypeId(
  sema: Sema,
  t: TypeIdSyntax,
  opts: { allowUnknownBound?: boolean } = {},
): QualType | null {
  const base = resolveSpecs(sema, t.specs);
  if (!base) return null;
  if (base.auto) {
    sema.error(t.span, dt('cpp.sema.resolve-type.auto-is-not-allowed-here'));
    return null;
  }
  const r = applyDeclarator(sema, base, t.declarator);
  if (!r) return null;
  if (r.unknownBound && !opts.allowUnknownBound) {
    sema.error(t.span, dt('cpp.sema.resolve-type.an-array-type-here-needs-a'));
    return null;
  }
  return r;
}

/** Builds the declared type from the base type and a declarator's ops. */
export function applyDeclarator(sema: Sema, base: QualType, d: DeclaratorSyntax): DeclaratorResult | null {
  let cur: CType = base.type;
  let curConst = base.const;
  let fn: DeclaratorResult['fn'];
  let unknownBound = false;
  const ops = d.ops;
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k] as DeclaratorOp;
    if (base.auto && cur.kind === 'void' && op.kind !== 'function' && k === 0) {
      // `auto*`, `auto&`: the placeholder stays until the initializer deduces it.
      return { type: cur, const: curConst, auto: true, ...(fn ? { fn } : {}) };
    }
    switch (op.kind) {
      case 'pointer':
        if (cur.kind === 'reference') {
          sema.error(op.span, dt('cpp.sema.resolve-type.a-pointer-to-a-reference-is'));
          return null;
        }
        cur = ptrTo(cur, curConst);
        curConst = op.const;
        break;
      case 'reference':
        if (cur.kind === 'reference') {
          sema.error(op.span, dt('cpp.sema.resolve-type.a-reference-to-a-reference-is'));
          return null;
        }
        if (cur.kind === 'void') {
          sema.error(op.span, dt('cpp.sema.resolve-type.a-reference-to-void-is-not'));
          return null;
        }
        cur = refTo(cur, op.rvalue, curConst);
        curConst = false;
        break;
      case 'array': {
        if (cur.kind === 'void' || cur.kind === 'function' || cur.kind === 'reference') {
          sema.error(
            op.span,
            dt(
              'cpp.sema.resolve-type.an-array-of-is-not-allowed',
              cur.kind === 'void' ? 'void' : dt(cur.kind === 'function' ? 'cpp.functions' : 'cpp.references'),
            ),
          );
          return null;
        }
        let length = 0;
        if (op.size) {
          const e = checkExpr(sema, op.size);
          if (e.kind === 'error') return null;
          const v = evalInt(e);
          if (v === null) {
            sema.error(op.size.span, dt('cpp.sema.resolve-type.variable-length-arrays-are-not-modelled'));
            return null;
          }
          if (v <= 0n || v > 1n << 32n) {
            sema.error(
              op.size.span,
              v <= 0n
                ? dt('cpp.sema.resolve-type.the-array-size-must-be-positive', v)
                : dt('cpp.sema.resolve-type.the-array-size-is-too-large', v),
            );
            return null;
          }
          length = Number(v);
        } else if (k === ops.length - 1) unknownBound = true;
        else {
          sema.error(op.span, dt('cpp.sema.resolve-type.only-the-first-dimension-of-an'));
          return null;
        }
        cur = { kind: 'array', element: cur, length };
        break;
      }
      case 'function': {
        const params: ParamInfo[] = [];
        for (const p of op.params) {
          const pb = resolveSpecs(sema, p.specs);
          if (!pb) return null;
          if (pb.auto) {
            sema.error(p.span, dt('cpp.sema.resolve-type.auto-parameters-abbreviated-templates-are-not'));
            return null;
          }
          const pr = applyDeclarator(sema, pb, p.declarator);
          if (!pr) return null;
          let pt = pr.type;
          if (pt.kind === 'void') {
            sema.error(p.span, dt('cpp.sema.resolve-type.a-parameter-cannot-have-type-void'));
            return null;
          }
          if (pt.kind === 'array') pt = ptrTo(pt.element, pr.const);
          else if (pt.kind === 'function') pt = ptrTo(pt);
          const name = p.declarator.name?.parts[0]?.name ?? null;
          params.push({
            name,
            span: p.declarator.name?.span ?? p.span,
            type: pt,
            const: pt === pr.type ? pr.const : false,
            ...(p.defaultArg ? { defaultArg: p.defaultArg } : {}),
          });
        }
        let ret = cur;
        if (op.trailingReturn) {
          if (!(base.auto && cur.kind === 'void')) {
            sema.error(op.trailingReturn.span, dt('cpp.sema.resolve-type.a-trailing-return-type-needs-auto'));
            return null;
          }
          const tr = resolveTypeId(sema, op.trailingReturn);
          if (!tr) return null;
          ret = tr.type;
        } else if (base.auto && k === 0 && cur.kind === 'void') {
          sema.error(d.span, dt('cpp.sema.resolve-type.functions-returning-auto-deduced-return-types'));
          return null;
        }
        if (ret.kind === 'array' || ret.kind === 'function') {
          sema.error(
            op.span,
            dt(
              'cpp.sema.resolve-type.a-function-cannot-return',
              dt(ret.kind === 'array' ? 'cpp.a-c-array' : 'cpp.a-function'),
            ),
          );
          return null;
        }
        cur = { kind: 'function', returnType: ret, params: params.map((p) => p.type), variadic: op.variadic };
        curConst = false;
        fn = { params, variadic: op.variadic, const: op.const };
        break;
      }
    }
  }
  return {
    type: cur,
    const: curConst,
    ...(base.auto && cur.kind === 'void' ? { auto: true } : {}),
    ...(fn ? { fn } : {}),
    ...(unknownBound ? { unknownBound } : {}),
  };
}
