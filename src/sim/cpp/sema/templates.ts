/**
 * User templates: function templates and class templates with type and integer parameters,
 * instantiated on use as g++ does. The template's declaration is kept as parsed; each instance
 * checks it again in a scope where the parameters name the arguments (`T` is an alias of `double`,
 * `N` a constant), so an instance is an ordinary function or class (`add<double>`,
 * `Buf<double, 4>`) with its Itanium symbol (checked with g++ 12 + nm, mangle.test.ts).
 *
 * Function template arguments are deduced from the call's arguments for the common forms of
 * parameter (`T`, `const T&`, `T*`, `T (&)[N]`, `Buf<T, N>`), or given explicitly (`add<int>(1, 2)`).
 * A diagnostic inside a template is reported once, where it is written, whichever instance finds it.
 */
import { dt } from '../../diag';
import type { CType, IntType, RecordType } from '../../abi/ctype';
import { record as makeRecord } from '../../abi/build';
import type { DiagText, Span } from '../../diag';
import type { Expr, FunctionDecl } from '../ast';
import {
  PARAM_BOUND_BASE,
  mangleFunctionTemplate,
  registerTemplateInstance,
  registerTemplateParam,
  templateParamIndex,
  type TemplateArg,
} from '../mangle';
import type { SimpleDeclSyntax, TemplateArgSyntax } from '../syntax';
import type { Sema } from './context';
import type { InitArg } from './init';
import { evalInt } from './consteval';
import { checkExpr } from './expr';
import { BUILTIN_CODES } from '../mangle';
import { INSTANCE_OF, isDependent, match, type Deduced } from './template-deduction';
import { declareSimple } from './decl';
import { declareRecord } from './record';
import { applyDeclarator, resolveSpecs, resolveTypeId, type ParamInfo } from './resolve-type';
import { NamespaceScope, enclosingNamespace } from './scope';
import { INT_SIZE, isIntegral, isUnsignedInt, typeName, type RefType } from './types';

/** Deepest nesting of instantiations (a template that instantiates itself with new arguments). */
const MAX_DEPTH = 64;

export interface TemplateParamInfo {
  kind: 'type' | 'value';
  name: string;
  /** For an integer parameter: its type (`int`, `unsigned long`...). */
  valueType?: IntType;
}

/** One template argument: a type (with its top-level const) or an integer. */
export type Binding = { kind: 'type'; type: CType; const: boolean } | { kind: 'value'; value: bigint };

export interface TemplateInfo {
  kind: 'class' | 'function';
  name: string;
  params: TemplateParamInfo[];
  syntax: SimpleDeclSyntax;
  /** The namespace the template is declared in: instances are checked there. */
  scope: NamespaceScope;
  span: Span;
  instances: Map<string, FunctionDecl | RecordType | null>;
  /** A function template's signature as written, with stand-ins for the parameters (null: not readable). */
  pattern?: { returnType: CType; params: ParamInfo[]; variadic: boolean } | null;
}

