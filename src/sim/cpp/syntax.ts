/**
 * The C++ parse tree: what the parser read, before names and types are resolved.
 * The semantic pass (sema/) turns it into the typed AST of ast.ts, which is what the interpreter walks.
 *
 * Every node has a `kind` tag and a `span`.
 */
import type { Span } from '../diag';
import type { LiteralValue } from './token';

// ------------------------------------------------------------------ names

/** One component of a qualified name, with its template arguments: `array<double, 4>`. */
export interface NamePart {
  name: string;
  span: Span;
  templateArgs?: TemplateArgSyntax[];
}

/** `std::array<double, 4>`, `::x`, `ns::S::f`, `~S` (a destructor name). */
export interface QualifiedName {
  /** Starts with `::`. */
  global: boolean;
  parts: NamePart[];
  span: Span;
}

export type TemplateArgSyntax =
  { kind: 'type-arg'; type: TypeIdSyntax; span: Span } | { kind: 'expr-arg'; expr: ExprSyntax; span: Span };

// ------------------------------------------------------------------ attributes

/** `[[nodiscard]]`, `__attribute__((visibility("default")))`, `alignas(16)`: recorded, some acted on. */
export interface AttributeSyntax {
  kind: 'attribute';
  /** `gnu` for `__attribute__`, `std` for `[[...]]`, `alignas` for `alignas(...)`. */
  syntax: 'gnu' | 'std' | 'alignas';
  /** `visibility`, `packed`, `nodiscard`, `aligned`, `gnu::always_inline`. */
  name: string;
  /** Arguments as written (`"default"`, `16`). */
  args: string[];
  /** For `alignas(expr)`/`aligned(expr)`: the argument expression, evaluated by sema. */
  argExpr?: ExprSyntax;
  /** For `alignas(type)`. */
  argType?: TypeIdSyntax;
  span: Span;
}

// ------------------------------------------------------------------ types

/** The type part of a declaration before declarators: `static const unsigned long`, `std::array<double,4>`. */
export interface DeclSpecs {
  span: Span;
  base: BaseTypeSyntax;
  const: boolean;
  volatile: boolean;
  storage: StorageFlags;
  attributes: AttributeSyntax[];
  /** False when no specifier named a type (a constructor or destructor declaration). */
  hasType: boolean;
}

export interface StorageFlags {
  static?: Span;
  extern?: Span;
  threadLocal?: Span;
  inline?: Span;
  constexpr?: Span;
  virtual?: Span;
  explicit?: Span;
  mutable?: Span;
  typedef?: Span;
  register?: Span;
  /** Set on a single declaration prefixed by `extern "C"` (not a block): it declares, like `extern`. */
  externC?: Span;
}

export type BaseTypeSyntax =
  /** Built from type keywords: `unsigned long long`, `double`, `void`. `words` in source order. */
  | { kind: 'builtin'; words: string[]; span: Span }
  /** A name that denotes a type: `S`, `std::array<double, 4>`, `size_t`. */
  | { kind: 'named'; name: QualifiedName; span: Span }
  /** `struct S` / `enum E` used as a type name. */
  | { kind: 'elaborated'; tag: 'struct' | 'class' | 'union' | 'enum'; name: QualifiedName; span: Span }
  | { kind: 'auto'; span: Span }
  /** A class defined in place: `struct S { ... } s;`. */
  | { kind: 'record-def'; record: RecordSyntax; span: Span }
  | { kind: 'enum-def'; enumDef: EnumSyntax; span: Span }
  /** Missing or unreadable: already diagnosed. */
  | { kind: 'error'; span: Span };

/**
 * One step that builds a declarator's type from the base type, in application order:
 * for `int *a[3]` the steps are [pointer, array] (an array of 3 pointers to int).
 */
export type DeclaratorOp =
  | { kind: 'pointer'; const: boolean; volatile: boolean; span: Span }
  | { kind: 'reference'; rvalue: boolean; span: Span }
  | { kind: 'array'; size: ExprSyntax | null; span: Span }
  | {
      kind: 'function';
      params: ParamSyntax[];
      variadic: boolean;
      /** A member function's trailing `const`. */
      const: boolean;
      noexcept: boolean;
      /** `-> T` */
      trailingReturn?: TypeIdSyntax;
      span: Span;
    };

export interface DeclaratorSyntax {
  /** Absent for abstract declarators (`int*` in a cast or a nameless parameter). */
  name?: QualifiedName;
  ops: DeclaratorOp[];
  span: Span;
}

/** A type as written in a cast, a template argument, `new`, `sizeof`: specifiers plus an abstract declarator. */
export interface TypeIdSyntax {
  kind: 'type-id';
  specs: DeclSpecs;
  declarator: DeclaratorSyntax;
  span: Span;
}

