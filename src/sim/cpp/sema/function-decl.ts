/**
 * Function declarations: merging a declaration with its definition, overloads, linkage and
 * symbols, member function properties (special members, virtual), and checking bodies.
 */
import { dt } from '../../diag';
import type { CType, FunctionType, RecordDecl, SpecialMemberState } from '../../abi/ctype';
import type { Span } from '../../diag';
import type { AttributeInfo, FunctionDecl, MethodInfo, RecordInfo, SpecialMemberKind, VarDecl } from '../ast';
import { mangleFunction, templateInstanceOf, type TemplateIdName } from '../mangle';
import type { AttributeSyntax, BlockSyntax, MemberInitSyntax } from '../syntax';
import type { Sema } from './context';
import { checkFunctionBody } from './stmt';
import type { ParamInfo } from './resolve-type';
import { ClassScope, NamespaceScope, enclosingNamespace, type Scope } from './scope';
import { ptrTo, sameRecord, sameType, shortClassName, typeName, type RefType } from './types';

export function attributeInfos(attrs: AttributeSyntax[]): AttributeInfo[] {
  return attrs.map((a) => ({ name: a.name, syntax: a.syntax, args: a.args, span: a.span }));
}

export interface FunctionDeclInput {
  /** The scope the function belongs to (a namespace, or a class for members). */
  scope: Scope;
  name: string;
  nameSpan: Span;
  linkage: 'C' | 'C++';
  returnType: CType;
  params: ParamInfo[];
  variadic: boolean;
  /** A `const` member function. */
  constMethod: boolean;
  storage: { static: boolean; inline: boolean; constexpr: boolean; virtual: boolean; explicit: boolean };
  attributes: AttributeSyntax[];
  special?: 'default' | 'delete' | 'pure';
  virtSpecifiers?: string[];
  hasBody: boolean;
  /** True when this declaration is written inside the class body (first declaration of a member). */
  inClass: boolean;
}

/**
 * The key a function is registered under in its scope. Constructors are kept apart so they do not
 * hide the class name inside the class (`S(const S&)` must still find the type `S`).
 */
export function scopeKey(scope: Scope, name: string): string {
  if (scope instanceof ClassScope) {
    const short = shortClassName(scope.record.decl.name);
    if (name === short) return '(constructor)';
  }
  return name;
}

function paramsMatch(f: FunctionDecl, params: ParamInfo[], constMethod: boolean): boolean {
  if (f.params.length !== params.length) return false;
  if ((f.method?.const ?? false) !== constMethod) return false;
  return f.params.every((p, k) => sameType(p.type, (params[k] as ParamInfo).type));
}

function specialKind(
  name: string,
  record: RecordDecl,
  params: ParamInfo[],
  isCtor: boolean,
  isDtor: boolean,
): SpecialMemberKind | null {
  if (isDtor) return 'dtor';
  const required = params.filter((p) => !p.defaultArg);
  const first = params[0];
  const refToSelf = (t: CType | undefined): 'lvalue' | 'rvalue' | null =>
    t?.kind === 'reference' && t.referent.kind === 'record' && sameRecord(t.referent.decl, record)
      ? t.rvalue
        ? 'rvalue'
        : 'lvalue'
      : null;
  if (isCtor) {
    if (required.length === 0 && params.length === 0) return 'default-ctor';
    if (required.length === 0) return 'default-ctor';
    if (required.length === 1 && first) {
      const r = refToSelf(first.type);
      if (r === 'lvalue') return 'copy-ctor';
      if (r === 'rvalue') return 'move-ctor';
    }
    return null;
  }
  if (name === 'operator=' && params.length === 1 && first) {
    const r = refToSelf(first.type);
    if (r === 'lvalue') return 'copy-assign';
    if (r === 'rvalue') return 'move-assign';
    if (first.type.kind === 'record' && sameRecord(first.type.decl, record)) return 'copy-assign';
  }
  return null;
}

const SPECIAL_FIELD: Partial<Record<SpecialMemberKind, keyof RecordDecl['specialMembers']>> = {
  'copy-ctor': 'copyCtor',
  'move-ctor': 'moveCtor',
  dtor: 'dtor',
  'copy-assign': 'copyAssign',
  'move-assign': 'moveAssign',
};

/** The namespaces and classes around a scope, for mangling. */
function manglePath(scope: Scope): { namespaces: string[]; classes: (string | TemplateIdName)[] } {
  const ns = enclosingNamespace(scope);
  const classes: (string | TemplateIdName)[] = scope instanceof ClassScope ? [...scope.classPath] : [];
  // A class template instance (`Buf<double, 4>`) is mangled with its arguments, not its spelling.
  let k = classes.length - 1;
  for (let s: Scope | null = scope; s && k >= 0; s = s.parent) {
    if (!(s instanceof ClassScope)) continue;
    const inst = templateInstanceOf(s.record.decl);
    if (inst) classes[k] = inst.id;
    k--;
  }
  return { namespaces: ns.path, classes };
}

