/**
 * Calls inside the C++ library: the callee side (`invoke`: the prologue, parameters read from
 * where the definition's own convention puts them, the body, the result left where the definition
 * says), the caller side of a C++-to-C++ call, and member functions with their `this`.
 */
import type { CType, RecordDecl, ReturnClassification } from '../../abi/ctype.ts';
import { classifyArgs, classifyReturn } from '../../abi/index.ts';
import { layoutOf } from '../../abi/layout.ts';
import { typeToString } from '../../abi/typeToString.ts';
import type { BlockStmt, FunctionDecl, Init } from '../../cpp/ast.ts';
import type { Span } from '../../diag.ts';
import { INTENT_RESULT_SLOT, INTENT_UNKNOWN } from '../../machine/machine.ts';
import { hex } from '../../machine/memory.ts';
import type { ObjectTemplate } from '../../trace/tables.ts';
import { StepKind, type Cell, type SourceLoc } from '../../trace/types.ts';
import { Unsupported } from '../cpp-errors.ts';
import type { CppInterpreter } from '../cpp-interp.ts';
import { SmallMap } from '../small-map.ts';
import { Ref, scalarKind, storeScalar, type Val } from '../values.ts';
import { SIDE, epilogue, passingOf, prologue, savesRbx, type CppFrame } from './frames.ts';
import { planFrame, type FramePlan } from './frame-plan.ts';
import { resultTemps } from './result-temps.ts';
import { classFromRegisters, resultTemporary } from './class-results.ts';
import { NameId, ident, named, type ObjectName } from '../../trace/names.ts';

const POINTER_CELLS: Cell[] = [{ path: '', offset: 0, size: 8, kind: 'pointer' }];

export { savesRbx };

interface ParamPlan {
  param: FunctionDecl['params'][number];
  size: number;
  align: number;
  kind: ReturnType<typeof scalarKind>;
  /** The parameter's object, all but its address. */
  template: ObjectTemplate;
  /** The one register the whole parameter arrives in, at offset 0, if so. */
  part: { reg: string; offset: number; size: number; regOffset: number } | undefined;
}

export interface FnPlan {
  conv: { ret: ReturnClassification; args: ReturnType<typeof classifyArgs> };
  enterLoc: SourceLoc;
  leaveLoc: SourceLoc;
  hiddenTypeName: string;
  params: ParamPlan[];
  /** Parameters and locals: how many variables a frame of this function holds at most. */
  varCount: number;
  /** The narration parameters of entering and leaving, one array per caller. */
  callParams(callerName: string): string[];
  /** Where g++ -O0 puts each local and parameter (frame-plan.ts), planned at the first call. */
  frame: FramePlan | null;
}

function framePlanOf(it: CppInterpreter, fn: FunctionDecl, plan: FnPlan): FramePlan {
  plan.frame ??= planFrame(it, fn, fn.body as BlockStmt, passingOf(it, plan.conv.args), {
    hidden: plan.conv.ret.indirect && it.target === 'x86_64',
    skip: (v) => v.nrvo === true && plan.conv.ret.indirect,
    result: resultTemps(it, fn.returnType, plan.conv.ret),
    ...(plan.conv.ret.indirect ? { resultVar: fn.nrvoVariable?.id ?? null } : {}),
  });
  return plan.frame;
}

