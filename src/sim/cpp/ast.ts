/**
 * The typed C++ AST: what `parseCpp` returns and what the interpreter walks.
 *
 * Conventions (they follow Clang's AST, so -O0 code generation maps onto it directly):
 * - Every node has a `kind` tag and a `span` (1-based line/column, 0-based offset, end exclusive).
 * - Every expression has its C++ `type` and its value `category`. A glvalue (`lvalue`/`xvalue`)
 *   evaluates to an *address*; a `prvalue` evaluates to a *value* (a scalar's bits) or, for a class
 *   type, initialises an object in place (the interpreter passes the destination along).
 * - Every conversion is explicit in the tree: loading a scalar from a glvalue is a `cast` node with
 *   conversion `lvalue-to-rvalue`; `int` to `double` is `int-to-float`; array decay is
 *   `array-to-pointer`. The interpreter never has to guess a conversion.
 * - A glvalue whose type is a reference never appears: a variable of reference type referenced by a
 *   `var-ref` yields the referent (the interpreter loads the address stored in the variable; see
 *   `VarRefExpr.throughReference`). Function results of reference type are glvalues of the referent.
 * - Initialisation of every object (variables, parameters, return slots, `new`, temporaries) is an
 *   `Init` tree: it says how the bytes of the object come to be (see `Init`).
 * - Standard library operations are resolved to dedicated nodes (`std-method`, `builtin-call`,
 *   `stream-output`), never left as names to look up at run time.
 */
import type { CType, FunctionType, PointerType, RecordDecl, RecordType, StdKind } from '../abi/ctype';
import type { Span } from '../diag';

// ------------------------------------------------------------------ the unit

export interface TranslationUnit {
  file: string;
  /** Every function declared or defined (members included), in the order of first declaration. */
  functions: FunctionDecl[];
  /**
   * Every object with static or thread storage duration, in source order: namespace-scope variables,
   * static data members and `static`/`thread_local` locals (their `init` runs once, on first pass, as
   * C++ guarantees; namespace-scope ones are initialised before `main`-like entry).
   */
  statics: VarDecl[];
  /** Classes, structs and unions declared in the file. */
  records: RecordInfo[];
  enums: EnumInfo[];
  /** `#include` lines, for the record (headers are not read: the library is built in). */
  includes: { header: string; system: boolean; span: Span }[];
}

// ------------------------------------------------------------------ declarations

export interface AttributeInfo {
  /** `visibility`, `packed`, `nodiscard`, `aligned`, `alignas`, `gnu::noinline`. */
  name: string;
  syntax: 'gnu' | 'std' | 'alignas';
  args: string[];
  span: Span;
}

/** Where an object lives. */
export type StorageKind =
  /** A local variable: in the function's frame. */
  | 'auto'
  /** A parameter: in the callee's frame (its bytes arrive per the calling convention). */
  | 'param'
  /** Namespace-scope, static data member, or `static` local: in static data. */
  | 'static'
  /** `thread_local`: one instance per thread (the machine has one thread per run). */
  | 'thread';

export interface VarDecl {
  kind: 'var';
  /** Unique within the unit. */
  id: number;
  name: string;
  /** Namespace- and class-qualified name (`ns::S::count`); equals `name` for locals. */
  qualifiedName: string;
  /** The declared type; a reference type for reference variables and parameters. */
  type: CType;
  /** Top-level `const` (`const double x`, `double* const p`). */
  const: boolean;
  constexpr: boolean;
  storage: StorageKind;
  /**
   * How the object is initialised, or null when it is not (a local without initializer of a
   * trivially default-constructible type holds whatever bytes were there: indeterminate).
   * For locals this is the same Init as in the `var-decl` statement that declares it.
   */
  init: Init | null;
  span: Span;
  /** The function a local or parameter belongs to (its `id`). */
  functionId?: number;
  /** Introduced by the compiler, not the user: the `__range`, `__begin`, `__end` of a range-for. */
  synthetic?: boolean;
  /** This local is the function's named return value: g++ builds it in the caller's return slot (NRVO). */
  nrvo?: boolean;
  /** Linker symbol for namespace-scope variables and static members (`x`, `_ZN2ns1xE`). */
  symbol?: string;
  /** Namespace-scope `static` or in an anonymous namespace: not visible to the dynamic loader. */
  internal?: boolean;
  /** `extern int x;` without an initializer: declared here, defined elsewhere (not allocated). */
  externDeclaration?: boolean;
  attributes: AttributeInfo[];
}

