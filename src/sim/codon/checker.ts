/**
 * The Codon type checker for the modelled subset: statements, functions, `@tuple` classes and
 * `from C import` declarations, on top of the expression rules in check-expr.ts.
 *
 * Order follows Codon/Python: at the top level a name is usable from the line that binds it on;
 * function bodies are checked when first called (Codon realizes a function at its first call) or at
 * the end, and see every module-level definition. A variable's type is fixed by its first
 * assignment (or annotation); later assignments must match it, with Codon's int-to-float conversion.
 */
import { dt, type Diagnostic, type Span } from '../diag';
import type {
  AssignStmt,
  AugAssignStmt,
  CImport,
  ClassDef,
  Expr,
  ForStmt,
  FunctionDef,
  LocalVar,
  Module,
  NameExpr,
  ReturnStmt,
  Stmt,
} from './ast';
import { cImportName } from './ast';
import { EXPORT_GENERIC } from './attributes';
import { ClassChecker } from './check-class';
import { incompleteHint } from './check-collections';
import type { FnInfo } from './check-scope';
import { BUILTINS, Scope } from './check-scope';
import {
  ASSIGN_UNEXPECTED_FROZEN,
  classArgTwice,
  dotNoAttr,
  fnArgTwice,
  idNotFound,
  outsideFunction,
  outsideLoop,
  typeUnify,
} from './messages';
import type { CodonType } from './types';
import { NONE, STR, isComplete, prune, resolveType, typeName, unify } from './types';
import { walkStmts } from './walk';

/** Type-checks a parsed module in place (filling types and resolutions) and returns its diagnostics. */
export function checkModule(module: Module): Diagnostic[] {
  const c = new Checker(module.file);
  c.run(module);
  return c.diagnostics;
}

/** How deep first-call checking may nest before the rest waits for the end of the module. */
const MAX_LAZY_NESTING = 64;

type StmtHandler<K extends Stmt['kind']> = (s: Extract<Stmt, { kind: K }>) => void;

class Checker extends ClassChecker {
  /** Module-level names bound exactly once, to a string literal (library paths). */
  private readonly stringLiterals = new Map<string, string>();
  /** 0 at the top level of the module; deeper inside `if`/`for`/`while` blocks. */
  private blockDepth = 0;
  /** The block depth of the body of a `try` at the top level, where `from C import` may stand. */
  private tryBodyDepth = -1;

  run(module: Module): void {
    this.refusedNames = new Set(module.refusedNames);
    this.hoist(module.body);
    this.block(module.body);
    for (const fn of this.functions.values()) this.ensureChecked(fn);
    module.globals = this.finishScope(this.globals);
    this.refuseUnknownTables(module.body);
    // Locals were listed when each body was checked; types inferred later (from calls) are resolved now.
    for (const fn of this.functions.values()) {
      if (fn.def.locals) fn.def.locals = fn.def.locals.map((v) => ({ ...v, type: resolveType(v.type) }));
    }
    finalizeTypes(module);
  }

  // -------------------------------------------------------------------------------------------
  // Definitions

  /** Registers the module's `@tuple` classes, then its function signatures (Codon sees them all). */
  private hoist(body: Stmt[]): void {
    const defined = new Map<string, Span>();
    const clash = (name: string, span: Span): boolean => {
      const prev = defined.get(name);
      if (prev) {
        this.notModelled(
          span,
          dt('codon.checker.defining-twice-first-on-line', name, prev.start.line),
          dt('codon.checker.give-the-second-definition-another-name'),
        );
        return true;
      }
      if (BUILTINS.has(name)) {
        // Codon lets a program shadow its builtins; the simulator does not. The definition is still
        // registered, so calls to it are checked against it rather than blamed on the builtin.
        this.notModelled(
          span,
          dt('codon.checker.defining-your-own-codon-s-builtin', name),
          dt('codon.checker.give-your-definition-another-name'),
        );
        defined.set(name, span);
        return false;
      }
      defined.set(name, span);
      return false;
    };
    for (const s of body) {
      if (s.kind === 'class' && !clash(s.name, s.nameSpan) && !this.refuseDeducedFields(s))
        this.defineClass(s);
    }
    for (const s of body) {
      if (s.kind === 'def' && !clash(s.name, s.nameSpan)) this.defineFunction(s);
      if (s.kind === 'class' && this.classes.get(s.name)?.def === s)
        for (const m of s.methods ?? []) if (this.acceptMethod(s, m)) this.defineFunction(m);
    }
  }