/** What every call of a function shares: its convention, locations, parameter layouts, narration. */
function planOf(it: CppInterpreter, fn: FunctionDecl): FnPlan {
  let plan = it.plans.get(fn);
  if (plan !== undefined) return plan;
  const conv = it.convention(fn);
  const body = fn.body?.span.end ?? fn.span.end;
  const end = it.loc({ start: body, end: body });
  const paramsByCaller = new Map<string, string[]>();
  plan = {
    conv,
    enterLoc: it.loc(fn.definitionSpan ?? fn.span),
    leaveLoc: { ...end, column: Math.max(1, end.column - 1) },
    hiddenTypeName: `${typeToString(fn.returnType)}*`,
    varCount: fn.params.length + fn.locals.length,
    frame: null,
    params: fn.params.map((param, i) => {
      const loc = conv.args[i];
      const part = loc?.kind === 'regs' && loc.parts.length === 1 ? loc.parts[0] : undefined;
      const size = Math.max(it.size(param.type), 1);
      const cells = it.cells(param.type);
      return {
        param,
        size,
        align: Math.max(it.align(param.type), 1),
        kind: scalarKind(param.type, it.target),
        template: it.p.m.objectTemplate(
          {
            name: ident(param.name),
            typeName: typeToString(param.type),
            role: 'param',
            side: SIDE,
            loc: it.loc(param.span),
            ...(cells ? { cells } : {}),
          },
          size,
        ),
        part: part !== undefined && part.regOffset === 0 ? part : undefined,
      };
    }),
    callParams: (callerName) => {
      let ps = paramsByCaller.get(callerName);
      if (ps === undefined) {
        ps = [fn.qualifiedName, callerName];
        paramsByCaller.set(callerName, ps);
      }
      return ps;
    },
  };
  it.plans.set(fn, plan);
  return plan;
}

/**
 * The callee side of a call: the caller has placed arguments (as *it* believes) and pushed the
 * return address. This reads parameters as the definition says, runs the body, and leaves the
 * result where the definition says.
 */
export function invoke(it: CppInterpreter, fn: FunctionDecl, callerName: string): void {
  const m = it.p.m;
  if (fn.body === null) throw new Unsupported(`${fn.name} has no body here`, fn.span);
  if (++it.depth > 5000) m.crash('SIGSEGV', m.sp(), 'crash.stack-overflow', [hex(m.sp())]);
  const fnPlan = planOf(it, fn);
  const conv = fnPlan.conv;
  const ret = conv.ret;
  const entrySp = m.sp();
  m.step(StepKind.Call, SIDE, fnPlan.enterLoc, 'cpp.enter', fnPlan.callParams(callerName));
  const frameId = m.enterFrame(fn.qualifiedName, SIDE);
  const frame: CppFrame = {
    fn,
    frameId,
    vars: new SmallMap(fnPlan.varCount),
    reserved: new SmallMap(fn.locals.length),
    hidden: null,
    savedRbx: -1,
    resultCopy: -1,
    resultSpills: [],
    ret,
    scopes: [],
    temps: [],
  };
  const x86 = it.target === 'x86_64';
  const fp = framePlanOf(it, fn, fnPlan);
  const pro = prologue(it, frame, fp, callerName);
  const top = pro.top;
  // The hidden result pointer arrives in rdi (x86-64) or x8 (AArch64), whatever the caller put
  // there; x86-64 g++ spills it as its first parameter, AArch64 g++ keeps it in a register.
  if (ret.indirect) {
    const reg = x86 ? 'rdi' : 'x8';
    const value = m.regs.getUint(reg);
    frame.hidden = new Ref(value, INTENT_RESULT_SLOT);
    if (fp.hidden !== null) {
      const slot = top + fp.hidden;
      const id = m.newObject({
        name: named(NameId.hiddenResult, reg),
        typeName: fnPlan.hiddenTypeName,
        role: 'param',
        side: SIDE,
        addr: slot,
        size: 8,
        frameId,
        cells: POINTER_CELLS,
        loc: fnPlan.enterLoc,
      });
      m.storeInt(slot, 8, value, { intended: id, loc: null });
    }
  }
  // Parameters, spilled from their registers into the frame as -O0 code does.
  const locs = conv.args;
  for (let i = 0; i < fnPlan.params.length; i++) {
    const pp = fnPlan.params[i] as ParamPlan;
    const param = pp.param;
    const loc = locs[i];
    const size = pp.size;
    const kind = pp.kind;
    const offset = fp.params[i];
    // A parameter passed in the caller's stack area stays there (16(%rbp) and up).
    const addr =
      offset !== null && offset !== undefined
        ? top + offset
        : loc?.kind === 'stack'
          ? entrySp + 8 + loc.offset
          : m.pushStack(size, pp.align);
    const id = m.newObjectFrom(pp.template, addr, size, frameId, false);
    frame.vars.set(param.id, { addr, objectId: id, type: param.type });
    if (loc === undefined) continue;
    const part = pp.part;
    if (part !== undefined && kind !== null && kind.k === 'int') {
      // The common case: an integer or pointer in one general register, spilled as is.
      // A narrower parameter takes the register's low bytes. Read them through the signed view:
      // exact for any 64-bit pattern, where the unsigned one of a negative Codon int exceeds 2^53
      // and rounds (f(uint32_t) called with -230 read 0). storeInt keeps the low bytes either way.
      m.storeInt(
        addr,
        kind.size,
        kind.signed || kind.size < 8 ? m.regs.getInt(part.reg) : m.regs.getUint(part.reg),
        {
          intended: id,
          loc: null,
        },
      );
      continue;
    }
    const bytes = readArgument(it, loc, size, entrySp);
    m.storeBytes(addr, bytes, { intended: id, loc: null });
  }
  const callerFrame = it.frame;
  it.frame = frame;
  try {
    it.execBlock(fn.body);
    // Falling off the end of a value-returning function is undefined; g++ -O0 returns whatever is in rax.
    m.step(StepKind.Return, SIDE, fnPlan.leaveLoc, 'cpp.leave', fnPlan.callParams(callerName));
    if (ret.indirect && it.target === 'x86_64' && frame.hidden !== null) {
      // The psABI: a function returning in memory returns the hidden pointer in rax.
      m.setRegInt('rax', frame.hidden.addr);
      it.p.regProv.set('rax', m.objectAt(frame.hidden.addr));
    }
    epilogue(it, frame, pro);
  } finally {
    it.frame = callerFrame;
    it.depth--;
  }
  m.exitFrame(frameId);
}