export type SpecialMemberKind =
  'default-ctor' | 'copy-ctor' | 'move-ctor' | 'copy-assign' | 'move-assign' | 'dtor';

export interface MethodInfo {
  /** The class the member belongs to. */
  record: RecordDecl;
  kind: 'method' | 'constructor' | 'destructor';
  static: boolean;
  /** A `const` member function (`this` points to const). */
  const: boolean;
  virtual: boolean;
  pure: boolean;
  /** Which special member this is, if any. */
  special: SpecialMemberKind | null;
  /** `explicit` (a constructor not used for implicit conversions). */
  explicit: boolean;
  /** `= default` / `= delete` on its first declaration. */
  defaulted: boolean;
  deleted: boolean;
  /** A constructor's member and base initializers, in the order they run (bases, then fields in declaration order). */
  memberInits: MemberInit[];
  /** `S*` (or `const S*` for const methods). */
  thisType: PointerType;
}

export type MemberInit =
  | { kind: 'field-init'; field: FieldInfo; init: Init; span: Span }
  | { kind: 'base-init'; base: RecordDecl; init: Init; span: Span };

export interface FunctionDecl {
  kind: 'function';
  id: number;
  /** Unqualified: `foo`, `S` for a constructor, `~S` for a destructor. */
  name: string;
  /** `ns::S::foo`. */
  qualifiedName: string;
  /** The name in the first declaration. */
  span: Span;
  /** 'C' inside `extern "C"`, else 'C++'. */
  linkage: 'C' | 'C++';
  /** What the dynamic loader looks up: the plain name for C linkage, else the Itanium-mangled name. */
  symbol: string;
  /** `static` or in an anonymous namespace: internal linkage (not exported from the library). */
  internal: boolean;
  inline: boolean;
  constexpr: boolean;
  returnType: CType;
  /** Parameters (storage 'param'), in order; a member function's `this` is not among them. */
  params: VarDecl[];
  /** Default arguments per parameter (null where none): a call that omits them uses these inits. */
  defaultArgs: (Init | null)[];
  variadic: boolean;
  type: FunctionType;
  /** The body of the definition, or null when only declared in this file. */
  body: BlockStmt | null;
  /** Every declaration (the definition included), in source order. */
  declarations: Span[];
  /** The span of the definition's name, when defined. */
  definitionSpan: Span | null;
  attributes: AttributeInfo[];
  /** Every local variable of the body, in declaration order (the -O0 frame holds all of them). */
  locals: VarDecl[];
  /**
   * The named return value when g++ applies NRVO (even at -O0): the function returns a class type
   * and every `return` returns this same local. The local lives in the return slot the caller
   * provides (x86-64: the address in %rdi for sret; else a temporary that is then returned in registers).
   */
  nrvoVariable: VarDecl | null;
  /** Set for member functions, constructors and destructors. */
  method: MethodInfo | null;
  /** `= delete`: every call is an error. */
  deleted: boolean;
}

export interface FieldInfo {
  name: string;
  type: CType;
  /** Index in `RecordDecl.fields` (the layout code's order). */
  index: number;
  bitWidth?: number;
  access: 'public' | 'protected' | 'private';
  /** Default member initializer (`double x = 1.0;`), used by constructors that do not initialise the field. */
  defaultInit: Init | null;
  span: Span;
}

export interface RecordInfo {
  kind: 'record';
  /** The type model's declaration (the same object every `RecordType` of this class points to). */
  decl: RecordDecl;
  type: RecordType;
  qualifiedName: string;
  fields: FieldInfo[];
  /** Member functions, constructors and destructor, in declaration order. */
  methods: FunctionDecl[];
  staticMembers: VarDecl[];
  span: Span;
}

export interface EnumInfo {
  kind: 'enum';
  name: string;
  qualifiedName: string;
  scoped: boolean;
  type: CType;
  enumerators: { name: string; value: bigint; span: Span }[];
  span: Span;
}

// ------------------------------------------------------------------ initialisation