/** `template <...> decl` at namespace scope: remembers the template under its name. */
export function declareTemplate(
  sema: Sema,
  d: { params: import('../syntax').TemplateParamSyntax[]; decl: SimpleDeclSyntax; span: Span },
): void {
  const decl = d.decl;
  if (decl.linkage === 'C') {
    sema.error(d.span, dt('cpp.sema.templates.a-template-cannot-have-c-linkage'));
    return;
  }
  const params: TemplateParamInfo[] = [];
  for (const p of d.params) {
    if (p.kind === 'type') {
      params.push({ kind: 'type', name: p.name });
      continue;
    }
    const t = resolveSpecs(sema, p.specs);
    if (!t) return;
    if (!isIntegral(t.type)) {
      sema.diags.unsupported(
        p.span,
        dt('cpp.sema.templates.a-template-parameter-of-type-only', typeName(t.type)),
      );
      return;
    }
    params.push({ kind: 'value', name: p.name, valueType: t.type });
  }
  const base = decl.specs.base;
  const idecl = decl.declarators[0];
  let kind: TemplateInfo['kind'];
  let name: string;
  let nameSpan: Span;
  if (base.kind === 'record-def' && decl.declarators.length === 0 && base.record.name) {
    if (base.record.members === null) {
      sema.diags.unsupported(d.span, dt('cpp.sema.templates.declaring-a-class-template-without-defining'));
      return;
    }
    kind = 'class';
    name = base.record.name.parts[base.record.name.parts.length - 1]?.name ?? '';
    nameSpan = base.record.name.span;
  } else if (
    idecl &&
    decl.declarators.length === 1 &&
    idecl.declarator.ops.some((o) => o.kind === 'function') &&
    idecl.declarator.name?.parts.length === 1
  ) {
    if (!idecl.body) {
      sema.diags.unsupported(d.span, dt('cpp.sema.templates.declaring-a-function-template-without-defining'));
      return;
    }
    kind = 'function';
    name = idecl.declarator.name.parts[0]?.name ?? '';
    nameSpan = idecl.declarator.name.span;
  } else {
    const member = idecl?.declarator.name && idecl.declarator.name.parts.length > 1;
    sema.diags.unsupported(
      d.span,
      member
        ? dt('cpp.sema.templates.a-member-of-a-class-template')
        : dt('cpp.sema.templates.a-variable-template'),
      member ? dt('cpp.sema.templates.define-it-inside-the-class') : undefined,
    );
    return;
  }
  const scope = sema.scope instanceof NamespaceScope ? sema.scope : enclosingNamespace(sema.scope);
  if (scope.own(name)) {
    if (kind === 'function')
      sema.diags.unsupported(
        nameSpan,
        dt('cpp.sema.templates.overloading-the-function-template', name),
        dt('cpp.sema.templates.give-it-another-name'),
      );
    else sema.error(nameSpan, dt('cpp.sema.templates.is-already-declared-in-this-scope', name));
    return;
  }
  scope.names.set(name, {
    kind: 'template',
    template: { kind, name, params, syntax: decl, scope, span: d.span, instances: new Map() },
  });
}

// ------------------------------------------------------------------ arguments

/** Explicit template arguments (`<double, 4>`), checked against the parameters; null after an error. */
export function explicitArgs(
  sema: Sema,
  t: TemplateInfo,
  args: TemplateArgSyntax[],
  span: Span,
): Binding[] | null {
  if (args.length > t.params.length) {
    sema.error(span, dt('cpp.sema.templates.too-many-template-arguments-for-it', t.name, t.params.length));
    return null;
  }
  const out: Binding[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k] as TemplateArgSyntax;
    const p = t.params[k] as TemplateParamInfo;
    if (p.kind === 'type') {
      if (a.kind !== 'type-arg') {
        sema.error(a.span, dt('cpp.sema.templates.template-argument-of-must-be-a', k + 1, t.name));
        return null;
      }
      const r = resolveTypeId(sema, a.type);
      if (!r) return null;
      out.push({ kind: 'type', type: r.type, const: r.const });
      continue;
    }
    if (a.kind !== 'expr-arg') {
      sema.error(a.span, dt('cpp.sema.templates.template-argument-of-must-be-a-2', k + 1, t.name));
      return null;
    }
    const e = checkExpr(sema, a.expr);
    if (e.kind === 'error') return null;
    const v = evalInt(e);
    if (v === null) {
      sema.error(a.span, dt('cpp.sema.templates.template-argument-of-must-be-a-3', k + 1, t.name));
      return null;
    }
    const fitted = fitInt(v, p.valueType as IntType);
    if (fitted !== v) {
      sema.error(
        a.span,
        dt('cpp.sema.templates.the-template-argument-does-not-fit', v, typeName(p.valueType as IntType)),
      );
      return null;
    }
    out.push({ kind: 'value', value: v });
  }
  return out;
}

function fitInt(v: bigint, t: IntType): bigint {
  const bits = INT_SIZE[t.name] * 8;
  if (t.name === 'bool') return v === 0n ? 0n : v === 1n ? 1n : -1n;
  return isUnsignedInt(t.name) ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v);
}

