/**
 * Function bodies and statements: local variables (automatic, `static`, `thread_local`),
 * control flow, `return` (initialising the return slot, with the implicit move of returned locals),
 * range-for lowered as C++ defines it, constructors' member initializers, and NRVO as g++ does it.
 */
import { dt } from '../../diag';
import type { CType, RecordType } from '../../abi/ctype';
import type { Span } from '../../diag';
import type { BlockStmt, Expr, FunctionDecl, Init, MemberInit, Stmt, VarDecl } from '../ast';
import type {
  BlockSyntax,
  ExprSyntax,
  InitListSyntax,
  MemberInitSyntax,
  SimpleDeclSyntax,
  StmtSyntax,
} from '../syntax';
import type { FunctionState, Sema } from './context';
import { checkStaticAssert, declareAlias } from './decl';
import { checkCondition, checkExpr, deref, varRef } from './expr';
import { checkArg, checkVariableInit, directInit, initAuto, initFromExpr, listInit } from './init';
import { toRvalue } from './make';
import { applyDeclarator, resolveSpecs } from './resolve-type';
import { checkStdMethodCall } from './stdlib';
import { BlockScope, type Scope } from './scope';
import { isCompleteObjectType, refTo, sameType, typeName } from './types';
import { attributeInfos } from './function-decl';

const MAX_STMT_DEPTH = 300;

/** Checks a function's body (and a constructor's member initializers) in a scope holding its parameters. */
export function checkFunctionBody(
  sema: Sema,
  fn: FunctionDecl,
  body: BlockSyntax,
  memberInits: MemberInitSyntax[],
  parent: Scope,
): void {
  const savedFn = sema.fn;
  const record = fn.method ? (sema.classScopes.get(fn.method.record)?.record ?? null) : null;
  sema.fn = {
    decl: fn,
    returnType: fn.returnType,
    returns: [],
    record,
    thisType: fn.method && !fn.method.static ? fn.method.thisType : null,
    loopDepth: 0,
  };
  fn.locals = [];
  const fnScope = new BlockScope('function', parent);
  for (const p of fn.params) {
    if (p.name.startsWith('(')) continue;
    if (fnScope.own(p.name)) sema.error(p.span, dt('cpp.sema.stmt.two-parameters-are-named', p.name));
    fnScope.names.set(p.name, { kind: 'var', decl: p });
  }
  for (const p of fn.params) {
    if (p.type.kind === 'record' && p.type.decl.incomplete)
      sema.error(p.span, dt('cpp.sema.stmt.the-parameter-has-the-incomplete-type', p.name, p.type.decl.name));
  }
  if (fn.returnType.kind === 'record' && fn.returnType.decl.incomplete)
    sema.error(fn.span, dt('cpp.sema.stmt.returns-the-incomplete-type', fn.name, fn.returnType.decl.name));
  const errorsBefore = sema.diags.errorCount;
  sema.inScope(fnScope, () => {
    if (fn.method?.kind === 'constructor' && record)
      fn.method.memberInits = checkMemberInits(sema, fn, record.type, memberInits);
    else if (memberInits.length > 0)
      sema.error(
        memberInits[0]?.span ?? fn.span,
        dt('cpp.sema.stmt.only-constructors-can-have-member-initializers'),
      );
    fn.body = checkBlock(sema, body, false);
  });
  fn.nrvoVariable = findNrvo(sema, fn);
  if (fn.nrvoVariable) {
    fn.nrvoVariable.nrvo = true;
    // The named return value already lives in the return slot: its returns copy nothing.
    for (const r of sema.fn.returns) {
      if (r.stmt) {
        r.stmt.init = null;
        r.stmt.nrvo = true;
      }
    }
  }
  const clean = sema.diags.errorCount === errorsBefore;
  if (
    clean &&
    fn.returnType.kind !== 'void' &&
    fn.body &&
    !alwaysReturns(fn.body) &&
    !containsError(fn.body) &&
    fn.method?.kind !== 'constructor' &&
    // Flowing off the end of `main` returns 0 ([basic.start.main]); g++ -Wall does not warn.
    !(fn.qualifiedName === 'main' && !fn.method)
  )
    sema.warning(
      body.span.end.offset > 0 ? { start: endOf(body.span), end: body.span.end } : body.span,
      dt('cpp.sema.stmt.control-reaches-the-end-of-non', fn.name),
    );
  sema.fn = savedFn;
}

