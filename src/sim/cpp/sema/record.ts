/**
 * Classes and enums declared in the file: members, bases, special members, attributes
 * (`packed`, `alignas`), bit-fields, nested classes, and enumerators.
 */
import { dt } from '../../diag';
import type { EnumType, FieldDecl, IntName, RecordType } from '../../abi/ctype';
import { record as makeRecord } from '../../abi/build';
import type { EnumInfo, FieldInfo, FunctionDecl, RecordInfo, VarDecl } from '../ast';
import { mangleVariable } from '../mangle';
import type {
  AttributeSyntax,
  BlockSyntax,
  EnumSyntax,
  InitDeclarator,
  MemberInitSyntax,
  QualifiedName,
  RecordSyntax,
  SimpleDeclSyntax,
} from '../syntax';
import type { Sema } from './context';
import { evalConst, evalInt } from './consteval';
import { checkExpr } from './expr';
import { scopedEnums } from './conversions';
import { attributeInfos, declareFunction, defineFunction } from './function-decl';
import { checkDefaultArgs, checkStaticAssert, declareAlias } from './decl';
import { checkVariableInit } from './init';
import { lookupQualified } from './lookup';
import { applyDeclarator, resolveNamedType, resolveSpecs, type QualType } from './resolve-type';
import { ClassScope, NamespaceScope, enclosingClass, enclosingNamespace, type Scope } from './scope';
import { INT_SIZE, intT, isCompleteObjectType, shortClassName, typeName, VOID } from './types';

interface PendingBody {
  fn: FunctionDecl;
  body: BlockSyntax;
  memberInits: MemberInitSyntax[] | undefined;
}

/** The qualified spelling of a name declared in `scope`: `ns::S::Inner`. */
export function qualify(scope: Scope, name: string): string {
  const ns = enclosingNamespace(scope);
  const cls = enclosingClass(scope);
  return [...ns.path, ...(cls ? cls.classPath : []), name].join('::');
}

function lastName(qn: QualifiedName | undefined): string | undefined {
  return qn?.parts[qn.parts.length - 1]?.name;
}

/** `struct S;` / `struct S* p` / `enum E e`: finds the type, or declares an incomplete class. */
export function declareElaborated(sema: Sema, tag: string, qn: QualifiedName): QualType | null {
  const found =
    qn.parts.length > 1 || qn.global
      ? lookupQualified(sema, qn)
      : (sema.scope.own(lastName(qn) ?? '') ?? lookupOuter(sema, qn));
  if (found?.kind === 'type') return { type: found.type, const: found.const };
  if (found) {
    sema.error(qn.span, dt('cpp.sema.record.is-not-a', lastName(qn), tag));
    return null;
  }
  if (tag === 'enum') {
    sema.error(qn.span, dt('cpp.sema.record.unknown-enum', lastName(qn)));
    return null;
  }
  if (qn.parts.length > 1) {
    sema.error(qn.span, dt('cpp.sema.record.unknown-type', qn.parts.map((p) => p.name).join('::')));
    return null;
  }
  const name = lastName(qn) ?? '';
  const type = makeRecord({
    name: qualify(sema.scope, name),
    tag: tag as 'struct',
    line: qn.span.start.line,
    incomplete: true,
  });
  sema.scope.names.set(name, { kind: 'type', type, const: false });
  return { type, const: false };
}

function lookupOuter(sema: Sema, qn: QualifiedName): ReturnType<typeof lookupQualified> {
  const hit = lookupQualified(sema, qn);
  return hit && hit.kind === 'type' ? hit : null;
}

function attr(attrs: AttributeSyntax[], name: string): AttributeSyntax | undefined {
  return attrs.find((a) => a.name === name || a.name === `gnu::${name}`);
}

/** `alignas(N)` / `__attribute__((aligned(N)))` on a class: the largest requested alignment. */
function alignmentOf(sema: Sema, attrs: AttributeSyntax[]): number | undefined {
  let best: number | undefined;
  for (const a of attrs) {
    if (a.name !== 'alignas' && a.name !== 'aligned' && a.name !== 'gnu::aligned') continue;
    let v: number | null = null;
    if (a.argExpr) {
      const e = checkExpr(sema, a.argExpr);
      const c = evalInt(e);
      v = c === null ? null : Number(c);
    } else if (a.argType) {
      sema.error(a.span, dt('cpp.sema.record.alignas-type-is-not-modelled-by'));
      continue;
    } else if (a.name === 'aligned') v = 16;
    if (v === null || v <= 0 || (v & (v - 1)) !== 0) {
      sema.error(a.span, dt('cpp.sema.record.the-requested-alignment-must-be-a'));
      continue;
    }
    best = Math.max(best ?? 0, v);
  }
  return best;
}

