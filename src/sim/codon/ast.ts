/**
 * The Codon front end's syntax tree: plain data, every node tagged with a `kind` and located by a `span`.
 *
 * Type annotations are ordinary expressions (as in Codon's own parser, where `Ptr[float]` is an
 * index expression on the name `Ptr`); the checker turns them into `CodonType`s.
 * The checker fills the optional `type` field of expressions and the `resolved` field of calls,
 * so the interpreter never has to re-derive what a name or a call means.
 */
import type { Span } from '../diag';
import type { FunctionAttributes } from './attributes';
import type { CodonType, IntBits } from './types';

// ---------------------------------------------------------------------------------------------
// Expressions

export type BinaryOp = '+' | '-' | '*' | '/' | '//' | '%' | '**';
/** `in`/`not in` on a list: list.codon `__contains__` (each item `==` the value, in order). */
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=' | 'in' | 'not in';
export type UnaryOp = '-' | '+' | 'not';

interface ExprBase {
  span: Span;
  /** Filled by the checker; absent when the expression could not be typed (an error was reported). */
  type?: CodonType;
  /**
   * Filled by the checker when Codon converts the value where it is used (its `wrapExpr`):
   * an `int` passed, assigned or returned where a `float` is expected becomes `float(x)`, and any
   * value where a `bool` is expected becomes `x.__bool__()`.
   */
  coerceTo?: CodonType;
}

export interface NameExpr extends ExprBase {
  kind: 'name';
  id: string;
  /** Filled by the checker: what the name refers to. */
  binding?: NameBinding;
}
export interface IntExpr extends ExprBase {
  kind: 'int';
  /** Exact value (64-bit range checked by the checker). */
  value: bigint;
  text: string;
}
export interface FloatExpr extends ExprBase {
  kind: 'float';
  value: number;
  text: string;
}
export interface StrExpr extends ExprBase {
  kind: 'str';
  value: string;
}
export interface BoolExpr extends ExprBase {
  kind: 'bool';
  value: boolean;
}
export interface NoneExpr extends ExprBase {
  kind: 'none';
}
export interface UnaryExpr extends ExprBase {
  kind: 'unary';
  op: UnaryOp;
  operand: Expr;
}
export interface BinaryExpr extends ExprBase {
  kind: 'binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
  /** Filled by the checker: the operand types after Codon's int-to-float promotion. */
  promoted?: 'int' | 'float' | 'ptr-offset' | 'list-repeat' | 'str-concat';
}
/** `a < b`, or a chain `a < b <= c` (each middle operand is evaluated once). */
export interface CompareExpr extends ExprBase {
  kind: 'compare';
  ops: CompareOp[];
  operands: Expr[];
}
/** `and` / `or`: in Codon both sides are converted to `bool` and the result is a `bool`. */
export interface BoolOpExpr extends ExprBase {
  kind: 'boolop';
  op: 'and' | 'or';
  left: Expr;
  right: Expr;
}
export interface Keyword {
  name: string;
  nameSpan: Span;
  value: Expr;
}
export interface CallExpr extends ExprBase {
  kind: 'call';
  callee: Expr;
  args: Expr[];
  keywords: Keyword[];
  /** Filled by the checker. */
  resolved?: CallTarget;
}
export interface IndexExpr extends ExprBase {
  kind: 'index';
  target: Expr;
  index: Expr;
  /** Filled by the checker: what is indexed (a type application such as `Ptr[float]` has `'type'`). */
  access?: 'list' | 'ptr' | 'array' | 'type' | 'dict' | 'tuple';
  /** Filled by the checker for `t[i]` on a tuple: the item's position (a static index, as in Codon). */
  tupleIndex?: number;
}
export interface AttrExpr extends ExprBase {
  kind: 'attr';
  target: Expr;
  name: string;
  nameSpan: Span;
}
export interface ListExpr extends ExprBase {
  kind: 'list';
  items: Expr[];
}
/** `[elt for target in iter if cond ...]` with one `for` clause. */
export interface ListCompExpr extends ExprBase {
  kind: 'listcomp';
  elt: Expr;
  target: NameExpr;
  iter: Expr;
  conditions: Expr[];
}
/** `a if c else b`: only the chosen branch is evaluated. */
export interface IfExpExpr extends ExprBase {
  kind: 'ifexp';
  test: Expr;
  body: Expr;
  orelse: Expr;
}

