/**
 * Where g++ 12 -O0 puts a function's locals and parameters (issue 14, section 3), as offsets down
 * from the top of the locals area: `%rbp` on x86-64 (`%rbp - 16` when `%rbx` is pushed: the
 * prologue rounds the register-save area up to 16), the incoming stack pointer (the CFA) on
 * AArch64, whose -O0 frame keeps the frame record (x29, x30) at the bottom, below the locals.
 *
 * GCC's order (gcc/cfgexpand.cc, `expand_used_vars`), each observed with `g++ -O0 -g` and
 * `aarch64-linux-gnu-g++ -O0 -g` (llvm-dwarfdump's `DW_OP_fbreg` of every variable, and `-S`):
 * 1. Scalars that live in SSA form (not address-taken: a loop counter, a sum, a pointer) come first,
 *    nearest the frame pointer, one slot per variable (`expand_one_ssa_partition`, in partition
 *    order): the ones that need a PHI node (a value that meets at a loop head or after an if:
 *    into-SSA inserts their PHIs, sorted by DECL_UID, before it renames anything, so they hold the
 *    lowest SSA versions), in declaration order; then the rest in the order of their first
 *    definition or use. `int x = 1; int y = 2; for (int i = 0; i < n; i++) y += i;` gives
 *    y -4, i -8, x -12.
 * 2. Then every other local (arrays, classes, `std::array`, scalars whose address is taken) by
 *    scope, outermost first, in declaration order (`expand_used_vars_for_block`). In a nested
 *    scope, one of 32 bytes or more (`param_min_size_for_stack_sharing`) is deferred
 *    (`defer_stack_allocation`): after all the others, largest first (the later declared first
 *    among equals, `stack_var_cmp`), and two whose scopes do not nest share one slot
 *    (`partition_stack_vars`).
 * 3. The offset is rounded down to 16 (`expand_used_vars`: PREFERRED_STACK_BOUNDARY), and the
 *    parameters are spilled below, in order (`assign_parms`; on x86-64 the hidden result pointer
 *    is the first), each into the most recent alignment hole left by an earlier parameter if it
 *    fits (`assign_stack_local_1`'s frame_space list): `f(int a, double b, char c)` gives a -4,
 *    b -16, c -8 on x86-64. x86-64 spills a char, bool or short parameter into 4 bytes (it is
 *    passed promoted to int); a parameter passed in the caller's stack area has no slot.
 * Alignment: x86-64 gives an aggregate of 16 bytes or more 16-byte alignment (ix86_local_alignment);
 * AArch64 gives every aggregate at least 8 (AARCH64_EXPAND_ALIGNMENT). Locals are placed without
 * filling holes (cfgexpand's alloc_stack_frame_space).
 */
import type { CType, Target } from '../../abi/ctype.ts';
import type { ResultTemps } from './result-temps.ts';
import type { BlockStmt, Expr, FunctionDecl, Init, Stmt, VarDecl } from '../../cpp/ast.ts';

/** The slots of one function's frame: offsets (negative) from the top of its locals area. */
export interface FramePlan {
  /** Each local's slot, by variable id (absent: no slot, as for a variable nothing uses). */
  locals: Map<number, number>;
  /** Each parameter's slot, by index; null where it lives elsewhere (in the caller's stack area). */
  params: (number | null)[];
  /** The spilled hidden result pointer (x86-64), or null. */
  hidden: number | null;
  /** A member function's spilled `this` (after the hidden pointer, before the parameters), or null. */
  thisSlot: number | null;
  /** The lowest offset used, rounded down to 16: the locals area's size below its top. */
  bottom: number;
  /** No call in the body: AArch64 g++ saves no frame record (-momit-leaf-frame-pointer). */
  leaf: boolean;
  /**
   * x86-64: a call's integer or pointer result waits in %rbx while another call of the same
   * expression runs (`std::copy(bar.begin(), bar.end(), out)`: `call begin; movq %rax, %rbx;
   * call end`), so the prologue pushes %rbx (`g++ -O0 -S`).
   */
  holdsAcrossCall: boolean;
  /**
   * A floating-point value waits across a call of the same statement: `bar[0] = 1.5 * n` and
   * `r[0] = x` (C++17 evaluates the right side first, then `operator[]`), `a[0] + a[1]` (the
   * first element, then the second call). AArch64 keeps it in d8, saved above the frame record
   * (`str d8, [sp, 16]`); x86-64 has no callee-saved SSE register and spills it to an 8-byte slot
   * below the parameters (`movsd %xmm0, -48(%rbp)` with `r` at -32 and `k` at -40; `g++ -O0 -S`).
   */
  holdsFloatAcrossCall: boolean;
  /**
   * AArch64: the hidden result pointer (x8) is needed after a call, so g++ keeps it in x19, saved
   * above the frame record (`str x19, [sp, 16]; mov x19, x8`): a `std::shared_ptr` built by
   * `make_shared` and returned, or `L5 s; s.a = two();`. Not when every use of the result comes
   * before the first call (`L5 s{...}; two(); return s;`: `mov x2, x8`, no x19).
   */
  savesResultPointer: boolean;
  /** AArch64: x20 and x21 saved above the frame record for a two-register integer result (`ResultTemps`). */
  savesResultPair: boolean;
  /** The copy of a class returned in registers that `return` fills first (`ResultTemps`), or null. */
  resultCopy: number | null;
  /** AArch64 `std::array<double, 4>`: its two spilled copies, the upper first (x0 is left there). */
  resultSpills: number[];
}

