/**
 * Codon statements, one handler per kind: each runs its statement as unoptimised LLVM code from
 * Codon would, with its steps and narration, and says how it ended (`Flow`).
 */
import type { CImport, Expr, Stmt } from '../../codon/ast.ts';
import { loopCounter } from './frames.ts';
import { cImportName } from '../../codon/ast.ts';
import { openLibrary } from '../dlopen.ts';
import type { CodonType } from '../../codon/types.ts';
import { prune } from '../../codon/types.ts';
import { LIST_LEN, Ref, TupleVal, layoutOfCodon, type CodonValue } from '../codon-values.ts';
import { assignDictItem, collectionCursor } from './collections.ts';
import type { CodonInterpreter } from '../codon-interp.ts';
import { Flow, loopExit, statementStep } from '../flow.ts';
import { show, truthy } from './display.ts';
import { binary } from './expressions.ts';
import { listElem, listElemAddr, listGet } from './lists.ts';
import { SIDE, refAccess, slotAccess, slotOf, store } from './memory.ts';
import { execTry, storeField } from './classes.ts';

type Handler<K extends Stmt['kind']> = (it: CodonInterpreter, s: Extract<Stmt, { kind: K }>) => Flow;
type Params = (string | number)[];

/** Runs one statement. */
export function exec(it: CodonInterpreter, s: Stmt): Flow {
  return (STMT[s.kind] as Handler<Stmt['kind']>)(it, s as never);
}

export function execBlock(it: CodonInterpreter, body: Stmt[]): Flow {
  for (const s of body) {
    const f = exec(it, s);
    if (f !== Flow.Normal) return f;
  }
  return Flow.Normal;
}

function stmtStep(it: CodonInterpreter, s: Stmt, message: string, params: Params = []): number {
  return statementStep(it.p.m, SIDE, it.loc(s.span), message, params);
}

/**
 * Before a statement's own last action (the store of an assignment, the return): when evaluating
 * it ran other steps (a call), that action gets a step of its own, so its events and narration
 * do not land on the callee's last step.
 */
function resume(
  it: CodonInterpreter,
  s: Stmt,
  step: number,
  message: string,
  params: (string | number)[],
): void {
  if (it.p.m.stepCount - 1 !== step) stmtStep(it, s, message, params);
}

const STMT: { [K in Stmt['kind']]: Handler<K> } = {
  def: () => Flow.Normal,
  class: () => Flow.Normal,
  cimport: (it, s) => {
    execImport(it, s);
    return Flow.Normal;
  },
  assign: (it, s) => {
    const m = it.p.m;
    const ps = assignParams(it, s);
    const step = stmtStep(it, s, 'codon.assign-start', ps[0]);
    const value = it.eval(s.value);
    resume(it, s, step, 'codon.assign', ps[1]);
    assign(it, s.target, value, s.value.type ?? null);
    if (m.narrating) m.narrate('codon.assign', [it.text(s.target), show(it, value, s.value.type)]);
    return Flow.Normal;
  },
  augassign: (it, s) => {
    const m = it.p.m;
    const ps = assignParams(it, s);
    const step = stmtStep(it, s, 'codon.assign-start', ps[0]);
    const cur = it.eval(s.target);
    const rhs = it.eval(s.value);
    resume(it, s, step, 'codon.assign', ps[1]);
    const t = s.target.type ?? null;
    const value = binary(it, s.op, cur, rhs, t, s.value.type ?? null, it.loc(s.span));
    assign(it, s.target, value, t);
    if (m.narrating) m.narrate('codon.assign', [it.text(s.target), show(it, value, t ?? undefined)]);
    return Flow.Normal;
  },
  expr: (it, s) => {
    stmtStep(it, s, 'codon.expr', [it.text(s.expr)]);
    it.eval(s.expr);
    return Flow.Normal;
  },
  pass: (it, s) => {
    stmtStep(it, s, 'codon.pass');
    return Flow.Normal;
  },
  break: (it, s) => {
    stmtStep(it, s, 'codon.break');
    return Flow.Break;
  },
  continue: (it, s) => {
    stmtStep(it, s, 'codon.continue');
    return Flow.Continue;
  },
  return: (it, s) => {
    const step = stmtStep(it, s, 'codon.return', [it.frame?.name ?? '', '']);
    const v = s.value === null ? null : it.eval(s.value);
    resume(it, s, step, 'codon.return', [it.frame?.name ?? '', '']);
    if (it.frame !== null) it.frame.returnValue = v;
    it.p.m.narrate('codon.return', [it.frame?.name ?? '', show(it, v, s.value?.type)]);
    return Flow.Return;
  },
  if: (it, s) => {
    stmtStep(it, s, 'codon.if', [it.text(s.test), '']);
    const c = truthy(it, it.eval(s.test), s.test.type);
    it.p.m.narrate('codon.if', [it.text(s.test), c ? 'True' : 'False']);
    return it.execBlock(c ? s.body : s.orelse);
  },
  while: (it, s) => {
    const m = it.p.m;
    for (;;) {
      stmtStep(it, s, 'codon.while', [it.text(s.test), '']);
      const c = truthy(it, it.eval(s.test), s.test.type);
      m.narrate('codon.while', [it.text(s.test), c ? 'True' : 'False']);
      if (!c) return Flow.Normal;
      const out = loopExit(it.execBlock(s.body));
      if (out !== null) return out;
    }
  },
  for: (it, s) => execFor(it, s),
  try: execTry,
};