  private defineClass(s: ClassDef): void {
    const seen = new Set<string>();
    const fields: { name: string; type: CodonType }[] = [];
    const type: CodonType = { kind: s.ref ? 'ref-class' : 'tuple-class', name: s.name, fields };
    // A reference class is known inside its own body (class.cpp adds it to the context first).
    if (s.ref) this.classes.set(s.name, { def: s, type });
    for (const f of s.fields) {
      if (seen.has(f.name)) {
        this.error(f.nameSpan, dt('codon.checker.msg', classArgTwice(f.name)));
        continue;
      }
      seen.add(f.name);
      if (!s.ref && f.annotation.kind === 'name' && f.annotation.id === s.name) {
        this.error(f.annotation.span, dt('codon.checker.a-tuple-class-cannot-contain-itself', s.name));
        continue;
      }
      const t = this.resolveType(f.annotation);
      if (!t) continue;
      if (prune(t).kind === 'none') {
        this.notModelled(f.annotation.span, dt('codon.checker.a-field-of-type-none'));
        continue;
      }
      f.type = t;
      fields.push({ name: f.name, type: t });
    }
    this.classes.set(s.name, { def: s, type });
  }

  private defineFunction(s: FunctionDef): void {
    const seen = new Set<string>();
    // Codon's own error for an @export function with an unannotated (generic) parameter
    // (typecheck/function.cpp, FN_REALIZE_BUILTIN): the learner's mistake, not a limit here.
    const genericExport = s.attributes?.export === true && s.params.some((p) => !p.annotation);
    if (genericExport) this.error(s.span, dt('codon.checker.msg', EXPORT_GENERIC));
    const params = s.params.map((p, k) => {
      if (seen.has(p.name)) this.error(p.nameSpan, dt('codon.checker.msg', fnArgTwice(p.name)));
      seen.add(p.name);
      if (s.method && k === 0) {
        // `self`: its class (an annotation, were there one, would have to name the class).
        const t = this.selfType(s);
        if (t) p.type = t;
        return t;
      }
      if (!p.annotation && genericExport) return null;
      if (!p.annotation) {
        this.notModelled(
          p.nameSpan,
          dt('codon.checker.a-parameter-without-a-type-which', p.name, s.name),
          dt('codon.checker.annotate-it-e-g-float', p.name),
        );
        return null;
      }
      const t = this.resolveType(p.annotation);
      if (t && prune(t).kind === 'none') {
        this.notModelled(p.annotation.span, dt('codon.checker.a-parameter-of-type-none'));
        return null;
      }
      if (t) p.type = t;
      return t;
    });
    const ret = s.returns ? (this.resolveType(s.returns) ?? this.freshVar()) : this.freshVar();
    const localNames = new Set<string>(s.params.map((p) => p.name));
    collectAssigned(s.body, localNames);
    this.functions.set(s.name, { def: s, params, ret, state: 'unchecked', localNames });
  }

  /** How many function bodies are being checked inside one another (lazily, at their first call). */
  private nesting = 0;

  protected ensureChecked(fn: FnInfo): void {
    if (fn.state !== 'unchecked') return;
    // A long chain of calls is checked later rather than deeper: the stack stays bounded.
    if (this.nesting >= MAX_LAZY_NESTING) return;
    this.nesting++;
    fn.state = 'checking';
    const savedScope = this.scope;
    const savedComp = this.compStack.splice(0);
    const savedDepth = this.blockDepth;
    this.scope = new Scope(fn);
    this.blockDepth = 0;
    try {
      fn.def.params.forEach((p, k) => {
        const t = fn.params[k];
        const info = this.scope.declare(p.name, t ?? this.freshVar(), p.nameSpan, true);
        if (!t) this.poisoned.add(info);
      });
      this.block(fn.def.body);
      if (prune(fn.ret).kind === 'var') unify(fn.ret, NONE); // no `return value`: the function returns None
      fn.def.returnType = fn.ret;
      fn.def.locals = this.finishScope(this.scope);
    } finally {
      this.scope = savedScope;
      this.compStack.push(...savedComp);
      this.blockDepth = savedDepth;
      fn.state = 'done';
      this.nesting--;
    }
  }