/** What the planner needs of the interpreter: sizes and alignments on the target. */
export interface Sizer {
  target: Target;
  size(t: CType): number;
  align(t: CType): number;
}

/** Where a parameter travels, as far as its slot is concerned. */
export type ParamPassing = 'register' | 'caller-stack' | 'reference';

const SHARING_MIN = 32;

// ------------------------------------------------------------------ facts about the variables

interface Construct {
  loop: boolean;
  start: number;
  end: number;
}
type Ctx = readonly Construct[];

interface Event {
  pos: number;
  read: boolean;
  ctx: Ctx;
}

interface Facts {
  declCtx: Ctx;
  events: Event[];
  taken: boolean;
  first: number;
}

/** Keys of AST nodes that do not hold statements, expressions or initialisers to visit. */
const SKIP = new Set([
  'span',
  'type',
  'variable',
  'function',
  'method',
  'record',
  'field',
  'conversion',
  'base',
  'allocated',
  'destructor',
  'typeArgs',
  'of',
  'computeType',
  'ctor',
  'functionType',
  'scopeVars',
  'std',
  'literal',
]);

/** Library calls and methods that bind a reference to an argument (so the variable is in memory). */
const BY_REFERENCE_BUILTINS = new Set(['std::min', 'std::max', 'std::swap', 'std::fill', 'std::fill_n']);
const BY_REFERENCE_METHODS = new Set(['push_back', 'emplace_back', 'fill', 'operator+=']);
/** Calls g++ expands inline (no `bl`/`call`): they keep a function a leaf. */
const INLINE_BUILTINS = new Set(['fabs', 'abs', 'std::operator==', 'std::operator!=']);

function stripped(e: Expr): Expr {
  let x = e;
  while (x.kind === 'cast' && x.implicit) x = x.operand;
  return x;
}

/** Whether evaluating `e` calls a function. */
function callsIn(e: Expr | Init): boolean {
  const a = new Analysis(new Set());
  if ('expr' in e && !('type' in e) && e.kind === 'expr') a.expr(e.expr);
  else if (INIT_KINDS.has(e.kind)) a.init(e as Init);
  else a.expr(e as Expr);
  return a.calls;
}

/** The operands a call evaluates before it: the object, then the arguments. */
function operands(e: Expr): (Expr | Init)[] {
  switch (e.kind) {
    case 'call':
      return e.args;
    case 'indirect-call':
      return [e.callee, ...e.args];
    case 'method-call':
      return [e.object, ...e.args];
    case 'std-method':
      return [e.object, ...e.args];
    case 'builtin-call':
      return e.args;
    default:
      return [];
  }
}

class Analysis {
  readonly facts = new Map<number, Facts>();
  calls = false;
  holds = false;
  holdsFloat = false;
  returnsValue = false;
  private ctx: Ctx = [];

  constructor(private readonly locals: Set<number>) {}

  private fact(v: VarDecl): Facts | undefined {
    if (!this.locals.has(v.id)) return undefined;
    let f = this.facts.get(v.id);
    if (f === undefined) {
      f = { declCtx: [], events: [], taken: false, first: Infinity };
      this.facts.set(v.id, f);
    }
    return f;
  }

  /** Events are numbered in evaluation order (the order into-SSA meets them, near enough). */
  private seq = 0;

  /** Where the first call is, in event order, and whether the result in memory is used after it. */
  private firstCall = Infinity;
  resultAfterCall = false;
  /** The named return value of a function that returns in memory (it lives at x8's address). */
  resultVar: number | null = null;