function endOf(s: Span): Span['start'] {
  return { line: s.end.line, column: Math.max(1, s.end.column - 1), offset: Math.max(0, s.end.offset - 1) };
}

/**
 * NRVO as g++ applies it even at -O0: the function returns a class by value and every `return`
 * names the same local (automatic, not a parameter) of exactly that class type.
 */
function findNrvo(sema: Sema, fn: FunctionDecl): VarDecl | null {
  const st = sema.fn;
  if (!st || fn.returnType.kind !== 'record' || st.returns.length === 0) return null;
  const first = st.returns[0]?.variable ?? null;
  if (!first || first.storage !== 'auto') return null;
  if (!sameType(first.type, fn.returnType) || first.const) return null;
  return st.returns.every((r) => r.variable === first) ? first : null;
}

/** Whether every path through the statement ends in a return (a simple, conservative analysis). */
function alwaysReturns(s: Stmt): boolean {
  switch (s.kind) {
    case 'return':
      return true;
    case 'block':
      return s.stmts.some(alwaysReturns);
    case 'if':
      return s.else !== null && alwaysReturns(s.then) && alwaysReturns(s.else);
    case 'expr': {
      const e = s.expr;
      return e.kind === 'builtin-call' && (e.builtin === 'exit' || e.builtin === 'abort');
    }
    case 'while':
    case 'for':
      return (
        (s.kind === 'while' ? isTrueConstant(s.cond) : s.cond === null || isTrueConstant(s.cond)) &&
        !containsBreak(s.body)
      );
    case 'do-while':
      return alwaysReturns(s.body);
    default:
      return false;
  }
}

function isTrueConstant(e: unknown): boolean {
  let x = e as { kind: string; value?: unknown; operand?: unknown };
  while (x && x.kind === 'cast') x = x.operand as typeof x;
  return Boolean(
    x && ((x.kind === 'bool-literal' && x.value === true) || (x.kind === 'int-literal' && x.value !== 0n)),
  );
}

/** A statement that was refused or did not compile (it might have returned): no return warning then. */
function containsError(s: Stmt): boolean {
  switch (s.kind) {
    case 'error':
      return true;
    case 'block':
      return s.stmts.some(containsError);
    case 'if':
      return containsError(s.then) || (s.else !== null && containsError(s.else));
    case 'while':
    case 'for':
    case 'do-while':
      return containsError(s.body);
    default:
      return false;
  }
}

function containsBreak(s: Stmt): boolean {
  switch (s.kind) {
    case 'break':
      return true;
    case 'block':
      return s.stmts.some(containsBreak);
    case 'if':
      return containsBreak(s.then) || (s.else !== null && containsBreak(s.else));
    default:
      return false;
  }
}

/** A constructor's `: a(1), b{2}` (and bases), in the order C++ runs them: bases, then fields in declaration order. */
function checkMemberInits(
  sema: Sema,
  fn: FunctionDecl,
  type: RecordType,
  inits: MemberInitSyntax[],
): MemberInit[] {
  const info = sema.classScopes.get(type.decl)?.record;
  if (!info) return [];
  const byField = new Map<string, MemberInit>();
  const byBase: MemberInit[] = [];
  for (const mi of inits) {
    const name = mi.name.parts.map((p) => p.name).join('::');
    const field = info.fields.find((f) => f.name === name);
    const args = mi.init.kind === 'paren' ? mi.init.args : null;
    const list: InitListSyntax | null =
      mi.init.kind === 'braced' || mi.init.kind === 'equals-list' ? mi.init.list : null;
    const what = { what: dt('cpp.ctx.initializer-of', name), span: mi.span };
    if (field) {
      if (byField.has(name)) {
        sema.error(mi.span, dt('cpp.sema.stmt.is-initialised-twice', name));
        continue;
      }
      const init = list
        ? listInit(sema, field.type, list, { ...what, list: true })
        : directInit(
            sema,
            field.type,
            (args ?? []).map((a) => checkArg(sema, a)),
            what,
            mi.span,
          );
      if (init) byField.set(name, { kind: 'field-init', field, init, span: mi.span });
      continue;
    }
    const base = type.decl.bases.find(
      (b) => b.type.decl.name === name || b.type.decl.name.endsWith('::' + name),
    );
    if (base) {
      const init = list
        ? listInit(sema, base.type, list, { ...what, list: true })
        : directInit(
            sema,
            base.type,
            (args ?? []).map((a) => checkArg(sema, a)),
            what,
            mi.span,
          );
      if (init) byBase.push({ kind: 'base-init', base: base.type.decl, init, span: mi.span });
      continue;
    }
    sema.error(mi.name.span, dt('cpp.sema.stmt.has-no-member-or-base-named', type.decl.name, name));
  }
  const ordered: MemberInit[] = [...byBase];
  let lastIndex = -1;
  for (const mi of inits) {
    const name = mi.name.parts.map((p) => p.name).join('::');
    const f = info.fields.find((x) => x.name === name);
    if (!f) continue;
    if (f.index < lastIndex)
      sema.warning(mi.span, dt('cpp.sema.stmt.is-initialised-after-the-members-declared', name));
    lastIndex = Math.max(lastIndex, f.index);
  }
  for (const f of info.fields) {
    const mi = byField.get(f.name);
    if (mi) ordered.push(mi);
    else if (f.type.kind === 'reference')
      sema.error(fn.span, dt('cpp.sema.stmt.the-reference-member-must-be-initialised', f.name));
  }
  return ordered;
}