function execFor(it: CodonInterpreter, s: Extract<Stmt, { kind: 'for' }>): Flow {
  const m = it.p.m;
  const iter = s.iter;
  const names = s.unpack ? s.unpack.map((n) => n.id).join(', ') : s.target.id;
  const forParams = it.stmtParams.get(s) ?? cacheParams(it, s, [[names, ''], [names]]);
  stmtStep(it, s, 'codon.for-start', [it.text(iter)]);
  // A dict, a set or a generator (d.items(), enumerate(xs)) is read item by item: collections.ts.
  const cursor = collectionCursor(it, iter);
  if (cursor !== null) return execForCursor(it, s, cursor, forParams);
  // Over a range the counter is the loop's own; over a list each element is read when the loop
  // gets to it, its length read again each time (the body may append).
  const range = iter.kind === 'call' && iter.resolved?.kind === 'range';
  let [start, stop, step] = [0, 0, 1];
  let list: CodonValue = null;
  let elem: CodonType | null = null;
  if (range) {
    const args = iter.args.map((a) => Number(it.eval(a)));
    [start, stop, step] =
      args.length === 1 ? [0, args[0] ?? 0, 1] : [args[0] ?? 0, args[1] ?? 0, args[2] ?? 1];
    if (step === 0) m.runtimeError('ValueError', 'range() arg 3 must not be zero', it.loc(iter.span));
  } else {
    list = it.eval(iter);
    elem = listElem(it, iter.type);
  }
  // AArch64: the lowering's counter lives in the frame and is read there at each turn (frames.ts).
  const counter = loopCounter(it, s);
  counter?.set(start);
  for (let i = start; ; i += step) {
    stmtStep(it, s, 'codon.for', forParams[0]);
    if (counter !== null) i = counter.get();
    let value: CodonValue | undefined;
    if (range) {
      if (step > 0 ? i < stop : i > stop) value = i;
    } else if (
      list instanceof Ref &&
      elem !== null &&
      i < m.loadInt(list.addr + LIST_LEN, 8, true, refAccess(it, list, iter.span))
    ) {
      value = listGet(it, list, i, elem, iter.span);
    }
    if (value === undefined) {
      m.narrate('codon.for-end', forParams[1]);
      return Flow.Normal;
    }
    assignLoopTarget(it, s, value);
    const out = loopExit(it.execBlock(s.body));
    if (out !== null) return out;
    counter?.set(counter.get() + step);
  }
}

/** Binds the loop variable (or unpacks the item into the loop's names: `for k, v in d.items()`). */
function assignLoopTarget(it: CodonInterpreter, s: Extract<Stmt, { kind: 'for' }>, value: CodonValue): void {
  const m = it.p.m;
  if (s.unpack) {
    const fields = value instanceof TupleVal ? value.fields : [];
    s.unpack.forEach((n, i) => assign(it, n, fields[i] ?? null, n.type ?? null));
    if (m.narrating)
      m.narrate('codon.for', [
        s.unpack.map((n) => n.id).join(', '),
        show(it, value, s.iter.type && unpackedType(s)),
      ]);
    return;
  }
  assign(it, s.target, value, s.target.type ?? null);
  if (m.narrating) m.narrate('codon.for', [s.target.id, show(it, value, s.target.type)]);
}