/** Declares and checks a class definition; returns its type (or null after an error). */
export function declareRecord(sema: Sema, rs: RecordSyntax): RecordType | null {
  const name = lastName(rs.name) ?? `(anonymous ${rs.tag})`;
  if (rs.name && rs.name.parts.length > 1) {
    sema.error(rs.name.span, dt('cpp.sema.record.defining-a-class-with-a-qualified'));
    return null;
  }
  const scope = sema.scope;
  const prior = rs.name ? scope.own(name) : undefined;
  let type: RecordType;
  if (prior?.kind === 'type' && prior.type.kind === 'record') {
    if (!prior.type.decl.incomplete) {
      sema.error(
        rs.name?.span ?? rs.span,
        dt(
          'cpp.sema.record.redefinition-of-first-defined-at-line',
          prior.type.decl.name,
          prior.type.decl.line ?? '?',
        ),
      );
      return null;
    }
    type = prior.type;
    type.decl.tag = rs.tag;
    type.decl.line = rs.span.start.line;
  } else {
    if (prior) {
      sema.error(rs.name?.span ?? rs.span, dt('cpp.sema.record.is-already-declared-as-something-else', name));
      return null;
    }
    type = makeRecord({
      name: qualify(scope, name),
      tag: rs.tag,
      line: rs.span.start.line,
      incomplete: true,
    });
  }
  type.decl.incomplete = true;
  const info: RecordInfo = {
    kind: 'record',
    decl: type.decl,
    type,
    qualifiedName: type.decl.name,
    fields: [],
    methods: [],
    staticMembers: [],
    span: rs.name?.span ?? rs.span,
  };
  if (rs.name) scope.names.set(name, { kind: 'type', type, const: false, record: info });
  const outer = enclosingClass(scope);
  const classScope = new ClassScope(
    scope,
    info,
    [...(outer ? outer.classPath : []), name],
    enclosingNamespace(scope),
  );
  sema.classScopes.set(type.decl, classScope);
  for (const b of rs.bases) {
    const bt = resolveNamedType(sema, b.name);
    if (!bt) continue;
    if (bt.type.kind !== 'record') {
      sema.error(b.span, dt('cpp.sema.record.is-not-a-class-and-cannot', typeName(bt.type)));
      continue;
    }
    if (bt.type.decl.incomplete) {
      sema.error(b.span, dt('cpp.sema.record.the-base-class-is-incomplete-declared', bt.type.decl.name));
      continue;
    }
    if (bt.type.decl.std) {
      sema.error(b.span, dt('cpp.sema.record.deriving-from-is-not-modelled-by', bt.type.decl.name));
      continue;
    }
    type.decl.bases.push({ type: bt.type, virtual: b.virtual });
  }
  const pending: PendingBody[] = [];
  const defaultInits: { field: FieldInfo; decl: InitDeclarator }[] = [];
  let access: 'public' | 'protected' | 'private' = rs.tag === 'class' ? 'private' : 'public';
  sema.inScope(classScope, () => {
    for (const m of rs.members ?? []) {
      if (sema.diags.full) break;
      switch (m.kind) {
        case 'access':
          access = m.access;
          break;
        case 'member-alias':
          declareAlias(sema, m.alias);
          break;
        case 'static-assert':
          checkStaticAssert(sema, m.assert);
          break;
        case 'member-decl':
          declareMember(sema, info, classScope, m.decl, m.access ?? access, pending, defaultInits);
          break;
      }
    }
  });
  const d = type.decl;
  d.hasVirtualFunctions =
    info.methods.some((f) => f.method?.virtual) || d.bases.some((b) => b.type.decl.hasVirtualFunctions);
  d.packed = Boolean(attr(rs.attributes, 'packed'));
  const align = alignmentOf(sema, rs.attributes);
  if (align !== undefined) d.alignas = align;
  delete d.incomplete;
  sema.inScope(classScope, () => {
    for (const { field, decl } of defaultInits) {
      field.defaultInit = checkVariableInit(sema, {
        type: field.type,
        const: false,
        syntax: decl.init,
        name: field.name,
        span: field.span,
        isStatic: false,
      });
    }
  });
  for (const p of pending) defineFunction(sema, p.fn, p.body, p.memberInits, classScope);
  sema.unit.records.push(info);
  return type;
}