  /** Reports variables whose type never became known, and returns the scope's variables. */
  private finishScope(scope: Scope): LocalVar[] {
    for (const v of scope.vars.values()) {
      if (!isComplete(v.type) && !this.poisoned.has(v)) {
        this.error(
          v.span,
          dt(
            'codon.checker.cannot-infer-the-complete-type-of',
            v.name,
            typeName(v.type),
            incompleteHint(v.name, v.type),
          ),
        );
      }
    }
    return scope.order.map((v) => ({ ...v, type: resolveType(scope.vars.get(v.name)?.type ?? v.type) }));
  }

  // -------------------------------------------------------------------------------------------
  // Statements

  private block(stmts: Stmt[]): void {
    for (const s of stmts) {
      const handler = this.stmtHandlers[s.kind] as (s: Stmt) => void;
      handler(s);
    }
  }

  private nested(stmts: Stmt[], loop = false): void {
    this.blockDepth++;
    if (loop) this.scope.loopDepth++;
    try {
      this.block(stmts);
    } finally {
      this.blockDepth--;
      if (loop) this.scope.loopDepth--;
    }
  }

  private atTopLevel(): boolean {
    return this.scope.fn === null && this.blockDepth === 0;
  }

  private readonly stmtHandlers: { [K in Stmt['kind']]: StmtHandler<K> } = {
    assign: (s) => this.assign(s),
    augassign: (s) => this.augAssign(s),
    expr: (s) => void this.expr(s.expr),
    if: (s) => {
      this.condition(s.test);
      this.nested(s.body);
      this.nested(s.orelse);
    },
    while: (s) => {
      this.condition(s.test);
      this.nested(s.body, true);
    },
    for: (s) => this.forStmt(s),
    break: (s) => {
      if (this.scope.loopDepth === 0) this.error(s.span, dt('codon.checker.msg', outsideLoop('break')));
    },
    continue: (s) => {
      if (this.scope.loopDepth === 0) this.error(s.span, dt('codon.checker.msg', outsideLoop('continue')));
    },
    pass: () => {},
    return: (s) => this.returnStmt(s),
    def: (s) => {
      if (!this.atTopLevel()) {
        this.refusedNames.add(s.name);
        this.notModelled(
          s.nameSpan,
          dt('codon.checker.a-function-defined-inside-a-block'),
          dt('codon.checker.define-it-at-the-top-level'),
        );
        return;
      }
      this.reached.add(s.name);
    },
    class: (s) => {
      if (!this.atTopLevel()) {
        this.refusedNames.add(s.name);
        this.notModelled(
          s.nameSpan,
          dt('codon.checker.a-class-defined-inside-a-block'),
          dt('codon.checker.define-it-at-the-top-level'),
        );
        return;
      }
      this.reached.add(s.name);
    },
    cimport: (s) => this.cImport(s),
    try: (s) => {
      const saved = this.tryBodyDepth;
      // A `try` at the top level (or in such a `try`'s body) may hold `from C import`.
      if (this.atTopLevel() || (this.scope.fn === null && this.blockDepth === this.tryBodyDepth))
        this.tryBodyDepth = this.blockDepth + 1;
      this.nested(s.body);
      this.tryBodyDepth = saved;
      for (const h of s.handlers) {
        // `except CError as e`: e is the exception (error.codon: `print(e)` shows its message).
        if (h.name) {
          const exc: CodonType = { kind: 'exception', name: h.type };
          const prev = this.scope.vars.get(h.name.name);
          if (prev && !unify(prev.type, exc))
            this.error(
              h.name.span,
              dt(
                'codon.checker.already-has-the-type-catch-the',
                typeUnify(exc, prev.type),
                h.name.name,
                typeName(prev.type),
              ),
            );
          else this.bindName({ kind: 'name', id: h.name.name, span: h.name.span }, exc, null, null);
        }
        this.nested(h.body);
      }
    },
  };