export interface ParamSyntax {
  kind: 'param';
  specs: DeclSpecs;
  declarator: DeclaratorSyntax;
  defaultArg?: ExprSyntax;
  span: Span;
}

/** The initializer of a declarator. */
export type InitSyntax =
  /** `= expr` */
  | { kind: 'equals'; expr: ExprSyntax; span: Span }
  /** `= { ... }` */
  | { kind: 'equals-list'; list: InitListSyntax; span: Span }
  /** `{ ... }` */
  | { kind: 'braced'; list: InitListSyntax; span: Span }
  /** `( a, b )` */
  | { kind: 'paren'; args: (ExprSyntax | InitListSyntax)[]; span: Span };

export interface InitDeclarator {
  declarator: DeclaratorSyntax;
  init?: InitSyntax;
  /** A member bit-field's width (`unsigned x : 3`). */
  bitWidth?: ExprSyntax;
  /** A function definition's body. */
  body?: BlockSyntax;
  /** `= default` / `= delete` / `= 0` on a function. */
  special?: { kind: 'default' | 'delete' | 'pure'; span: Span };
  /** A constructor's member initializers: `S() : x(1), y{2} {}`. */
  memberInits?: MemberInitSyntax[];
  /** `override`/`final` after a member function declarator. */
  virtSpecifiers?: string[];
  span: Span;
}

export interface MemberInitSyntax {
  name: QualifiedName;
  init: InitSyntax;
  span: Span;
}

// ------------------------------------------------------------------ declarations

export interface SimpleDeclSyntax {
  kind: 'simple-decl';
  specs: DeclSpecs;
  declarators: InitDeclarator[];
  /** Language linkage from an enclosing or attached `extern "C"`. */
  linkage: 'C' | 'C++';
  span: Span;
}

export interface RecordSyntax {
  kind: 'record';
  tag: 'struct' | 'class' | 'union';
  /** Absent for an anonymous struct. */
  name?: QualifiedName;
  bases: BaseSpecSyntax[];
  /** Null for a forward declaration (`struct S;`). */
  members: MemberSyntax[] | null;
  attributes: AttributeSyntax[];
  /** `final` after the class name. */
  final: boolean;
  span: Span;
}

export interface BaseSpecSyntax {
  name: QualifiedName;
  access: 'public' | 'protected' | 'private' | null;
  virtual: boolean;
  span: Span;
}

export type MemberSyntax =
  | { kind: 'access'; access: 'public' | 'protected' | 'private'; span: Span }
  | { kind: 'member-decl'; decl: SimpleDeclSyntax; access: 'public' | 'protected' | 'private'; span: Span }
  | { kind: 'member-alias'; alias: AliasSyntax; span: Span }
  | { kind: 'static-assert'; assert: StaticAssertSyntax; span: Span };

export interface EnumSyntax {
  kind: 'enum';
  scoped: boolean;
  name?: QualifiedName;
  underlying?: TypeIdSyntax;
  /** Null for an opaque declaration (`enum class E : int;`). */
  enumerators: { name: string; value?: ExprSyntax; span: Span }[] | null;
  span: Span;
}

/** `using T = ...;` or `typedef ... T;` */
export interface AliasSyntax {
  kind: 'alias';
  name: string;
  nameSpan: Span;
  type: TypeIdSyntax;
  span: Span;
}

export interface StaticAssertSyntax {
  kind: 'static-assert';
  cond: ExprSyntax;
  message?: string;
  span: Span;
}

export type DeclSyntax =
  | SimpleDeclSyntax
  | AliasSyntax
  | StaticAssertSyntax
  | { kind: 'namespace'; name: string | null; decls: DeclSyntax[]; span: Span }
  /** `extern "C" { ... }` */
  | { kind: 'linkage-block'; linkage: 'C' | 'C++'; decls: DeclSyntax[]; span: Span }
  /** `using namespace std;` */
  | { kind: 'using-directive'; name: QualifiedName; span: Span }
  /** `using std::array;` */
  | { kind: 'using-decl'; name: QualifiedName; span: Span }
  /** A stray `;` at namespace scope. */
  | { kind: 'empty'; span: Span }
  /** `template <params> decl`: a function or class template, instantiated on use. */
  | { kind: 'template'; params: TemplateParamSyntax[]; decl: SimpleDeclSyntax; span: Span };

/** One template parameter: `typename T` / `class T`, or a constant (`int N`, `std::size_t N`). */
export type TemplateParamSyntax =
  { kind: 'type'; name: string; span: Span } | { kind: 'value'; name: string; specs: DeclSpecs; span: Span };