function declareMember(
  sema: Sema,
  info: RecordInfo,
  classScope: ClassScope,
  d: SimpleDeclSyntax,
  access: 'public' | 'protected' | 'private',
  pending: PendingBody[],
  defaultInits: { field: FieldInfo; decl: InitDeclarator }[],
): void {
  const base: QualType | null = !d.specs.hasType ? { type: VOID, const: false } : resolveSpecs(sema, d.specs);
  if (!base) return;
  if (d.declarators.length === 0 && d.specs.base.kind === 'record-def' && !d.specs.base.record.name) {
    sema.error(d.span, dt('cpp.sema.record.an-anonymous-struct-or-union-member'));
    return;
  }
  const st = d.specs.storage;
  for (const idecl of d.declarators) {
    const qn = idecl.declarator.name;
    if (!qn) continue;
    if (qn.parts.length > 1) {
      sema.error(qn.span, dt('cpp.sema.record.a-qualified-name-is-not-allowed'));
      continue;
    }
    const name = qn.parts[0]?.name ?? '';
    if (d.specs.base.kind === 'auto') {
      sema.error(qn.span, dt('cpp.sema.record.auto-is-not-allowed-for-a'));
      continue;
    }
    const r = applyDeclarator(sema, base, idecl.declarator);
    if (!r) continue;
    if (st.typedef) {
      classScope.names.set(name, { kind: 'type', type: r.type, const: r.const });
      continue;
    }
    if (r.type.kind === 'function' && r.fn) {
      const short = shortClassName(info.decl.name);
      const isSpecialName = name === short || name === '~' + short;
      if (isSpecialName && d.specs.hasType) {
        sema.error(qn.span, dt('cpp.sema.record.a-constructor-or-destructor-cannot-have'));
        continue;
      }
      if (!isSpecialName && !d.specs.hasType) {
        sema.error(qn.span, dt('cpp.sema.record.needs-a-return-type', name));
        continue;
      }
      const fn = declareFunction(sema, {
        scope: classScope,
        name,
        nameSpan: qn.span,
        linkage: 'C++',
        returnType: r.type.returnType,
        params: r.fn.params,
        variadic: r.fn.variadic,
        constMethod: r.fn.const,
        storage: {
          static: Boolean(st.static),
          inline: Boolean(st.inline),
          constexpr: Boolean(st.constexpr),
          virtual: Boolean(st.virtual),
          explicit: Boolean(st.explicit),
        },
        attributes: d.specs.attributes,
        ...(idecl.special ? { special: idecl.special.kind } : {}),
        ...(idecl.virtSpecifiers ? { virtSpecifiers: idecl.virtSpecifiers } : {}),
        hasBody: Boolean(idecl.body),
        inClass: true,
      });
      if (!fn) continue;
      checkDefaultArgs(sema, fn, r.fn.params);
      if (idecl.body) pending.push({ fn, body: idecl.body, memberInits: idecl.memberInits });
      else if (idecl.memberInits)
        sema.error(qn.span, dt('cpp.sema.record.member-initializers-need-a-constructor-body'));
      continue;
    }
    if (classScope.own(name)) {
      sema.error(qn.span, dt('cpp.sema.record.is-already-declared-in', name, info.qualifiedName));
      continue;
    }
    if (st.static) {
      const v: VarDecl = {
        kind: 'var',
        id: sema.nextId(),
        name,
        qualifiedName: `${info.qualifiedName}::${name}`,
        type: r.type,
        const: r.const,
        constexpr: Boolean(st.constexpr),
        storage: st.threadLocal ? 'thread' : 'static',
        init: null,
        span: qn.span,
        symbol: mangleVariable(classScope.namespace.path, classScope.classPath, name),
        attributes: attributeInfos(d.specs.attributes),
      };
      if (idecl.init)
        v.init = checkVariableInit(sema, {
          type: r.type,
          const: r.const,
          syntax: idecl.init,
          name,
          span: qn.span,
          isStatic: true,
        });
      else v.externDeclaration = true;
      classScope.names.set(name, { kind: 'var', decl: v });
      info.staticMembers.push(v);
      sema.unit.statics.push(v);
      continue;
    }
    if (!isCompleteObjectType(r.type) || r.unknownBound) {
      const why =
        r.type.kind === 'record' && r.type.decl.incomplete
          ? `'${r.type.decl.name}' is incomplete here (a class cannot contain itself; use a pointer)`
          : `'${typeName(r.type)}' is not a complete object type`;
      sema.error(qn.span, dt('cpp.sema.record.the-member-has-an-invalid-type', name, why));
      continue;
    }
    let bitWidth: number | undefined;
    if (idecl.bitWidth) {
      const w = evalInt(checkExpr(sema, idecl.bitWidth));
      const t = r.type.kind === 'enum' ? r.type.underlying : r.type;
      if (t.kind !== 'int')
        sema.error(idecl.bitWidth.span, dt('cpp.sema.record.the-bit-field-must-have-an', name));
      else if (w === null || w < 0n || w > BigInt(INT_SIZE[t.name as IntName] * 8))
        sema.error(
          idecl.bitWidth.span,
          dt('cpp.sema.record.the-width-of-the-bit-field', name, INT_SIZE[t.name as IntName] * 8),
        );
      else bitWidth = Number(w);
    }
    const fd: FieldDecl = bitWidth === undefined ? { name, type: r.type } : { name, type: r.type, bitWidth };
    const field: FieldInfo = {
      name,
      type: r.type,
      index: info.decl.fields.length,
      access,
      defaultInit: null,
      span: qn.span,
      ...(bitWidth !== undefined ? { bitWidth } : {}),
    };
    if (r.const) sema.warning(qn.span, dt('cpp.sema.record.the-const-member-makes-the-class', name));
    info.decl.fields.push(fd);
    info.fields.push(field);
    classScope.names.set(name, { kind: 'field', field, record: info });
    if (idecl.init) defaultInits.push({ field, decl: idecl });
  }
}