// ------------------------------------------------------------------ statements

function checkBlock(sema: Sema, b: BlockSyntax, newScope = true): BlockStmt {
  const run = (scope: BlockScope): BlockStmt => {
    const stmts: Stmt[] = [];
    for (const s of b.stmts) {
      if (sema.diags.full) break;
      stmts.push(...checkStmt(sema, s));
    }
    return { kind: 'block', stmts, scopeVars: scope.vars, span: b.span };
  };
  if (!newScope && sema.scope instanceof BlockScope) return run(sema.scope);
  return sema.inBlock(run);
}

/** A statement in its own scope (the body of if/while/for without braces gets one too). */
function checkSubStmt(sema: Sema, s: StmtSyntax): Stmt {
  return sema.inBlock((scope) => {
    const out = checkStmt(sema, s);
    if (out.length === 1 && (out[0]?.kind !== 'var-decl' || scope.vars.length === 0)) return out[0] as Stmt;
    return { kind: 'block', stmts: out, scopeVars: scope.vars, span: s.span };
  });
}

/** Checks one statement; a declaration of several variables yields several statements. */
export function checkStmt(sema: Sema, s: StmtSyntax): Stmt[] {
  if (sema.stmtDepth > MAX_STMT_DEPTH) {
    sema.error(s.span, dt('cpp.sema.stmt.the-statements-are-nested-too-deeply'));
    return [{ kind: 'error', span: s.span }];
  }
  sema.stmtDepth++;
  try {
    return checkStmtInner(sema, s);
  } finally {
    sema.stmtDepth--;
  }
}

function checkStmtInner(sema: Sema, s: StmtSyntax): Stmt[] {
  const st = sema.fn;
  switch (s.kind) {
    case 'block':
      return [checkBlock(sema, s)];
    case 'decl-stmt':
      if (s.decl.kind === 'alias') {
        declareAlias(sema, s.decl);
        return [];
      }
      if (s.decl.kind === 'static-assert') {
        checkStaticAssert(sema, s.decl);
        return [];
      }
      return declareLocals(sema, s.decl);
    case 'expr-stmt': {
      const e = checkExpr(sema, s.expr);
      if (e.kind === 'error') return [{ kind: 'error', span: s.span }];
      warnUnused(sema, e);
      return [{ kind: 'expr', expr: e, span: s.span }];
    }
    case 'if': {
      const cond = checkCondition(sema, s.cond);
      const then = checkSubStmt(sema, s.then);
      const otherwise = s.else ? checkSubStmt(sema, s.else) : null;
      return [{ kind: 'if', cond, then, else: otherwise, span: s.span }];
    }
    case 'while': {
      const cond = checkCondition(sema, s.cond);
      const body = loopBody(sema, s.body);
      return [{ kind: 'while', cond, body, span: s.span }];
    }
    case 'do-while': {
      const body = loopBody(sema, s.body);
      const cond = checkCondition(sema, s.cond);
      return [{ kind: 'do-while', body, cond, span: s.span }];
    }
    case 'for':
      return [
        sema.inBlock((scope) => {
          const init = s.init ? checkStmt(sema, s.init) : [];
          const cond = s.cond ? checkCondition(sema, s.cond) : null;
          const step = s.step ? checkExpr(sema, s.step) : null;
          const body = loopBody(sema, s.body);
          const initStmt: Stmt | null =
            init.length === 0
              ? null
              : init.length === 1
                ? (init[0] as Stmt)
                : { kind: 'block', stmts: init, scopeVars: [], span: s.init?.span ?? s.span };
          return { kind: 'for', init: initStmt, cond, step, body, scopeVars: scope.vars, span: s.span };
        }),
      ];
    case 'range-for':
      return [checkRangeFor(sema, s.decl, s.range, s.body, s.span)];
    case 'return':
      return [checkReturn(sema, s.value, s.span)];
    case 'break':
    case 'continue':
      if (!st || st.loopDepth === 0) {
        sema.error(s.span, dt('cpp.sema.stmt.can-only-appear-inside-a-loop', s.kind));
        return [{ kind: 'error', span: s.span }];
      }
      return [{ kind: s.kind, span: s.span }];
    case 'empty':
      return [{ kind: 'empty', span: s.span }];
    case 'error-stmt':
      return [{ kind: 'error', span: s.span }];
  }
}

