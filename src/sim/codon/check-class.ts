/**
 * Classes in the checker: a reference class's construction `C(args)` and methods `obj.m(args)` of
 * both kinds of class, on top of the expression rules in check-expr.ts (Codon 0.19, v0.19.6).
 *
 * - A class without `@tuple` is a reference type: scoping.cpp `visit(ClassStmt)` gives it the
 *   magics `new` and `init` (and `raw`, `repr_default`, ...); `__magic__.new` is type.codon
 *   `_ref_new` (a GC object of the fields), the generated `__init__(self, a1, ..., aN)` stores each
 *   argument in its field (typecheck/class.cpp `codegenMagic("init")`).
 * - A method is a function whose first parameter `self` is the object: a pointer for a reference
 *   class, the value itself for a `@tuple` class (whose fields cannot be assigned).
 */
import { dt, type Msg } from '../diag';
import type { AttrExpr, CallExpr, ClassDef, FunctionDef, NameExpr } from './ast';
import { CollectionChecker } from './check-collections';
import type { ClassInfo } from './check-scope';
import { callArgsMany } from './messages';
import type { CodonType } from './types';
import { COBJ, prune } from './types';
import { walkStmts } from './walk';

/**
 * The methods Codon 0.19 generates for a class (scoping.cpp `visit(ClassStmt)`'s `tupleMagics`):
 * for a reference class `new`, `init`, `raw`, `repr_default`, `pickle`, `unpickle`, `tuplesize`,
 * `dict`; for a `@tuple` class all of them but `init`, `raw`, `repr_default`. A call of one the
 * simulator does not model is refused, never reported as a missing attribute.
 */
const REF_MAGICS = new Set(
  ['new', 'init', 'raw', 'repr_default', 'pickle', 'unpickle', 'tuplesize', 'dict'].map((m) => `__${m}__`),
);
const TUPLE_MAGICS = new Set(
  [
    'new',
    'repr',
    'hash',
    'eq',
    'ne',
    'lt',
    'le',
    'gt',
    'ge',
    'pickle',
    'unpickle',
    'to_py',
    'from_py',
    'iter',
    'getitem',
    'len',
    'to_gpu',
    'from_gpu',
    'from_gpu_new',
    'tuplesize',
    'dict',
  ].map((m) => `__${m}__`),
);

/** A method's qualified name, as Codon names it (`Counter.bump`). */
export const methodName = (className: string, name: string): string => `${className}.${name}`;

export abstract class ClassChecker extends CollectionChecker {
  /** Classes whose own `__init__` was refused: their construction is not checked again. */
  private readonly refusedInit = new Set<string>();

  protected newObject(e: CallExpr, callee: NameExpr, cls: ClassInfo): CodonType | null {
    const name = callee.id;
    if (this.refusedInit.has(name)) {
      this.argTypes(e);
      return null;
    }
    const init = this.functions.get(methodName(name, '__init__'));
    if (!init) {
      // The generated `__init__(self, a1: T1, ..., aN: TN)`.
      e.resolved = { kind: 'class-new', className: name, init: null };
      const fields = cls.def.fields;
      const ok = this.checkArgs(
        e,
        name,
        fields.map((f) => f.type ?? null),
        fields.map((f) => f.name),
      );
      return ok ? cls.type : null;
    }
    this.ensureChecked(init);
    const own = init.def.params.length - 1;
    if (e.args.length !== own && e.args.length === cls.def.fields.length && e.keywords.length === 0) {
      // Codon keeps its generated `__init__` beside the class's own, as an overload.
      this.notModelled(
        e.span,
        dt('codon.check-class.calling-the-init-codon-generates-for', name),
        dt(
          'codon.check-class.pass-what-init-takes-argument',
          name,
          own,
          dt(own === 1 ? 'codon.empty' : 'codon.plural-s'),
        ),
      );
      this.argTypes(e);
      return null;
    }
    e.resolved = { kind: 'class-new', className: name, init: init.def.name };
    const ok = this.checkArgs(
      e,
      name,
      init.params.slice(1),
      init.def.params.slice(1).map((p) => p.name),
    );
    return ok ? cls.type : null;
  }