function qualifiedName(scope: Scope, name: string): string {
  const ns = enclosingNamespace(scope);
  const classes = scope instanceof ClassScope ? scope.classPath : [];
  return [...ns.path, ...classes, name].join('::');
}

/** Whether a virtual function with this signature exists in a base class. */
function overridesBaseVirtual(
  sema: Sema,
  record: RecordDecl,
  name: string,
  params: ParamInfo[],
  constMethod: boolean,
  depth = 0,
): boolean {
  if (depth > 32) return false;
  for (const b of record.bases) {
    const bs = sema.classScopes.get(b.type.decl);
    const e = bs?.own(name);
    if (
      e?.kind === 'functions' &&
      e.decls.some((f) => f.method?.virtual && paramsMatch(f, params, constMethod))
    )
      return true;
    if (overridesBaseVirtual(sema, b.type.decl, name, params, constMethod, depth + 1)) return true;
  }
  return false;
}

/** Whether some base class has a virtual destructor (then this class's destructor is virtual too). */
function hasVirtualDestructorBase(sema: Sema, record: RecordDecl, depth = 0): boolean {
  if (depth > 32) return false;
  for (const b of record.bases) {
    const info = sema.classScopes.get(b.type.decl)?.record;
    if (info?.methods.some((f) => f.method?.kind === 'destructor' && f.method.virtual)) return true;
    if (hasVirtualDestructorBase(sema, b.type.decl, depth + 1)) return true;
  }
  return false;
}

/**
 * Declares (or re-declares) a function; returns the one FunctionDecl all its declarations share,
 * or null after an error.
 */
export function declareFunction(sema: Sema, input: FunctionDeclInput): FunctionDecl | null {
  const { scope, name } = input;
  const key = scopeKey(scope, name);
  const existing = scope.own(key);
  if (existing && existing.kind !== 'functions') {
    sema.error(input.nameSpan, dt('cpp.sema.function-decl.is-already-declared-as-something-other', name));
    return null;
  }
  const overloads = existing?.decls ?? [];
  const same = overloads.find((f) => paramsMatch(f, input.params, input.constMethod));
  const classScope = scope instanceof ClassScope ? scope : null;
  if (same) return redeclare(sema, same, input);
  if (!input.inClass && classScope) {
    sema.error(
      input.nameSpan,
      dt(
        'cpp.sema.function-decl.no-member-function-with-these-parameters',
        name,
        classScope.record.qualifiedName,
      ),
    );
    return null;
  }
  if (input.linkage === 'C' && !classScope) {
    const clash = overloads.find((f) => f.linkage === 'C');
    if (clash) {
      sema.error(
        input.nameSpan,
        dt('cpp.sema.function-decl.conflicting-declaration-of-c-function-a', name, clash.span.start.line),
      );
      return null;
    }
  }
  const fnType: FunctionType = {
    kind: 'function',
    returnType: input.returnType,
    params: input.params.map((p) => p.type),
    variadic: input.variadic,
  };
  const id = sema.nextId();
  const method = classScope ? makeMethodInfo(sema, classScope.record, input) : null;
  if (method === undefined) return null;
  const ns = enclosingNamespace(scope);
  const linkage = classScope ? 'C++' : input.linkage;
  const path = manglePath(scope);
  const symbol =
    linkage === 'C'
      ? name
      : mangleFunction({
          ...path,
          name,
          ...(method?.kind === 'constructor'
            ? { special: 'ctor' as const }
            : method?.kind === 'destructor'
              ? { special: 'dtor' as const }
              : {}),
          constMethod: input.constMethod,
          internalStatic: input.storage.static && !classScope,
          params: fnType.params,
          variadic: input.variadic,
        });
  const decl: FunctionDecl = {
    kind: 'function',
    id,
    name,
    qualifiedName: qualifiedName(scope, name),
    span: input.nameSpan,
    linkage,
    symbol,
    internal: (input.storage.static && !classScope) || ns.anonymous,
    inline: input.storage.inline || input.storage.constexpr || (input.inClass && input.hasBody),
    constexpr: input.storage.constexpr,
    returnType: input.returnType,
    params: makeParams(sema, input.params, id),
    defaultArgs: input.params.map(() => null),
    variadic: input.variadic,
    type: fnType,
    body: null,
    declarations: [input.nameSpan],
    definitionSpan: input.hasBody ? input.nameSpan : null,
    attributes: attributeInfos(input.attributes),
    locals: [],
    nrvoVariable: null,
    method,
    deleted: input.special === 'delete',
  };
  if (existing) existing.decls.push(decl);
  else scope.names.set(key, { kind: 'functions', decls: [decl] });
  sema.unit.functions.push(decl);
  if (classScope && method) {
    classScope.record.methods.push(decl);
    recordSpecialMember(classScope.record.decl, method, input);
  }
  return decl;
}

