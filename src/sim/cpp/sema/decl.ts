/**
 * Namespace-scope declarations: namespaces, `extern "C"`, `using`, aliases, `static_assert`,
 * functions (declarations and definitions, including out-of-class member definitions) and
 * global variables.
 */
import { dt } from '../../diag';
import type { CType } from '../../abi/ctype';
import type { FunctionDecl, Init, VarDecl } from '../ast';
import { mangleVariable } from '../mangle';
import type { DeclSink } from '../parse-decl';
import type {
  AliasSyntax,
  DeclSyntax,
  InitDeclarator,
  QualifiedName,
  SimpleDeclSyntax,
  StaticAssertSyntax,
} from '../syntax';
import type { Sema } from './context';
import { evalConst } from './consteval';
import { checkExpr } from './expr';
import { attributeInfos, declareFunction, defineFunction } from './function-decl';
import { checkParamDefault, checkVariableInit, initAuto } from './init';
import { lookupQualified, lookupUnqualified } from './lookup';
import { toRvalue } from './make';
import { applyDeclarator, resolveSpecs, resolveTypeId, type ParamInfo } from './resolve-type';
import { ClassScope, NamespaceScope, enclosingNamespace, type Scope } from './scope';
import { declareTemplate } from './templates';
import { sameType, typeName } from './types';

/** A sink that checks each declaration as the parser delivers it (see parseStreaming). */
export function checkingSink(sema: Sema): DeclSink {
  const outer: Scope[] = [];
  return {
    decl: (d, linkage) => {
      if (!sema.diags.full) checkDecl(sema, d, linkage);
    },
    enterNamespace: (name) => {
      outer.push(sema.scope);
      const ns = sema.scope instanceof NamespaceScope ? sema.scope : enclosingNamespace(sema.scope);
      sema.scope = ns.child(name ?? '(anonymous namespace)');
    },
    exitNamespace: () => {
      sema.scope = outer.pop() ?? sema.global;
    },
  };
}

/** Checks a sequence of namespace-scope declarations. */
export function checkDecls(sema: Sema, decls: DeclSyntax[], linkage: 'C' | 'C++'): void {
  for (const d of decls) {
    if (sema.diags.full) return;
    checkDecl(sema, d, linkage);
  }
}

function checkDecl(sema: Sema, d: DeclSyntax, linkage: 'C' | 'C++'): void {
  switch (d.kind) {
    case 'namespace': {
      const ns = sema.scope instanceof NamespaceScope ? sema.scope : enclosingNamespace(sema.scope);
      const child = ns.child(d.name ?? '(anonymous namespace)');
      sema.inScope(child, () => checkDecls(sema, d.decls, linkage));
      return;
    }
    case 'linkage-block':
      checkDecls(sema, d.decls, d.linkage);
      return;
    case 'using-directive': {
      const names = d.name.parts.map((p) => p.name);
      if (names.length === 1 && names[0] === 'std') sema.scope.usingStd = true;
      else
        sema.diags.unsupported(
          d.span,
          dt('cpp.sema.decl.using-namespace-only-using-namespace-std', names.join('::')),
        );
      return;
    }
    case 'using-decl':
      checkUsingDecl(sema, d.name);
      return;
    case 'alias':
      declareAlias(sema, d);
      return;
    case 'static-assert':
      checkStaticAssert(sema, d);
      return;
    case 'simple-decl':
      declareSimple(sema, d);
      return;
    case 'template':
      declareTemplate(sema, d);
      return;
    case 'empty':
      return;
  }
}

function checkUsingDecl(sema: Sema, qn: QualifiedName): void {
  const last = qn.parts[qn.parts.length - 1]?.name ?? '';
  if (qn.parts[0]?.name === 'std' && qn.parts.length === 2) {
    sema.scope.names.set(last, { kind: 'std-alias', name: last });
    return;
  }
  const hit = lookupQualified(sema, qn);
  if (!hit) {
    sema.unknownName(qn.span, qn.parts.map((p) => p.name).join('::'));
    return;
  }
  if (hit.kind === 'std' || hit.kind === 'c-function' || hit.kind === 'global-typedef') {
    sema.scope.names.set(last, { kind: 'std-alias', name: hit.name });
    return;
  }
  sema.scope.names.set(last, hit);
}