function unpackedType(s: Extract<Stmt, { kind: 'for' }>): CodonType {
  return { kind: 'tuple', elems: (s.unpack ?? []).map((n) => n.type ?? { kind: 'none' }) };
}

function execForCursor(
  it: CodonInterpreter,
  s: Extract<Stmt, { kind: 'for' }>,
  next: () => CodonValue | undefined,
  forParams: [(string | number)[], (string | number)[]],
): Flow {
  for (;;) {
    stmtStep(it, s, 'codon.for', forParams[0]);
    const value = next();
    if (value === undefined) {
      it.p.m.narrate('codon.for-end', forParams[1]);
      return Flow.Normal;
    }
    assignLoopTarget(it, s, value);
    const out = loopExit(it.execBlock(s.body));
    if (out !== null) return out;
  }
}

function execImport(it: CodonInterpreter, s: CImport): void {
  const m = it.p.m;
  const name = cImportName(s);
  it.imports.set(name, s);
  if (s.library === null) {
    stmtStep(it, s, 'codon.import-static', [s.symbol]);
    if (!it.ffi.hasSymbol(s.symbol)) {
      m.runtimeError('CError', `undefined symbol: ${s.symbol}`, it.loc(s.span));
    }
    return;
  }
  const path = s.libraryPath ?? s.library.name;
  stmtStep(it, s, 'codon.import-dynamic', [s.symbol, path]);
  const lib = openLibrary(path, m.target);
  if (lib.kind === 'missing') {
    m.runtimeError('CError', lib.message, it.loc(s.span));
    return;
  }
  if (!it.ffi.hasSymbol(s.symbol, lib.kind)) {
    // Codon's dlsym raises CError(dlerror()); glibc's message names the library and the symbol.
    const named = lib.kind === 'system' ? lib.resolved : path;
    m.runtimeError('CError', `${named}: undefined symbol: ${s.symbol}`, it.loc(s.span));
  }
  it.ffi.resolved(s.symbol);
}

/** Stores a value into a variable, or an element of a pointer or of a list. */
function assign(it: CodonInterpreter, target: Expr, value: CodonValue, valueType: CodonType | null): void {
  const m = it.p.m;
  if (target.kind === 'name') {
    const s = slotOf(it, target.id);
    if (s === undefined) return;
    store(it, s.addr, s.type, value, slotAccess(it, s, target.span));
    return;
  }
  if (target.kind === 'tuple') {
    // assign.cpp `unpackAssignment`: `a = tmp[0]; b = tmp[1]`.
    const fields = value instanceof TupleVal ? value.fields : [];
    target.items.forEach((x, i) => assign(it, x, fields[i] ?? null, x.type ?? null));
    return;
  }
  if (target.kind === 'index' && assignDictItem(it, target, value)) return;
  if (target.kind === 'index') {
    const base = it.eval(target.target);
    const idx = Number(it.eval(target.index));
    const t = prune(target.target.type ?? { kind: 'none' });
    if (t.kind === 'ptr' && base instanceof Ref) {
      const l = layoutOfCodon(t.elem);
      store(it, base.addr + idx * l.size, t.elem, value, refAccess(it, base, target.span));
    } else if (t.kind === 'list' && base instanceof Ref) {
      const { addr, access } = listElemAddr(it, base, idx, t.elem, target.span);
      store(it, addr, t.elem, value, access);
    }
    return;
  }
  if (target.kind === 'attr' && prune(target.target.type ?? { kind: 'none' }).kind === 'ref-class') {
    storeField(it, it.eval(target.target), target.target.type as CodonType, target.name, value, target.span);
    return;
  }
  if (target.kind === 'attr') {
    m.runtimeError('TypeError', 'cannot modify tuple attributes', it.loc(target.span));
  }
  void valueType;
}

function cacheParams(
  it: CodonInterpreter,
  s: Stmt,
  ps: [(string | number)[], (string | number)[]],
): [(string | number)[], (string | number)[]] {
  it.stmtParams.set(s, ps);
  return ps;
}

/** An assignment's: its start ("target = value") and its store, before the value is known. */
function assignParams(it: CodonInterpreter, s: Extract<Stmt, { kind: 'assign' | 'augassign' }>) {
  return (
    it.stmtParams.get(s) ??
    cacheParams(it, s, [
      [it.text(s.target), it.text(s.value)],
      [it.text(s.target), ''],
    ])
  );
}