/** Declares an enum and its enumerators; returns its type. */
export function declareEnum(sema: Sema, es: EnumSyntax): EnumType | null {
  const name = lastName(es.name) ?? '(anonymous enum)';
  const scope = sema.scope;
  let fixed: IntName | null = null;
  if (es.underlying) {
    const u = resolveSpecs(sema, es.underlying.specs);
    if (!u) return null;
    if (u.type.kind !== 'int' || u.type.name === 'bool') {
      sema.error(es.underlying.span, dt('cpp.sema.record.the-underlying-type-of-an-enum', typeName(u.type)));
      return null;
    }
    fixed = u.type.name;
  } else if (es.scoped) fixed = 'int';
  const prior = es.name ? scope.own(name) : undefined;
  if (prior?.kind === 'type' && prior.type.kind === 'enum' && prior.enumInfo && es.enumerators === null) {
    return prior.type;
  }
  const type: EnumType = { kind: 'enum', name: qualify(scope, name), underlying: intT(fixed ?? 'int') };
  if (es.scoped) scopedEnums.add(type);
  const enumScope = new NamespaceScope(null, name, []);
  const info: EnumInfo = {
    kind: 'enum',
    name,
    qualifiedName: type.name,
    scoped: es.scoped,
    type,
    enumerators: [],
    span: es.name?.span ?? es.span,
  };
  if (prior && !(prior.kind === 'type' && prior.type.kind === 'enum')) {
    sema.error(es.name?.span ?? es.span, dt('cpp.sema.record.is-already-declared-as-something-else', name));
    return null;
  }
  if (es.name) scope.names.set(name, { kind: 'type', type, const: false, enumInfo: info });
  sema.enumScopes.set(info, enumScope);
  let next = 0n;
  let min = 0n;
  let max = 0n;
  for (const en of es.enumerators ?? []) {
    let value = next;
    if (en.value) {
      const e = checkExpr(sema, en.value);
      const v = evalConst(e);
      if (v?.kind !== 'int') {
        if (e.kind !== 'error')
          sema.error(en.value.span, dt('cpp.sema.record.the-value-of-must-be-an', en.name));
      } else value = v.value;
    }
    next = value + 1n;
    if (value < min) min = value;
    if (value > max) max = value;
    const entity = { kind: 'enumerator' as const, value, type, name: en.name };
    if (!es.scoped) {
      if (scope.own(en.name))
        sema.error(en.span, dt('cpp.sema.record.is-already-declared-in-this-scope', en.name));
      scope.names.set(en.name, entity);
    }
    enumScope.names.set(en.name, entity);
    info.enumerators.push({ name: en.name, value, span: en.span });
  }
  if (!fixed) type.underlying = intT(unfixedUnderlying(min, max));
  if (es.enumerators !== null) sema.unit.enums.push(info);
  return type;
}

/**
 * The underlying type of an enum without a fixed one: 4 bytes when the values fit, as with g++.
 * (g++ names it `unsigned int` when no value is negative; `int` is chosen here when the values fit
 * in it, because that is what the enum promotes to in arithmetic ([conv.prom]/3), and the layout
 * is the same.)
 */
function unfixedUnderlying(min: bigint, max: bigint): IntName {
  if (min >= -(1n << 31n) && max < 1n << 31n) return 'int';
  if (min >= 0n) return max <= 0xffffffffn ? 'unsigned int' : 'unsigned long';
  return 'long';
}