/** `using T = ...;` and `typedef ... T;` */
export function declareAlias(sema: Sema, a: AliasSyntax): void {
  const t = resolveTypeId(sema, a.type, { allowUnknownBound: true });
  if (!t) return;
  const prior = sema.scope.own(a.name);
  if (prior && !(prior.kind === 'type' && sameType(prior.type, t.type))) {
    sema.error(a.nameSpan, dt('cpp.sema.decl.is-already-declared-in-this-scope', a.name));
    return;
  }
  sema.scope.names.set(a.name, { kind: 'type', type: t.type, const: t.const });
}

export function checkStaticAssert(sema: Sema, a: StaticAssertSyntax): void {
  const e = checkExpr(sema, a.cond);
  if (e.kind === 'error') return;
  const v = evalConst(toRvalue(e));
  if (!v) {
    sema.error(a.cond.span, dt('cpp.sema.decl.the-condition-of-static-assert-must'));
    return;
  }
  const ok = v.kind === 'int' ? v.value !== 0n : v.value !== 0;
  if (!ok) sema.error(a.span, dt('cpp.sema.decl.static-assertion-failed', a.message ? `: ${a.message}` : ''));
}

/** Checks the default arguments of a newly declared function (once). */
export function checkDefaultArgs(sema: Sema, fn: FunctionDecl, params: ParamInfo[]): void {
  params.forEach((p, k) => {
    if (!p.defaultArg) return;
    if (fn.defaultArgs[k]) {
      sema.error(p.defaultArg.span, dt('cpp.sema.decl.the-default-argument-of-parameter-of', k + 1, fn.name));
      return;
    }
    fn.defaultArgs[k] = checkParamDefault(sema, p, p.defaultArg);
  });
  let seen = false;
  fn.defaultArgs.forEach((a, k) => {
    if (a) seen = true;
    else if (seen)
      sema.error(
        fn.params[k]?.span ?? fn.span,
        dt('cpp.sema.decl.parameter-of-needs-a-default-argument', k + 1, fn.name),
      );
  });
}

/** The scope a qualified declarator name (`S::f`, `ns::g`) is declared in. */
function targetScope(sema: Sema, qn: QualifiedName): Scope | null {
  if (qn.parts.length === 1 && !qn.global) return sema.scope;
  if (qn.parts.length === 1) return sema.global;
  const prefix: QualifiedName = { global: qn.global, parts: qn.parts.slice(0, -1), span: qn.span };
  const hit =
    prefix.parts.length === 1 && !prefix.global
      ? lookupUnqualified(sema, prefix.parts[0]?.name ?? '')
      : lookupQualified(sema, prefix);
  if (hit?.kind === 'namespace') return hit.scope;
  if (hit?.kind === 'type' && hit.type.kind === 'record') {
    const cs = sema.classScopes.get(hit.type.decl);
    if (cs && !hit.type.decl.incomplete) return cs;
  }
  sema.error(
    qn.span,
    dt('cpp.sema.decl.is-not-a-namespace-or-a', prefix.parts.map((p) => p.name).join('::')),
  );
  return null;
}

/** A namespace-scope simple declaration: functions, variables, typedefs, or just a class/enum definition. */
export function declareSimple(sema: Sema, d: SimpleDeclSyntax): void {
  const specs = d.specs;
  const base = specs.hasType ? resolveSpecs(sema, specs) : { type: { kind: 'void' } as CType, const: false };
  if (!base) return;
  for (const idecl of d.declarators) {
    if (sema.diags.full) return;
    const qn = idecl.declarator.name;
    if (!qn) continue;
    const scope = targetScope(sema, qn);
    if (!scope) continue;
    const name = qn.parts[qn.parts.length - 1]?.name ?? '';
    const r = applyDeclarator(sema, base, idecl.declarator);
    if (!r) continue;
    if (specs.storage.typedef) {
      if (r.type.kind === 'void' && base.auto)
        sema.error(qn.span, dt('cpp.sema.decl.auto-is-not-allowed-in-a'));
      else sema.scope.names.set(name, { kind: 'type', type: r.type, const: r.const });
      continue;
    }
    if (r.type.kind === 'function' && r.fn) {
      declareFunctionFromDeclarator(sema, d, idecl, scope, name, r.type.returnType, r.fn);
      continue;
    }
    if (!specs.hasType) {
      sema.error(qn.span, dt('cpp.sema.decl.needs-a-type', name));
      continue;
    }
    declareGlobalVariable(sema, d, idecl, scope, name, r);
  }
}