function loopBody(sema: Sema, s: StmtSyntax): Stmt {
  const st = sema.fn;
  if (st) st.loopDepth++;
  try {
    return checkSubStmt(sema, s);
  } finally {
    if (st) st.loopDepth--;
  }
}

/** g++'s -Wunused-value for statements like `x + 1;` or `bar[0];`. */
function warnUnused(sema: Sema, e: Extract<Stmt, { kind: 'expr' }>['expr']): void {
  const useless = [
    'binary',
    'var-ref',
    'int-literal',
    'float-literal',
    'member',
    'deref',
    'logical',
    'pointer-arith',
  ];
  if (useless.includes(e.kind)) sema.warning(e.span, dt('cpp.sema.stmt.this-statement-computes-a-value-and'));
}

// ------------------------------------------------------------------ local declarations

function newLocal(
  sema: Sema,
  name: string,
  type: CType,
  isConst: boolean,
  span: Span,
  storage: VarDecl['storage'],
  constexpr: boolean,
): VarDecl {
  return {
    kind: 'var',
    id: sema.nextId(),
    name,
    qualifiedName: name,
    type,
    const: isConst,
    constexpr,
    storage,
    init: null,
    span,
    ...(sema.fn ? { functionId: sema.fn.decl.id } : {}),
    attributes: [],
  };
}

/** Declares a variable in the current block; reports a redeclaration in the same scope. */
function addLocal(sema: Sema, v: VarDecl): void {
  const scope = sema.scope;
  const prior = scope.own(v.name);
  if (prior) {
    const where = prior.kind === 'var' ? ` (line ${prior.decl.span.start.line})` : '';
    sema.error(v.span, dt('cpp.sema.stmt.is-already-declared-in-this-scope', v.name, where));
  }
  scope.names.set(v.name, { kind: 'var', decl: v });
  if (v.storage === 'auto') {
    if (scope instanceof BlockScope) scope.vars.push(v);
    sema.fn?.decl.locals.push(v);
  } else sema.unit.statics.push(v);
}

