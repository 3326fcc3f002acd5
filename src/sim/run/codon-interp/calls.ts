/**
 * Codon calls, one handler per kind of call the checker resolved (print, len, conversions,
 * `Ptr[T](n)`, `__ptr__`, list append, C functions through the foreign bridge, Codon functions).
 */
import type { CallTarget, Expr, FunctionDef, Stmt } from '../../codon/ast.ts';
import { childBlocks, stmtExprs, walkExpr } from '../../codon/walk.ts';
import type { Span } from '../../diag.ts';
import type { CodonType } from '../../codon/types.ts';
import { BYTE as BYTE_T, INT as INT_T, typeName, wrapIntN } from '../../codon/types.ts';
import { isAtomic } from '../../codon/layout.ts';
import { hex } from '../../machine/memory.ts';
import { StepKind, type SourceLoc } from '../../trace/types.ts';
import {
  LIST_LEN,
  Ref,
  StrVal,
  TupleVal,
  bufferCells,
  cellsOfCodon,
  layoutOfCodon,
  type CodonValue,
} from '../codon-values.ts';
import type { CodonInterpreter } from '../codon-interp.ts';
import { runtimeGcAlloc, runtimePrint } from '../runtime.ts';
import { strOf, truthy } from './display.ts';
import { listAppend, listGet } from './lists.ts';
import { newStr, strCall } from './strings.ts';
import { entryAddress } from './callback.ts';
import { GeneratorVal, callTableMethod, callTableNew } from './collections.ts';
import { tableLen, tableOf } from './dicts.ts';
import { forgetCounters, reserveTemporaries, returnThroughSavedX30, saveLink } from './frames.ts';
import { SIDE, refAccess, slotAccess, slotOf, store, type Frame, type Slot } from './memory.ts';
import { callMethod, newObject } from './classes.ts';
import { NameId, ident, named } from '../../trace/names.ts';

type CallExpr = Extract<Expr, { kind: 'call' }>;
type Handler<K extends CallTarget['kind']> = (
  it: CodonInterpreter,
  e: CallExpr,
  r: Extract<CallTarget, { kind: K }>,
  loc: SourceLoc,
) => CodonValue;

/** Runs a call as the checker resolved it. */
export function call(it: CodonInterpreter, e: CallExpr): CodonValue {
  const r = e.resolved;
  const loc = it.loc(e.span);
  if (r === undefined) return it.p.m.runtimeError('SimulatorError', 'this call could not be compiled', loc);
  return (CALL[r.kind] as Handler<CallTarget['kind']>)(it, e, r as never, loc);
}

