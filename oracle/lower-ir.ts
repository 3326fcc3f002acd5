/**
 * Lowers a checked `main.codon` (the simulator's subset, parsed by the project's own front end) to
 * LLVM IR the way Codon 0.19 lowers it, for the oracle to compile with the real llc and run.
 *
 * This is a model of Codon's code generator, not Codon: the rules that decide what the callee sees
 * follow Codon's source (exaloop/codon v0.19.6), cited at each rule; the rest (loops, arithmetic)
 * is ordinary code whose register use differs in detail from Codon's. Locals live in allocas and
 * the IR is not optimised, because Codon's default build runs LLVM's unoptimised IR pipeline and
 * generates machine code at the aggressive level (codon/cir/llvm/optimize.cpp:
 * `runLLVMOptimizationPasses` builds `buildO0DefaultPipeline` when `debug`, which is the default
 * mode unless `-release` is given (codon/app/main.cpp `OptMode::Debug`), and the target machine is
 * created with `CodeGenOptLevel::Aggressive`); the oracle runs `llc -O3` on this IR.
 *
 * Anything outside what is lowered here is refused with a located message (`Refused`).
 */
import type { Expr, FunctionDef, Module, Stmt, CImport, CallExpr } from '../src/sim/codon/ast';
import { cImportName } from '../src/sim/codon/ast';
import { isAtomic, sizeOf, structLayout } from '../src/sim/codon/layout';
import { lowerCImport, llvmTypeOf, type LlvmType } from '../src/sim/codon/lower';
import { prune, type CodonType } from '../src/sim/codon/types';
import { walkStmts } from '../src/sim/codon/walk';
import { llvmAggregateReturn, type LlvmField } from '../src/sim/abi/llvm';
import { functionLinkage, functionSymbol } from './lower-callback';
import {
  lowerField,
  lowerMethod,
  lowerNew,
  lowerObjectStr,
  lowerStoreField,
  lowerTry,
  type ClassHost,
} from './lower-class';
import * as dict from './lower-dict';

/** codonrt.c's khash transcription (lower-dict.ts). */
const DICT_DECLS = [
  'declare ptr @codon_tab_new(i64)',
  'declare i64 @codon_tab_put(ptr, i64, ptr, i64)',
  'declare i64 @codon_tab_get(ptr, i64, ptr)',
  'declare i1 @codon_tab_exists(ptr, i64)',
  'declare void @codon_tab_keyerror(i64, ptr) noreturn',
  'declare { i64, ptr } @codon_tab_repr(ptr, i64, i64, i64)',
  'declare { i64, ptr } @codon_str_quote({ i64, ptr })',
];

export class Refused extends Error {
  constructor(
    public line: number,
    public column: number,
    message: string,
  ) {
    super(`main.codon:${line}:${column}: the oracle cannot lower this yet: ${message}`);
  }
}

interface Val {
  t: CodonType;
  v: string;
}

const NONE_T: CodonType = { kind: 'none' };
const INT_T: CodonType = { kind: 'int' };
const FLOAT_T: CodonType = { kind: 'float' };
const BOOL_T: CodonType = { kind: 'bool' };
const STR_T: CodonType = { kind: 'str' };

/** `getLLVMType` (llvisitor.cpp) as IR text: int i64, float double, Ptr/List ptr, str {i64, ptr}, @tuple a struct. */
export function irType(t: LlvmType): string {
  if (typeof t === 'string') return t;
  return `{ ${t.struct.map(irType).join(', ')} }`;
}
const ty = (t: CodonType): string => (prune(t).kind === 'none' ? 'void' : irType(llvmTypeOf(t)));

function hexDouble(x: number): string {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  return '0x' + b.getBigUint64(0).toString(16).toUpperCase().padStart(16, '0');
}

/** Which argument registers a call's parameters occupy: only whether the first integer register is taken matters. */
function usesFirstIntReg(params: LlvmType[]): boolean {
  const isInt = (t: LlvmType): boolean =>
    typeof t === 'string' ? t !== 'double' && t !== 'float' && t !== 'void' : t.struct.some(isInt);
  return params.some(isInt);
}

/**
 * A first-class struct return LLVM demotes to a hidden pointer on x86-64 (a fourth integer or a
 * fifth floating field: `llvmAggregateReturn`): the caller passes its own buffer in %rdi, so the
 * trampoline must leave %rdi alone there (`oracle_tramp_sret_x86`).
 */
/** Which trampoline an import's stub enters: where the first call's leftover may go (README.md). */
function trampolineVariant(params: LlvmType[], ret: LlvmType): TrampolineVariant {
  if (usesFirstIntReg(params)) return 'part';
  return demotedOnX86(ret) ? 'sret_x86' : 'full';
}

function demotedOnX86(ret: LlvmType): boolean {
  if (typeof ret === 'string') return false;
  const flat = (t: LlvmType): string[] =>
    typeof t === 'string' ? [t === 'i1' ? 'i8' : t] : t.struct.flatMap(flat);
  return llvmAggregateReturn(flat(ret) as LlvmField[], 'x86_64').demoted;
}

export type TrampolineVariant = 'full' | 'part' | 'sret_x86';

export interface Lowered {
  ir: string;
  /** Foreign symbols called, in the order of their imports. */
  imports: { name: string; symbol: string; library: string | null }[];
  /**
   * The stub of each library import (`oracle_stub_<index>`, in the stubs.S oracle.ts writes): the
   * address Codon's call loads and branches through, which hands the call to the trampoline
   * variant with the callee's address (`oracle_targets[index]`).
   */
  stubs: { index: number; variant: TrampolineVariant }[];
}

export function lowerModule(mod: Module): Lowered {
  return new Gen(mod).run();
}

class Gen {
  private head: string[] = [];
  private strings = new Map<string, string>();
  private body: string[] = [];
  private allocas: string[] = [];
  private n = 0;
  private fnRet: CodonType = NONE_T;
  private loops: { brk: string; cont: string }[] = [];
  private slots = new Map<string, { ptr: string; t: CodonType }>();
  private globals = new Map<string, { ptr: string; t: CodonType }>();
  private defs = new Map<string, FunctionDef>();
  private cimports = new Map<string, CImport>();
  private stubs: Lowered['stubs'] = [];
  private stubIndex = new Map<string, number>();
  private compVars: Map<string, { ptr: string; t: CodonType }>[] = [];
  private terminated = false;

  constructor(private mod: Module) {}

  /** What lower-dict.ts (tuples, dicts, sets) may use of this generator. */
  private readonly dg: dict.DictGen = {
    emit: (x) => this.emit(x),
    tmp: () => this.tmp(),
    label: (p) => this.label(p),
    block: (l) => this.block(l),
    term: (x) => this.term(x),
    expr: (e) => this.expr(e),
    coerce: (v, t) => this.coerce(v, t),
    toStr: (e, v) => this.toStr(e, v),
    strConst: (x) => this.strConst(x),
    strAdd: (a, b) => this.strAdd(a, b),
    alloca: (type) => {
      const name = `%d.${this.n++}`;
      this.allocas.push(`  ${name} = alloca ${type}`);
      return name;
    },
    loop: (brk, cont, body) => {
      this.loops.push({ brk, cont });
      body();
      this.loops.pop();
    },
    assign: (target, v) => this.assign(target, v),
    refuse: (e, what) => this.refuse(e, what),
    stmts: (ss) => this.stmts(ss),
  };