/** Reads the bytes of one argument from where the callee's own convention says it is. */
function readArgument(
  it: CppInterpreter,
  loc: ReturnType<typeof classifyArgs>[number],
  size: number,
  entrySp: number,
): Uint8Array {
  const m = it.p.m;
  const out = new Uint8Array(size);
  if (loc.kind === 'regs') {
    for (const part of loc.parts) {
      const bytes = m.regs.getBytes(part.reg, part.regOffset, part.size);
      out.set(bytes.subarray(0, Math.min(part.size, size - part.offset)), part.offset);
    }
  } else if (loc.kind === 'stack') {
    // x86-64's `call` pushed the return address below the arguments; AArch64's `bl` left it in x30.
    const base = entrySp + (it.target === 'x86_64' ? 8 : 0);
    out.set(m.loadBytes(base + loc.offset, size, { intended: INTENT_UNKNOWN, loc: null, raw: true }));
  } else {
    // Passed by invisible reference: the register holds the address of a temporary copy.
    const ptr = readArgument(it, loc.pointer, 8, entrySp);
    const addr =
      new DataView(ptr.buffer).getUint32(0, true) + new DataView(ptr.buffer).getUint32(4, true) * 2 ** 32;
    out.set(m.loadBytes(addr, size, { intended: INTENT_UNKNOWN, loc: null, raw: true }));
  }
  return out;
}

/**
 * A call from C++ to C++: the caller's side. Places arguments per the callee's signature (both
 * sides agree here, they see the same declaration), sets aside the result slot for a result
 * returned in memory, and reads the result back.
 */
