/**
 * C++ statements, one handler per kind: each runs its statement on the machine as g++ -O0 code
 * would and says how it ended (`Flow`).
 */
import { typeToString } from '../../abi/typeToString.ts';
import type { BlockStmt, Stmt, VarDecl } from '../../cpp/ast.ts';
import { INTENT_RESULT_SLOT } from '../../machine/machine.ts';
import { hex } from '../../machine/memory.ts';
import { Unsupported } from '../cpp-errors.ts';
import type { CppInterpreter } from '../cpp-interp.ts';
import { Flow, loopExit, statementStep } from '../flow.ts';
import { Ref, num, scalarKind } from '../values.ts';
import { loadScalarQuiet } from './scalars.ts';
import { SIDE, endScope, type CppFrame, type VarSlot } from './frames.ts';
import { afterReturnByReference } from './aarch64-stores.ts';
import { endFullExpression, hasPendingClassTemps } from './init.ts';
import { doReturn, restoreResult, returnsNrvoVariable, saveResult } from './returns.ts';
import { ident } from '../../trace/names.ts';

type Handler<K extends Stmt['kind']> = (it: CppInterpreter, s: Extract<Stmt, { kind: K }>) => Flow;

/** Runs one statement. */
export function exec(it: CppInterpreter, s: Stmt): Flow {
  return (STMT[s.kind] as Handler<Stmt['kind']>)(it, s as never);
}

function stmtStep(it: CppInterpreter, s: Stmt, message = 'cpp.stmt'): void {
  statementStep(it.p.m, SIDE, it.loc(s.span), message, [it.text(s.span)]);
}

/** Runs a block; the lifetimes of its variables end when it exits, however it exits. */
export function execBlock(it: CppInterpreter, b: BlockStmt): Flow {
  const f = it.frame as CppFrame;
  f.scopes.push(b.scopeVars);
  let flow: Flow = Flow.Normal;
  try {
    for (const s of b.stmts) {
      flow = exec(it, s);
      if (flow !== Flow.Normal) break;
    }
  } finally {
    f.scopes.pop();
  }
  endScope(it, b.scopeVars, b.span);
  return flow;
}

/** `T x = init;`: a static local is initialised the first time only; an automatic one comes to life. */
function varDecl(it: CppInterpreter, s: Extract<Stmt, { kind: 'var-decl' }>): Flow {
  const m = it.p.m;
  const f = it.frame as CppFrame;
  const v = s.variable;
  if (v.storage === 'static' || v.storage === 'thread') {
    const st = it.statics.get(v.id);
    stmtStep(it, s, 'cpp.static-local');
    if (st !== undefined && !st.initialized) {
      st.initialized = true;
      if (s.init !== null) it.initAt(s.init, new Ref(st.addr, st.objectId), v.type);
    }
    return Flow.Normal;
  }
  stmtStep(it, s, 'cpp.declare');
  let slot: VarSlot;
  if (v.nrvo === true && f.ret.indirect && f.hidden !== null) {
    // NRVO: the variable *is* the caller's result slot, wherever the hidden pointer points.
    const id = m.newObject({
      name: ident(v.name),
      typeName: typeToString(v.type),
      role: 'result-view',
      side: SIDE,
      addr: f.hidden.addr,
      size: Math.max(it.size(v.type), 1),
      frameId: f.frameId,
      ...(it.cells(v.type) ? { cells: it.cells(v.type) } : {}),
      loc: it.loc(v.span),
      initialized: true,
    });
    slot = { addr: f.hidden.addr, objectId: id, type: v.type };
    f.vars.set(v.id, slot);
    m.narrate('cpp.declare-nrvo', [v.name, hex(f.hidden.addr), it.target === 'x86_64' ? 'rdi' : 'x8']);
    if (s.init !== null) it.initAt(s.init, new Ref(slot.addr, INTENT_RESULT_SLOT), v.type);
    endFullExpression(it);
    return Flow.Normal;
  }
  const addr =
    f.reserved.get(v.id) ?? m.pushStack(Math.max(it.size(v.type), 1), Math.max(it.align(v.type), 1));
  const cells = it.cells(v.type);
  const id = m.newObject({
    name: ident(v.name),
    typeName: typeToString(v.type),
    role: 'local',
    side: SIDE,
    addr,
    size: Math.max(it.size(v.type), 1),
    frameId: f.frameId,
    ...(cells ? { cells } : {}),
    loc: it.loc(v.span),
  });
  slot = { addr, objectId: id, type: v.type };
  f.vars.set(v.id, slot);
  if (s.init !== null) it.initAt(s.init, new Ref(addr, id), v.type);
  endFullExpression(it);
  return Flow.Normal;
}