/**
 * How an object's bytes come to be.
 * - `default`: no initializer. Scalars and arrays of scalars stay indeterminate (uninitialised
 *   memory: a read before a write is a finding); a class runs `ctor` (a user default constructor), or
 *   when `ctor` is null the implicit one: each field gets its `FieldInfo.defaultInit` if it has
 *   one, else is default-initialised itself. Standard library classes get their library default
 *   (empty `shared_ptr`/`unique_ptr`/`vector`/`string`, disengaged `optional`; `std::array` of
 *   scalars stays indeterminate, like a C array).
 * - `zero`: value-initialisation of a type without a user default constructor: all bytes 0.
 * - `expr`: from a prvalue of exactly the object's type (conversions already applied). For a class
 *   prvalue the interpreter evaluates it directly into the object (guaranteed copy elision).
 * - `copy`: a class object from a glvalue of the same class: a byte copy when `ctor` is null and the
 *   class is trivially copyable; else the user's copy/move constructor; or, for `std`, the library's
 *   semantics (`shared_ptr` copy increments the shared count, `unique_ptr` move nulls the source).
 * - `ctor`: a user constructor called with arguments (each argument initialises a parameter).
 * - `aggregate`: braced initialisation of an array, a `std::array` (its element array) or an
 *   aggregate struct (one Init per field in declaration order; missing trailing ones are `zero` or the
 *   field's default member initializer).
 * - `bind`: a reference is bound to the glvalue `expr` (the reference stores its address).
 * - `string`: a `char` array from a string literal (`char s[] = "hi"`), the rest zero.
 * - `std-ctor`: a standard class constructed from arguments (`std::pair<int,double> p(1, 2.0)`,
 *   `std::unique_ptr<T> u(new T)`, `std::complex<double> c(1, 2)`); `args` are already converted to
 *   the members' types in declaration order.
 */
export type Init =
  | { kind: 'default'; type: CType; ctor: FunctionDecl | null; span: Span }
  | { kind: 'zero'; type: CType; span: Span }
  | { kind: 'expr'; expr: Expr; span: Span }
  | {
      kind: 'copy';
      type: CType;
      source: Expr;
      ctor: FunctionDecl | null;
      move: boolean;
      std: StdKind | null;
      span: Span;
    }
  | { kind: 'ctor'; type: CType; ctor: FunctionDecl; args: Init[]; span: Span }
  | { kind: 'aggregate'; type: CType; elements: Init[]; span: Span }
  /**
   * A reference bound to `expr`. A temporary bound in a declaration lives as long as the reference;
   * one bound to a parameter (`argument`) only until the end of the full-expression with the call
   * ([class.temporary]/6.10), so a reference the function returns to it dangles.
   */
  | { kind: 'bind'; type: CType; expr: Expr; span: Span; argument?: true }
  | { kind: 'string'; type: CType; literal: StringLiteralExpr; span: Span }
  /**
   * A library constructor with its arguments converted to the parameter types. `list` marks the
   * initializer_list constructor (`std::vector<int> v{1, 2, 3}`): the arguments are the elements.
   */
  | {
      kind: 'std-ctor';
      type: RecordType;
      std: StdKind;
      args: Expr[];
      list?: true;
      /** `std::vector<T> v(first, last)`: the two arguments are pointers bounding the elements to copy. */
      range?: true;
      span: Span;
    };

// ------------------------------------------------------------------ statements

export interface BlockStmt {
  kind: 'block';
  stmts: Stmt[];
  /** Automatic variables declared directly in this block, in order: their lifetimes end (in reverse) when it exits. */
  scopeVars: VarDecl[];
  span: Span;
}

export type Stmt =
  | BlockStmt
  /** One declarator: `int a = 1, b;` gives two. Static locals: run `variable.init` the first time only. */
  | { kind: 'var-decl'; variable: VarDecl; init: Init | null; span: Span }
  | { kind: 'expr'; expr: Expr; span: Span }
  | { kind: 'if'; cond: Expr; then: Stmt; else: Stmt | null; span: Span }
  | { kind: 'while'; cond: Expr; body: Stmt; span: Span }
  | { kind: 'do-while'; body: Stmt; cond: Expr; span: Span }
  /**
   * Classic `for`. A range-for is lowered to the block C++ defines it as (`auto&& __range = r;
   * auto __begin = ...; auto __end = ...; for (; __begin != __end; ++__begin) { T x = *__begin; ... }`)
   * with `rangeFor` set, so the interpreter needs nothing special for it.
   */
  | {
      kind: 'for';
      init: Stmt | null;
      cond: Expr | null;
      step: Expr | null;
      body: Stmt;
      /** Variables declared in the init-statement (their scope is the loop). */
      scopeVars: VarDecl[];
      rangeFor?: boolean;
      span: Span;
    }
  /**
   * `init` initialises the return slot (null for `return;` and for the NRVO variable, which already
   * lives there: `nrvo` true).
   */
  | {
      kind: 'return';
      init: Init | null;
      nrvo: boolean;
      /**
       * g++ returns a null pointer (or null reference) instead: the returned expression is the
       * address of, or a reference to, a local, a parameter or a temporary (see nullsReturn in
       * sema/stmt.ts).
       */
      nullResult?: true;
      span: Span;
    }
  | { kind: 'break'; span: Span }
  | { kind: 'continue'; span: Span }
  | { kind: 'empty'; span: Span }
  /** A statement that failed to parse or type-check (already diagnosed; the program does not run). */
  | { kind: 'error'; span: Span };