  private call(): void {
    this.calls = true;
    this.firstCall = Math.min(this.firstCall, this.seq);
  }

  private event(v: VarDecl, read: boolean): void {
    if (v.id === this.resultVar && this.seq >= this.firstCall) this.resultAfterCall = true;
    const f = this.fact(v);
    if (f === undefined) return;
    const pos = this.seq++;
    f.events.push({ pos, read, ctx: this.ctx });
    f.first = Math.min(f.first, pos);
  }

  private take(e: Expr): void {
    const x = stripped(e);
    if (x.kind === 'var-ref' && !x.throughReference) {
      const f = this.fact(x.variable);
      if (f !== undefined) f.taken = true;
    }
  }

  /** Runs `visit` inside a new loop or branch construct, which spans the events it records. */
  private within(loop: boolean, visit: () => void): void {
    const c: Construct = { loop, start: this.seq, end: Infinity };
    const saved = this.ctx;
    this.ctx = [...saved, c];
    visit();
    this.ctx = saved;
    c.end = this.seq;
  }

  stmt(s: Stmt): void {
    switch (s.kind) {
      case 'block':
        for (const x of s.stmts) this.stmt(x);
        return;
      case 'var-decl': {
        const f = this.fact(s.variable);
        if (f !== undefined) f.declCtx = this.ctx;
        // `int x;` carries a default Init with no constructor: it defines nothing.
        if (s.init !== null && !(s.init.kind === 'default' && s.init.ctor === null)) {
          this.init(s.init);
          this.event(s.variable, false);
        }
        if (s.variable.type.kind === 'record' && !trivialRecord(s.variable.type)) this.call();
        return;
      }
      case 'if': {
        this.expr(s.cond);
        this.within(false, () => {
          this.stmt(s.then);
          if (s.else !== null) this.stmt(s.else);
        });
        return;
      }
      case 'while':
      case 'do-while': {
        this.within(true, () => {
          if (s.kind === 'while') this.expr(s.cond);
          this.stmt(s.body);
          if (s.kind === 'do-while') this.expr(s.cond);
        });
        return;
      }
      case 'for': {
        if (s.init !== null) this.stmt(s.init);
        this.within(true, () => {
          if (s.cond !== null) this.expr(s.cond);
          this.stmt(s.body);
          if (s.step !== null) this.expr(s.step);
        });
        return;
      }
      case 'expr':
        this.expr(s.expr);
        return;
      case 'return':
        // `return s;` of the named return value carries no initialiser (`nrvo`).
        if (s.init !== null || s.nrvo) this.returnsValue = true;
        if (s.init !== null) this.init(s.init);
        // A result built by `return` in the caller's memory: x8 is needed after any call before.
        if (s.init !== null && this.seq >= this.firstCall) this.resultAfterCall = true;
        return;
      default:
        return;
    }
  }

  init(i: Init): void {
    if (i.kind === 'bind') this.take(i.expr);
    if (i.kind === 'ctor' || i.kind === 'std-ctor') this.call();
    if ((i.kind === 'default' || i.kind === 'copy') && i.ctor !== null) this.call();
    this.children(i);
  }

  expr(e: Expr): void {
    const ops = operands(e);
    if (ops.length > 1 && ops.filter(callsIn).length > 1) this.holds = true;
    switch (e.kind) {
      case 'var-ref':
        this.event(e.variable, true);
        return;
      case 'address-of':
        this.take(e.operand);
        break;
      case 'assign': {
        const t = stripped(e.target);
        // `A = B` with a call in A: B is evaluated first and waits (a constant is materialised after).
        if (callsIn(e.target) && !constantExpr(e.value)) this.hold(e.value.type);
        this.expr(e.value);
        if (t.kind === 'var-ref' && !t.throughReference) this.event(t.variable, false);
        else this.expr(e.target);
        return;
      }
      case 'compound-assign':
      case 'inc-dec': {
        const target = e.kind === 'inc-dec' ? e.operand : e.target;
        if (e.kind === 'compound-assign') this.expr(e.value);
        const t = stripped(target);
        this.expr(target);
        if (t.kind === 'var-ref' && !t.throughReference) this.event(t.variable, false);
        return;
      }
      case 'binary':
        // `f() + g()`: f's result waits while g runs.
        if (callsIn(e.left) && callsIn(e.right)) this.hold(e.left.type);
        break;
      case 'logical':
        this.expr(e.left);
        this.within(false, () => this.expr(e.right));
        return;
      case 'conditional':
        this.expr(e.cond);
        this.within(false, () => {
          this.expr(e.then);
          this.expr(e.else);
        });
        return;
      case 'builtin-call':
        if (BY_REFERENCE_BUILTINS.has(e.builtin)) for (const a of e.args) this.take(a);
        if (!INLINE_BUILTINS.has(e.builtin)) this.call();
        break;
      case 'std-method':
        if (BY_REFERENCE_METHODS.has(e.method)) for (const a of e.args) this.take(a);
        this.take(e.object);
        this.call();
        break;
      case 'method-call':
        this.take(e.object);
        this.call();
        break;
      case 'call':
      case 'indirect-call':
      case 'stream-output':
      case 'new':
      case 'delete':
        this.call();
        break;
      case 'record-assign':
        if (e.method !== null || e.std !== null) this.call();
        break;
      default:
        break;
    }
    this.children(e);
  }