function bindingKey(b: Binding): string {
  if (b.kind === 'value') return String(b.value);
  return (b.const ? 'const ' : '') + typeKey(b.type);
}

function typeKey(t: CType): string {
  if (t.kind === 'record') return `${t.decl.name}@${t.decl.line ?? 'std'}`;
  if (t.kind === 'pointer') return `${t.pointeeConst ? 'const ' : ''}${typeKey(t.pointee)}*`;
  if (t.kind === 'reference')
    return `${(t as RefType).referentConst ? 'const ' : ''}${typeKey(t.referent)}${t.rvalue ? '&&' : '&'}`;
  if (t.kind === 'array') return `${typeKey(t.element)}[${t.length}]`;
  return typeName(t);
}

/** How g++ spells the arguments in a name: `double, 4`, `const int`. */
function displayArgs(t: TemplateInfo, bindings: Binding[]): string {
  return bindings
    .map((b, k) => {
      if (b.kind === 'type') return (b.const ? 'const ' : '') + typeName(b.type);
      const vt = t.params[k]?.valueType;
      return vt?.name === 'bool' ? (b.value ? 'true' : 'false') : String(b.value);
    })
    .join(', ');
}

/** The arguments as the mangler writes them (`d`, `Li4E`). */
function mangleArgs(t: TemplateInfo, bindings: Binding[]): TemplateArg[] {
  return bindings.map((b, k) => {
    if (b.kind === 'type') return b.const ? { type: b.type, const: true } : { type: b.type };
    const vt = t.params[k]?.valueType as IntType;
    const value = Number(b.value);
    if (value >= PARAM_BOUND_BASE && value < PARAM_BOUND_BASE + 256)
      return { type: standIn(t, value - PARAM_BOUND_BASE) };
    return { value, code: BUILTIN_CODES[vt.name] };
  });
}

// ------------------------------------------------------------------ stand-ins

const STAND_INS = new WeakMap<TemplateInfo, RecordType[]>();

/** The record that stands for type parameter k while the signature is read (`T_` to the mangler). */
function standIn(t: TemplateInfo, k: number): RecordType {
  let list = STAND_INS.get(t);
  if (!list) STAND_INS.set(t, (list = []));
  let r = list[k];
  if (!r) {
    r = makeRecord({ name: t.params[k]?.name ?? `T${k}`, tag: 'struct' });
    registerTemplateParam(r.decl, k);
    list[k] = r;
  }
  return r;
}

/** A scope for one instance: the template's namespace, with the parameters bound. */
function instanceScope(t: TemplateInfo, bindings: Binding[]): NamespaceScope {
  const ns = t.scope;
  const inst = new NamespaceScope(ns, ns.name, ns.path);
  t.params.forEach((p, k) => {
    const b = bindings[k];
    if (!b) return;
    if (b.kind === 'type') inst.names.set(p.name, { kind: 'type', type: b.type, const: b.const });
    else
      inst.names.set(p.name, {
        kind: 'enumerator',
        value: b.value,
        type: p.valueType as IntType,
        name: p.name,
      });
  });
  return inst;
}

/** A function template's signature with stand-ins for its parameters (for deduction and mangling). */
function signaturePattern(sema: Sema, t: TemplateInfo): TemplateInfo['pattern'] {
  if (t.pattern !== undefined) return t.pattern;
  const bindings: Binding[] = t.params.map((p, k) =>
    p.kind === 'type'
      ? { kind: 'type', type: standIn(t, k), const: false }
      : { kind: 'value', value: BigInt(PARAM_BOUND_BASE + k) },
  );
  const idecl = t.syntax.declarators[0];
  sema.diags.muted++;
  const before = sema.diags.mutedErrors;
  let pattern: TemplateInfo['pattern'] = null;
  try {
    sema.inScope(instanceScope(t, bindings), () => {
      const base = resolveSpecs(sema, t.syntax.specs);
      const r = base && idecl ? applyDeclarator(sema, base, idecl.declarator) : null;
      if (r?.fn && r.type.kind === 'function')
        pattern = { returnType: r.type.returnType, params: r.fn.params, variadic: r.fn.variadic };
    });
  } finally {
    sema.diags.muted--;
  }
  t.pattern = sema.diags.mutedErrors === before ? pattern : null;
  return t.pattern;
}