function declareLocals(sema: Sema, d: SimpleDeclSyntax): Stmt[] {
  const specs = d.specs;
  const st = specs.storage;
  if (st.extern || st.externC) {
    sema.diags.unsupported(d.span, dt('cpp.sema.stmt.an-extern-declaration-inside-a-function'));
    return [{ kind: 'error', span: d.span }];
  }
  if (st.inline || st.virtual || st.explicit || st.mutable) {
    sema.error(
      d.span,
      dt(
        'cpp.sema.stmt.cannot-be-used-on-a-local',
        st.inline ? 'inline' : st.virtual ? 'virtual' : st.explicit ? 'explicit' : 'mutable',
      ),
    );
    return [{ kind: 'error', span: d.span }];
  }
  const refusalsBefore = sema.diags.refusals;
  const base = resolveSpecs(sema, specs);
  if (!base) {
    // A refused type (`std::map<int, int> m;`): its names are refused names, so their uses stay
    // quiet rather than being checked as the stand-in `int` ("'int' cannot be indexed").
    if (sema.diags.refusals > refusalsBefore) {
      for (const idecl of d.declarators) {
        const name = idecl.declarator.name?.parts[0]?.name;
        if (name) sema.diags.skipped(name);
      }
      return [{ kind: 'error', span: d.span }];
    }
    // Still declare the names so later uses do not pile up "unknown name" errors.
    for (const idecl of d.declarators) {
      const name = idecl.declarator.name?.parts[0]?.name;
      if (name)
        sema.scope.names.set(name, {
          kind: 'var',
          decl: newLocal(sema, name, { kind: 'int', name: 'int' }, false, idecl.span, 'auto', false),
        });
    }
    return [{ kind: 'error', span: d.span }];
  }
  const out: Stmt[] = [];
  for (const idecl of d.declarators) {
    const qn = idecl.declarator.name;
    if (!qn) continue;
    if (qn.parts.length > 1) {
      sema.error(qn.span, dt('cpp.sema.stmt.a-local-variable-cannot-have-a'));
      continue;
    }
    const name = qn.parts[0]?.name ?? '';
    const r = applyDeclarator(sema, base, idecl.declarator);
    if (!r) {
      out.push({ kind: 'error', span: idecl.span });
      continue;
    }
    if (st.typedef) {
      sema.scope.names.set(name, { kind: 'type', type: r.type, const: r.const });
      continue;
    }
    if (r.type.kind === 'function') {
      if (
        idecl.declarator.ops.length === 1 &&
        idecl.declarator.ops[0]?.kind === 'function' &&
        idecl.declarator.ops[0].params.length === 0
      )
        sema.warning(qn.span, dt('cpp.sema.stmt.declares-a-function-not-a-variable', name));
      else sema.diags.unsupported(qn.span, dt('cpp.sema.stmt.declaring-a-function-inside-another-function'));
      continue;
    }
    const storage: VarDecl['storage'] = st.threadLocal ? 'thread' : st.static ? 'static' : 'auto';
    let type: CType = r.type;
    let isConst = r.const;
    let init: Init | null;
    if (r.auto) {
      const refusedBefore = sema.diags.refusals;
      const a = initAuto(sema, specs, idecl, qn.span);
      if (!a) {
        out.push({ kind: 'error', span: idecl.span });
        // `auto g = [](int x) {...};` was refused: `g` is a refused name, not an `int`.
        if (sema.diags.refusals > refusedBefore || sema.diags.refusedNames.has(name)) continue;
        addLocal(sema, newLocal(sema, name, { kind: 'int', name: 'int' }, false, qn.span, storage, false));
        continue;
      }
      type = a.type;
      isConst = a.const;
      init = a.init;
    } else {
      if (!isCompleteObjectType(type) && type.kind !== 'reference' && !r.unknownBound) {
        sema.error(
          qn.span,
          dt(
            'cpp.sema.stmt.the-variable-has-the-incomplete-type',
            name,
            typeName(type),
            dt(type.kind === 'void' ? 'codon.empty' : 'cpp.hint.declared-not-defined'),
          ),
        );
        out.push({ kind: 'error', span: idecl.span });
        continue;
      }
      if (isConst && !idecl.init && type.kind !== 'record')
        sema.error(qn.span, dt('cpp.sema.stmt.the-const-variable-must-be-initialised', name));
      const refusedBefore = sema.diags.refusals;
      init = checkVariableInit(sema, {
        type,
        const: isConst,
        syntax: idecl.init,
        name,
        span: qn.span,
        isStatic: storage !== 'auto',
        unknownBound: Boolean(r.unknownBound),
      });
      if (r.unknownBound && init && (init.kind === 'aggregate' || init.kind === 'string')) type = init.type;
      else if (r.unknownBound && !idecl.init)
        sema.error(qn.span, dt('cpp.sema.stmt.the-size-of-the-array-is', name));
      if (init === null && sema.diags.refusals > refusedBefore) {
        // Its initialisation was refused (`std::string s = "ab";`): uses of it belong to that refusal.
        sema.diags.skipped(name);
        out.push({ kind: 'error', span: idecl.span });
        continue;
      }
    }
    const v = newLocal(sema, name, type, isConst, qn.span, storage, Boolean(st.constexpr));
    v.attributes = attributeInfos(specs.attributes);
    v.init = init;
    // The variable is in scope from its declarator on, but its own initializer was checked before (C++: after).
    addLocal(sema, v);
    out.push({ kind: 'var-decl', variable: v, init, span: idecl.span });
  }
  return out;
}

// ------------------------------------------------------------------ range-for

/**
 * `for (T x : range) body` as C++17 defines it:
 * `{ auto&& __range = range; auto __begin = begin; auto __end = end;
 *    for (; __begin != __end; ++__begin) { T x = *__begin; body } }`.
 */