  /** Binds a name in the current scope to a value of type `t` (a new variable, or a matching one). */
  private bindName(
    target: NameExpr,
    t: CodonType | null,
    valueExpr: Expr | null,
    annotation: CodonType | null,
  ): boolean {
    const scope = this.scope;
    const name = target.id;
    if (
      scope.fn === null &&
      (this.functions.has(name) || this.classes.has(name) || this.cfuncs.has(name) || BUILTINS.has(name))
    ) {
      const what = this.cfuncs.has(name)
        ? dt('codon.checker.an-imported-c-function')
        : this.classes.has(name)
          ? dt('codon.checker.a-class')
          : BUILTINS.has(name)
            ? dt('codon.checker.a-builtin')
            : dt('codon.checker.a-function');
      this.error(target.span, dt('codon.checker.cannot-assign-to-it-is-choose', name, what));
      return false;
    }
    const existing = scope.vars.get(name);
    target.binding = { kind: scope.fn ? 'local' : 'global', name };
    if (!existing) {
      let declared = annotation ?? t;
      if (annotation && t && valueExpr && !this.coerce(valueExpr, t, annotation)) declared = annotation;
      if (declared && valueExpr && this.refuseKept(declared, valueExpr)) declared = null;
      if (declared && prune(declared).kind === 'range') {
        this.notModelled(
          valueExpr?.span ?? target.span,
          dt('codon.checker.keeping-a-range-in-a-variable'),
          dt('codon.checker.write-for-i-in-range-directly'),
        );
        declared = null;
      }
      const info = scope.declare(name, declared ?? this.freshVar(), target.span, false);
      if (!declared) this.poisoned.add(info);
      target.type = info.type;
      return true;
    }
    target.type = existing.type;
    if (annotation && !unify(annotation, existing.type)) {
      this.error(
        target.span,
        dt(
          'codon.checker.already-has-the-type',
          typeUnify(annotation, existing.type),
          name,
          typeName(existing.type),
        ),
      );
      return false;
    }
    if (t && valueExpr) return this.coerce(valueExpr, t, existing.type);
    return t !== null;
  }

  private assign(s: AssignStmt): void {
    const annotation = s.annotation ? this.resolveType(s.annotation) : null;
    const t = this.expr(s.value);
    const target = s.target;
    if (s.annotation && !annotation && target.kind === 'name') {
      // The annotation was reported (refused or wrong): the variable is bound, quietly, to nothing known.
      if (!this.scope.vars.has(target.id))
        this.poisoned.add(this.scope.declare(target.id, this.freshVar(), target.span, false));
      return;
    }
    if (target.kind === 'name') {
      const isNew = !this.scope.vars.has(target.id);
      this.bindName(target, t, s.value, annotation);
      s.declares = isNew && this.scope.vars.has(target.id);
      if (this.scope.fn === null) {
        if (isNew && s.value.kind === 'str') this.stringLiterals.set(target.id, s.value.value);
        else this.stringLiterals.delete(target.id);
      }
      return;
    }
    if (target.kind === 'index') {
      const elem = this.expr(target);
      if (target.access === 'tuple' && target.target.type) {
        // tuple.codon defines no `__setitem__`: a tuple is a by-value constant.
        this.error(target.span, dt('codon.checker.msg', dotNoAttr(target.target.type, '__setitem__')));
        return;
      }
      if (elem && t) this.coerce(s.value, t, elem);
      return;
    }
    if (target.kind === 'attr') {
      const ft = this.memberTarget(target);
      if (ft && t) this.coerce(s.value, t, ft);
      return;
    }
    if (target.kind === 'tuple') {
      // assign.cpp `unpackAssignment`: `a, b = v` is `tmp = v; a = tmp[0]; b = tmp[1]`.
      const items = t ? this.unpackTypes(target, s.value, t) : null;
      target.items.forEach((x, k) => {
        if (x.kind !== 'name') return;
        const it = items?.[k] ?? null;
        if (!this.bindName(x, it, null, null) || !it) return;
        if (x.type && !unify(x.type, it)) this.error(x.span, dt('codon.checker.msg', typeUnify(it, x.type)));
      });
      if (t) target.type = t;
    }
  }