export function callFunction(
  it: CppInterpreter,
  fn: FunctionDecl,
  args: Init[],
  dest: Ref | null,
  span: Span,
): Val {
  const m = it.p.m;
  const { ret, args: locs } = it.convention(fn);
  // Evaluate each argument into a temporary, then move its bytes where the convention says.
  const spBefore = m.sp();
  const tempsBefore = it.frame?.temps.length ?? 0;
  const temps = fn.params.map((param, i) => {
    const init = args[i];
    const size = Math.max(it.size(param.type), 1);
    const addr = m.pushStack(size, Math.max(it.align(param.type), 1));
    const id = it.newTemp(named(NameId.argument, param.name), param.type, addr, size, span);
    if (init !== undefined) it.initAt(init, new Ref(addr, id), param.type);
    return { addr, size, id };
  });
  let resultSlot: Ref | null = null;
  if (ret.indirect) {
    dest ??= resultTemporary(it, fn, span);
    resultSlot = dest;
    m.setRegInt(it.target === 'x86_64' ? 'rdi' : 'x8', dest.addr);
  }
  const stackArgs: { offset: number; bytes: Uint8Array }[] = [];
  temps.forEach((t, i) => {
    const loc = locs[i];
    if (loc === undefined) return;
    const bytes = m.loadBytes(t.addr, t.size, { intended: t.id, loc: it.loc(span), raw: true });
    if (loc.kind === 'regs') {
      for (const part of loc.parts)
        m.setRegBytes(part.reg, part.regOffset, bytes.subarray(part.offset, part.offset + part.size));
    } else if (loc.kind === 'stack') stackArgs.push({ offset: loc.offset, bytes });
    else {
      const inner = loc.pointer;
      if (inner.kind === 'regs' && inner.parts[0] !== undefined) m.setRegInt(inner.parts[0].reg, t.addr);
    }
  });
  // g++ computes a register argument straight into its register: once every argument is in
  // one, their temporaries are gone and the callee's frame starts right below the caller's (so a
  // store past the callee's frame reaches the caller's, as it does for real).
  // (Not where an argument binds a reference or builds a class: that temporary lives until the end
  // of the full-expression, in the caller's frame.)
  const scalarArgs =
    fn.params.every((p) => ['int', 'float', 'pointer', 'enum'].includes(p.type.kind)) &&
    (it.frame?.temps.length ?? 0) - tempsBefore === temps.length;
  if (resultSlot === null && scalarArgs && locs.every((l) => l.kind === 'regs') && temps.length > 0) {
    const f = it.frame;
    for (const t of temps) {
      m.endObject(t.id, 'out-of-scope');
      if (f !== null) f.temps = f.temps.filter((id) => id !== t.id);
    }
    m.setSp(spBefore);
  }
  if (stackArgs.length > 0) {
    const top = Math.max(...stackArgs.map((a) => a.offset + a.bytes.length));
    const base = m.pushStack(Math.ceil(top / 16) * 16, 16);
    for (const a of stackArgs)
      m.storeBytes(base + a.offset, a.bytes, { intended: INTENT_UNKNOWN, loc: null });
  }
  const retAddr = it.pushReturnAddress(it.frame?.fn.qualifiedName ?? 'caller', span);
  m.resultSlots.push(resultSlot === null ? null : { addr: resultSlot.addr, size: it.size(fn.returnType) });
  try {
    it.invoke(fn, it.frame?.fn.qualifiedName ?? 'caller');
  } finally {
    m.resultSlots.pop();
  }
  it.popReturnAddress(retAddr);
  m.step(StepKind.Return, SIDE, it.loc(span), 'cpp.back', [
    fn.qualifiedName,
    it.frame?.fn.qualifiedName ?? '',
  ]);
  if (ret.indirect) return resultSlot as Ref;
  if (fn.returnType.kind === 'void') return 0;
  // A reference comes back as the address in the first result register, whatever it refers to.
  if (fn.returnType.kind === 'reference')
    return it.readScalarResult({ kind: 'pointer', pointee: fn.returnType.referent }, ret);
  const k = scalarKind(fn.returnType, it.target);
  if (k !== null) return it.readScalarResult(fn.returnType, ret);
  return classFromRegisters(it, fn, ret, dest, span);
}