// ------------------------------------------------------------------ expressions

export type ValueCategory = 'lvalue' | 'xvalue' | 'prvalue';

interface ExprBase {
  span: Span;
  /** The expression's type; never a reference type (see the conventions above). */
  type: CType;
  category: ValueCategory;
  /** A const-qualified glvalue (`const double x`, `*p` with `const double* p`, a string literal). */
  isConst?: boolean;
}

/**
 * The conversions a `cast` node performs.
 * - `lvalue-to-rvalue`: load a scalar from the glvalue operand.
 * - `array-to-pointer`: address of element 0 of the array glvalue. `function-to-pointer`: address of the function.
 * - `integral`: between integer types (bool, char, enums included): truncate or sign/zero-extend.
 * - `int-to-float`, `float-to-int` (truncate toward zero), `float` (float <-> double <-> long double).
 * - `to-bool`: nonzero test of an integer, floating or pointer value.
 * - `null-to-pointer`: `nullptr` or a null constant becomes a null pointer.
 * - `pointer`: a pointer to another pointer type, same bits (`T*` -> `void*`, `static_cast<T*>(void*)`,
 *   `reinterpret_cast`, adding `const`).
 * - `derived-to-base`: glvalue or pointer of a derived class to its base subobject (`base` says which;
 *   the offset comes from the layout).
 * - `pointer-to-int`, `int-to-pointer`: `reinterpret_cast` between pointers and integers (same bits).
 * - `to-void`: evaluate and discard (`(void)x`).
 * - `noop`: same bits and address (adding const, `std::move` making an xvalue).
 */
export type Conversion =
  | 'lvalue-to-rvalue'
  | 'array-to-pointer'
  | 'function-to-pointer'
  | 'integral'
  | 'int-to-float'
  | 'float-to-int'
  | 'float'
  | 'to-bool'
  | 'null-to-pointer'
  | 'pointer'
  | 'derived-to-base'
  | 'pointer-to-int'
  | 'int-to-pointer'
  | 'to-void'
  | 'noop';

export interface CastExpr extends ExprBase {
  kind: 'cast';
  conversion: Conversion;
  /** Inserted by the compiler (true) or written (false). */
  implicit: boolean;
  /** How it was written, for explicit casts. */
  style: 'implicit' | 'c' | 'functional' | 'static' | 'reinterpret' | 'const' | 'std::move';
  /** For `derived-to-base`: the base class reached. */
  base?: RecordDecl;
  operand: Expr;
}

export interface StringLiteralExpr extends ExprBase {
  kind: 'string-literal';
  /** Decoded text (for display). */
  value: string;
  /** Code units stored in memory, without the terminating 0 (UTF-8 bytes for narrow literals). */
  units: number[];
}

export interface VarRefExpr extends ExprBase {
  kind: 'var-ref';
  variable: VarDecl;
  /** The variable is a reference: its storage holds the address of the object this glvalue denotes. */
  throughReference: boolean;
}

/** Library operations resolved at compile time (free functions and function templates). */
export type BuiltinName =
  | 'malloc'
  | 'calloc'
  | 'realloc'
  | 'free'
  | 'memcpy'
  | 'memmove'
  | 'memset'
  | 'strlen'
  | 'strcpy'
  | 'atoi'
  | 'snprintf'
  | 'printf'
  | 'puts'
  | 'putchar'
  | 'exit'
  | 'abort'
  | 'std::copy'
  | 'std::copy_n'
  | 'std::fill'
  | 'std::fill_n'
  | 'std::make_shared'
  | 'std::make_unique'
  | 'std::min'
  | 'std::max'
  | 'std::swap'
  | 'sqrt'
  | 'fabs'
  | 'abs'
  | 'pow'
  | 'sin'
  | 'cos'
  | 'exp'
  | 'log'
  | 'floor'
  | 'ceil'
  | 'frexp'
  | 'std::operator+'
  | 'std::operator=='
  | 'std::operator!=';