export interface TranslationUnitSyntax {
  decls: DeclSyntax[];
}

// ------------------------------------------------------------------ statements

export interface BlockSyntax {
  kind: 'block';
  stmts: StmtSyntax[];
  span: Span;
}

export type StmtSyntax =
  | BlockSyntax
  | { kind: 'decl-stmt'; decl: SimpleDeclSyntax | AliasSyntax | StaticAssertSyntax; span: Span }
  | { kind: 'expr-stmt'; expr: ExprSyntax; span: Span }
  | { kind: 'if'; cond: ExprSyntax; then: StmtSyntax; else?: StmtSyntax; span: Span }
  | {
      kind: 'for';
      init?: StmtSyntax;
      cond?: ExprSyntax;
      step?: ExprSyntax;
      body: StmtSyntax;
      span: Span;
    }
  | { kind: 'range-for'; decl: SimpleDeclSyntax; range: ExprSyntax; body: StmtSyntax; span: Span }
  | { kind: 'while'; cond: ExprSyntax; body: StmtSyntax; span: Span }
  | { kind: 'do-while'; body: StmtSyntax; cond: ExprSyntax; span: Span }
  | { kind: 'return'; value?: ExprSyntax | InitListSyntax; span: Span }
  | { kind: 'break'; span: Span }
  | { kind: 'continue'; span: Span }
  | { kind: 'empty'; span: Span }
  /** A statement the parser could not read or does not support (already diagnosed). */
  | { kind: 'error-stmt'; span: Span };

// ------------------------------------------------------------------ expressions

export interface InitListSyntax {
  kind: 'init-list';
  items: ExprSyntax[];
  span: Span;
}

export type CastStyle = 'c' | 'functional' | 'static' | 'reinterpret' | 'const' | 'dynamic';

export type ExprSyntax =
  | { kind: 'name'; name: QualifiedName; span: Span }
  | { kind: 'literal'; value: LiteralValue; text: string; span: Span }
  /** Adjacent string literals, concatenated. */
  | { kind: 'string'; value: LiteralValue & { kind: 'string' }; span: Span }
  | { kind: 'bool'; value: boolean; span: Span }
  | { kind: 'nullptr'; span: Span }
  | { kind: 'this'; span: Span }
  | { kind: 'paren'; expr: ExprSyntax; span: Span }
  /** Prefix operators: `- + ! ~ * & ++ --`. */
  | { kind: 'unary'; op: string; operand: ExprSyntax; span: Span; opSpan: Span }
  | { kind: 'postfix'; op: '++' | '--'; operand: ExprSyntax; span: Span; opSpan: Span }
  | { kind: 'binary'; op: string; left: ExprSyntax; right: ExprSyntax; span: Span; opSpan: Span }
  | {
      kind: 'assign';
      op: string;
      left: ExprSyntax;
      right: ExprSyntax | InitListSyntax;
      span: Span;
      opSpan: Span;
    }
  | { kind: 'conditional'; cond: ExprSyntax; then: ExprSyntax; else: ExprSyntax; span: Span }
  | { kind: 'comma'; left: ExprSyntax; right: ExprSyntax; span: Span }
  | { kind: 'call'; callee: ExprSyntax; args: (ExprSyntax | InitListSyntax)[]; span: Span }
  | { kind: 'index'; base: ExprSyntax; index: ExprSyntax; span: Span }
  | {
      kind: 'member';
      object: ExprSyntax;
      arrow: boolean;
      name: QualifiedName;
      span: Span;
    }
  | { kind: 'cast'; style: CastStyle; type: TypeIdSyntax; operand: ExprSyntax; span: Span }
  /** `T(args)` or `T{...}` where T is a type: a temporary of type T (a functional cast when one arg). */
  | {
      kind: 'construct';
      type: TypeIdSyntax;
      args: (ExprSyntax | InitListSyntax)[];
      braced: boolean;
      span: Span;
    }
  | { kind: 'sizeof-type'; type: TypeIdSyntax; span: Span }
  | { kind: 'sizeof-expr'; operand: ExprSyntax; span: Span }
  | { kind: 'alignof'; type: TypeIdSyntax; span: Span }
  | {
      kind: 'new';
      type: TypeIdSyntax;
      /** `new T[n]`: the element count. */
      arraySize?: ExprSyntax;
      init?:
        { kind: 'paren'; args: (ExprSyntax | InitListSyntax)[] } | { kind: 'braced'; list: InitListSyntax };
      span: Span;
    }
  | { kind: 'delete'; array: boolean; operand: ExprSyntax; span: Span }
  | InitListSyntax
  /** Unreadable or unsupported (already diagnosed). */
  | { kind: 'error-expr'; span: Span };