/**
 * The instance a call of a function template names: explicit arguments first, the rest deduced
 * from the arguments; null after an error (reported).
 */
export function instanceForCall(
  sema: Sema,
  t: TemplateInfo,
  explicit: TemplateArgSyntax[] | undefined,
  args: InitArg[],
  span: Span,
): FunctionDecl | null {
  const given = explicit ? explicitArgs(sema, t, explicit, span) : [];
  if (!given) return null;
  const out: Deduced = [...given];
  if (given.length < t.params.length) {
    const pattern = signaturePattern(sema, t);
    if (!pattern) {
      sema.diags.unsupported(
        span,
        dt('cpp.sema.templates.deducing-the-template-arguments-of-from', t.name),
        dt('cpp.sema.templates.give-them-explicitly-as-in', t.name),
      );
      return null;
    }
    for (let k = 0; k < args.length && k < pattern.params.length; k++) {
      const a = args[k] as InitArg;
      if (!('type' in a) || (a as Expr).kind === 'error') continue;
      const arg = a as Expr;
      const p = (pattern.params[k] as ParamInfo).type;
      let err: DiagText | null;
      if (p.kind === 'reference') {
        const refConst = Boolean((p as RefType).referentConst);
        if (p.rvalue && templateParamIndex(p.referent) !== null && !refConst) {
          sema.diags.unsupported(span, dt('cpp.sema.templates.a-forwarding-reference-parameter-t-of'));
          return null;
        }
        err = match(t, p.referent, arg.type, Boolean(arg.isConst) && !refConst, out);
      } else {
        // By value: arrays and functions decay, the argument's top-level const is dropped.
        const decayed: CType =
          arg.type.kind === 'array'
            ? { kind: 'pointer', pointee: arg.type.element, ...(arg.isConst ? { pointeeConst: true } : {}) }
            : arg.type.kind === 'function'
              ? { kind: 'pointer', pointee: arg.type }
              : arg.type;
        err = match(t, p, decayed, false, out);
      }
      if (err) {
        sema.error(a.span, dt('cpp.sema.templates.in-the-call-of-the-template', t.name, err));
        return null;
      }
    }
  }
  const missing = t.params.findIndex((_, k) => !out[k]);
  if (missing >= 0) {
    sema.error(
      span,
      dt('cpp.sema.templates.couldn-t-deduce-the-template-parameter', t.params[missing]?.name, t.name),
    );
    return null;
  }
  return instantiateFunction(sema, t, out as Binding[], span);
}

// ------------------------------------------------------------------ instantiation

function enter(sema: Sema, span: Span): boolean {
  if (sema.templateDepth >= MAX_DEPTH) {
    sema.diags.unsupported(span, dt('cpp.sema.templates.templates-instantiated-more-than-deep', MAX_DEPTH));
    return false;
  }
  return true;
}

/** Checks the declaration again with the parameters bound, in the template's namespace. */
function checkInstance<T>(sema: Sema, scope: NamespaceScope, f: () => T): T {
  const savedFn = sema.fn;
  // An instance first needed while a signature is tried out (muted) still reports its own errors.
  const savedMuted = sema.diags.muted;
  sema.templateDepth++;
  sema.diags.dedupe++;
  sema.diags.muted = 0;
  try {
    sema.fn = null;
    return sema.inScope(scope, f);
  } finally {
    sema.fn = savedFn;
    sema.templateDepth--;
    sema.diags.dedupe--;
    sema.diags.muted = savedMuted;
  }
}