  run(): Lowered {
    for (const s of this.mod.body) {
      if (s.kind === 'def') this.defs.set(s.name, s);
      if (s.kind === 'class') for (const m of s.methods ?? []) this.defs.set(m.name, m);
      if (s.kind === 'cimport') this.cimports.set(cImportName(s), s);
      if (s.kind === 'try')
        walkStmts(s.body, {
          stmt: (t) => void (t.kind === 'cimport' && this.cimports.set(cImportName(t), t)),
        });
    }
    for (const g of this.mod.globals ?? []) {
      const name = `@g.${g.name}`;
      this.globals.set(g.name, { ptr: name, t: g.type });
      if (prune(g.type).kind !== 'none')
        this.head.push(`${name} = internal global ${ty(g.type)} zeroinitializer`);
    }
    for (const imp of this.cimports.values()) {
      this.head.push(`@cfn.${cImportName(imp)} = internal global ptr null`);
      if (!imp.library) continue;
      // The pointer Codon's call loads (a global holding the function, as `f = _dlsym(...)` makes
      // it): here the import's stub, which hands the call to the trampoline (README.md).
      const l = lowerCImport(imp);
      const index = this.stubs.length;
      this.stubs.push({ index, variant: trampolineVariant(l.params, l.ret) });
      this.stubIndex.set(cImportName(imp), index);
      this.head.push(`declare void @oracle_stub_${index}()`);
      this.head.push(`@stubptr.${cImportName(imp)} = internal global ptr @oracle_stub_${index}`);
    }
    const fns: string[] = [];
    for (const d of this.defs.values()) fns.push(this.func(d));
    fns.push(this.moduleBody());
    const decls = [
      'declare void @seq_init(i32)',
      'declare ptr @seq_alloc(i64)',
      'declare ptr @seq_alloc_atomic(i64)',
      'declare { i64, ptr } @seq_str_int(i64, { i64, ptr }, ptr)',
      'declare { i64, ptr } @seq_str_uint(i64, { i64, ptr }, ptr)',
      'declare { i64, ptr } @codon_float_repr(double)',
      'declare { i64, ptr } @seq_str_ptr(ptr)',
      'declare ptr @seq_stdout()',
      'declare void @seq_print_full({ i64, ptr }, ptr)',
      'declare ptr @codon_list_new(i64, i64, i64)',
      'declare ptr @codon_list_append_slot(ptr, i64, i64)',
      'declare ptr @codon_list_repeat(ptr, i64, i64, i64)',
      'declare { i64, ptr } @codon_list_repr(ptr, i64)',
      'declare void @codon_raise(ptr, ptr) noreturn',
      'declare i64 @codon_int_floordiv(i64, i64)',
      'declare i64 @codon_int_mod(i64, i64)',
      'declare i64 @codon_int_pow(i64, i64)',
      'declare double @codon_float_div(double, double)',
      'declare double @codon_float_floordiv(double, double)',
      'declare double @codon_float_mod(double, double)',
      'declare double @codon_float_pow(double, double)',
      'declare double @llvm.floor.f64(double)',
      'declare ptr @codon_dlsym(ptr, ptr)',
      'declare { i64, ptr } @seq_str_str({ i64, ptr }, { i64, ptr }, ptr)',
      'declare { i64, ptr } @codon_float_format(double, { i64, ptr })',
      'declare { i64, ptr } @codon_str_add({ i64, ptr }, { i64, ptr })',
      'declare i1 @codon_list_contains_i64(ptr, i64)',
      'declare ptr @codon_list_slice(ptr, i64, i64, i64, i64, i64)',
      'declare i1 @codon_list_contains_f64(ptr, double)',
      ...DICT_DECLS,
      '@oracle_targets = external global [256 x ptr]',
      'declare i64 @strlen(ptr)',
      'declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)',
      '@codon.argv = internal global { i64, ptr } zeroinitializer',
    ];
    const main = [
      // llvisitor.cpp, the canonical main: the arguments go into a GC array of `str`
      // ({strlen(argv[i]), argv[i]}, allocated with seq_alloc before seq_init), then seq_init
      // (GC_INIT), then the module's top level.
      'define i32 @main(i32 %argc, ptr %argv) {',
      'entry:',
      '  %len = zext i32 %argc to i64',
      '  %size = mul i64 %len, 16',
      '  %arr = call ptr @seq_alloc(i64 %size)',
      '  br label %loop',
      'loop:',
      '  %i = phi i32 [ 0, %entry ], [ %next, %body ]',
      '  %next = add i32 %i, 1',
      '  %more = icmp slt i32 %i, %argc',
      '  br i1 %more, label %body, label %exit',
      'body:',
      '  %argp = getelementptr ptr, ptr %argv, i32 %i',
      '  %arg = load ptr, ptr %argp',
      '  %arglen = call i64 @strlen(ptr %arg)',
      '  %s0 = insertvalue { i64, ptr } undef, i64 %arglen, 0',
      '  %s1 = insertvalue { i64, ptr } %s0, ptr %arg, 1',
      '  %slot = getelementptr { i64, ptr }, ptr %arr, i32 %i',
      '  store { i64, ptr } %s1, ptr %slot',
      '  br label %loop',
      'exit:',
      '  %a0 = insertvalue { i64, ptr } undef, i64 %len, 0',
      '  %a1 = insertvalue { i64, ptr } %a0, ptr %arr, 1',
      '  store { i64, ptr } %a1, ptr @codon.argv',
      '  call void @seq_init(i32 0)',
      '  call void @codon.toplevel()',
      '  ret i32 0',
      '}',
    ];
    const strs = [...this.strings.entries()].map(([s, name]) => {
      const bytes = Buffer.from(s, 'utf8');
      const enc = [...bytes]
        .map((b) =>
          b >= 32 && b < 127 && b !== 34 && b !== 92
            ? String.fromCharCode(b)
            : '\\' + b.toString(16).padStart(2, '0').toUpperCase(),
        )
        .join('');
      return `${name} = private unnamed_addr constant [${bytes.length + 1} x i8] c"${enc}\\00"`;
    });
    const imports = [...this.cimports.values()].map((c) => ({
      name: cImportName(c),
      symbol: c.symbol,
      library: c.library ? (c.libraryPath ?? null) : null,
    }));
    // A static C import of a function the runtime declares already (strlen) keeps one declaration.
    const declared = new Set(decls.map((d) => /^declare [^@]*@([\w.]+)\(/.exec(d)?.[1]));
    const head = this.head.filter((d) => {
      const sym = /^declare [^@]*@([\w.]+)\(/.exec(d)?.[1];
      return sym === undefined || !declared.has(sym);
    });
    return {
      ir: [...strs, ...head, ...decls, '', ...fns, ...main].join('\n') + '\n',
      imports,
      stubs: this.stubs,
    };
  }

  // ------------------------------------------------------------------ plumbing

  /** What lower-class.ts uses of this generator. */
  private host(): ClassHost {
    return {
      emit: (s) => this.emit(s),
      tmp: () => this.tmp(),
      label: (p) => this.label(p),
      term: (s) => this.term(s),
      block: (l) => this.block(l),
      refuse: (e, w) => this.refuse(e, w),
      expr: (e) => this.expr(e),
      coerce: (v, t) => this.coerce(v, t),
      cstr: (s) => this.cstr(s),
      strConst: (s) => this.strConst(s),
      stmts: (ss) => this.stmts(ss),
      alloca: (l) => this.allocas.push(l),
      declare: (l) => {
        if (!this.head.includes(l)) this.head.push(l);
      },
      assign: (t, v) => this.assign(t, v),
      ty,
      defs: this.defs,
    };
  }

  private tmp(): string {
    return `%t${this.n++}`;
  }
  private label(p: string): string {
    return `${p}${this.n++}`;
  }
  private emit(s: string): void {
    if (this.terminated) return;
    this.body.push('  ' + s);
  }
  private block(l: string): void {
    if (!this.terminated) this.body.push(`  br label %${l}`);
    this.body.push(`${l}:`);
    this.terminated = false;
  }
  private term(s: string): void {
    this.emit(s);
    this.terminated = true;
  }
  private refuse(e: { span: { start: { line: number; column: number } } }, what: string): never {
    throw new Refused(e.span.start.line, e.span.start.column, what);
  }
  private cstr(s: string): string {
    let name = this.strings.get(s);
    if (!name) {
      name = `@s.${this.strings.size}`;
      this.strings.set(s, name);
    }
    return name;
  }
  /** A Codon `str` constant: `{len, ptr}` (core.codon `@tuple class str: len: int; ptr: cobj`). */
  private strConst(s: string): string {
    const len = Buffer.byteLength(s, 'utf8');
    const a = this.tmp();
    this.emit(`${a} = insertvalue { i64, ptr } undef, i64 ${len}, 0`);
    const b = this.tmp();
    this.emit(`${b} = insertvalue { i64, ptr } ${a}, ptr ${this.cstr(s)}, 1`);
    return b;
  }
  private raise(type: string, msg: string): void {
    this.emit(`call void @codon_raise(ptr ${this.cstr(type)}, ptr ${this.cstr(msg)})`);
    this.term('unreachable');
  }

  // ------------------------------------------------------------------ functions

  private withFunction(ret: CodonType, build: () => void): string[] {
    this.body = [];
    this.allocas = [];
    this.slots = new Map();
    this.fnRet = ret;
    this.terminated = false;
    build();
    if (!this.terminated) {
      if (prune(ret).kind === 'none') this.term('ret void');
      else this.term(`ret ${ty(ret)} zeroinitializer`);
    }
    return [...this.allocas, ...this.body];
  }

  private func(d: FunctionDef): string {
    const ret = d.returnType ?? NONE_T;
    const params = d.params.map((p, i) => `${ty(p.type ?? INT_T)} %a${i}`);
    const lines = this.withFunction(ret, () => {
      for (const l of d.locals ?? []) this.slot(l.name, l.type);
      d.params.forEach((p, i) => {
        const s = this.slots.get(p.name);
        if (s && prune(s.t).kind !== 'none') this.emit(`store ${ty(s.t)} %a${i}, ptr ${s.ptr}`);
      });
      this.stmts(d.body);
    });
    // Codon functions are ordinary LLVM functions; the oracle keeps them out of line so each
    // foreign call has the Codon frame around it that Codon's own code has.
    return [
      `define ${functionLinkage(d)}${ty(ret)} ${functionSymbol(d)}(${params.join(', ')}) noinline {`,
      'entry:',
      ...lines,
      '}',
      '',
    ].join('\n');
  }

  private moduleBody(): string {
    const lines = this.withFunction(NONE_T, () => this.stmts(this.mod.body.filter((s) => s.kind !== 'def')));
    return ['define internal void @codon.toplevel() noinline {', 'entry:', ...lines, '}', ''].join('\n');
  }

  private slot(name: string, t: CodonType): { ptr: string; t: CodonType } {
    const ptr = `%v.${name}.${this.n++}`;
    const s = { ptr, t };
    if (prune(t).kind !== 'none') this.allocas.push(`  ${ptr} = alloca ${ty(t)}`);
    this.slots.set(name, s);
    return s;
  }

  private varRef(e: Expr & { kind: 'name' }): { ptr: string; t: CodonType } {
    for (let i = this.compVars.length - 1; i >= 0; i--) {
      const c = this.compVars[i]?.get(e.id);
      if (c) return c;
    }
    const b = e.binding;
    if (b?.kind === 'local' || b?.kind === 'comprehension') {
      const s = this.slots.get(e.id);
      if (s) return s;
    }
    const g = this.globals.get(e.id);
    if (g) return g;
    const s = this.slots.get(e.id);
    if (s) return s;
    return this.refuse(e, `the name '${e.id}' (${b?.kind ?? 'unresolved'})`);
  }

  // ------------------------------------------------------------------ statements

  private stmts(ss: Stmt[]): void {
    for (const s of ss) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    switch (s.kind) {
      case 'expr':
        this.expr(s.expr);
        return;
      case 'pass':
      case 'class':
      case 'def':
        return;
      case 'cimport':
        return this.cimport(s);
      case 'try':
        return lowerTry(this.host(), s);
      case 'assign':
        return this.assign(s.target, this.expr(s.value));
      case 'augassign': {
        const cur = this.expr(s.target);
        const r = this.expr(s.value);
        return this.assign(s.target, this.arith(s, s.op, cur, r, prune(s.target.type ?? cur.t)));
      }
      case 'if': {
        const c = this.truth(this.expr(s.test));
        const th = this.label('then');
        const el = this.label('else');
        const end = this.label('endif');
        this.term(`br i1 ${c}, label %${th}, label %${el}`);
        this.block(th);
        this.stmts(s.body);
        this.term(`br label %${end}`);
        this.block(el);
        this.stmts(s.orelse);
        this.block(end);
        return;
      }
      case 'while': {
        const head = this.label('while');
        const bodyL = this.label('wbody');
        const end = this.label('wend');
        this.block(head);
        const c = this.truth(this.expr(s.test));
        this.term(`br i1 ${c}, label %${bodyL}, label %${end}`);
        this.block(bodyL);
        this.loops.push({ brk: end, cont: head });
        this.stmts(s.body);
        this.loops.pop();
        this.term(`br label %${head}`);
        this.block(end);
        return;
      }
      case 'for':
        if (dict.isCollectionLoop(s)) return dict.lowerCollectionFor(this.dg, s);
        return this.forLoop(s.target, s.iter, () => this.stmts(s.body));
      case 'break':
      case 'continue': {
        const l = this.loops[this.loops.length - 1];
        if (!l) return this.refuse(s, `'${s.kind}' outside a loop`);
        this.term(`br label %${s.kind === 'break' ? l.brk : l.cont}`);
        this.block(this.label('dead'));
        return;
      }
      case 'return': {
        if (s.value === null || prune(this.fnRet).kind === 'none') {
          if (s.value) this.expr(s.value);
          this.term('ret void');
        } else {
          const v = this.coerce(this.expr(s.value), this.fnRet);
          this.term(`ret ${ty(this.fnRet)} ${v.v}`);
        }
        this.block(this.label('dead'));
        return;
      }
    }
  }

  /**
   * `from C import LIB.f(T...) -> R`: typecheck/import.cpp `transformCDLLImport` turns it into
   * `f = _dlsym(LIB, "f", Fn=Function[[T...], R])`, run once where the import stands; dlopen.codon's
   * `dlsym` does `dlopen(lib, RTLD_NOW | RTLD_GLOBAL)` and `dlsym(h, name)` with the literal name.
   * A static import (`from C import f`) is an external symbol the linker resolves.
   */
  private cimport(s: CImport): void {
    const name = cImportName(s);
    if (s.library) {
      const path = s.libraryPath;
      if (path === undefined) return this.refuse(s, 'a library path that is not a string literal');
      const f = this.tmp();
      this.emit(`${f} = call ptr @codon_dlsym(ptr ${this.cstr(path)}, ptr ${this.cstr(s.symbol)})`);
      this.emit(`store ptr ${f}, ptr @cfn.${name}`);
      const k = this.stubIndex.get(name) as number;
      this.emit(`store ptr ${f}, ptr getelementptr ([256 x ptr], ptr @oracle_targets, i64 0, i64 ${k})`);
    } else {
      const l = lowerCImport(s);
      // One declaration per symbol (the runtime's own, e.g. strlen, may be there already): with
      // opaque pointers a call states its own function type, as Codon's call of a C import does.
      if (!this.head.some((d) => d.startsWith('declare') && d.includes(` @${s.symbol}(`)))
        this.head.push(`declare ${irType(l.ret)} @${s.symbol}(${l.params.map(irType).join(', ')})`);
      this.emit(`store ptr @${s.symbol}, ptr @cfn.${name}`);
    }
  }

  private assign(target: Expr, value: Val): void {
    if (target.kind === 'tuple') return dict.unpackInto(this.dg, target.items, value, target);
    if (dict.lowerStoreItem(this.dg, target, value)) return;
    switch (target.kind) {
      case 'name': {
        const s = this.varRef(target);
        if (prune(s.t).kind === 'none') return;
        const v = this.coerce(value, s.t);
        this.emit(`store ${ty(s.t)} ${v.v}, ptr ${s.ptr}`);
        return;
      }
      case 'index': {
        const base = this.expr(target.target);
        const idx = this.coerce(this.expr(target.index), INT_T);
        const elemT = this.elemOf(target, base.t);
        const addr = this.elemAddr(target, base, idx, 'list assignment index out of range');
        const v = this.coerce(value, elemT);
        this.emit(`store ${ty(elemT)} ${v.v}, ptr ${addr}`);
        return;
      }
      case 'attr': {
        const base = this.expr(target.target);
        if (prune(base.t).kind === 'ref-class') return lowerStoreField(this.host(), target, base, value);
        if (prune(base.t).kind === 'list' && target.name === 'len') {
          const v = this.coerce(value, INT_T);
          this.emit(`store i64 ${v.v}, ptr ${base.v}`);
          return;
        }
        return this.refuse(target, `assigning to '.${target.name}'`);
      }
      default:
        return this.refuse(target, `assigning to a ${target.kind} expression`);
    }
  }

  private elemOf(e: Expr, t: CodonType): CodonType {
    const p = prune(t);
    if (p.kind === 'list' || p.kind === 'ptr' || p.kind === 'array') return p.elem;
    return this.refuse(e, `indexing a value of type ${p.kind}`);
  }

  /**
   * The address of `base[idx]`: a list checks the index (list.codon `__getitem__`/`__setitem__`:
   * a negative index counts from the end, `_idx_check` raises IndexError) and indexes `arr.ptr`;
   * a pointer or an Array indexes without a check (ptr.codon `__getitem__` is a plain GEP).
   */
  private elemAddr(e: Expr, base: Val, idx: Val, msg: string): string {
    const p = prune(base.t);
    const elemT = this.elemOf(e, p);
    let ptr = base.v;
    let i = idx.v;
    if (p.kind === 'list') {
      const len = this.tmp();
      this.emit(`${len} = load i64, ptr ${base.v}`);
      const neg = this.tmp();
      this.emit(`${neg} = icmp slt i64 ${i}, 0`);
      const plus = this.tmp();
      this.emit(`${plus} = add i64 ${i}, ${len}`);
      const j = this.tmp();
      this.emit(`${j} = select i1 ${neg}, i64 ${plus}, i64 ${i}`);
      const bad1 = this.tmp();
      this.emit(`${bad1} = icmp slt i64 ${j}, 0`);
      const bad2 = this.tmp();
      this.emit(`${bad2} = icmp sge i64 ${j}, ${len}`);
      const bad = this.tmp();
      this.emit(`${bad} = or i1 ${bad1}, ${bad2}`);
      const ok = this.label('idxok');
      const err = this.label('idxerr');
      this.term(`br i1 ${bad}, label %${err}, label %${ok}`);
      this.block(err);
      this.raise('IndexError', msg);
      this.block(ok);
      const pp = this.tmp();
      this.emit(`${pp} = getelementptr inbounds i8, ptr ${base.v}, i64 16`);
      ptr = this.tmp();
      this.emit(`${ptr} = load ptr, ptr ${pp}`);
      i = j;
    } else if (p.kind === 'array') {
      ptr = this.tmp();
      this.emit(`${ptr} = extractvalue { i64, ptr } ${base.v}, 1`);
    }
    const a = this.tmp();
    this.emit(`${a} = getelementptr ${ty(elemT)}, ptr ${ptr}, i64 ${i}`);
    return a;
  }

  /** `for x in range(...)` (range.codon) and `for x in lst` (list.codon `__iter__`: `i < self.len` each time). */
  private forLoop(
    target: Expr & { kind: 'name' },
    iter: Expr,
    body: () => void,
    slotFor?: { ptr: string; t: CodonType },
  ): void {
    const var_ = slotFor ?? this.varRef(target);
    const head = this.label('for');
    const bodyL = this.label('fbody');
    const step = this.label('fstep');
    const end = this.label('fend');
    const counter = `%c.${this.n++}`;
    this.allocas.push(`  ${counter} = alloca i64`);
    if (iter.kind === 'call' && iter.resolved?.kind === 'range') {
      const args = iter.args.map((a) => this.coerce(this.expr(a), INT_T).v);
      const [start, stop, stp] =
        args.length === 1 ? ['0', args[0], '1'] : args.length === 2 ? [args[0], args[1], '1'] : args;
      if (args.length === 3) {
        const z = this.tmp();
        this.emit(`${z} = icmp eq i64 ${stp}, 0`);
        const ok = this.label('rok');
        const err = this.label('rerr');
        this.term(`br i1 ${z}, label %${err}, label %${ok}`);
        this.block(err);
        this.raise('ValueError', 'range() arg 3 must not be zero');
        this.block(ok);
      }
      this.emit(`store i64 ${start}, ptr ${counter}`);
      this.block(head);
      const c = this.tmp();
      this.emit(`${c} = load i64, ptr ${counter}`);
      const pos = this.tmp();
      this.emit(`${pos} = icmp sgt i64 ${stp}, 0`);
      const lt = this.tmp();
      this.emit(`${lt} = icmp slt i64 ${c}, ${stop}`);
      const gt = this.tmp();
      this.emit(`${gt} = icmp sgt i64 ${c}, ${stop}`);
      const go = this.tmp();
      this.emit(`${go} = select i1 ${pos}, i1 ${lt}, i1 ${gt}`);
      this.term(`br i1 ${go}, label %${bodyL}, label %${end}`);
      this.block(bodyL);
      this.emit(`store i64 ${c}, ptr ${var_.ptr}`);
      this.loops.push({ brk: end, cont: step });
      body();
      this.loops.pop();
      this.block(step);
      const c2 = this.tmp();
      this.emit(`${c2} = load i64, ptr ${counter}`);
      const nx = this.tmp();
      this.emit(`${nx} = add i64 ${c2}, ${stp}`);
      this.emit(`store i64 ${nx}, ptr ${counter}`);
      this.term(`br label %${head}`);
      this.block(end);
      return;
    }
    const lst = this.expr(iter);
    if (prune(lst.t).kind !== 'list')
      return this.refuse(iter, 'a for loop over something other than range(...) or a list');
    const elemT = this.elemOf(iter, lst.t);
    this.emit(`store i64 0, ptr ${counter}`);
    this.block(head);
    const c = this.tmp();
    this.emit(`${c} = load i64, ptr ${counter}`);
    const len = this.tmp();
    this.emit(`${len} = load i64, ptr ${lst.v}`);
    const go = this.tmp();
    this.emit(`${go} = icmp slt i64 ${c}, ${len}`);
    this.term(`br i1 ${go}, label %${bodyL}, label %${end}`);
    this.block(bodyL);
    const pp = this.tmp();
    this.emit(`${pp} = getelementptr inbounds i8, ptr ${lst.v}, i64 16`);
    const buf = this.tmp();
    this.emit(`${buf} = load ptr, ptr ${pp}`);
    const a = this.tmp();
    this.emit(`${a} = getelementptr ${ty(elemT)}, ptr ${buf}, i64 ${c}`);
    const x = this.tmp();
    this.emit(`${x} = load ${ty(elemT)}, ptr ${a}`);
    this.emit(`store ${ty(elemT)} ${x}, ptr ${var_.ptr}`);
    this.loops.push({ brk: end, cont: step });
    body();
    this.loops.pop();
    this.block(step);
    const c2 = this.tmp();
    this.emit(`${c2} = load i64, ptr ${counter}`);
    const nx = this.tmp();
    this.emit(`${nx} = add i64 ${c2}, 1`);
    this.emit(`store i64 ${nx}, ptr ${counter}`);
    this.term(`br label %${head}`);
    this.block(end);
  }

  // ------------------------------------------------------------------ expressions

  /** Codon's implicit conversions where the checker marked them (`wrapExpr`): int to float, anything to bool. */
  private coerce(v: Val, to: CodonType): Val {
    const f = prune(v.t).kind;
    const t = prune(to).kind;
    if (f === t) return v;
    if (f === 'int' && t === 'float') {
      const r = this.tmp();
      this.emit(`${r} = sitofp i64 ${v.v} to double`);
      return { t: FLOAT_T, v: r };
    }
    if (t === 'bool') {
      const c = this.truth(v);
      const r = this.tmp();
      this.emit(`${r} = zext i1 ${c} to i8`);
      return { t: BOOL_T, v: r };
    }
    return v;
  }

  /** `__bool__` as an i1. */
  private truth(v: Val): string {
    const p = prune(v.t);
    const r = this.tmp();
    switch (p.kind) {
      case 'bool':
      case 'byte':
        this.emit(`${r} = icmp ne i8 ${v.v}, 0`);
        return r;
      case 'int':
        this.emit(`${r} = icmp ne i64 ${v.v}, 0`);
        return r;
      case 'float':
        this.emit(`${r} = fcmp une double ${v.v}, 0.0`);
        return r;
      case 'ptr':
        this.emit(`${r} = icmp ne ptr ${v.v}, null`);
        return r;
      case 'list': {
        const l = this.tmp();
        this.emit(`${l} = load i64, ptr ${v.v}`);
        this.emit(`${r} = icmp sgt i64 ${l}, 0`);
        return r;
      }
      case 'dict':
      case 'set': {
        // dict.codon `__bool__`: `__len__() > 0` (set.codon: `!= 0`), `_size` at offset 8.
        const l = dict.lowerLen(this.dg, v) as string;
        this.emit(`${r} = icmp sgt i64 ${l}, 0`);
        return r;
      }
      case 'str': {
        const l = this.tmp();
        this.emit(`${l} = extractvalue { i64, ptr } ${v.v}, 0`);
        this.emit(`${r} = icmp sgt i64 ${l}, 0`);
        return r;
      }
      default:
        throw new Refused(0, 0, `truth value of ${p.kind}`);
    }
  }

  private expr(e: Expr): Val {
    const v = this.exprRaw(e);
    return e.coerceTo ? this.coerce(v, e.coerceTo) : v;
  }

  private exprRaw(e: Expr): Val {
    switch (e.kind) {
      case 'int':
        return { t: INT_T, v: e.value.toString() };
      case 'float':
        return { t: FLOAT_T, v: hexDouble(e.value) };
      case 'bool':
        return { t: BOOL_T, v: e.value ? '1' : '0' };
      case 'str':
        return { t: STR_T, v: this.strConst(e.value) };
      case 'none':
        return { t: NONE_T, v: '' };
      case 'name': {
        const s = this.varRef(e);
        if (prune(s.t).kind === 'none') return { t: NONE_T, v: '' };
        const r = this.tmp();
        this.emit(`${r} = load ${ty(s.t)}, ptr ${s.ptr}`);
        return { t: s.t, v: r };
      }
      case 'unary': {
        const x = this.expr(e.operand);
        if (e.op === 'not') {
          const c = this.truth(x);
          const r = this.tmp();
          this.emit(`${r} = xor i1 ${c}, true`);
          const z = this.tmp();
          this.emit(`${z} = zext i1 ${r} to i8`);
          return { t: BOOL_T, v: z };
        }
        if (e.op === '+') return x;
        const r = this.tmp();
        if (prune(x.t).kind === 'float') this.emit(`${r} = fneg double ${x.v}`);
        else if (prune(x.t).kind === 'int') this.emit(`${r} = sub i64 0, ${x.v}`);
        else if (prune(x.t).kind === 'intn') this.emit(`${r} = sub ${ty(x.t)} 0, ${x.v}`);
        else return this.refuse(e, `unary minus on ${prune(x.t).kind}`);
        return { t: x.t, v: r };
      }
      case 'binary': {
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        return this.arith(e, e.op, l, r, prune(e.type ?? l.t));
      }
      case 'compare':
        return this.compare(e);
      case 'boolop': {
        const res = `%b.${this.n++}`;
        this.allocas.push(`  ${res} = alloca i8`);
        const l = this.truth(this.expr(e.left));
        const lz = this.tmp();
        this.emit(`${lz} = zext i1 ${l} to i8`);
        this.emit(`store i8 ${lz}, ptr ${res}`);
        const rhs = this.label('rhs');
        const end = this.label('bend');
        if (e.op === 'and') this.term(`br i1 ${l}, label %${rhs}, label %${end}`);
        else this.term(`br i1 ${l}, label %${end}, label %${rhs}`);
        this.block(rhs);
        const r = this.truth(this.expr(e.right));
        const rz = this.tmp();
        this.emit(`${rz} = zext i1 ${r} to i8`);
        this.emit(`store i8 ${rz}, ptr ${res}`);
        this.block(end);
        const out = this.tmp();
        this.emit(`${out} = load i8, ptr ${res}`);
        return { t: BOOL_T, v: out };
      }
      case 'call':
        return this.call(e);
      case 'index': {
        const item = dict.lowerIndex(this.dg, e);
        if (item) return item;
        const base = this.expr(e.target);
        const idx = this.coerce(this.expr(e.index), INT_T);
        const elemT = this.elemOf(e, base.t);
        const a = this.elemAddr(e, base, idx, 'list index out of range');
        const r = this.tmp();
        this.emit(`${r} = load ${ty(elemT)}, ptr ${a}`);
        return { t: elemT, v: r };
      }
      case 'attr':
        return this.attr(e);
      case 'list': {
        const elemT = prune(e.type ?? INT_T);
        if (elemT.kind !== 'list') return this.refuse(e, 'a list literal of unknown type');
        // collections.cpp: `[a, b, c]` is List(3) plus appends.
        const l = this.newList(elemT.elem, String(e.items.length > 0 ? e.items.length : 10));
        for (const it of e.items) this.append(l, elemT.elem, this.expr(it));
        return { t: elemT, v: l };
      }
      case 'listcomp':
        return this.listComp(e);
      case 'fstring':
        return this.fstring(e);
      case 'ifexp': {
        // Only the chosen branch runs: a branch into each arm, the value through a slot.
        const t = e.type ?? INT_T;
        if (prune(t).kind === 'none') return this.refuse(e, 'a conditional expression of None');
        const slot = `%ife.${this.n++}`;
        this.allocas.push(`  ${slot} = alloca ${ty(t)}`);
        const c = this.truth(this.expr(e.test));
        const yes = this.label('ifyes');
        const no = this.label('ifno');
        const end = this.label('ifend');
        this.term(`br i1 ${c}, label %${yes}, label %${no}`);
        this.block(yes);
        this.emit(`store ${ty(t)} ${this.coerce(this.expr(e.body), t).v}, ptr ${slot}`);
        this.term(`br label %${end}`);
        this.block(no);
        this.emit(`store ${ty(t)} ${this.coerce(this.expr(e.orelse), t).v}, ptr ${slot}`);
        this.block(end);
        const out = this.tmp();
        this.emit(`${out} = load ${ty(t)}, ptr ${slot}`);
        return { t, v: out };
      }
      case 'slice': {
        // list.codon `__getitem__(self, s: Slice)`: codonrt.c clamps as slice.codon does and copies.
        const l = this.expr(e.target);
        const lo = e.lower ? this.coerce(this.expr(e.lower), INT_T).v : '0';
        const hi = e.upper ? this.coerce(this.expr(e.upper), INT_T).v : '0';
        const elem = this.elemOf(e, l.t);
        const flags = (e.lower ? 1 : 0) | (e.upper ? 2 : 0);
        const r = this.tmp();
        this.emit(
          `${r} = call ptr @codon_list_slice(ptr ${l.v}, i64 ${lo}, i64 ${hi}, i64 ${flags}, i64 ${sizeOf(elem)}, i64 ${isAtomic(elem) ? 1 : 0})`,
        );
        return { t: l.t, v: r };
      }
      case 'tuple':
        return dict.lowerTuple(this.dg, e);
      case 'dict':
      case 'set':
        return dict.lowerTable(this.dg, e);
      case 'error':
        return this.refuse(e, 'an expression the front end could not read');
    }
  }

  private newList(elem: CodonType, cap: string): string {
    const l = this.tmp();
    this.emit(
      `${l} = call ptr @codon_list_new(i64 ${cap}, i64 ${sizeOf(elem)}, i64 ${isAtomic(elem) ? 1 : 0})`,
    );
    return l;
  }
  private append(list: string, elem: CodonType, v: Val): void {
    const slot = this.tmp();
    this.emit(
      `${slot} = call ptr @codon_list_append_slot(ptr ${list}, i64 ${sizeOf(elem)}, i64 ${isAtomic(elem) ? 1 : 0})`,
    );
    const x = this.coerce(v, elem);
    this.emit(`store ${ty(elem)} ${x.v}, ptr ${slot}`);
  }

  /** collections.cpp: a comprehension over a range or a list starts at its length, then appends. */
  private listComp(e: Expr & { kind: 'listcomp' }): Val {
    const lt = prune(e.type ?? INT_T);
    if (lt.kind !== 'list') return this.refuse(e, 'a comprehension of unknown type');
    const it = e.iter;
    let cap = '10';
    if (
      it.kind === 'call' &&
      it.resolved?.kind === 'range' &&
      it.args.length <= 2 &&
      it.args.every((a) => a.kind === 'int')
    ) {
      const a = it.args.map((x) => Number((x as Expr & { kind: 'int' }).value));
      cap = String(Math.max(0, a.length === 1 ? (a[0] as number) : (a[1] as number) - (a[0] as number)));
    }
    const l = this.newList(lt.elem, cap);
    const varT = e.target.type ?? INT_T;
    const ptr = `%v.comp.${this.n++}`;
    this.allocas.push(`  ${ptr} = alloca ${ty(varT)}`);
    const slot = { ptr, t: varT };
    this.compVars.push(new Map([[e.target.id, slot]]));
    this.forLoop(
      e.target,
      it,
      () => {
        let skip: string | null = null;
        for (const c of e.conditions) {
          const ok = this.truth(this.expr(c));
          const yes = this.label('cyes');
          skip ??= this.label('cskip');
          this.term(`br i1 ${ok}, label %${yes}, label %${skip}`);
          this.block(yes);
        }
        this.append(l, lt.elem, this.expr(e.elt));
        if (skip) this.block(skip);
      },
      slot,
    );
    this.compVars.pop();
    return { t: lt, v: l };
  }

  private attr(e: Expr & { kind: 'attr' }): Val {
    const base = this.expr(e.target);
    const p = prune(base.t);
    if (p.kind === 'ref-class' || p.kind === 'exception') return lowerField(this.host(), e, base);
    const r = this.tmp();
    if (p.kind === 'tuple-class') {
      const i = p.fields.findIndex((f) => f.name === e.name);
      if (i < 0) return this.refuse(e, `no field '${e.name}'`);
      this.emit(`${r} = extractvalue ${ty(p)} ${base.v}, ${i}`);
      return { t: p.fields[i]?.type ?? INT_T, v: r };
    }
    if (p.kind === 'list' && e.name === 'len') {
      this.emit(`${r} = load i64, ptr ${base.v}`);
      return { t: INT_T, v: r };
    }
    if (p.kind === 'list' && e.name === 'arr') {
      const a = this.tmp();
      this.emit(`${a} = getelementptr inbounds i8, ptr ${base.v}, i64 8`);
      this.emit(`${r} = load { i64, ptr }, ptr ${a}`);
      return { t: { kind: 'array', elem: p.elem }, v: r };
    }
    if ((p.kind === 'array' || p.kind === 'str') && (e.name === 'len' || e.name === 'ptr')) {
      this.emit(`${r} = extractvalue { i64, ptr } ${base.v}, ${e.name === 'len' ? 0 : 1}`);
      return {
        t:
          e.name === 'len'
            ? INT_T
            : p.kind === 'array'
              ? { kind: 'ptr', elem: p.elem }
              : { kind: 'ptr', elem: { kind: 'byte' } },
        v: r,
      };
    }
    return this.refuse(e, `the attribute '.${e.name}' of ${p.kind}`);
  }

  private compare(e: Expr & { kind: 'compare' }): Val {
    const vals = e.operands.map((o) => this.expr(o));
    let acc: string | null = null;
    e.ops.forEach((op, i) => {
      let a = vals[i] as Val;
      let b = vals[i + 1] as Val;
      const isF =
        op !== 'in' && op !== 'not in' && (prune(a.t).kind === 'float' || prune(b.t).kind === 'float');
      if (isF) {
        a = this.coerce(a, FLOAT_T);
        b = this.coerce(b, FLOAT_T);
      }
      const k = prune(a.t).kind;
      const c = this.tmp();
      const inTable =
        op === 'in' || op === 'not in'
          ? dict.lowerContains(this.dg, e, vals[i] as Val, vals[i + 1] as Val)
          : null;
      if (inTable !== null) {
        if (op === 'in') this.emit(`${c} = and i1 ${inTable}, true`);
        else this.emit(`${c} = xor i1 ${inTable}, true`);
      } else if (op === 'in' || op === 'not in') {
        // list.codon `__contains__`: each item `==` the value, in order (codonrt.c walks the buffer).
        const elem = prune(this.elemOf(e, vals[i + 1]?.t ?? INT_T));
        const x = this.coerce(vals[i] as Val, elem);
        const fn = elem.kind === 'float' ? 'codon_list_contains_f64' : 'codon_list_contains_i64';
        const r = this.tmp();
        this.emit(`${r} = call i1 @${fn}(ptr ${(vals[i + 1] as Val).v}, ${ty(elem)} ${x.v})`);
        if (op === 'in') this.emit(`${c} = and i1 ${r}, true`);
        else this.emit(`${c} = xor i1 ${r}, true`);
      } else if (isF) {
        const fop = { '<': 'olt', '<=': 'ole', '>': 'ogt', '>=': 'oge', '==': 'oeq', '!=': 'une' }[op];
        this.emit(`${c} = fcmp ${fop} double ${a.v}, ${b.v}`);
      } else if (k === 'intn') {
        const p = prune(a.t) as CodonType & { kind: 'intn' };
        const iop = { '<': 'slt', '<=': 'sle', '>': 'sgt', '>=': 'sge', '==': 'eq', '!=': 'ne' }[
          op
        ] as string;
        this.emit(`${c} = icmp ${p.signed ? iop : iop.replace('s', 'u')} i${p.bits} ${a.v}, ${b.v}`);
      } else if (k === 'int' || k === 'bool' || k === 'byte' || k === 'ptr') {
        const iop = { '<': 'slt', '<=': 'sle', '>': 'sgt', '>=': 'sge', '==': 'eq', '!=': 'ne' }[op];
        const t = k === 'int' ? 'i64' : k === 'ptr' ? 'ptr' : 'i8';
        this.emit(
          `${c} = icmp ${k === 'ptr' && (op === '<' || op === '>' || op === '<=' || op === '>=') ? iop.replace('s', 'u') : iop} ${t} ${a.v}, ${b.v}`,
        );
      } else return this.refuse(e, `comparing ${k} values`);
      if (acc === null) acc = c;
      else {
        const n = this.tmp();
        this.emit(`${n} = and i1 ${acc}, ${c}`);
        acc = n;
      }
    });
    const z = this.tmp();
    this.emit(`${z} = zext i1 ${acc} to i8`);
    return { t: BOOL_T, v: z };
  }

  private arith(e: Expr | Stmt, op: string, l: Val, r: Val, resT: CodonType): Val {
    const lk = prune(l.t).kind;
    const rk = prune(r.t).kind;
    if (lk === 'str' && rk === 'str' && op === '+') return { t: STR_T, v: this.strAdd(l.v, r.v) };
    const out = this.tmp();
    if (lk === 'list' && rk === 'int' && op === '*') {
      const elem = this.elemOf(e as Expr, l.t);
      this.emit(
        `${out} = call ptr @codon_list_repeat(ptr ${l.v}, i64 ${r.v}, i64 ${sizeOf(elem)}, i64 ${isAtomic(elem) ? 1 : 0})`,
      );
      return { t: l.t, v: out };
    }
    if (lk === 'ptr' && rk === 'int' && (op === '+' || op === '-')) {
      const elem = this.elemOf(e as Expr, l.t);
      const off = op === '-' ? this.tmp() : r.v;
      if (op === '-') this.emit(`${off} = sub i64 0, ${r.v}`);
      this.emit(`${out} = getelementptr ${ty(elem)}, ptr ${l.v}, i64 ${off}`);
      return { t: l.t, v: out };
    }
    if (lk === 'ptr' && rk === 'ptr' && op === '-') {
      const elem = this.elemOf(e as Expr, l.t);
      const a = this.tmp();
      const b = this.tmp();
      const d = this.tmp();
      this.emit(`${a} = ptrtoint ptr ${l.v} to i64`);
      this.emit(`${b} = ptrtoint ptr ${r.v} to i64`);
      this.emit(`${d} = sub i64 ${a}, ${b}`);
      this.emit(`${out} = sdiv exact i64 ${d}, ${sizeOf(elem)}`);
      return { t: INT_T, v: out };
    }
    const lp = prune(l.t);
    if (lp.kind === 'intn' && rk === 'intn') {
      // intn.codon: add/sub/mul wrap; `//` `%` are sdiv/srem (udiv/urem); `/` is sitofp (uitofp) and fdiv.
      const n = `i${lp.bits}`;
      const u = !lp.signed;
      if (op === '/') {
        const a = this.tmp();
        const b = this.tmp();
        this.emit(`${a} = ${u ? 'uitofp' : 'sitofp'} ${n} ${l.v} to double`);
        this.emit(`${b} = ${u ? 'uitofp' : 'sitofp'} ${n} ${r.v} to double`);
        this.emit(`${out} = fdiv double ${a}, ${b}`);
        return { t: FLOAT_T, v: out };
      }
      const inst = {
        '+': 'add',
        '-': 'sub',
        '*': 'mul',
        '//': u ? 'udiv' : 'sdiv',
        '%': u ? 'urem' : 'srem',
      }[op];
      if (!inst) return this.refuse(e as Expr, `the operator ${op} on Int[N]`);
      this.emit(`${out} = ${inst} ${n} ${l.v}, ${r.v}`);
      return { t: lp, v: out };
    }
    const isFloat = lk === 'float' || rk === 'float' || op === '/';
    if (lk === 'int' && rk === 'int' && !isFloat) {
      const simple = { '+': 'add', '-': 'sub', '*': 'mul' }[op];
      if (simple) this.emit(`${out} = ${simple} i64 ${l.v}, ${r.v}`);
      else {
        // int.codon (Codon's default -numerics=c): `__floordiv__` is `sdiv`, `__mod__` is `srem`
        // (both truncate toward zero; no zero check: the instruction decides).
        const inst = { '//': 'sdiv', '%': 'srem' }[op];
        if (inst) this.emit(`${out} = ${inst} i64 ${l.v}, ${r.v}`);
        else if (op === '**') this.emit(`${out} = call i64 @codon_int_pow(i64 ${l.v}, i64 ${r.v})`);
        else return this.refuse(e as Expr, `the operator ${op} on ints`);
      }
      return { t: INT_T, v: out };
    }
    if ((lk === 'int' || lk === 'float') && (rk === 'int' || rk === 'float')) {
      const a = this.coerce(l, FLOAT_T);
      const b = this.coerce(r, FLOAT_T);
      const simple = { '+': 'fadd', '-': 'fsub', '*': 'fmul' }[op];
      if (simple) this.emit(`${out} = ${simple} double ${a.v}, ${b.v}`);
      // float.codon (-numerics=c): `/` is `fdiv`, `//` is `floor(a / b)`, `%` is `frem`; no zero checks.
      else if (op === '/') this.emit(`${out} = fdiv double ${a.v}, ${b.v}`);
      else if (op === '%') this.emit(`${out} = frem double ${a.v}, ${b.v}`);
      else if (op === '//') {
        const q = this.tmp();
        this.emit(`${q} = fdiv double ${a.v}, ${b.v}`);
        this.emit(`${out} = call double @llvm.floor.f64(double ${q})`);
      } else if (op === '**')
        this.emit(`${out} = call double @codon_float_pow(double ${a.v}, double ${b.v})`);
      else return this.refuse(e as Expr, `the operator ${op} on floats`);
      return { t: FLOAT_T, v: out };
    }
    void resT;
    return this.refuse(e as Expr, `the operator ${op} on ${lk} and ${rk}`);
  }

  private call(e: CallExpr): Val {
    const r = e.resolved;
    if (!r) return this.refuse(e, 'a call the checker did not resolve');
    switch (r.kind) {
      case 'c-function':
        return this.foreignCall(e, r.name);
      case 'codon-function': {
        const d = this.defs.get(r.name);
        if (!d) return this.refuse(e, `the function '${r.name}'`);
        const args = e.args.map((a, i) => {
          const pt = d.params[i]?.type ?? INT_T;
          const v = this.coerce(this.expr(a), pt);
          return `${ty(pt)} ${v.v}`;
        });
        const ret = d.returnType ?? NONE_T;
        if (prune(ret).kind === 'none') {
          this.emit(`call void ${functionSymbol(d)}(${args.join(', ')})`);
          return { t: NONE_T, v: '' };
        }
        const out = this.tmp();
        this.emit(`${out} = call ${ty(ret)} ${functionSymbol(d)}(${args.join(', ')})`);
        return { t: ret, v: out };
      }
      case 'fn-raw': {
        const d = this.defs.get(r.name);
        if (!d) return this.refuse(e, `the function '${r.name}'`);
        return { t: { kind: 'ptr', elem: { kind: 'byte' } }, v: functionSymbol(d) };
      }
      case 'print':
        return this.print(e);
      case 'to-str': {
        // str.codon `__new__(what)`: `what.__str__()`, the text print shows.
        const a = e.args[0];
        return { t: STR_T, v: a === undefined ? this.strConst('') : this.toStr(a, this.expr(a)) };
      }
      case 'len': {
        const v = this.expr(e.args[0] as Expr);
        const size = dict.lowerLen(this.dg, v);
        if (size !== null) return { t: INT_T, v: size };
        const out = this.tmp();
        if (prune(v.t).kind === 'list') this.emit(`${out} = load i64, ptr ${v.v}`);
        else if (prune(v.t).kind === 'str' || prune(v.t).kind === 'array')
          this.emit(`${out} = extractvalue { i64, ptr } ${v.v}, 0`);
        else return this.refuse(e, `len() of ${prune(v.t).kind}`);
        return { t: INT_T, v: out };
      }
      case 'range':
        return this.refuse(e, 'range() outside a for loop or comprehension');
      case 'convert': {
        const v = this.expr(e.args[0] as Expr);
        const p = prune(v.t);
        const k = p.kind;
        const out = this.tmp();
        if (r.to === 'bool') return this.coerce(v, BOOL_T);
        // intn.codon / byte.codon `__int__`: Int[N] sext, UInt[N] and byte zext, N = 64 as it is.
        if (r.to === 'int') {
          if (k === 'int') return v;
          if (k === 'float') this.emit(`${out} = fptosi double ${v.v} to i64`);
          else if (k === 'bool' || k === 'byte') this.emit(`${out} = zext i8 ${v.v} to i64`);
          else if (p.kind === 'intn') return { t: INT_T, v: this.intnToI64(v.v, p.bits, p.signed) };
          else return this.refuse(e, `int() of ${k}`);
          return { t: INT_T, v: out };
        }
        if (r.to === 'float') {
          if (k === 'float') return v;
          if (k === 'int') this.emit(`${out} = sitofp i64 ${v.v} to double`);
          else if (k === 'float32') this.emit(`${out} = fpext float ${v.v} to double`);
          // intn.codon `__float__`: sitofp for Int[N], uitofp for UInt[N]; byte.codon's is uitofp.
          else if (p.kind === 'intn')
            this.emit(`${out} = ${p.signed ? 'sitofp' : 'uitofp'} i${p.bits} ${v.v} to double`);
          else if (k === 'byte') this.emit(`${out} = uitofp i8 ${v.v} to double`);
          else return this.refuse(e, `float() of ${k}`);
          return { t: FLOAT_T, v: out };
        }
        if (k === 'float') this.emit(`${out} = fptrunc double ${v.v} to float`);
        else if (k === 'int') this.emit(`${out} = sitofp i64 ${v.v} to float`);
        else return this.refuse(e, `float32() of ${k}`);
        return { t: { kind: 'float32' }, v: out };
      }
      case 'ptr-alloc': {
        // ptr.codon `Ptr[T](n)`: gc.alloc_atomic(n * sizeof(T)) when T has no pointers, else gc.alloc
        // (codon/runtime/lib.cpp seq_alloc_atomic = GC_MALLOC_ATOMIC, seq_alloc = GC_MALLOC).
        const n = this.coerce(this.expr(e.args[0] as Expr), INT_T);
        const bytes = this.tmp();
        this.emit(`${bytes} = mul i64 ${n.v}, ${sizeOf(r.elem)}`);
        const out = this.tmp();
        this.emit(`${out} = call ptr @${isAtomic(r.elem) ? 'seq_alloc_atomic' : 'seq_alloc'}(i64 ${bytes})`);
        return { t: { kind: 'ptr', elem: r.elem }, v: out };
      }
      case 'ptr-null':
        return { t: { kind: 'ptr', elem: r.elem }, v: 'null' };
      case 'intn-new': {
        // intn.codon `Int[N].__new__`: 0; from int `trunc` (N < 64); from Int[M] sext/trunc, from
        // UInt[M] zext/trunc; from float fptosi/fptoui; bool and byte zero-extend.
        const t: CodonType = { kind: 'intn', bits: r.bits, signed: r.signed };
        if (e.args.length === 0) return { t, v: '0' };
        const v = this.expr(e.args[0] as Expr);
        const p = prune(v.t);
        const from =
          p.kind === 'int'
            ? { bits: 64, signed: true }
            : p.kind === 'intn'
              ? { bits: p.bits, signed: p.signed }
              : p.kind === 'bool' || p.kind === 'byte'
                ? { bits: 8, signed: false }
                : null;
        const out = this.tmp();
        if (p.kind === 'float') {
          this.emit(`${out} = ${r.signed ? 'fptosi' : 'fptoui'} double ${v.v} to i${r.bits}`);
          return { t, v: out };
        }
        if (from === null) return this.refuse(e, `i${r.bits}() of ${p.kind}`);
        if (from.bits === r.bits) return { t, v: v.v };
        const op = from.bits > r.bits ? 'trunc' : from.signed ? 'sext' : 'zext';
        this.emit(`${out} = ${op} i${from.bits} ${v.v} to i${r.bits}`);
        return { t, v: out };
      }
      case 'ptr-cast': {
        const v = this.expr(e.args[0] as Expr);
        return { t: { kind: 'ptr', elem: r.elem }, v: v.v };
      }
      case 'addr-of': {
        // special.cpp transformPtr: a variable, or a field chain of by-value records in it; the
        // address is the variable's alloca plus the fields' offsets (a getelementptr in Codon's IR).
        let head = e.args[0] as Expr;
        while (head.kind === 'attr') head = head.target;
        if (head.kind !== 'name') return this.refuse(e, '__ptr__ of something other than a name');
        const s = this.varRef(head);
        const elem = (e.args[0] as Expr).type ?? s.t;
        if (r.offset === 0) return { t: { kind: 'ptr', elem }, v: s.ptr };
        const out = this.tmp();
        this.emit(`${out} = getelementptr i8, ptr ${s.ptr}, i64 ${r.offset}`);
        return { t: { kind: 'ptr', elem }, v: out };
      }
      case 'class-new':
        return lowerNew(this.host(), e, r.init);
      case 'method':
        return lowerMethod(this.host(), e, r.fn);
      case 'obj-raw':
        // type.codon `_ref_raw`: `ret ptr %obj`.
        return {
          t: { kind: 'ptr', elem: { kind: 'byte' } },
          v: this.expr((e.callee as Expr & { kind: 'attr' }).target).v,
        };
      case 'tuple-new': {
        const t = prune(e.type ?? INT_T);
        if (t.kind !== 'tuple-class') return this.refuse(e, 'a tuple of unknown type');
        let acc = 'undef';
        t.fields.forEach((f, i) => {
          const v = this.coerce(this.expr(e.args[i] as Expr), f.type);
          const n = this.tmp();
          this.emit(`${n} = insertvalue ${ty(t)} ${acc}, ${ty(f.type)} ${v.v}, ${i}`);
          acc = n;
        });
        return { t, v: acc };
      }
      case 'str-c-str': {
        // str.codon `c_str`: `p = cobj(n + 1)` (seq_alloc_atomic), memcpy of the bytes, `p[n] = 0`.
        const target = e.callee.kind === 'attr' ? e.callee.target : null;
        if (!target) return this.refuse(e, 'c_str of something other than a str');
        const s = this.expr(target);
        const n = this.tmp();
        const p = this.tmp();
        const n1 = this.tmp();
        const end = this.tmp();
        this.emit(`${n} = extractvalue { i64, ptr } ${s.v}, 0`);
        this.emit(`${p} = extractvalue { i64, ptr } ${s.v}, 1`);
        this.emit(`${n1} = add i64 ${n}, 1`);
        const out = this.tmp();
        this.emit(`${out} = call ptr @seq_alloc_atomic(i64 ${n1})`);
        this.emit(`call void @llvm.memcpy.p0.p0.i64(ptr ${out}, ptr ${p}, i64 ${n}, i1 false)`);
        this.emit(`${end} = getelementptr i8, ptr ${out}, i64 ${n}`);
        this.emit(`store i8 0, ptr ${end}`);
        return { t: { kind: 'ptr', elem: { kind: 'byte' } }, v: out };
      }
      case 'str-from-ptr': {
        // str.codon `from_ptr`: `n = strlen(t)`, `p = Ptr[byte](n)` (seq_alloc_atomic), memcpy, `str(p, n)`.
        const t = this.expr(e.args[0] as Expr);
        const n = this.tmp();
        const p = this.tmp();
        const s0 = this.tmp();
        const s1 = this.tmp();
        this.emit(`${n} = call i64 @strlen(ptr ${t.v})`);
        this.emit(`${p} = call ptr @seq_alloc_atomic(i64 ${n})`);
        this.emit(`call void @llvm.memcpy.p0.p0.i64(ptr ${p}, ptr ${t.v}, i64 ${n}, i1 false)`);
        this.emit(`${s0} = insertvalue { i64, ptr } undef, i64 ${n}, 0`);
        this.emit(`${s1} = insertvalue { i64, ptr } ${s0}, ptr ${p}, 1`);
        return { t: STR_T, v: s1 };
      }
      case 'list-pop': {
        // list.codon `pop()`: IndexError("pop from empty list") when len is 0; else the last item, len - 1.
        const target = e.callee.kind === 'attr' ? e.callee.target : null;
        if (!target) return this.refuse(e, 'pop on something other than a list variable');
        const l = this.expr(target);
        const len = this.tmp();
        this.emit(`${len} = load i64, ptr ${l.v}`);
        const empty = this.tmp();
        this.emit(`${empty} = icmp eq i64 ${len}, 0`);
        const ok = this.label('popok');
        const err = this.label('poperr');
        this.term(`br i1 ${empty}, label %${err}, label %${ok}`);
        this.block(err);
        this.raise('IndexError', 'pop from empty list');
        this.block(ok);
        const last = this.tmp();
        this.emit(`${last} = sub i64 ${len}, 1`);
        const pp = this.tmp();
        this.emit(`${pp} = getelementptr inbounds i8, ptr ${l.v}, i64 16`);
        const buf = this.tmp();
        this.emit(`${buf} = load ptr, ptr ${pp}`);
        const at = this.tmp();
        this.emit(`${at} = getelementptr ${ty(r.elem)}, ptr ${buf}, i64 ${last}`);
        const out = this.tmp();
        this.emit(`${out} = load ${ty(r.elem)}, ptr ${at}`);
        this.emit(`store i64 ${last}, ptr ${l.v}`);
        return { t: r.elem, v: out };
      }
      case 'list-append': {
        const target = e.callee.kind === 'attr' ? e.callee.target : null;
        if (!target) return this.refuse(e, 'append on something other than a list variable');
        const l = this.expr(target);
        this.append(l.v, r.elem, this.expr(e.args[0] as Expr));
        return { t: NONE_T, v: '' };
      }
      case 'table-new':
      case 'table-method':
        return dict.lowerTableCall(this.dg, e);
      case 'enumerate':
        return this.refuse(e, 'a generator outside a for loop');
    }
  }

  /**
   * A call of a C import: a call through the function pointer `_dlsym` returned, with the plain
   * LLVM function type of the declaration (llvisitor.cpp `getLLVMFuncType`/`visit(CallInstr)`):
   * no sret, no byval, a `@tuple` return is a first-class struct that LLVM returns by its own
   * rule. The call goes through the oracle's trampoline (same registers, a tail jump), which sets
   * the leftover before the first foreign call and logs the leftover registers at every call.
   */
  private foreignCall(e: CallExpr, name: string): Val {
    const imp = this.cimports.get(name);
    if (!imp) return this.refuse(e, `the C import '${name}'`);
    const lowered = lowerCImport(imp);
    const paramTs = imp.paramTypes ?? [];
    const args = e.args.map((a, i) => {
      const pt = paramTs[i] ?? INT_T;
      if (prune(pt).kind === 'none') {
        this.expr(a);
        return '{} zeroinitializer';
      }
      const v = this.coerce(this.expr(a), pt);
      return `${ty(pt)} ${v.v}`;
    });
    const fnTy = `${irType(lowered.ret)} (${lowered.params.map(irType).join(', ')})`;
    // Codon's call: load the function pointer from the global the import assigned, call through
    // it. The oracle's global holds the import's stub (README.md, "The trampoline").
    // A static import (`from C import GC_gcollect`) is a call into the runtime, not into the
    // library: a direct call, as the simulator treats it (no leftover, not a boundary call).
    let tramp = `@${imp.symbol}`;
    if (imp.library) {
      tramp = this.tmp();
      this.emit(`${tramp} = load ptr, ptr @stubptr.${name}`);
    }
    const ret = imp.returnType ?? NONE_T;
    if (lowered.ret === 'void') {
      this.emit(`call ${fnTy} ${tramp}(${args.join(', ')})`);
      return { t: NONE_T, v: '' };
    }
    const out = this.tmp();
    this.emit(`${out} = call ${fnTy} ${tramp}(${args.join(', ')})`);
    return { t: ret, v: out };
  }

  /**
   * builtin.codon `print(*args, sep=" ", end="\n", file=_C.seq_stdout())`: for each argument
   * `seq_print_full(str(a), fp)` with `sep` between, then `seq_print_full(end, fp)`; no flush.
   * lib.cpp `seq_print_full` is `fwrite(str.str, 1, str.len, fo)`, so print ends in fwrite.
   */
  private print(e: CallExpr): Val {
    const sepKw = e.keywords.find((k) => k.name === 'sep');
    const endKw = e.keywords.find((k) => k.name === 'end');
    const vals = e.args.map((a) => this.expr(a));
    const fp = this.tmp();
    this.emit(`${fp} = call ptr @seq_stdout()`);
    const sep = sepKw ? this.expr(sepKw.value).v : this.strConst(' ');
    const end = endKw ? this.expr(endKw.value).v : this.strConst('\n');
    // The arguments are evaluated at the call site into print's *args tuple before print runs
    // (above, before the default `file=_C.seq_stdout()`).
    e.args.forEach((a, i) => {
      const s = this.toStr(a, vals[i] as Val);
      if (i > 0) this.emit(`call void @seq_print_full({ i64, ptr } ${sep}, ptr ${fp})`);
      this.emit(`call void @seq_print_full({ i64, ptr } ${s}, ptr ${fp})`);
    });
    this.emit(`call void @seq_print_full({ i64, ptr } ${end}, ptr ${fp})`);
    return { t: NONE_T, v: '' };
  }

  /** str.codon `__add__`: a new `Ptr[byte](len1 + len2)` with both copied in. */
  private strAdd(a: string, b: string): string {
    const out = this.tmp();
    this.emit(`${out} = call { i64, ptr } @codon_str_add({ i64, ptr } ${a}, { i64, ptr } ${b})`);
    return out;
  }

  /**
   * An f-string as typecheck basic.cpp rewrites it: `str.cat` of the text pieces and, per field,
   * `str(x)`, or `str(x.__format__(spec))`: format.codon's `__format__` calls lib.cpp
   * `seq_str_int`/`seq_str_float`/`seq_str_str` with the fmt spec `_python_to_fmt_format` makes
   * (computed here by the front end: `FormatSpec.fmt`). The pieces are joined pairwise.
   */
  private fstring(e: Expr & { kind: 'fstring' }): Val {
    let acc: string | null = null;
    const add = (s: string) => {
      acc = acc === null ? s : this.strAdd(acc, s);
    };
    for (const part of e.parts) {
      if (part.kind === 'text') {
        add(this.strConst(part.value));
        continue;
      }
      if (part.selfDoc !== '') add(this.strConst(part.selfDoc));
      const v = this.expr(part.expr);
      const p = prune(v.t);
      if (part.conversion === 'r' && p.kind === 'str') return this.refuse(part.expr, '`!r` of a string');
      if (part.spec === null || part.conversion !== null) {
        const s = this.toStr(part.expr, v);
        add(
          part.spec === null ? s : this.formatCall('seq_str_str', `{ i64, ptr } ${s}`, part.spec.fmt, true),
        );
        continue;
      }
      const fmt = part.spec.fmt;
      if (p.kind === 'str') add(this.formatCall('seq_str_str', `{ i64, ptr } ${v.v}`, fmt, true));
      else if (p.kind === 'float') add(this.formatCall('codon_float_format', `double ${v.v}`, fmt, false));
      else if (p.kind === 'int') add(this.formatCall('seq_str_int', `i64 ${v.v}`, fmt, true));
      else if (p.kind === 'intn') {
        // format.codon: Int.__format__ is seq_str_int of `self.__int__()` (sext), UInt.__format__
        // seq_str_uint of UInt's `__int__()` (zext; the bits themselves for N = 64).
        const w = this.intnToI64(v.v, p.bits, p.signed);
        add(this.formatCall(p.signed ? 'seq_str_int' : 'seq_str_uint', `i64 ${w}`, fmt, true));
      } else return this.refuse(part.expr, `a format spec on ${p.kind}`);
    }
    return { t: STR_T, v: acc ?? this.strConst('') };
  }

  private formatCall(fn: string, arg: string, fmt: string, withError: boolean): string {
    const spec = this.strConst(fmt);
    const out = this.tmp();
    if (!withError) {
      this.emit(`${out} = call { i64, ptr } @${fn}(${arg}, { i64, ptr } ${spec})`);
      return out;
    }
    const err = `%e.${this.n++}`;
    this.allocas.push(`  ${err} = alloca i8`);
    this.emit(`${out} = call { i64, ptr } @${fn}(${arg}, { i64, ptr } ${spec}, ptr ${err})`);
    return out;
  }

  /** intn.codon `__int__`: Int[N] sign-extends to i64, UInt[N] zero-extends, N = 64 is the bits as they are. */
  private intnToI64(v: string, bits: number, signed: boolean): string {
    const w = this.tmp();
    if (bits === 64) this.emit(`${w} = add i64 ${v}, 0`);
    else this.emit(`${w} = ${signed ? 'sext' : 'zext'} i${bits} ${v} to i64`);
    return w;
  }

  /** `str(x)`: int.__repr__ via seq_str_int, float via seq_str_float and format.codon's "-nan" rule, lists via list.__repr__. */
  private toStr(e: Expr, v: Val): string {
    const p = prune(v.t);
    const out = this.tmp();
    switch (p.kind) {
      case 'str':
        return v.v;
      case 'int': {
        const err = `%e.${this.n++}`;
        this.allocas.push(`  ${err} = alloca i8`);
        this.emit(
          `${out} = call { i64, ptr } @seq_str_int(i64 ${v.v}, { i64, ptr } zeroinitializer, ptr ${err})`,
        );
        return out;
      }
      case 'intn': {
        // format.codon (v0.19.6): `Int[N].__str__` is `str(int(self))` (sext to i64, then
        // seq_str_int); `UInt[N].__str__` is `self.__format__("")` for N <= 64, which is
        // `_C.seq_str_uint(self.__int__(), "", err)` (zext; N = 64 passes its bits), and lib.cpp's
        // seq_str_uint formats them as fmt_conv<uint64_t>: a u64 prints as unsigned.
        const w = this.intnToI64(v.v, p.bits, p.signed);
        if (p.signed) return this.toStr(e, { t: INT_T, v: w });
        const err = `%e.${this.n++}`;
        this.allocas.push(`  ${err} = alloca i8`);
        this.emit(
          `${out} = call { i64, ptr } @seq_str_uint(i64 ${w}, { i64, ptr } zeroinitializer, ptr ${err})`,
        );
        return out;
      }
      case 'float':
        this.emit(`${out} = call { i64, ptr } @codon_float_repr(double ${v.v})`);
        return out;
      case 'float32': {
        const d = this.tmp();
        this.emit(`${d} = fpext float ${v.v} to double`);
        this.emit(`${out} = call { i64, ptr } @codon_float_repr(double ${d})`);
        return out;
      }
      case 'bool': {
        const c = this.truth(v);
        const t = this.strConst('True');
        const f = this.strConst('False');
        this.emit(`${out} = select i1 ${c}, { i64, ptr } ${t}, { i64, ptr } ${f}`);
        return out;
      }
      case 'none':
        return this.strConst('None');
      case 'ptr':
        this.emit(`${out} = call { i64, ptr } @seq_str_ptr(ptr ${v.v})`);
        return out;
      case 'list': {
        const k = prune(p.elem).kind;
        const kind = { int: 0, float: 1, bool: 2, str: 3 }[k as 'int'];
        if (kind === undefined) return this.refuse(e, `printing a list of ${k}`);
        this.emit(`${out} = call { i64, ptr } @codon_list_repr(ptr ${v.v}, i64 ${kind})`);
        return out;
      }
      case 'tuple-class': {
        // __magic__.repr of a @tuple class: "(a: 1.5, b: 2)".
        const { offsets } = structLayout(p.fields.map((f) => f.type));
        void offsets;
        return this.refuse(e, 'printing a @tuple value');
      }
      case 'ref-class':
      case 'exception':
        return lowerObjectStr(this.host(), v);
      default:
        return dict.lowerRepr(this.dg, e, v) ?? this.refuse(e, `printing a value of type ${p.kind}`);
    }
  }
}