function checkRangeFor(
  sema: Sema,
  decl: SimpleDeclSyntax,
  rangeSyntax: ExprSyntax,
  body: StmtSyntax,
  span: Span,
): Stmt {
  return sema.inBlock((outer) => {
    const range = checkExpr(sema, rangeSyntax);
    if (range.kind === 'error') return { kind: 'error', span };
    let elemPtr: CType;
    let beginExpr;
    let endExpr;
    const rangeRef = refTo(range.type, false, Boolean(range.isConst));
    const rangeVar = newLocal(
      sema,
      '__range',
      range.category === 'lvalue' ? rangeRef : refTo(range.type, true),
      false,
      rangeSyntax.span,
      'auto',
      false,
    );
    rangeVar.synthetic = true;
    const rangeInit = initFromExpr(sema, rangeVar.type, range, {
      what: dt('cpp.ctx.for-range'),
      span: rangeSyntax.span,
    });
    if (!rangeInit) return { kind: 'error', span };
    rangeVar.init = rangeInit;
    addLocal(sema, rangeVar);
    const rref = varRef(rangeVar, rangeSyntax.span);
    if (range.type.kind === 'array') {
      const base = toRvalue(rref);
      elemPtr = base.type;
      beginExpr = base;
      endExpr = {
        kind: 'pointer-arith' as const,
        op: '+' as const,
        pointer: toRvalue(rref),
        offset: {
          kind: 'int-literal' as const,
          value: BigInt(range.type.length),
          type: { kind: 'int' as const, name: 'long' as const },
          category: 'prvalue' as const,
          span,
        },
        type: base.type,
        category: 'prvalue' as const,
        span,
      };
    } else if (
      range.type.kind === 'record' &&
      range.type.decl.std &&
      ['array', 'vector', 'string', 'string_view'].includes(range.type.decl.std.kind)
    ) {
      beginExpr = checkStdMethodCall(sema, rref, 'begin', [], rangeSyntax.span);
      endExpr = checkStdMethodCall(sema, rref, 'end', [], rangeSyntax.span);
      if (beginExpr.kind === 'error' || endExpr.kind === 'error') return { kind: 'error', span };
      elemPtr = beginExpr.type;
    } else {
      sema.error(rangeSyntax.span, dt('cpp.sema.stmt.a-range-for-needs-an-array', typeName(range.type)));
      return { kind: 'error', span };
    }
    const beginVar = newLocal(sema, '__begin', elemPtr, false, rangeSyntax.span, 'auto', false);
    const endVar = newLocal(sema, '__end', elemPtr, false, rangeSyntax.span, 'auto', false);
    beginVar.synthetic = true;
    endVar.synthetic = true;
    beginVar.init = { kind: 'expr', expr: beginExpr, span: rangeSyntax.span };
    endVar.init = { kind: 'expr', expr: endExpr, span: rangeSyntax.span };
    addLocal(sema, beginVar);
    addLocal(sema, endVar);
    const cond = {
      kind: 'binary' as const,
      op: '!=' as const,
      left: toRvalue(varRef(beginVar, span)),
      right: toRvalue(varRef(endVar, span)),
      type: { kind: 'int' as const, name: 'bool' as const },
      category: 'prvalue' as const,
      span: rangeSyntax.span,
    };
    const step = {
      kind: 'inc-dec' as const,
      op: '++' as const,
      prefix: true,
      operand: varRef(beginVar, span),
      type: elemPtr,
      category: 'lvalue' as const,
      span: rangeSyntax.span,
    };
    const st = sema.fn;
    if (st) st.loopDepth++;
    const inner = sema.inBlock((loopScope) => {
      const element = deref(toRvalue(varRef(beginVar, decl.span)), decl.span);
      const loopVar = declareLoopVariable(sema, decl, element);
      const stmts: Stmt[] = loopVar ? [loopVar] : [{ kind: 'error', span: decl.span }];
      stmts.push(checkSubStmt(sema, body));
      return { kind: 'block' as const, stmts, scopeVars: loopScope.vars, span: body.span };
    });
    if (st) st.loopDepth--;
    const loop: Stmt = {
      kind: 'for',
      init: null,
      cond,
      step,
      body: inner,
      scopeVars: [],
      rangeFor: true,
      span,
    };
    const stmts: Stmt[] = [
      { kind: 'var-decl', variable: rangeVar, init: rangeInit, span: rangeSyntax.span },
      { kind: 'var-decl', variable: beginVar, init: beginVar.init, span: rangeSyntax.span },
      { kind: 'var-decl', variable: endVar, init: endVar.init, span: rangeSyntax.span },
      loop,
    ];
    return { kind: 'block', stmts, scopeVars: outer.vars, span };
  });
}