function declareFunctionFromDeclarator(
  sema: Sema,
  d: SimpleDeclSyntax,
  idecl: InitDeclarator,
  scope: Scope,
  name: string,
  returnType: CType,
  fn: { params: ParamInfo[]; variadic: boolean; const: boolean },
): void {
  const qn = idecl.declarator.name as QualifiedName;
  const st = d.specs.storage;
  const isMember = scope instanceof ClassScope;
  if (!d.specs.hasType && !isMember) {
    sema.error(qn.span, dt('cpp.sema.decl.needs-a-return-type', name));
    return;
  }
  if (isMember && (st.virtual || st.explicit))
    sema.error(
      qn.span,
      dt('cpp.sema.decl.can-only-appear-inside-the-class', st.virtual ? 'virtual' : 'explicit'),
    );
  if (idecl.virtSpecifiers && !isMember)
    sema.error(qn.span, dt('cpp.sema.decl.can-only-be-used-on-member', idecl.virtSpecifiers[0]));
  if (fn.const && !isMember) sema.error(qn.span, dt('cpp.sema.decl.the-non-member-function-cannot-be', name));
  if (st.typedef || st.mutable || st.threadLocal)
    sema.error(qn.span, dt('cpp.sema.decl.invalid-storage-class-for-the-function', name));
  const f = declareFunction(sema, {
    scope,
    name,
    nameSpan: qn.span,
    linkage: d.linkage,
    returnType,
    params: fn.params,
    variadic: fn.variadic,
    constMethod: fn.const,
    storage: {
      static: Boolean(st.static),
      inline: Boolean(st.inline),
      constexpr: Boolean(st.constexpr),
      virtual: false,
      explicit: false,
    },
    attributes: d.specs.attributes,
    ...(idecl.special ? { special: idecl.special.kind } : {}),
    hasBody: Boolean(idecl.body),
    inClass: false,
  });
  if (!f) return;
  if (!isMember) checkDefaultArgs(sema, f, fn.params);
  if (idecl.special?.kind === 'pure')
    sema.error(idecl.special.span, dt('cpp.sema.decl.only-virtual-member-functions-can-be'));
  if (idecl.special?.kind === 'delete' && !isMember && f.declarations.length === 1 && f.method === null) {
    // A deleted free function: calls are errors (handled at the call).
  }
  if (idecl.body) defineFunction(sema, f, idecl.body, idecl.memberInits, scope);
  else if (idecl.memberInits)
    sema.error(qn.span, dt('cpp.sema.decl.member-initializers-need-a-constructor-body'));
}