  protected methodCall(e: CallExpr, callee: AttrExpr, t: CodonType): CodonType | null | undefined {
    const p = prune(t);
    if (p.kind !== 'ref-class' && p.kind !== 'tuple-class') return undefined;
    const fn = this.functions.get(methodName(p.name, callee.name));
    if (!fn && p.kind === 'ref-class' && callee.name === '__raw__') {
      // internal.codon `__magic__.raw`: `type._ref_raw(obj)`, the pointer itself.
      if (!this.rejectKeywords(e, '__raw__')) return null;
      if (e.args.length > 0) {
        this.argTypes(e);
        this.error(e.span, dt('codon.check-class.msg', callArgsMany('__raw__', 0, e.args.length)));
        return null;
      }
      e.resolved = { kind: 'obj-raw' };
      return COBJ;
    }
    if (!fn && (p.kind === 'ref-class' ? REF_MAGICS : TUPLE_MAGICS).has(callee.name)) {
      this.argTypes(e);
      this.notModelled(
        callee.nameSpan,
        dt('codon.check-class.a-method-codon-generates', p.name, callee.name),
      );
      return null;
    }
    if (!fn) return undefined;
    this.ensureChecked(fn);
    e.resolved = { kind: 'method', fn: fn.def.name };
    const ok = this.checkArgs(
      e,
      callee.name,
      fn.params.slice(1),
      fn.def.params.slice(1).map((q) => q.name),
    );
    return ok ? fn.ret : null;
  }

  /**
   * Whether a method is one the simulator models (reporting it where it is not): a method with
   * `self` first; `__init__` only in a reference class; no other `__magic__` method.
   */
  protected acceptMethod(cls: ClassDef, m: FunctionDef): boolean {
    const name = m.method?.name ?? m.name;
    const refuse = (what: Msg, hint?: Msg): boolean => {
      this.notModelled(m.nameSpan, what, hint);
      this.refusedNames.add(name);
      if (name === '__init__') this.refusedInit.add(cls.name);
      return false;
    };
    const self = m.params[0];
    if (!self || self.name !== 'self') {
      return refuse(
        dt('codon.check-class.a-method-without-self-which-codon', name, cls.name),
        dt('codon.check-class.write-self-first-def-self-or', name),
      );
    }
    if (name === '__del__')
      return refuse(
        dt('codon.check-class.del-a-finalizer-the-gc-runs'),
        dt('codon.check-class.free-c-resources-with-an-explicit'),
      );
    if (name === '__init__' && !cls.ref)
      return refuse(
        dt('codon.check-class.init-in-a-tuple-class'),
        dt('codon.check-class.make-it-with-its-fields-or', cls.name),
      );
    if (/^__\w+__$/.test(name) && name !== '__init__')
      return refuse(
        dt('codon.check-class.defining-the-magic-method', name),
        dt('codon.check-class.write-an-ordinary-method-e-g'),
      );
    return true;
  }

  /**
   * A reference class with no declared field whose `__init__` assigns `self.x = ...`: Codon 0.19
   * deduces its fields as generics (scoping.cpp sets `ClassDeduce` on a class of no fields,
   * class.cpp `autoDeduceMembers`). Refused whole, and its name kept quiet; true when refused.
   */
  protected refuseDeducedFields(cls: ClassDef): boolean {
    if (!cls.ref || cls.fields.length > 0) return false;
    const init = cls.methods?.find((m) => m.method?.name === '__init__');
    if (!init) return false;
    let deduced: string | null = null;
    walkStmts(init.body, {
      stmt(s) {
        if (
          deduced === null &&
          (s.kind === 'assign' || s.kind === 'augassign') &&
          s.target.kind === 'attr' &&
          s.target.target.kind === 'name' &&
          s.target.target.id === 'self'
        )
          deduced = s.target.name;
      },
    });
    if (deduced === null) return false;
    this.notModelled(
      cls.nameSpan,
      dt('codon.check-class.a-class-whose-fields-codon-deduces', deduced),
      dt('codon.check-class.declare-each-field-with-its-type', deduced),
    );
    this.refusedNames.add(cls.name);
    for (const m of cls.methods ?? []) if (m.method) this.refusedNames.add(m.method.name);
    return true;
  }

  /** The type of a method's `self`: its class, or the annotation's (which must name it). */
  protected selfType(m: FunctionDef): CodonType | null {
    const c = m.method ? this.classes.get(m.method.className) : undefined;
    return c ? c.type : null;
  }
}