function declareLoopVariable(
  sema: Sema,
  decl: SimpleDeclSyntax,
  element: ReturnType<typeof deref>,
): Stmt | null {
  const idecl = decl.declarators[0];
  const qn = idecl?.declarator.name;
  if (!idecl || !qn || decl.declarators.length !== 1) {
    sema.error(decl.span, dt('cpp.sema.stmt.a-range-for-declares-exactly-one'));
    return null;
  }
  const name = qn.parts[0]?.name ?? '';
  const base = resolveSpecs(sema, decl.specs);
  if (!base) return null;
  let type: CType;
  let isConst: boolean;
  if (base.auto) {
    const first = idecl.declarator.ops[0];
    const b =
      first?.kind === 'reference'
        ? { type: element.type, const: base.const || Boolean(element.isConst) }
        : first?.kind === 'pointer'
          ? { type: element.type.kind === 'pointer' ? element.type.pointee : element.type, const: base.const }
          : { type: element.type, const: base.const };
    const r = applyDeclarator(sema, b, idecl.declarator);
    if (!r) return null;
    type = r.type;
    isConst = r.const;
  } else {
    const r = applyDeclarator(sema, base, idecl.declarator);
    if (!r) return null;
    type = r.type;
    isConst = r.const;
  }
  const init = initFromExpr(sema, type, element, { what: dt('cpp.ctx.loop-variable', name), span: qn.span });
  const v = newLocal(sema, name, type, isConst, qn.span, 'auto', false);
  v.init = init;
  addLocal(sema, v);
  return { kind: 'var-decl', variable: v, init, span: idecl.span };
}

// ------------------------------------------------------------------ return

function checkReturn(sema: Sema, value: ExprSyntax | InitListSyntax | undefined, span: Span): Stmt {
  const st = sema.fn;
  if (!st) return { kind: 'error', span };
  const ret = st.returnType;
  const isCtorOrDtor = st.decl.method?.kind === 'constructor' || st.decl.method?.kind === 'destructor';
  if (!value) {
    if (ret.kind !== 'void' && !isCtorOrDtor)
      sema.error(span, dt('cpp.sema.stmt.must-return-a-value-return-returns', st.decl.name, typeName(ret)));
    st.returns.push({ span, variable: null });
    return { kind: 'return', init: null, nrvo: false, span };
  }
  if (value.kind === 'init-list') {
    st.returns.push({ span, variable: null });
    if (ret.kind === 'void') {
      sema.error(value.span, dt('cpp.sema.stmt.returns-void-so-it-cannot-return', st.decl.name));
      return { kind: 'error', span };
    }
    const init = listInit(sema, ret, value, {
      what: dt('cpp.ctx.return-value', st.decl.name),
      span: value.span,
      list: true,
    });
    return init ? { kind: 'return', init, nrvo: false, span } : { kind: 'error', span };
  }
  const e = checkExpr(sema, value);
  const returnedLocal =
    e.kind === 'var-ref' &&
    !e.throughReference &&
    (e.variable.storage === 'auto' || e.variable.storage === 'param')
      ? e.variable
      : null;
  const entry: FunctionState['returns'][number] = {
    span,
    variable: returnedLocal && returnedLocal.storage === 'auto' ? returnedLocal : null,
  };
  st.returns.push(entry);
  if (e.kind === 'error') return { kind: 'error', span };
  if (ret.kind === 'void') {
    if (e.type.kind === 'void')
      return { kind: 'return', init: { kind: 'expr', expr: e, span: e.span }, nrvo: false, span };
    sema.error(
      value.span,
      dt('cpp.sema.stmt.returns-void-so-it-cannot-return-2', st.decl.name, typeName(e.type)),
    );
    return { kind: 'error', span };
  }
  if (isCtorOrDtor) {
    sema.error(value.span, dt('cpp.sema.stmt.a-constructor-or-destructor-cannot-return'));
    return { kind: 'error', span };
  }
  const nulled = warnDangling(sema, e, ret);
  // Returning a local by name moves it when that is possible ([class.copy.elision]/3).
  const source =
    returnedLocal && ret.kind === 'record' && e.type.kind === 'record'
      ? { ...e, category: 'xvalue' as const }
      : e;
  const init = initFromExpr(sema, ret, source, {
    what: dt('cpp.ctx.return-value', st.decl.name),
    span: value.span,
  });
  if (!init) return { kind: 'error', span };
  const stmt: Extract<Stmt, { kind: 'return' }> = {
    kind: 'return',
    init,
    nrvo: false,
    ...(nulled ? { nullResult: true as const } : {}),
    span,
  };
  entry.stmt = stmt;
  return stmt;
}