function declareGlobalVariable(
  sema: Sema,
  d: SimpleDeclSyntax,
  idecl: InitDeclarator,
  scope: Scope,
  name: string,
  r: { type: CType; const: boolean; auto?: boolean; unknownBound?: boolean },
): void {
  const qn = idecl.declarator.name as QualifiedName;
  const st = d.specs.storage;
  if (st.virtual || st.explicit || st.mutable) {
    sema.error(
      qn.span,
      dt(
        'cpp.sema.decl.cannot-be-used-on-a-variable',
        st.virtual ? 'virtual' : st.explicit ? 'explicit' : 'mutable',
      ),
    );
    return;
  }
  if (scope instanceof ClassScope) {
    defineStaticMember(sema, scope, name, idecl, r);
    return;
  }
  if (qn.parts.length > 1) {
    const prior = scope.own(name);
    if (prior?.kind !== 'var') {
      sema.error(qn.span, dt('cpp.sema.decl.no-variable-is-declared-in-that', name));
      return;
    }
  }
  let type = r.type;
  let isConst = r.const;
  let autoInit: Init | null | undefined;
  if (r.auto) {
    const deduced = initAuto(sema, d.specs, idecl, qn.span);
    if (!deduced) return;
    type = deduced.type;
    isConst = deduced.const;
    autoInit = deduced.init;
  }
  const isExtern = Boolean(st.extern || st.externC);
  const ns = enclosingNamespace(scope);
  const prior = scope.own(name);
  let v: VarDecl;
  if (prior?.kind === 'var' && prior.decl.storage !== 'param') {
    v = prior.decl;
    if (!sameType(v.type, type) && !(r.unknownBound && v.type.kind === 'array')) {
      sema.error(
        qn.span,
        dt(
          'cpp.sema.decl.conflicting-declaration-of-here-at-line',
          name,
          typeName(type),
          typeName(v.type),
          v.span.start.line,
        ),
      );
      return;
    }
    if (v.init && idecl.init) {
      sema.error(qn.span, dt('cpp.sema.decl.redefinition-of-first-defined-at-line', name, v.span.start.line));
      return;
    }
  } else {
    if (prior) {
      sema.error(qn.span, dt('cpp.sema.decl.is-already-declared-as-something-else', name));
      return;
    }
    v = {
      kind: 'var',
      id: sema.nextId(),
      name,
      qualifiedName: [...ns.path, name].join('::'),
      type,
      const: isConst,
      constexpr: Boolean(st.constexpr),
      storage: st.threadLocal ? 'thread' : 'static',
      init: null,
      span: qn.span,
      symbol:
        d.linkage === 'C'
          ? name
          : mangleVariable(
              ns.path.filter((p) => p !== ''),
              [],
              name,
            ),
      // A const namespace-scope variable has internal linkage unless declared extern.
      internal: Boolean(st.static) || ns.anonymous || ((isConst || Boolean(st.constexpr)) && !isExtern),
      attributes: attributeInfos(d.specs.attributes),
    };
    scope.names.set(name, { kind: 'var', decl: v });
    sema.unit.statics.push(v);
  }
  if (autoInit !== undefined) {
    delete v.externDeclaration;
    v.init = autoInit;
  } else if (idecl.init) {
    delete v.externDeclaration;
    const init = checkVariableInit(sema, {
      type,
      const: isConst,
      syntax: idecl.init,
      name,
      span: qn.span,
      isStatic: true,
      unknownBound: Boolean(r.unknownBound),
    });
    v.init = init;
    if (init && init.kind === 'aggregate' && v.type.kind === 'array' && r.unknownBound) v.type = init.type;
    if (init && init.kind === 'string' && v.type.kind === 'array' && r.unknownBound) v.type = init.type;
  } else if (isExtern) {
    if (!v.init) v.externDeclaration = true;
  } else {
    delete v.externDeclaration;
    if (r.unknownBound) sema.error(qn.span, dt('cpp.sema.decl.the-size-of-the-array-is', name));
    if (isConst && !(type.kind === 'record'))
      sema.error(qn.span, dt('cpp.sema.decl.the-const-variable-must-be-initialised', name));
    if (type.kind === 'reference')
      sema.error(qn.span, dt('cpp.sema.decl.the-reference-must-be-initialised', name));
    v.init = checkVariableInit(sema, {
      type,
      const: isConst,
      syntax: undefined,
      name,
      span: qn.span,
      isStatic: true,
    });
  }
}

function defineStaticMember(
  sema: Sema,
  scope: ClassScope,
  name: string,
  idecl: InitDeclarator,
  r: { type: CType; const: boolean },
): void {
  const qn = idecl.declarator.name as QualifiedName;
  const prior = scope.own(name);
  if (prior?.kind !== 'var') {
    sema.error(qn.span, dt('cpp.sema.decl.has-no-static-data-member', scope.record.qualifiedName, name));
    return;
  }
  const v = prior.decl;
  if (!sameType(v.type, r.type)) {
    sema.error(
      qn.span,
      dt('cpp.sema.decl.was-declared-as-in-the-class', name, typeName(v.type), typeName(r.type)),
    );
    return;
  }
  if (v.init && !v.externDeclaration && idecl.init) {
    sema.error(qn.span, dt('cpp.sema.decl.the-static-member-is-initialised-twice', name));
    return;
  }
  delete v.externDeclaration;
  v.init = sema.inScope(scope, () =>
    checkVariableInit(sema, {
      type: v.type,
      const: v.const,
      syntax: idecl.init,
      name,
      span: qn.span,
      isStatic: true,
    }),
  );
}