  /** The type of `obj.field` as an assignment target; tuple fields are frozen (Codon's rule). */
  private memberTarget(target: Extract<Expr, { kind: 'attr' }>): CodonType | null {
    const ot = this.expr(target.target);
    if (!ot) return null;
    const p = prune(ot);
    const field = this.fieldType(p, target.name);
    if (!field) {
      this.error(target.nameSpan, dt('codon.checker.msg', dotNoAttr(p, target.name)));
      return null;
    }
    if (p.kind !== 'list' && p.kind !== 'ref-class') {
      this.error(
        target.span,
        dt(
          'codon.checker.a-value-cannot-be-changed-in',
          ASSIGN_UNEXPECTED_FROZEN,
          p.kind === 'tuple-class' ? dt('codon.checker.tuple-class') : typeName(p),
        ),
      );
      return null;
    }
    target.type = field;
    return field;
  }

  private augAssign(s: AugAssignStmt): void {
    const target = s.target;
    let tt: CodonType | null;
    if (target.kind === 'attr') tt = this.memberTarget(target);
    else if (target.kind === 'name' || target.kind === 'index') tt = this.expr(target);
    else tt = null;
    const vt = this.expr(s.value);
    if (!tt || !vt) return;
    const result = this.binaryType(s.op, tt, vt, s.span);
    if (!result) return;
    if (!unify(result.type, tt)) {
      const a = prune(result.type);
      const x = prune(tt);
      if (!(a.kind === 'int' && x.kind === 'float')) {
        this.error(
          s.span,
          dt(
            'codon.checker.would-turn-this-into-a',
            typeUnify(a, x),
            s.op,
            typeName(x),
            typeName(a),
            dt(s.op === '/' ? 'codon.checker.slash-float' : 'codon.empty'),
          ),
        );
      }
    }
  }

  private forStmt(s: ForStmt): void {
    if (s.unpack) return this.forUnpack(s, s.unpack);
    const elem = this.iterationType(s.iter);
    if (elem) this.bindName(s.target, elem, null, null);
    else {
      // Declare the loop variable anyway so its uses do not cascade into more errors.
      if (!this.scope.vars.has(s.target.id))
        this.poisoned.add(this.scope.declare(s.target.id, this.freshVar(), s.target.span, false));
    }
    if (elem && s.target.type && !unify(s.target.type, elem)) {
      this.error(s.target.span, dt('codon.checker.msg', typeUnify(elem, s.target.type)));
    }
    this.nested(s.body, true);
  }

  /** `for a, b in it:`: each item unpacked as `a, b = item` (assign.cpp `unpackAssignment`). */
  private forUnpack(s: ForStmt, names: NameExpr[]): void {
    const elem = this.iterationType(s.iter);
    const items =
      elem && prune(elem).kind === 'tuple'
        ? this.unpackTypes({ kind: 'tuple', items: names, span: s.target.span }, s.iter, elem)
        : null;
    const ek = elem ? prune(elem).kind : 'tuple';
    if (elem && (ek === 'list' || ek === 'str'))
      this.notModelled(
        s.iter.span,
        dt('codon.checker.unpacking-the-items-of-a-loop', typeName(elem)),
        dt('codon.checker.loop-over-d-items-or-enumerate'),
      );
    else if (elem && ek !== 'tuple')
      this.error(
        s.target.span,
        dt('codon.checker.each-item-of-this-loop-is', dotNoAttr(elem, '__getitem__'), typeName(elem)),
      );
    for (const [k, n] of names.entries()) {
      const it = items?.[k] ?? null;
      if (it) {
        this.bindName(n, it, null, null);
        if (n.type && !unify(n.type, it)) this.error(n.span, dt('codon.checker.msg', typeUnify(it, n.type)));
      } else if (!this.scope.vars.has(n.id)) {
        this.poisoned.add(this.scope.declare(n.id, this.freshVar(), n.span, false));
      }
    }
    this.nested(s.body, true);
  }