const CALL: { [K in CallTarget['kind']]: Handler<K> } = {
  print: (it, e) => {
    const values = e.args.map((a) => ({ v: it.eval(a), t: a.type ?? null }));
    const sepKw = e.keywords.find((k) => k.name === 'sep');
    const endKw = e.keywords.find((k) => k.name === 'end');
    const sep = sepKw ? strOf(it, it.eval(sepKw.value), null) : ' ';
    const end = endKw ? strOf(it, it.eval(endKw.value), null) : '\n';
    const strs = values.map((x) => strOf(it, x.v, x.t));
    const text = strs.join(sep) + end;
    // One fwrite per value, separator and end (builtin.codon); the last one that writes anything counts.
    const last = [...strs.flatMap((x, i) => (i > 0 ? [sep, x] : [x])), end].filter((x) => x !== '').pop();
    runtimePrint(it.p, text, { kind: 'stdio', last: last ?? '' });
    it.p.m.narrate('codon.print', [JSON.stringify(text)]);
    return null;
  },
  len: (it, e) => {
    const v = it.eval(e.args[0] as Expr);
    const table = tableOf(v, (e.args[0] as Expr).type);
    if (table) return tableLen(it, table, it.loc(e.span));
    if (v instanceof TupleVal) return v.fields.length;
    if (v instanceof Ref) return it.p.m.loadInt(v.addr + LIST_LEN, 8, true, refAccess(it, v, e.span));
    if (v instanceof StrVal) return v.text.length;
    return 0;
  },
  range: () => null,
  'table-new': (it, e, r) => callTableNew(it, e, r.type),
  'table-method': (it, e, r) => {
    const v = callTableMethod(it, e, r.method);
    return v instanceof GeneratorVal ? null : v;
  },
  // Only a `for` loop consumes a generator (the checker refuses keeping or printing one).
  enumerate: () => null,
  convert: (it, e, r) => {
    const v = it.eval(e.args[0] as Expr);
    if (r.to === 'int') return Math.trunc(Number(v));
    if (r.to === 'bool') return truthy(it, v);
    return Number(v);
  },
  'ptr-alloc': (it, e, r, loc) => {
    const m = it.p.m;
    const n = Number(it.eval(e.args[0] as Expr));
    const size = layoutOfCodon(r.elem).size * n;
    if (n < 0) m.runtimeError('ValueError', 'negative allocation size', loc);
    const atomic = isAtomic(r.elem);
    const addr = runtimeGcAlloc(
      it.p,
      Math.max(size, 1),
      atomic,
      named(NameId.codonBuffer, `Ptr[${typeName(r.elem)}](${n})`),
      `${typeName(r.elem)}[${n}]`,
      loc,
      bufferCells(r.elem, n),
    );
    return new Ref(addr, m.objectAt(addr, false));
  },
  'to-str': (it, e, _r, loc) => strCall(it, e, loc),
  'ptr-null': () => new Ref(0, -1),
  'intn-new': (it, e, r) => {
    if (e.args.length === 0) return 0;
    const v = it.eval(e.args[0] as Expr);
    return wrapIntN(v === true ? 1 : Number(v), r.bits, r.signed);
  },
  'ptr-cast': (it, e) => {
    const v = it.eval(e.args[0] as Expr);
    return v instanceof Ref ? v : new Ref(Number(v), it.p.m.objectAt(Number(v)));
  },
  'addr-of': (it, _e, r) => {
    const s = slotOf(it, r.name);
    return s === undefined ? new Ref(0, -1) : new Ref(s.addr + r.offset, s.objectId);
  },
  'str-c-str': (it, e, _r, loc) => {
    // str.codon `c_str`: `p = cobj(n + 1)` (a GC block: Ptr[byte] holds no pointers, so atomic),
    // `str.memcpy(p, self.ptr, n)`, `p[n] = byte(0)`.
    const s = e.callee.kind === 'attr' ? it.eval(e.callee.target) : null;
    if (!(s instanceof StrVal)) return new Ref(0, -1);
    const m = it.p.m;
    const n = s.text.length;
    const addr = runtimeGcAlloc(
      it.p,
      n + 1,
      true,
      named(NameId.cStrCopy),
      `byte[${n + 1}]`,
      loc,
      bufferCells(BYTE_T, n + 1),
    );
    const prov = m.objectAt(addr, false);
    const bytes = new Uint8Array(n + 1);
    for (let i = 0; i < n; i++) bytes[i] = s.text.charCodeAt(i) & 0xff;
    m.storeBytes(addr, bytes, { intended: prov, loc });
    return new Ref(addr, prov);
  },
  'str-from-ptr': (it, e, _r, loc) => {
    const p = it.eval(e.args[0] as Expr);
    const m = it.p.m;
    const addr = p instanceof Ref ? p.addr : 0;
    const access = { intended: p instanceof Ref ? p.prov : -1, loc, raw: true };
    let text = '';
    for (let k = 0; k < 1 << 20; k++) {
      m.work();
      const b = m.loadInt(addr + k, 1, false, access);
      if (b === 0) break;
      text += String.fromCharCode(b);
    }
    return newStr(it, text, loc, named(NameId.fromPtrCopy));
  },
  'list-pop': (it, e, r, loc) => {
    // list.codon `pop(idx=-1)`: IndexError("pop from empty list"), else `x = self[len-1]`, and
    // `del self[len-1]` moves nothing (it is the last) and decrements len.
    const list = e.callee.kind === 'attr' ? it.eval(e.callee.target) : null;
    if (!(list instanceof Ref)) return null;
    const m = it.p.m;
    const access = refAccess(it, list, e.span);
    const len = m.loadInt(list.addr + LIST_LEN, 8, true, access);
    if (len === 0) return m.runtimeError('IndexError', 'pop from empty list', loc);
    const v = listGet(it, list, len - 1, r.elem, e.span);
    m.storeInt(list.addr + LIST_LEN, 8, len - 1, access);
    return v;
  },
  'tuple-new': (it, e) => new TupleVal(e.args.map((a) => it.eval(a))),
  'class-new': newObject,
  method: callMethod,
  'obj-raw': (it, e) => (e.callee.kind === 'attr' ? it.eval(e.callee.target) : null),
  'list-append': (it, e, r) => {
    const target = e.callee.kind === 'attr' ? e.callee.target : null;
    const list = target === null ? null : it.eval(target);
    const v = it.eval(e.args[0] as Expr);
    if (list instanceof Ref) listAppend(it, list, r.elem, v, e.span);
    return null;
  },
  'c-function': (it, e, r, loc) => {
    const imp = it.imports.get(r.name);
    if (imp === undefined) return it.p.m.runtimeError('NameError', `name '${r.name}' is not defined`, loc);
    const args = e.args.map((a, i) => ({
      value: it.eval(a),
      type: imp.paramTypes?.[i] ?? a.type ?? ({ kind: 'none' } as CodonType),
    }));
    return it.ffi.call(imp, args, loc);
  },
  'fn-raw': (it, _e, r) => new Ref(entryAddress(it, r.name), -1),
  'codon-function': (it, e, r, loc) => {
    const def = it.functions.get(r.name);
    if (def === undefined) return it.p.m.runtimeError('NameError', `name '${r.name}' is not defined`, loc);
    return callCodon(
      it,
      def,
      e.args.map((a) => it.eval(a)),
      loc,
    );
  },
};