/** Member functions of standard classes the simulator gives behaviour to. */
export type StdMethodName =
  | 'operator[]'
  | 'at'
  | 'data'
  | 'size'
  | 'empty'
  | 'begin'
  | 'end'
  | 'front'
  | 'back'
  | 'fill'
  | 'get'
  | 'operator*'
  | 'operator->'
  | 'operator bool'
  | 'use_count'
  | 'reset'
  | 'release'
  | 'push_back'
  | 'emplace_back'
  | 'operator+='
  | 'pop_back'
  | 'clear'
  | 'resize'
  | 'reserve'
  | 'capacity'
  | 'c_str'
  | 'length'
  | 'has_value'
  | 'value'
  | 'real'
  | 'imag'
  | 'first'
  | 'second';

export type StreamItem = { kind: 'value'; expr: Expr } | { kind: 'endl'; span: Span };

export type Expr =
  | (ExprBase & { kind: 'int-literal'; value: bigint })
  | (ExprBase & { kind: 'float-literal'; value: number })
  | (ExprBase & { kind: 'bool-literal'; value: boolean })
  | StringLiteralExpr
  /** `nullptr` (typed `void*` here; converting it to any pointer is `null-to-pointer`). */
  | (ExprBase & { kind: 'nullptr' })
  | VarRefExpr
  /** A function designator (lvalue of function type); calls use `call`, this appears in `&f` and `f` decays. */
  | (ExprBase & { kind: 'function-ref'; function: FunctionDecl })
  | (ExprBase & { kind: 'enumerator'; value: bigint; name: string })
  /** `this` (prvalue pointer). */
  | (ExprBase & { kind: 'this' })
  /**
   * A field of a class glvalue: `object` is a glvalue of `record` (for `p->x` it is `*p`). Fields of
   * bases are reached through a `derived-to-base` cast of the object.
   */
  | (ExprBase & { kind: 'member'; object: Expr; record: RecordDecl; field: FieldInfo })
  | CastExpr
  /** Arithmetic prefix operators on promoted operands: `-x`, `+x`, `!b` (operand bool), `~i`. */
  | (ExprBase & { kind: 'unary'; op: '-' | '+' | '!' | '~'; operand: Expr })
  /** `*p`: the lvalue the pointer points to. */
  | (ExprBase & { kind: 'deref'; operand: Expr })
  /** `&x`: the address of a glvalue. */
  | (ExprBase & { kind: 'address-of'; operand: Expr })
  /**
   * `++x`, `x--`... on a scalar glvalue; pointers step by the pointee's size. Prefix forms are
   * lvalues (the operand), postfix forms prvalues (the old value).
   */
  | (ExprBase & { kind: 'inc-dec'; op: '++' | '--'; prefix: boolean; operand: Expr })
  /**
   * Arithmetic, bitwise, shift and comparison operators. Operands are prvalues already converted
   * (usual arithmetic conversions, or both pointers for pointer comparisons); comparisons yield bool.
   */
  | (ExprBase & {
      kind: 'binary';
      op: '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | '<<' | '>>' | '==' | '!=' | '<' | '>' | '<=' | '>=';
      left: Expr;
      right: Expr;
    })
  /** `p + n`, `p - n` (also `n + p`): the pointer moves by n elements (`offset` is a prvalue `long`). */
  | (ExprBase & { kind: 'pointer-arith'; op: '+' | '-'; pointer: Expr; offset: Expr })
  /** `p - q`: the distance in elements (ptrdiff_t). */
  | (ExprBase & { kind: 'pointer-diff'; left: Expr; right: Expr })
  /** `&&`, `||` with short-circuit; operands are bool prvalues. */
  | (ExprBase & { kind: 'logical'; op: '&&' | '||'; left: Expr; right: Expr })
  /** Scalar `target = value` (value converted to the target's type); an lvalue (the target). */
  | (ExprBase & { kind: 'assign'; target: Expr; value: Expr })
  /**
   * `target op= value`: computes `target op value` in `computeType` (the usual arithmetic conversions
   * of both; a pointer for `p += n`) and converts back to the target's type.
   */
  | (ExprBase & {
      kind: 'compound-assign';
      op: '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | '<<' | '>>';
      target: Expr;
      value: Expr;
      computeType: CType;
    })
  /**
   * Class assignment `a = b`: a byte copy when `method` is null (trivial), else the user's operator=;
   * standard classes follow `std` (shared_ptr assignment adjusts both counts).
   */
  | (ExprBase & {
      kind: 'record-assign';
      target: Expr;
      source: Expr;
      method: FunctionDecl | null;
      move: boolean;
      std: StdKind | null;
    })
  | (ExprBase & { kind: 'conditional'; cond: Expr; then: Expr; else: Expr })
  | (ExprBase & { kind: 'comma'; left: Expr; right: Expr })
  /**
   * A direct call. `args[i]` initialises parameter i (extra variadic arguments are `expr` inits of
   * the promoted values: float becomes double, small integers int). Result: prvalue of the return
   * type (for a class, built in the return slot), or an lvalue when it returns a reference.
   */
  | (ExprBase & { kind: 'call'; function: FunctionDecl; args: Init[] })
  /** A call through a function pointer. */
  | (ExprBase & { kind: 'indirect-call'; callee: Expr; functionType: FunctionType; args: Init[] })
  /** A member function call; `object` is a glvalue of the class. `virtual`: dispatch through the vptr. */
  | (ExprBase & { kind: 'method-call'; method: FunctionDecl; object: Expr; args: Init[]; virtual: boolean })
  /**
   * A member function of a standard class on `object` (a glvalue of the std class `record`).
   * `std::array`: `operator[]`/`at`/`front`/`back` give an lvalue element, `data`/`begin`/`end` a
   * `T*` (libstdc++'s array iterator is a plain pointer), `size` a size_t, `fill(v)`.
   * `shared_ptr`/`unique_ptr`: `get`, `operator*` (lvalue), `operator->` (pointer), `operator bool`,
   * `use_count`, `reset`, `release`, `operator[]` (unique_ptr<T[]>).
   */
  | (ExprBase & {
      kind: 'std-method';
      std: StdKind;
      method: StdMethodName;
      record: RecordDecl;
      object: Expr;
      args: Expr[];
    })
  /**
   * A library function. `args` are converted to what the function takes (`memcpy`'s pointers to
   * `void*`, printf's variadic arguments promoted). `std::copy(first, last, out)` etc. take pointers
   * (std::array iterators are pointers). `std::make_shared<T>(...)`/`make_unique`: `typeArgs[0]` is
   * T and `elementInit` says how the new T is initialised (value-initialised, zero, for no arguments).
   */
  | (ExprBase & {
      kind: 'builtin-call';
      builtin: BuiltinName;
      args: Expr[];
      typeArgs: CType[];
      elementInit?: Init;
    })
  /** `std::cout << a << b << std::endl;` flattened (an lvalue of `std::ostream`). */
  | (ExprBase & { kind: 'stream-output'; stream: 'cout' | 'cerr'; items: StreamItem[] })
  /** `sizeof` / `alignof` of a type (target dependent: the interpreter asks the layout). */
  | (ExprBase & { kind: 'sizeof'; of: CType; align: boolean })
  /**
   * `new T`, `new T(args)`, `new T{...}`, `new T[n]`, `new T[n]()`, `new T[n]{...}`: allocates on
   * the C heap and initialises. For one object `init` is its Init. For `new T[n]` (`count` set),
   * `init` is the Init of the whole array `T[n]` (its `type` has length n when n is a constant,
   * else 0): `default` (each element default-initialised; `ctor` is the elements' default
   * constructor, if user-provided), `zero` (each element value-initialised to zero), or
   * `aggregate` (braces, constant n). Yields a prvalue `T*`.
   */
  | (ExprBase & { kind: 'new'; allocated: CType; count: Expr | null; init: Init | null })
  /** `delete p` / `delete[] p`: runs `destructor` (if any) then frees. */
  | (ExprBase & { kind: 'delete'; array: boolean; operand: Expr; destructor: FunctionDecl | null })
  /**
   * A class prvalue used where an object is needed (`foo().data()`, `const T& r = T{}`): a temporary
   * is created from `expr` and lives until the end of the full-expression (or of the reference bound to it).
   */
  | (ExprBase & { kind: 'materialize'; expr: Expr })
  /** A class prvalue built from an initializer (`T{1, 2}`, `T(args)`, `std::array<double,4>{}`). */
  | (ExprBase & { kind: 'temporary'; init: Init })
  /** An expression that failed to type-check (already diagnosed). Its type is void. */
  | (ExprBase & { kind: 'error' });

export type ExprKind = Expr['kind'];