/** What a returned expression gives the caller the address of, when that dies as the function returns. */
type Dangling = { kind: 'local'; variable: VarDecl; nulled: boolean } | { kind: 'temporary' };

/**
 * The local object an lvalue names, through members and subscripts of arrays: `a`, `s.y`, `a[2]`,
 * `s.y[1]` (GCC's walk over COMPONENT_REF and ARRAY_REF). A subscript of a pointer is not an array
 * element of a local, nor is anything reached through a reference.
 */
function localObject(x0: Expr): VarDecl | null {
  let x = x0;
  for (;;) {
    if (x.kind === 'cast' && x.conversion === 'noop') x = x.operand;
    else if (x.kind === 'member') x = x.object;
    else if (
      x.kind === 'deref' &&
      x.operand.kind === 'pointer-arith' &&
      x.operand.pointer.kind === 'cast' &&
      x.operand.pointer.conversion === 'array-to-pointer'
    )
      x = x.operand.pointer.operand;
    else if (x.kind === 'deref' && x.operand.kind === 'cast' && x.operand.conversion === 'array-to-pointer')
      x = x.operand.operand;
    else break;
  }
  return x.kind === 'var-ref' &&
    !x.throughReference &&
    (x.variable.storage === 'auto' || x.variable.storage === 'param')
    ? x.variable
    : null;
}

/**
 * Whether a returned expression hands the caller a local's address. g++ (5 and later) also returns
 * a null pointer in its place when it can see it: the returned value is the address of a local or
 * parameter (`&a`, `&s.y`, `&a[2]`, an array `a` decaying), possibly cast, or a reference to one or
 * to a temporary (GCC's cp/typeck.cc: check_return_expr replaces the value with
 * `build_zero_cst` when maybe_warn_about_returning_address_of_local warns). Checked with g++ 12.2
 * -O0 -S: each of those functions ends in `movl $0, %eax`; `b + 1`, `int* p = &a; return p;` and
 * `&arr[0]` of a std::array (a call to operator[]) return the real address.
 */
function danglingReturn(e: Expr, ret: CType): Dangling | null {
  if (ret.kind === 'reference') {
    // A prvalue bound to the returned reference is materialised as a temporary (GCC's TARGET_EXPR).
    if (e.category === 'prvalue' || e.kind === 'materialize' || e.kind === 'temporary')
      return { kind: 'temporary' };
    const v = localObject(e);
    return v ? { kind: 'local', variable: v, nulled: true } : null;
  }
  if (ret.kind !== 'pointer') return null;
  let x = e;
  while (
    x.kind === 'cast' &&
    (x.conversion === 'noop' || x.conversion === 'pointer') &&
    x.operand.type.kind === 'pointer'
  )
    x = x.operand;
  let v: VarDecl | null = null;
  if (x.type.kind === 'array')
    v = localObject(x); // an array decays to its address on return
  else if (x.kind === 'address-of') v = localObject(x.operand);
  else if (x.kind === 'cast' && x.conversion === 'array-to-pointer') v = localObject(x.operand);
  if (v) return { kind: 'local', variable: v, nulled: true };
  // `.data()` of a local std::array: as dangling, but a call, so g++ returns the real address.
  if (x.kind === 'std-method' && (x.method === 'data' || x.method === 'begin') && x.std === 'array') {
    const w = localObject(x.object);
    if (w) return { kind: 'local', variable: w, nulled: false };
  }
  return null;
}

/** g++'s "address of local variable returned" and "reference to ... returned" warnings; true when g++ returns null instead. */
function warnDangling(sema: Sema, e: Extract<Stmt, { kind: 'expr' }>['expr'], ret: CType): boolean {
  const d = danglingReturn(e, ret);
  if (d === null) return false;
  const fn = sema.fn?.decl.name;
  if (d.kind === 'temporary') {
    sema.warning(e.span, dt('cpp.sema.stmt.this-returns-a-reference-to-a'));
    return true;
  }
  const v = d.variable;
  sema.warning(
    e.span,
    d.nulled
      ? dt('cpp.sema.stmt.this-returns-the-address-of-the', v.name, fn)
      : dt('cpp.sema.stmt.this-returns-the-address-of-the-2', v.name, fn),
  );
  return d.nulled;
}