/** Calls a member function (constructor, destructor, method) with `this` = object. */
export function callMethod(
  it: CppInterpreter,
  fn: FunctionDecl,
  object: Ref,
  args: (Init | Ref)[],
  span: Span,
  dest: Ref | null = null,
): Val {
  const m = it.p.m;
  if (fn.body === null) throw new Unsupported(`the body of ${fn.qualifiedName}`, span);
  // `this` travels as the first integer argument; model it as a hidden first parameter.
  const thisReg = it.target === 'x86_64' ? 'rdi' : 'x0';
  const ret = classifyReturn(fn.returnType, it.target);
  const locs = classifyArgs(
    [{ kind: 'pointer', pointee: fn.returnType }, ...fn.params.map((p) => p.type)],
    it.target,
    {
      indirectResult: ret.indirect,
    },
  );
  const temps = fn.params.map((param, i) => {
    const a = args[i];
    const size = Math.max(it.size(param.type), 1);
    const addr = m.pushStack(size, Math.max(it.align(param.type), 1));
    const id = it.newTemp(named(NameId.argument, param.name), param.type, addr, size, span);
    if (a instanceof Ref) {
      if (param.type.kind === 'reference') storeScalar(m, { k: 'ptr' }, new Ref(addr, id), a, it.loc(span));
      else
        m.storeBytes(addr, m.loadBytes(a.addr, size, { intended: a.prov, loc: it.loc(span), raw: true }), {
          intended: id,
          loc: null,
        });
    } else if (a !== undefined) it.initAt(a, new Ref(addr, id), param.type);
    return { addr, size };
  });
  const thisLoc = locs[0];
  temps.forEach((t, i) => {
    const loc = locs[i + 1];
    if (loc?.kind !== 'regs') return;
    const bytes = m.loadBytes(t.addr, t.size, { intended: INTENT_UNKNOWN, loc: null, raw: true });
    for (const part of loc.parts)
      m.setRegBytes(part.reg, part.regOffset, bytes.subarray(part.offset, part.offset + part.size));
  });
  m.setRegInt(thisLoc?.kind === 'regs' ? (thisLoc.parts[0]?.reg ?? thisReg) : thisReg, object.addr);
  // A class returned in memory: the caller's slot travels as the hidden pointer (rdi, with `this`
  // moved to rsi, on x86-64; x8 on AArch64), as for a free function.
  let resultSlot: Ref | null = null;
  if (ret.indirect) {
    resultSlot = dest ?? resultTemporary(it, fn, span);
    m.setRegInt(it.target === 'x86_64' ? 'rdi' : 'x8', resultSlot.addr);
  }
  const retAddr = it.pushReturnAddress(it.frame?.fn.qualifiedName ?? 'caller', span);
  m.resultSlots.push(resultSlot === null ? null : { addr: resultSlot.addr, size: it.size(fn.returnType) });
  const saved = it.methodThis;
  it.methodThis = object;
  try {
    invokeMethod(it, fn, object);
  } finally {
    it.methodThis = saved;
    m.resultSlots.pop();
  }
  it.popReturnAddress(retAddr);
  if (fn.returnType.kind === 'void') return 0;
  if (resultSlot !== null) return resultSlot;
  if (fn.returnType.kind === 'record') return classFromRegisters(it, fn, ret, dest, span);
  if (fn.returnType.kind === 'reference')
    return it.readScalarResult({ kind: 'pointer', pointee: fn.returnType.referent }, ret);
  return it.readScalarResult(fn.returnType, ret);
}

const methodPlans = new WeakMap<CppInterpreter, Map<FunctionDecl, FramePlan>>();

/** A member function's frame plan: `this` is its first parameter (frame-plan.ts), planned once. */
function methodFramePlan(
  it: CppInterpreter,
  fn: FunctionDecl,
  ret: ReturnClassification,
  args: ReturnType<typeof classifyArgs>,
): FramePlan {
  let plans = methodPlans.get(it);
  if (plans === undefined) {
    plans = new Map();
    methodPlans.set(it, plans);
  }
  let fp = plans.get(fn);
  if (fp === undefined) {
    fp = planFrame(it, fn, fn.body as BlockStmt, passingOf(it, args), {
      hidden: ret.indirect && it.target === 'x86_64',
      skip: (v) => v.nrvo === true && ret.indirect,
      result: resultTemps(it, fn.returnType, ret),
      ...(ret.indirect ? { resultVar: fn.nrvoVariable?.id ?? null } : {}),
      method: { inits: (fn.method?.memberInits ?? []).map((mi) => mi.init) },
    });
    plans.set(fn, fp);
  }
  return fp;
}

/**
 * Runs a member function body with `this` bound; parameters are read from the argument registers
 * after `this`. Its frame is laid out as a free function's (`prologue`, frame-plan.ts), with
 * `this` spilled as the first parameter (`g++ -O0 -g`: `P::add(long, double)` has t at -8(%rbp),
 * this at -24, d at -32, e at -40).
 */