  private returnStmt(s: ReturnStmt): void {
    const fn = this.scope.fn;
    if (!fn) {
      this.error(s.span, dt('codon.checker.msg', outsideFunction('return')));
      if (s.value) this.expr(s.value);
      return;
    }
    if (s.value?.kind === 'none') s.value.type = NONE; // `return None` is `return`
    if (!s.value || s.value.kind === 'none') {
      if (!unify(fn.ret, NONE))
        this.error(
          s.span,
          dt('codon.checker.must-return-a', typeUnify(NONE, fn.ret), fn.def.name, typeName(fn.ret)),
        );
      return;
    }
    const t = this.expr(s.value);
    if (!t) return;
    if (prune(fn.ret).kind === 'var' && prune(t).kind === 'range') {
      this.notModelled(s.value.span, dt('codon.checker.returning-a-range'));
      return;
    }
    this.coerce(s.value, t, fn.ret);
  }

  private cImport(s: CImport): void {
    if (!this.atTopLevel() && !(this.scope.fn === null && this.blockDepth === this.tryBodyDepth)) {
      this.notModelled(
        s.span,
        dt('codon.checker.from-c-import-inside-a-block'),
        dt('codon.checker.import-at-the-top-level-of'),
      );
      return;
    }
    const name = cImportName(s);
    const nameSpan = s.alias?.span ?? s.symbolSpan;
    let ok = true;
    const params = s.params.map((p) => {
      const t = this.resolveType(p);
      if (t && prune(t).kind === 'none') {
        this.error(p.span, dt('codon.checker.a-c-function-parameter-cannot-have'));
        return null;
      }
      return t;
    });
    const ret = s.returns ? this.resolveType(s.returns) : NONE;
    if (params.some((p) => !p) || !ret) ok = false;
    if (s.library) {
      const lib = s.library;
      const v = this.globals.vars.get(lib.name);
      if (!v) {
        this.error(lib.span, dt('codon.checker.bind-the-library-s-path-to', idNotFound(lib.name), lib.name));
        ok = false;
      } else if (!unify(v.type, STR)) {
        this.error(
          lib.span,
          dt('codon.checker.must-hold-the-library-s-path', typeUnify(v.type, STR), lib.name),
        );
        ok = false;
      } else {
        const path = this.stringLiterals.get(lib.name);
        if (path === undefined) {
          this.notModelled(
            lib.span,
            dt('codon.checker.a-library-path-that-is-not'),
            dt('codon.checker.bind-it-once-at-the-top', lib.name),
          );
          ok = false;
        } else s.libraryPath = path;
      }
    }
    if (
      this.globals.vars.has(name) ||
      this.functions.has(name) ||
      this.classes.has(name) ||
      this.cfuncs.has(name) ||
      BUILTINS.has(name)
    ) {
      this.error(nameSpan, dt('codon.checker.is-already-defined-import-the-c', name));
      return;
    }
    if (!ok) {
      // Already reported (a refused or unknown type): its calls must not then say it was never imported.
      this.refusedNames.add(name);
      return;
    }
    s.paramTypes = params as CodonType[];
    s.returnType = ret as CodonType;
    this.cfuncs.set(name, { imp: s, params: params as CodonType[], ret: ret as CodonType });
  }
}

/** Adds every name a function body binds (assignment and `for` targets) to `out`. */
function collectAssigned(body: Stmt[], out: Set<string>): void {
  walkStmts(body, {
    stmt(s) {
      if ((s.kind === 'assign' || s.kind === 'augassign') && s.target.kind === 'name') out.add(s.target.id);
      if (s.kind === 'assign' && s.target.kind === 'tuple')
        for (const x of s.target.items) if (x.kind === 'name') out.add(x.id);
      if (s.kind === 'for') for (const n of s.unpack ?? [s.target]) out.add(n.id);
      if (s.kind === 'try') for (const h of s.handlers) if (h.name) out.add(h.name.name);
    },
  });
}

/** Replaces type variables by what they stand for everywhere in the tree, for the interpreter. */
function finalizeTypes(module: Module): void {
  walkStmts(module.body, {
    expr(e) {
      if (e.type) e.type = resolveType(e.type);
      if (e.coerceTo) e.coerceTo = resolveType(e.coerceTo);
      if (e.kind === 'call' && e.resolved && 'elem' in e.resolved) {
        e.resolved = { ...e.resolved, elem: resolveType(e.resolved.elem) };
      }
    },
    stmt(s) {
      if (s.kind === 'def') {
        for (const p of s.params) if (p.type) p.type = resolveType(p.type);
        if (s.returnType) s.returnType = resolveType(s.returnType);
      }
    },
  });
}