  /** A value of type `t` waits in a callee-saved register (or an x86-64 spill slot) across a call. */
  private hold(t: CType): void {
    if (t.kind === 'float') this.holdsFloat = true;
    else if (t.kind === 'int' || t.kind === 'pointer' || t.kind === 'enum') this.holds = true;
  }

  /** Visits the statements, expressions and initialisers under a node, in their written order. */
  private children(node: object): void {
    for (const [k, v] of Object.entries(node)) {
      if (SKIP.has(k) || v === null || typeof v !== 'object') continue;
      for (const x of Array.isArray(v) ? v : [v]) {
        if (x === null || typeof x !== 'object' || !('kind' in x)) continue;
        if ('expr' in x && 'kind' in x && (x as { kind: string }).kind === 'value') {
          this.expr((x as { expr: Expr }).expr);
          continue;
        }
        if (isInit(x)) this.init(x as Init);
        else if (isStmt(x)) this.stmt(x as Stmt);
        else this.expr(x as Expr);
      }
    }
  }
}

const INIT_KINDS = new Set(['default', 'zero', 'copy', 'ctor', 'aggregate', 'bind', 'string', 'std-ctor']);
const STMT_KINDS = new Set([
  'block',
  'var-decl',
  'if',
  'while',
  'do-while',
  'for',
  'return',
  'break',
  'continue',
  'empty',
]);
/** `expr` is both an Init and a Stmt kind: an Init `expr` has a `type`-less shape with `expr`, so is a Stmt's. Both visit `expr`. */
function isInit(x: object): boolean {
  return INIT_KINDS.has((x as { kind: string }).kind);
}
function isStmt(x: object): boolean {
  const k = (x as { kind: string }).kind;
  return STMT_KINDS.has(k) || (k === 'expr' && 'expr' in x);
}

/** A constant GCC folds at -O0 (a literal, converted, negated or combined with another). */
function constantExpr(e: Expr): boolean {
  switch (e.kind) {
    case 'int-literal':
    case 'float-literal':
    case 'bool-literal':
    case 'enumerator':
      return true;
    case 'cast':
      return e.conversion !== 'lvalue-to-rvalue' && constantExpr(e.operand);
    case 'unary':
      return constantExpr(e.operand);
    case 'binary':
      return constantExpr(e.left) && constantExpr(e.right);
    default:
      return false;
  }
}

function trivialRecord(t: CType): boolean {
  if (t.kind !== 'record') return true;
  const std = t.decl.std?.kind;
  if (std !== undefined) return std === 'array' || std === 'pair' || std === 'complex';
  return t.decl.specialMembers.dtor !== 'user-provided';
}

function isLongDouble(t: CType): boolean {
  return t.kind === 'float' && t.name === 'long double';
}

/** A type GIMPLE keeps in a register (an SSA name) unless its address is taken. */
function registerType(t: CType): boolean {
  return (
    t.kind === 'int' ||
    t.kind === 'float' ||
    t.kind === 'pointer' ||
    t.kind === 'reference' ||
    t.kind === 'enum' ||
    t.kind === 'complex' ||
    t.kind === 'vector'
  );
}