/** `a[i:j]`, `a[:j]`, `a[i:]`, `a[:]` on a list (list.codon `__getitem__(self, s: Slice)`, no step). */
export interface SliceExpr extends ExprBase {
  kind: 'slice';
  target: Expr;
  lower: Expr | null;
  upper: Expr | null;
}

/**
 * An f-string, as Codon 0.19 splits it (scoping.cpp `unpackFString`) and rewrites it (typecheck
 * basic.cpp `visit(StringExpr)`): `str.cat(text, str(x), str(y.__format__(spec)), ...)`.
 */
export interface FStringExpr extends ExprBase {
  kind: 'fstring';
  parts: FStringPart[];
}
export type FStringPart =
  | { kind: 'text'; value: string }
  | {
      kind: 'field';
      expr: Expr;
      /** `!r` wraps the value in `repr(...)`, `!s` in `str(...)` (basic.cpp). */
      conversion: 'r' | 's' | null;
      /** The format spec after `:` (null without one; `{x:}` is no spec either, as in basic.cpp). */
      spec: FormatSpec | null;
      /** `{x=}`: the text `x=` put before the value (grammar.peg `fstring_prefix`). */
      selfDoc: string;
    };

/**
 * A Python format spec the simulator models, parsed once; `fmt` is what Codon hands the fmt
 * library after its own conversion (format.codon `_python_to_fmt_format`).
 */
export interface FormatSpec {
  text: string;
  fill: string;
  align: '<' | '>' | '^' | null;
  sign: '+' | '-' | ' ' | null;
  alternate: boolean;
  width: number;
  precision: number | null;
  type: 'd' | 'x' | 'X' | 'o' | 'b' | 'f' | 'F' | 'e' | 'E' | 'g' | 'G' | null;
  fmt: string;
}

/** `(a, b)` or a bare `a, b`: collections.cpp `Tuple.__new__(a, b)`, a by-value struct. */
export interface TupleExpr extends ExprBase {
  kind: 'tuple';
  items: Expr[];
}
/** `{k: v, ...}` (and `{}`): collections.cpp `transformComprehension`, `Dict()` then `__setitem__` of each pair. */
export interface DictExpr extends ExprBase {
  kind: 'dict';
  keys: Expr[];
  values: Expr[];
}
/** `{a, b}`: collections.cpp `transformComprehension`, `Set()` then `add` of each item. */
export interface SetExpr extends ExprBase {
  kind: 'set';
  items: Expr[];
}

/** Stands where an expression could not be parsed or was not modelled (a diagnostic says why). */
export interface ErrorExpr extends ExprBase {
  kind: 'error';
}

export type Expr =
  | NameExpr
  | IntExpr
  | FloatExpr
  | StrExpr
  | BoolExpr
  | NoneExpr
  | UnaryExpr
  | BinaryExpr
  | CompareExpr
  | BoolOpExpr
  | CallExpr
  | IndexExpr
  | AttrExpr
  | ListExpr
  | ListCompExpr
  | FStringExpr
  | SliceExpr
  | IfExpExpr
  | TupleExpr
  | DictExpr
  | SetExpr
  | ErrorExpr;

/** What a name refers to, as resolved by the checker. */
export type NameBinding =
  | { kind: 'global'; name: string }
  | { kind: 'local'; name: string }
  /** The variable of the list comprehension that encloses the use. */
  | { kind: 'comprehension'; name: string }
  | { kind: 'function'; name: string }
  | { kind: 'c-function'; name: string }
  | { kind: 'class'; name: string }
  | { kind: 'builtin'; name: string };