/**
 * A call of a Codon function: its frame, every local in its alloca, the body, the return. `fromC`
 * names the C++ caller of a callback (callback.ts), whose `call` already pushed the return address.
 */
export function callCodon(
  it: CodonInterpreter,
  def: FunctionDef,
  args: CodonValue[],
  loc: SourceLoc,
  fromC: string | null = null,
): CodonValue {
  const m = it.p.m;
  if (++it.depth > 10_000) m.crash('SIGSEGV', m.sp(), 'crash.stack-overflow', [hex(m.sp())]);
  if (fromC === null) m.step(StepKind.Call, SIDE, loc, 'codon.call', [def.name, args.length]);
  else m.step(StepKind.Call, SIDE, it.loc(def.span), 'codon.callback', [def.name, fromC]);
  const caller = it.frame;
  const ret =
    fromC !== null
      ? null
      : m.callInstruction(
          caller?.name ?? 'main',
          SIDE,
          m.regionOfKind('text', 'Codon').start + 0x1200 + (loc.line % 256) * 16,
        );
  const frameId = m.enterFrame(def.name, SIDE);
  const frame: Frame = {
    name: def.name,
    frameId,
    vars: new Map(),
    returnValue: null,
    comprehensions: new Map(),
  };
  // AArch64: x30 (the caller's `bl`) and a callee-saved register at the top of the frame (frames.ts).
  const link = saveLink(it, def.name, frameId, m.target === 'aarch64' ? m.regs.getUint('x30') : 0);
  const alloca = (name: string, type: CodonType, role: 'param' | 'local', span: Span): Slot => {
    const l = layoutOfCodon(type);
    const addr = m.pushStack(Math.max(l.size, 1), Math.max(l.align, 1));
    const objectId = m.newObject({
      name: ident(name),
      typeName: typeName(type),
      role,
      side: SIDE,
      addr,
      size: Math.max(l.size, 1),
      cells: cellsOfCodon(type),
      frameId,
      loc: it.loc(span),
    });
    return { name, addr, type, objectId };
  };
  // Unoptimised LLVM: every local gets its alloca in the entry block, a comprehension's variable
  // too (memory.ts, Frame.comprehensions).
  for (const v of def.locals ?? [])
    frame.vars.set(v.name, alloca(v.name, v.type, v.isParam ? 'param' : 'local', v.span));
  for (const lc of comprehensionsOf(def.body))
    frame.comprehensions?.set(lc, alloca(lc.target.id, lc.target.type ?? INT_T, 'local', lc.target.span));
  reserveTemporaries(it, def.name, frameId, def.body);
  m.pushStack(0, 16);
  it.frame = frame;
  def.params.forEach((param, i) => {
    const s = frame.vars.get(param.name);
    if (s !== undefined) store(it, s.addr, s.type, args[i] ?? null, slotAccess(it, s, param.span));
  });
  it.execBlock(def.body);
  const value = frame.returnValue;
  m.step(StepKind.Return, SIDE, it.loc(def.span), 'codon.return-to', [
    def.name,
    fromC ?? caller?.name ?? 'main',
  ]);
  returnThroughSavedX30(it, link);
  forgetCounters(it, frameId);
  m.exitFrame(frameId);
  if (ret !== null) m.returnInstruction(ret);
  it.frame = caller;
  it.depth--;
  return value;
}

/** The list comprehensions of a function's own body (not of functions or classes defined in it). */
function comprehensionsOf(body: Stmt[]): Extract<Expr, { kind: 'listcomp' }>[] {
  const out: Extract<Expr, { kind: 'listcomp' }>[] = [];
  const visit = (stmts: Stmt[]): void => {
    for (const s of stmts) {
      if (s.kind === 'def' || s.kind === 'class') continue;
      for (const e of stmtExprs(s)) walkExpr(e, { expr: (x) => void (x.kind === 'listcomp' && out.push(x)) });
      for (const block of childBlocks(s)) visit(block);
    }
  };
  visit(body);
  return out;
}