/** Whether `v` needs a PHI node: a definition inside a loop or branch (not enclosing its declaration) whose value is live where the paths meet. */
function needsPhi(f: Facts): boolean {
  const outer = new Set(f.declCtx);
  const reads = f.events.filter((e) => e.read);
  for (const d of f.events) {
    if (d.read) continue;
    for (let i = 0; i < d.ctx.length; i++) {
      const c = d.ctx[i] as Construct;
      if (outer.has(c)) continue;
      if (reads.some((r) => r.pos >= c.end)) return true;
      if (!c.loop) continue;
      // Live at the loop head: the first event of an iteration reads the previous iteration's value,
      // or a conditional definition comes before a read.
      const inside = f.events.filter((e) => e.pos >= c.start && e.pos < c.end && e.ctx.includes(c));
      const head = inside[0];
      if (head === undefined) continue;
      if (head.read) return true;
      const depth = head.ctx.indexOf(c);
      if (head.ctx.length > depth + 1 && inside.some((e) => e.read)) return true;
    }
  }
  return false;
}

// ------------------------------------------------------------------ the allocators

function alignDown(x: number, a: number): number {
  return Math.floor(x / a) * a;
}

/** The slot alignment g++ gives an object of this type on the stack. */
export function slotAlign(s: Sizer, t: CType): number {
  const size = Math.max(s.size(t), 1);
  const align = Math.max(s.align(t), 1);
  const aggregate = t.kind === 'array' || t.kind === 'record';
  if (!aggregate) return align;
  if (s.target === 'x86_64') return size >= 16 ? Math.max(align, 16) : align;
  return Math.max(align, 8);
}

/** `assign_stack_local_1` for a downward-growing frame: holes left by alignment are reused. */
class ParamAllocator {
  private holes: { start: number; end: number }[] = [];
  constructor(public offset: number) {}

  alloc(size: number, align: number): number {
    for (let i = 0; i < this.holes.length; i++) {
      const h = this.holes[i] as { start: number; end: number };
      const slot = alignDown(h.end - size, align);
      if (slot < h.start) continue;
      this.holes.splice(i, 1);
      // Prepended as GCC's add_frame_space does: the upper rest ends up first.
      if (slot > h.start) this.holes.unshift({ start: h.start, end: slot });
      if (slot + size < h.end) this.holes.unshift({ start: slot + size, end: h.end });
      return slot;
    }
    const old = this.offset;
    const slot = alignDown(old - size, align);
    if (slot + size < old) this.holes.unshift({ start: slot + size, end: old });
    this.offset = slot;
    return slot;
  }
}