/** What a call does, as resolved by the checker. */
export type CallTarget =
  | { kind: 'c-function'; name: string }
  | { kind: 'codon-function'; name: string }
  /** `f.__raw__()`: the address of the Codon function `f`'s code, a `cobj` (check-callback.ts). */
  | { kind: 'fn-raw'; name: string }
  | { kind: 'print' }
  | { kind: 'len' }
  | { kind: 'range' }
  | { kind: 'convert'; to: 'int' | 'float' | 'float32' | 'bool' }
  /** `str(x)`: str.codon `__new__(what)` is `what.__str__()`, the text print shows, in a new GC string. */
  | { kind: 'to-str' }
  /** `i32(x)`, `u8()`: intn.codon's `__new__`, truncating or extending to N bits (0 without argument). */
  | { kind: 'intn-new'; bits: IntBits; signed: boolean }
  /** `Ptr[T](n)`: a GC allocation of n elements (atomic when T holds no pointers). */
  | { kind: 'ptr-alloc'; elem: CodonType }
  /** `Ptr[T]()` or `cobj()`: the null pointer. */
  | { kind: 'ptr-null'; elem: CodonType }
  /** `Ptr[T](p)`: the same address seen as another element type. */
  | { kind: 'ptr-cast'; elem: CodonType }
  /** `__ptr__(x)`, `__ptr__(r.f)`: the address of the variable `x` itself, plus a field's offset. */
  | { kind: 'addr-of'; name: string; offset: number }
  | { kind: 'tuple-new'; className: string }
  | { kind: 'list-append'; elem: CodonType }
  /** `s.c_str()`: str.codon copies the bytes into `cobj(n + 1)` (a GC block) and adds a NUL. */
  | { kind: 'str-c-str' }
  /** `str.from_ptr(p)`: str.codon copies `strlen(p)` bytes into a new `Ptr[byte](n)` (GC, atomic). */
  | { kind: 'str-from-ptr' }
  /** `lst.pop()`: list.codon raises IndexError on an empty list, else returns the last item, len - 1. */
  | { kind: 'list-pop'; elem: CodonType }
  /**
   * `C(args)` of a reference class: `__magic__.new` (a GC object of the fields) then `__init__`,
   * the class's own (`init`: its function's name) or the generated one that stores each argument.
   */
  | { kind: 'class-new'; className: string; init: string | null }
  /** `obj.m(args)`: the method's function (`C.m`) with `obj` as `self` (classes.ts). */
  | { kind: 'method'; fn: string }
  /** `obj.__raw__()` of a reference class: the object's address as a `cobj` (type.codon `_ref_raw`). */
  | { kind: 'obj-raw' }
  /** `dict()`, `Dict[K, V]()`, `set()`, `Set[K]()`: an empty table (dict.codon/set.codon `_init`). */
  | { kind: 'table-new'; type: CodonType }
  /** A method of a Dict or Set (dict.codon, set.codon), on the table the callee's target gives. */
  | { kind: 'table-method'; method: TableMethod }
  /** `enumerate(xs)`: a generator of `(i, x)` (misc.codon `enumerate`). */
  | { kind: 'enumerate' };

/** The Dict and Set methods the simulator models. */
export type TableMethod = 'add' | 'get' | 'items' | 'keys' | 'values';

// ---------------------------------------------------------------------------------------------
// Statements

interface StmtBase {
  span: Span;
}