function invokeMethod(it: CppInterpreter, fn: FunctionDecl, object: Ref): void {
  const m = it.p.m;
  const body = fn.body as BlockStmt;
  const callerName = it.frame?.fn.qualifiedName ?? '';
  m.step(StepKind.Call, SIDE, it.loc(fn.definitionSpan ?? fn.span), 'cpp.enter', [
    fn.qualifiedName,
    callerName,
  ]);
  const frameId = m.enterFrame(fn.qualifiedName, SIDE);
  const ret = classifyReturn(fn.returnType, it.target);
  const x86 = it.target === 'x86_64';
  const frame: CppFrame = {
    fn,
    frameId,
    vars: new SmallMap(),
    reserved: new SmallMap(),
    hidden: ret.indirect ? new Ref(m.regs.getUint(x86 ? 'rdi' : 'x8'), INTENT_RESULT_SLOT) : null,
    savedRbx: -1,
    resultCopy: -1,
    resultSpills: [],
    ret,
    scopes: [],
    temps: [],
  };
  const entrySp = m.sp();
  const locs = classifyArgs(
    [{ kind: 'pointer', pointee: fn.returnType }, ...fn.params.map((p) => p.type)],
    it.target,
    {
      indirectResult: ret.indirect,
    },
  );
  const fp = methodFramePlan(it, fn, ret, locs.slice(1));
  const pro = prologue(it, frame, fp, callerName);
  const slot = (name: ObjectName, typeName: string, offset: number, value: number) => {
    const addr = pro.top + offset;
    const id = m.newObject({
      name,
      typeName,
      role: 'param',
      side: SIDE,
      addr,
      size: 8,
      frameId,
      cells: POINTER_CELLS,
    });
    m.storeInt(addr, 8, value, { intended: id, loc: null });
  };
  if (fp.hidden !== null && frame.hidden !== null)
    slot(named(NameId.hiddenResult, 'rdi'), `${typeToString(fn.returnType)}*`, fp.hidden, frame.hidden.addr);
  if (fp.thisSlot !== null) {
    const record: CType = { kind: 'record', decl: fn.method?.record as RecordDecl };
    slot(ident('this'), typeToString({ kind: 'pointer', pointee: record }), fp.thisSlot, object.addr);
  }
  fn.params.forEach((param, i) => {
    const size = Math.max(it.size(param.type), 1);
    const loc = locs[i + 1];
    const offset = fp.params[i];
    // A parameter passed in the caller's stack area stays there (16(%rbp) and up).
    const addr =
      offset !== null && offset !== undefined
        ? pro.top + offset
        : loc?.kind === 'stack'
          ? entrySp + 8 + loc.offset
          : m.pushStack(size, Math.max(it.align(param.type), 1));
    const cells = it.cells(param.type);
    const id = m.newObject({
      name: ident(param.name),
      typeName: typeToString(param.type),
      role: 'param',
      side: SIDE,
      addr,
      size,
      frameId,
      loc: it.loc(param.span),
      ...(cells ? { cells } : {}),
    });
    frame.vars.set(param.id, { addr, objectId: id, type: param.type });
    if (loc !== undefined)
      m.storeBytes(addr, readArgument(it, loc, size, entrySp), { intended: id, loc: null });
  });
  const callerFrame = it.frame;
  it.frame = frame;
  try {
    // Member initialisers run before the constructor body.
    for (const mi of fn.method?.memberInits ?? []) {
      if (mi.kind === 'field-init') {
        const fl = layoutOf({ kind: 'record', decl: fn.method?.record as RecordDecl }, it.target).fields.find(
          (x) => x.name === mi.field.name,
        );
        if (fl !== undefined)
          it.initAt(mi.init, new Ref(object.addr + fl.offset, object.prov), mi.field.type);
      }
    }
    it.execBlock(body);
    if (ret.indirect && it.target === 'x86_64' && frame.hidden !== null) {
      // The psABI: a function returning in memory returns the hidden pointer in rax.
      m.setRegInt('rax', frame.hidden.addr);
      it.p.regProv.set('rax', m.objectAt(frame.hidden.addr));
    }
    epilogue(it, frame, pro);
  } finally {
    it.frame = callerFrame;
  }
  m.exitFrame(frameId);
}