/** The frame plan of `fn` (`passing[i]`: how parameter i arrives; `hidden`: a spilled result pointer). */
export function planFrame(
  s: Sizer,
  fn: FunctionDecl,
  body: BlockStmt,
  passing: ParamPassing[],
  options: {
    hidden: boolean;
    skip: (v: VarDecl) => boolean;
    result?: ResultTemps;
    /** The named return value living at the hidden pointer's address, if any. */
    resultVar?: number | null;
    /** A member function: `this` is its first parameter, and its member initialisers run first. */
    method?: { inits: Init[] };
  },
): FramePlan {
  const autos = fn.locals.filter((v) => v.storage === 'auto' && !options.skip(v));
  const a = new Analysis(new Set(autos.map((v) => v.id)));
  if (options.resultVar !== undefined) a.resultVar = options.resultVar;
  for (const init of options.method?.inits ?? []) a.init(init);
  a.stmt(body);
  const locals = new Map<number, number>();
  let offset = 0;
  const place = (v: VarDecl) => {
    const size = Math.max(s.size(v.type), 1);
    offset = alignDown(offset - size, slotAlign(s, v.type));
    locals.set(v.id, offset);
  };
  const used = (v: VarDecl) => {
    const f = a.facts.get(v.id);
    return f !== undefined && (f.events.length > 0 || f.taken);
  };
  const inRegister = (v: VarDecl) => registerType(v.type) && a.facts.get(v.id)?.taken !== true;
  // 1. SSA partitions: PHI variables in declaration order, then the rest by first occurrence.
  const ssa = autos.filter((v) => inRegister(v) && used(v));
  const phi = ssa.filter((v) => needsPhi(a.facts.get(v.id) as Facts));
  const rest = ssa
    .filter((v) => !phi.includes(v))
    .sort((x, y) => (a.facts.get(x.id)?.first ?? 0) - (a.facts.get(y.id)?.first ?? 0));
  for (const v of [...phi, ...rest]) place(v);
  // The return temporary: a local of no scope, laid out before the scoped ones.
  const result = a.returnsValue ? (options.result ?? { kind: 'none' }) : { kind: 'none' as const };
  let resultCopy: number | null = null;
  if (result.kind === 'copy') {
    offset = alignDown(offset - result.size, result.align);
    resultCopy = offset;
  }
  // 2. The other locals by scope; large ones of nested scopes deferred.
  const inMemory = new Set(autos.filter((v) => !inRegister(v) && used(v)).map((v) => v.id));
  const deferred: { v: VarDecl; path: number[]; order: number }[] = [];
  let order = 0;
  const scopes = (vars: VarDecl[], stmts: Stmt[], path: number[], top: boolean) => {
    for (const v of vars) {
      if (!inMemory.has(v.id)) continue;
      if (!top && Math.max(s.size(v.type), 1) >= SHARING_MIN) deferred.push({ v, path, order: order++ });
      else place(v);
    }
    let child = 0;
    const visit = (x: Stmt | null) => {
      if (x === null) return;
      if (x.kind === 'block') scopes(x.scopeVars, x.stmts, [...path, child++], false);
      else if (x.kind === 'for')
        scopes(x.scopeVars, x.init === null ? [x.body] : [x.init, x.body], [...path, child++], false);
      else if (x.kind === 'if') {
        visit(x.then);
        visit(x.else);
      } else if (x.kind === 'while' || x.kind === 'do-while') visit(x.body);
    };
    for (const x of stmts) visit(x);
  };
  scopes(body.scopeVars, body.stmts, [], true);
  // Deferred: largest first, the later declared first among equals; scopes that do not nest share.
  deferred.sort((x, y) => s.size(y.v.type) - s.size(x.v.type) || y.order - x.order);
  const nests = (p: number[], q: number[]) => {
    const n = Math.min(p.length, q.length);
    for (let i = 0; i < n; i++) if (p[i] !== q[i]) return false;
    return true;
  };
  const partitions: { members: typeof deferred }[] = [];
  for (const d of deferred) {
    const home = partitions.find((p) => p.members.every((m) => !nests(m.path, d.path)));
    if (home !== undefined) home.members.push(d);
    else partitions.push({ members: [d] });
  }
  for (const p of partitions) {
    const size = Math.max(...p.members.map((m) => Math.max(s.size(m.v.type), 1)));
    const align = Math.max(...p.members.map((m) => slotAlign(s, m.v.type)));
    offset = alignDown(offset - size, align);
    for (const m of p.members) locals.set(m.v.id, offset);
  }
  // 3. Round to 16, then the parameters, filling alignment holes.
  const params = new ParamAllocator(alignDown(offset, 16));
  const hidden = options.hidden ? params.alloc(8, 8) : null;
  // `this` is the first declared parameter (DECL_ARGUMENTS), after the hidden result pointer.
  const thisSlot = options.method !== undefined ? params.alloc(8, 8) : null;
  const slots = fn.params.map((p, i) => {
    const how = passing[i] ?? 'register';
    if (how !== 'register') return null;
    let size = Math.max(s.size(p.type), 1);
    let align = slotAlign(s, p.type);
    if (s.target === 'x86_64' && (p.type.kind === 'int' || p.type.kind === 'enum') && size < 4) {
      size = 4;
      align = 4;
    }
    return params.alloc(size, align);
  });
  // A parameter passed by reference to a copy: its copy goes below (g++ uses the caller's copy).
  const byRef = fn.params.map((p, i) =>
    passing[i] === 'reference' ? params.alloc(Math.max(s.size(p.type), 1), slotAlign(s, p.type)) : null,
  );
  // Temporaries of the return's expansion, after the parameters (assign_stack_temp: 16-aligned).
  if (result.kind === 'copy' && result.spare > 0) params.alloc(result.spare, 16);
  const resultSpills = result.kind === 'spills' ? [params.alloc(32, 16), params.alloc(32, 16)] : [];
  if (s.target === 'x86_64' && a.holdsFloat) params.alloc(8, 8);
  // AArch64's long double is binary128, whose arithmetic g++ calls libgcc for (__addtf3...).
  const leaf =
    !a.calls && !(s.target === 'aarch64' && [...fn.params, ...autos].some((v) => isLongDouble(v.type)));
  return {
    locals,
    resultCopy,
    savesResultPair: s.target === 'aarch64' && !leaf && result.kind === 'copy' && result.intPair,
    resultSpills,
    params: slots.map((x, i) => x ?? byRef[i] ?? null),
    hidden,
    thisSlot,
    bottom: alignDown(params.offset, 16),
    leaf,
    holdsAcrossCall: a.holds,
    holdsFloatAcrossCall: a.holdsFloat,
    savesResultPointer: s.target === 'aarch64' && options.resultVar !== undefined && a.resultAfterCall,
  };
}