/** `x = v`, `x: T = v`, `a[i] = v`, `o.f = v`. */
export interface AssignStmt extends StmtBase {
  kind: 'assign';
  target: Expr;
  annotation: Expr | null;
  value: Expr;
  /** Filled by the checker: true when this assignment creates the variable. */
  declares?: boolean;
}
/** `x += v` and friends. */
export interface AugAssignStmt extends StmtBase {
  kind: 'augassign';
  target: Expr;
  op: BinaryOp;
  value: Expr;
}
export interface ExprStmt extends StmtBase {
  kind: 'expr';
  expr: Expr;
}
/** `if` with its `elif`s folded into nested `if`s in `orelse`. */
export interface IfStmt extends StmtBase {
  kind: 'if';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface WhileStmt extends StmtBase {
  kind: 'while';
  test: Expr;
  body: Stmt[];
}
export interface ForStmt extends StmtBase {
  kind: 'for';
  target: NameExpr;
  /**
   * `for a, b in ...`: the names each item (a tuple) is unpacked into, in order; `target` is then
   * the first of them. Codon unpacks the item as an assignment `a, b = item` does.
   */
  unpack?: NameExpr[];
  iter: Expr;
  body: Stmt[];
}
export interface BreakStmt extends StmtBase {
  kind: 'break';
}
export interface ContinueStmt extends StmtBase {
  kind: 'continue';
}
export interface PassStmt extends StmtBase {
  kind: 'pass';
}
export interface ReturnStmt extends StmtBase {
  kind: 'return';
  value: Expr | null;
}
export interface Param {
  name: string;
  nameSpan: Span;
  annotation: Expr | null;
  span: Span;
  type?: CodonType;
}
export interface FunctionDef extends StmtBase {
  kind: 'def';
  name: string;
  nameSpan: Span;
  params: Param[];
  returns: Expr | null;
  body: Stmt[];
  /** Filled by the checker. */
  returnType?: CodonType;
  /** Filled by the checker: every local variable (parameters first), in order of first assignment. */
  locals?: LocalVar[];
  /** `@export` / `@pure` (attributes.ts); absent without decorators. */
  attributes?: FunctionAttributes;
  /** A method: its class (the function's `name` is then `Class.method`, as Codon names it). */
  method?: { className: string; name: string };
}
export interface FieldDecl {
  name: string;
  nameSpan: Span;
  annotation: Expr;
  span: Span;
  type?: CodonType;
}
/**
 * `class Name:` with typed fields and methods: with `@tuple` a by-value LLVM struct, without it a
 * reference class (a pointer to a GC object holding the fields).
 */
export interface ClassDef extends StmtBase {
  kind: 'class';
  name: string;
  nameSpan: Span;
  fields: FieldDecl[];
  /** True for a reference class (no `@tuple`). */
  ref?: boolean;
  /** Its methods, each named `Class.method`. */
  methods?: FunctionDef[];
}
/** `try:` with `except CError [as e]:` clauses (classes.ts: the only exception a program here can catch). */
export interface TryStmt extends StmtBase {
  kind: 'try';
  body: Stmt[];
  handlers: ExceptHandler[];
}
export interface ExceptHandler {
  /** The exception class named (only `CError` is modelled). */
  type: string;
  typeSpan: Span;
  /** `as e`: the variable bound to the exception. */
  name: { name: string; span: Span } | null;
  body: Stmt[];
  span: Span;
}
/** `from C import [LIB.]name(T, ...) [-> R] [as alias]`. */
export interface CImport extends StmtBase {
  kind: 'cimport';
  /** The name bound to the library path for a dynamic import (`LIB` in `LIB.name`), else null. */
  library: { name: string; span: Span } | null;
  symbol: string;
  symbolSpan: Span;
  params: Expr[];
  returns: Expr | null;
  alias: { name: string; span: Span } | null;
  /** Filled by the checker. */
  paramTypes?: CodonType[];
  returnType?: CodonType;
  /** Filled by the checker: the library path string literal that `library.name` is bound to. */
  libraryPath?: string;
}

export type Stmt =
  | AssignStmt
  | AugAssignStmt
  | ExprStmt
  | IfStmt
  | WhileStmt
  | ForStmt
  | BreakStmt
  | ContinueStmt
  | PassStmt
  | ReturnStmt
  | FunctionDef
  | ClassDef
  | TryStmt
  | CImport;

export interface LocalVar {
  name: string;
  type: CodonType;
  /** Where the variable is first bound. */
  span: Span;
  isParam: boolean;
}

/** One parsed (and, after checking, typed) `.codon` file. */
export interface Module {
  kind: 'module';
  file: string;
  body: Stmt[];
  span: Span;
  /** Filled by the checker: the module-level variables, in order of first assignment. */
  globals?: LocalVar[];
  /**
   * Names the parser saw in constructs it refused as not modelled (or skipped): the checker does
   * not call them undefined, so a refusal never turns into "name 'f' is not defined".
   */
  refusedNames?: string[];
}

/** The name a C import is called by in the program. */
export function cImportName(imp: CImport): string {
  return imp.alias?.name ?? imp.symbol;
}