export function instantiateFunction(
  sema: Sema,
  t: TemplateInfo,
  b: Binding[],
  span: Span,
): FunctionDecl | null {
  const key = b.map(bindingKey).join(',');
  const cached = t.instances.get(key);
  if (cached !== undefined) return cached && cached.kind === 'function' ? cached : null;
  if (!enter(sema, span)) return null;
  const id = `${t.name}<${displayArgs(t, b)}>`;
  const scope = instanceScope(t, b);
  const idecl = t.syntax.declarators[0];
  const qn = idecl?.declarator.name;
  const part = qn?.parts[0];
  if (!idecl || !qn || !part) return null;
  const renamed: SimpleDeclSyntax = {
    ...t.syntax,
    declarators: [
      { ...idecl, declarator: { ...idecl.declarator, name: { ...qn, parts: [{ ...part, name: id }] } } },
    ],
  };
  t.instances.set(key, null);
  checkInstance(sema, scope, () => declareSimple(sema, renamed));
  const own = scope.own(id);
  const fn = own?.kind === 'functions' ? (own.decls[0] ?? null) : null;
  if (!fn) return null;
  t.instances.set(key, fn);
  fn.inline = true;
  const pattern = signaturePattern(sema, t);
  if (pattern && !fn.internal) {
    fn.symbol = mangleFunctionTemplate({
      namespaces: t.scope.path,
      id: { name: t.name, args: mangleArgs(t, b) },
      returnType: pattern.returnType,
      params: pattern.params.map((p) => p.type),
      variadic: pattern.variadic,
    });
  }
  return fn;
}

/** `Buf<double, 4>`: the instance of a class template (built and checked on first use). */
export function instantiateClass(
  sema: Sema,
  t: TemplateInfo,
  args: TemplateArgSyntax[] | undefined,
  span: Span,
): RecordType | null {
  if (!args) {
    // C++17 deduces them from a constructor call (`Box b(x);`): g++ accepts it, the simulator does not.
    sema.diags.unsupported(
      span,
      dt('cpp.sema.templates.deducing-the-template-arguments-of-the', t.name),
      dt('cpp.sema.templates.write-them-as-in', t.name),
    );
    return null;
  }
  const b = explicitArgs(sema, t, args, span);
  if (!b) return null;
  if (b.length < t.params.length) {
    sema.error(
      span,
      dt('cpp.sema.templates.takes-template-arguments-given', t.name, t.params.length, b.length),
    );
    return null;
  }
  const id = `${t.name}<${displayArgs(t, b)}>`;
  const rs = t.syntax.specs.base.kind === 'record-def' ? t.syntax.specs.base.record : null;
  if (!rs?.name) return null;
  if (b.some(isDependent)) {
    // Inside a function template's signature (`Buf<T, N>`): a stand-in that deduction looks into.
    const shell = makeRecord({ name: id, tag: rs.tag });
    INSTANCE_OF.set(shell.decl, { template: t, bindings: b });
    registerTemplateInstance(shell.decl, t.scope.path, { name: t.name, args: mangleArgs(t, b) });
    return shell;
  }
  const key = b.map(bindingKey).join(',');
  const cached = t.instances.get(key);
  if (cached !== undefined) return cached && cached.kind === 'record' ? cached : null;
  if (!enter(sema, span)) return null;
  const scope = instanceScope(t, b);
  const type = makeRecord({
    name: [...t.scope.path, id].join('::'),
    tag: rs.tag,
    line: rs.span.start.line,
    incomplete: true,
  });
  INSTANCE_OF.set(type.decl, { template: t, bindings: b });
  registerTemplateInstance(type.decl, t.scope.path, { name: t.name, args: mangleArgs(t, b) });
  t.instances.set(key, type);
  // The injected class name: inside the template, `Buf` alone is this instance.
  scope.names.set(id, { kind: 'type', type, const: false });
  scope.names.set(t.name, { kind: 'type', type, const: false });
  const renamed = {
    ...rs,
    name: { ...rs.name, parts: [{ ...(rs.name.parts[0] as { name: string; span: Span }), name: id }] },
  };
  const done = checkInstance(sema, scope, () => declareRecord(sema, renamed));
  const entity = scope.own(id);
  if (entity) scope.names.set(t.name, entity);
  if (!done) {
    t.instances.set(key, null);
    return null;
  }
  return type;
}