/** An expression statement; an assignment says where its value went (where a stray write shows itself). */
function exprStmt(it: CppInterpreter, s: Extract<Stmt, { kind: 'expr' }>): Flow {
  stmtStep(it, s);
  const v = it.rv(s.expr);
  endFullExpression(it);
  if ((s.expr.kind === 'assign' || s.expr.kind === 'compound-assign') && v instanceof Ref) {
    const k = scalarKind(s.expr.target.type, it.target);
    const stored = k !== null && it.p.m.mem.isMapped(v.addr, 8) ? loadScalarQuiet(it.p, k, v.addr) : null;
    const owner = it.p.m.objectAt(v.addr);
    const where = owner >= 0 ? it.p.m.object(owner).name : it.p.m.describeAddress(v.addr);
    it.p.m.narrate('cpp.store', [
      it.text(s.span),
      stored === null ? '?' : it.showVal(stored, s.expr.target.type),
      hex(v.addr),
      where,
    ]);
  }
  return Flow.Normal;
}

function ifStmt(it: CppInterpreter, s: Extract<Stmt, { kind: 'if' }>): Flow {
  stmtStep(it, s, 'cpp.if');
  const c = num(it.rv(s.cond)) !== 0;
  endFullExpression(it);
  it.p.m.narrate('cpp.if', [it.text(s.cond.span), c ? 'true' : 'false']);
  if (c) return exec(it, s.then);
  return s.else === null ? Flow.Normal : exec(it, s.else);
}

function whileStmt(it: CppInterpreter, s: Extract<Stmt, { kind: 'while' }>): Flow {
  const m = it.p.m;
  for (;;) {
    stmtStep(it, s, 'cpp.loop-test');
    const c = num(it.rv(s.cond)) !== 0;
    endFullExpression(it);
    m.narrate('cpp.loop-test', [it.text(s.cond.span), c ? 'true' : 'false']);
    if (!c) return Flow.Normal;
    const out = loopExit(exec(it, s.body));
    if (out !== null) return out;
  }
}

function doWhileStmt(it: CppInterpreter, s: Extract<Stmt, { kind: 'do-while' }>): Flow {
  for (;;) {
    const out = loopExit(exec(it, s.body));
    if (out !== null) return out;
    stmtStep(it, s, 'cpp.loop-test');
    const c = num(it.rv(s.cond)) !== 0;
    endFullExpression(it);
    // The test after the body is narrated as a while loop's is: the condition and its value.
    it.p.m.narrate('cpp.loop-test', [it.text(s.cond.span), c ? 'true' : 'false']);
    if (!c) return Flow.Normal;
  }
}

function forStmt(it: CppInterpreter, s: Extract<Stmt, { kind: 'for' }>): Flow {
  const m = it.p.m;
  const f = it.frame as CppFrame;
  f.scopes.push(s.scopeVars);
  try {
    if (s.init !== null) exec(it, s.init);
    for (;;) {
      if (s.cond === null && s.step === null) {
        // `for (;;)` has no test and no increment to stand on: each round is a step of its
        // own, so an empty endless loop spends the step budget like any other.
        statementStep(m, SIDE, it.loc({ start: s.span.start, end: s.body.span.start }), 'cpp.loop-again');
      }
      if (s.cond !== null) {
        statementStep(m, SIDE, it.loc(s.cond.span), 'cpp.loop-test', [it.text(s.cond.span), '']);
        const c = num(it.rv(s.cond)) !== 0;
        endFullExpression(it);
        m.narrate('cpp.loop-test', [it.text(s.cond.span), c ? 'true' : 'false']);
        if (!c) break;
      }
      const out = loopExit(exec(it, s.body));
      if (out === Flow.Normal) break;
      if (out === Flow.Return) return out;
      if (s.step !== null) {
        statementStep(m, SIDE, it.loc(s.step.span), 'cpp.stmt', [it.text(s.step.span)]);
        it.rv(s.step);
        endFullExpression(it);
      }
    }
  } finally {
    f.scopes.pop();
  }
  endScope(it, s.scopeVars, s.span);
  return Flow.Normal;
}

function returnStmt(it: CppInterpreter, s: Extract<Stmt, { kind: 'return' }>): Flow {
  const f = it.frame as CppFrame;
  stmtStep(it, s, 'cpp.return');
  doReturn(it, s.init, s.nrvo || returnsNrvoVariable(f.fn, s.init), s.span, s.nullResult === true);
  // Only class objects have destructors that could touch the result registers: locals, class
  // temporaries of the return's full-expression, and temporaries kept alive by a reference.
  const result =
    f.scopes.some((vs) => vs.some((v) => v.type.kind === 'record' || v.type.kind === 'reference')) ||
    hasPendingClassTemps(it)
      ? saveResult(it, f)
      : null;
  endFullExpression(it);
  // Every open scope ends: destructors of the function's live locals run on the way out.
  for (let i = f.scopes.length - 1; i >= 0; i--) endScope(it, f.scopes[i] as VarDecl[], s.span);
  if (result !== null) restoreResult(it, result);
  afterReturnByReference(it, f);
  return Flow.Return;
}

const STMT: { [K in Stmt['kind']]: Handler<K> } = {
  block: execBlock,
  empty: () => Flow.Normal,
  error: (_it, s) => {
    throw new Unsupported('a statement that did not compile', s.span);
  },
  'var-decl': varDecl,
  expr: exprStmt,
  if: ifStmt,
  while: whileStmt,
  'do-while': doWhileStmt,
  for: forStmt,
  break: () => Flow.Break,
  continue: () => Flow.Continue,
  return: returnStmt,
};