function makeParams(sema: Sema, params: ParamInfo[], functionId: number): VarDecl[] {
  return params.map((p, k) => ({
    kind: 'var' as const,
    id: sema.nextId(),
    name: p.name ?? `(parameter ${k + 1})`,
    qualifiedName: p.name ?? `(parameter ${k + 1})`,
    type: p.type,
    const: p.const,
    constexpr: false,
    storage: 'param' as const,
    init: null,
    span: p.span,
    functionId,
    attributes: [],
  }));
}

/** Method properties; undefined after an error. */
function makeMethodInfo(
  sema: Sema,
  record: RecordInfo,
  input: FunctionDeclInput,
): MethodInfo | null | undefined {
  const short = shortClassName(record.decl.name);
  const isCtor = input.name === short;
  const isDtor = input.name === '~' + short;
  if (input.name.startsWith('~') && !isDtor) {
    sema.error(
      input.nameSpan,
      dt('cpp.sema.function-decl.the-destructor-of-must-be-named', record.qualifiedName, short),
    );
    return undefined;
  }
  const special = specialKind(input.name, record.decl, input.params, isCtor, isDtor);
  let virtual = input.storage.virtual || Boolean(input.virtSpecifiers?.length);
  const overrides = isDtor
    ? hasVirtualDestructorBase(sema, record.decl)
    : overridesBaseVirtual(sema, record.decl, input.name, input.params, input.constMethod);
  if (overrides) virtual = true;
  if (input.virtSpecifiers?.includes('override') && !overrides) {
    sema.error(input.nameSpan, dt('cpp.sema.function-decl.is-marked-override-but-does-not', input.name));
  }
  if (isCtor && input.storage.virtual) {
    sema.error(input.nameSpan, dt('cpp.sema.function-decl.constructors-cannot-be-virtual'));
    return undefined;
  }
  if (input.special === 'default' && !special) {
    sema.error(input.nameSpan, dt('cpp.sema.function-decl.only-special-member-functions-can-be', input.name));
    return undefined;
  }
  return {
    record: record.decl,
    kind: isCtor ? 'constructor' : isDtor ? 'destructor' : 'method',
    static: input.storage.static,
    const: input.constMethod,
    virtual,
    pure: input.special === 'pure',
    special,
    explicit: input.storage.explicit,
    defaulted: input.special === 'default',
    deleted: input.special === 'delete',
    memberInits: [],
    thisType: ptrTo(record.type, input.constMethod),
  };
}

function recordSpecialMember(record: RecordDecl, method: MethodInfo, input: FunctionDeclInput): void {
  if (!method.special || method.special === 'default-ctor') return;
  const key = SPECIAL_FIELD[method.special];
  if (!key) return;
  const state: SpecialMemberState =
    input.special === 'default' ? 'defaulted' : input.special === 'delete' ? 'deleted' : 'user-provided';
  // A copy constructor `S(S&)` and `S(const S&)` may both exist; the user-provided one decides.
  if (record.specialMembers[key] === 'implicit' || state === 'user-provided')
    record.specialMembers[key] = state;
}

function redeclare(sema: Sema, f: FunctionDecl, input: FunctionDeclInput): FunctionDecl | null {
  if (!sameType(f.returnType, input.returnType)) {
    sema.error(
      input.nameSpan,
      dt(
        'cpp.sema.function-decl.conflicting-declaration-of-it-returned-when',
        f.name,
        typeName(f.returnType),
        f.span.start.line,
        typeName(input.returnType),
      ),
    );
    return null;
  }
  if (input.hasBody && f.definitionSpan) {
    sema.error(
      input.nameSpan,
      dt('cpp.sema.function-decl.redefinition-of-first-defined-at-line', f.name, f.definitionSpan.start.line),
    );
    return null;
  }
  if (input.hasBody && f.method?.deleted) {
    sema.error(input.nameSpan, dt('cpp.sema.function-decl.was-declared-delete-and-cannot-be', f.name));
    return null;
  }
  if (input.special === 'default' && f.method && !input.inClass) {
    // `S::S(const S&) = default;` after the class: user-provided (defaulted after its first declaration).
    const key = f.method.special ? SPECIAL_FIELD[f.method.special] : undefined;
    if (key) f.method.record.specialMembers[key] = 'user-provided';
  }
  f.declarations.push(input.nameSpan);
  f.attributes.push(...attributeInfos(input.attributes));
  if (input.hasBody || input.special === 'default') {
    f.definitionSpan = input.nameSpan;
    // The definition's parameter names are the ones its body uses.
    f.params = makeParams(sema, input.params, f.id);
  }
  if (input.storage.inline) f.inline = true;
  if (input.storage.static && !f.method) f.internal = true;
  return f;
}

/** Checks a function's body now (its declaration is registered, so it may call itself). */
export function defineFunction(
  sema: Sema,
  f: FunctionDecl,
  body: BlockSyntax,
  memberInits: MemberInitSyntax[] | undefined,
  scope: Scope,
): void {
  checkFunctionBody(sema, f, body, memberInits ?? [], scope);
}

/** True when the scope is a namespace scope (for messages about where things may appear). */
export function isNamespaceScope(s: Scope): s is NamespaceScope {
  return s instanceof NamespaceScope;
}

export type { RefType };
