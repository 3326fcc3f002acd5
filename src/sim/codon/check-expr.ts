/**
 * Typing of Codon expressions for the modelled subset, following Codon's rules:
 * - `int` op `float` promotes to `float`; `/` on ints gives a `float`; `//`, `%`, `**` on ints stay `int`;
 * - where a `float` is expected an `int` is converted (`wrapExpr` in codon/parser/visitors/typecheck),
 *   where a `bool` is expected any value with `__bool__` is; nothing else converts: a `List[float]`
 *   never becomes a `Ptr[float]`;
 * - `and`/`or`/`not` give `bool`; a list literal's element type is the common type of its items
 *   (`[1, 2.5]` is `List[float]`, `transformComprehension` in collections.cpp).
 * Every error is reported once, at the expression it concerns; a failed sub-expression yields `null`
 * and its parents stay quiet, so one mistake gives one message.
 */
import type { Diagnostic, DiagText, Msg, Span } from '../diag';
import { dt, english, errorAt, notModelledAt } from '../diag';
import { notModelledText } from './parse-base';
import type {
  AttrExpr,
  BinaryExpr,
  CallExpr,
  CompareExpr,
  Expr,
  DictExpr,
  FStringExpr,
  IfExpExpr,
  SetExpr,
  TupleExpr,
  IndexExpr,
  SliceExpr,
  ListCompExpr,
  ListExpr,
  NameExpr,
  UnaryExpr,
} from './ast';
import type { CFnInfo, ClassInfo, FnInfo, VarInfo } from './check-scope';
import { BUILTINS, CODON_PTR_METHODS, Scope, UNMODELLED_BUILTINS, suggestName } from './check-scope';
import {
  CALL_PTR_VAR,
  callArgsInvalid,
  callArgsMany,
  callArgsMissing,
  dotNoAttr,
  exprText,
  idNotFound,
  intRange,
  localBeforeAssignment,
  mismatchHint,
  opNoMagic,
  typeUnify,
} from './messages';
import { specProblem, type SpecSubject } from './fstring';
import { structLayout } from './layout';
import { unmodelledCallbackType } from './check-callback';
import type { CodonType } from './types';
import {
  BOOL,
  BYTE,
  COBJ,
  FLOAT,
  FLOAT32,
  INT,
  INTN_ALIASES,
  NONE,
  RANGE,
  STR,
  arrayOf,
  typeVar,
  hasBool,
  listOf,
  prune,
  ptrOf,
  typeName,
  unify,
} from './types';

const INT64_MAX = (1n << 63n) - 1n;

/** For an operand whose type is still being inferred (the result of a recursive call, typically). */
const UNKNOWN_YET = dt('codon.check-expr.unknown-yet');

/** The type names a program may write without arguments (the learners' page lists these). */
export const CODON_SIMPLE_TYPES: Readonly<Record<string, CodonType>> = {
  int: INT,
  float: FLOAT,
  float32: FLOAT32,
  bool: BOOL,
  byte: BYTE,
  str: STR,
  cobj: COBJ,
  NoneType: NONE,
};

/** Type constructors written with an element type: `Ptr[T]` (and Codon's alias `ptr[T]`), `List[T]`. */
export const CODON_GENERIC_TYPES = ['Ptr', 'ptr', 'List', 'list'] as const;

/** What a name refers to. */
export type Sym =
  | { kind: 'var'; info: VarInfo; binding: 'local' | 'global' | 'comprehension' }
  | { kind: 'function'; fn: FnInfo }
  | { kind: 'c-function'; c: CFnInfo }
  | { kind: 'class'; c: ClassInfo }
  | { kind: 'builtin'; name: string };

type Handler<K extends Expr['kind']> = (e: Extract<Expr, { kind: K }>) => CodonType | null;

export abstract class ExprChecker {
  readonly diagnostics: Diagnostic[] = [];
  readonly globals = new Scope(null);
  readonly functions = new Map<string, FnInfo>();
  readonly classes = new Map<string, ClassInfo>();
  readonly cfuncs = new Map<string, CFnInfo>();
  /** Module-level definitions already reached by the module-level pass (Python's order at top level). */
  protected readonly reached = new Set<string>();
  protected scope: Scope = this.globals;
  /** Variables whose defining expression failed (an error was reported): their uses stay quiet. */
  protected readonly poisoned = new Set<VarInfo>();
  /** Names written in constructs the parser refused (`Module.refusedNames`): never called undefined. */
  protected refusedNames = new Set<string>();
  /** Variables of the enclosing list comprehensions, innermost last. */
  protected readonly compStack: Map<string, VarInfo>[] = [];

  /** How many more "did you mean" suggestions to compute (each scans all names). */
  private suggestionsLeft = 50;
  /** The id of the next type variable (per check, so no run depends on the ones before it). */
  private nextVarId = 1;

  constructor(protected readonly file: string) {}

  /** A fresh type variable, bound later by `unify`. */
  protected freshVar(): CodonType {
    return typeVar(this.nextVarId++);
  }

  /** Type-checks a function body now (Codon realizes a function when it is first called). */
  protected abstract ensureChecked(fn: FnInfo): void;
  /** `C(args)` of a reference class (check-class.ts). */
  protected abstract newObject(e: CallExpr, callee: NameExpr, cls: ClassInfo): CodonType | null;
  /** `obj.m(args)`, a method of a class; undefined when `m` is not one (check-class.ts). */
  protected abstract methodCall(e: CallExpr, callee: AttrExpr, t: CodonType): CodonType | null | undefined;

  // Tuples, dicts and sets: check-collections.ts.
  protected abstract tupleExpr(e: TupleExpr): CodonType | null;
  protected abstract dictExpr(e: DictExpr): CodonType | null;
  protected abstract setExpr(e: SetExpr): CodonType | null;
  protected abstract callCollection(e: CallExpr, name: 'dict' | 'set' | 'enumerate'): CodonType | null;
  protected abstract callTableType(e: CallExpr, callee: IndexExpr): CodonType | null;
  protected abstract collectionType(e: IndexExpr): CodonType | null | undefined;
  protected abstract collectionIndex(e: IndexExpr, t: CodonType): CodonType | null;
  protected abstract containsCheck(key: Expr, kt: CodonType, table: CodonType): boolean;
  protected abstract collectionMethod(
    e: CallExpr,
    callee: AttrExpr,
    t: CodonType,
    types: (CodonType | null)[],
  ): CodonType | null;
  protected abstract collectionIteration(t: CodonType): CodonType | null;

  protected error(span: Span, message: Msg): void {
    this.diagnostics.push(errorAt(this.file, span, message));
  }

  /** `line:subject` of each refusal made, so one construct is refused once per line. */
  private readonly refusedHere = new Set<string>();

  protected notModelled(span: Span, what: Msg, hint?: Msg): void {
    // `y: bfloat16 = bfloat16(1.0)` writes one refused thing twice: say it once.
    const whatText = english(what);
    const subject = (/`([^`[(]*)/.exec(whatText)?.[1] ?? whatText).trim();
    const key = `${span.start.line}:${subject}`;
    if (this.refusedHere.has(key)) return;
    this.refusedHere.add(key);
    this.diagnostics.push(notModelledAt(this.file, span, notModelledText(what, hint)));
  }

  /** Whether an argument names a type (`int`, `Ptr[float]`, a class), as `isinstance(x, int)` does. */
  private isTypeLike(e: Expr): boolean {
    if (e.kind === 'index') return this.isTypeLike(e.target);
    if (e.kind !== 'name' || this.isVariable(e.id)) return false;
    return (
      this.classes.has(e.id) ||
      UNMODELLED_BUILTINS.has(e.id) ||
      ['int', 'float', 'float32', 'bool', 'byte', 'str', 'cobj', 'Ptr', 'ptr', 'List', 'list'].includes(
        e.id,
      ) ||
      INTN_ALIASES.has(e.id)
    );
  }

  /** Types the arguments of a call already refused, leaving out type arguments (never "values" there). */
  private refusedCallArgs(e: CallExpr): void {
    for (const a of e.args) if (!this.isTypeLike(a)) this.expr(a);
    for (const k of e.keywords) if (!this.isTypeLike(k.value)) this.expr(k.value);
  }

  // -------------------------------------------------------------------------------------------
  // Names

  /** All names visible here, for "did you mean" suggestions. */
  private visibleNames(): string[] {
    const names = [
      ...this.globals.vars.keys(),
      ...this.functions.keys(),
      ...this.classes.keys(),
      ...this.cfuncs.keys(),
      ...BUILTINS,
    ];
    if (this.scope.fn) names.push(...this.scope.vars.keys());
    for (const m of this.compStack) names.push(...m.keys());
    return names;
  }

  /** Resolves a name, reporting it when unknown. `called` adds the C-import hint. */
  protected lookup(name: string, span: Span, called = false): Sym | null {
    for (let k = this.compStack.length - 1; k >= 0; k--) {
      const info = this.compStack[k]?.get(name);
      if (info) return { kind: 'var', info, binding: 'comprehension' };
    }
    const fn = this.scope.fn;
    if (fn) {
      const local = this.scope.vars.get(name);
      if (local) return { kind: 'var', info: local, binding: 'local' };
      if (fn.localNames.has(name) && !this.refusedNames.has(name)) {
        this.error(span, dt('codon.check-expr.assign-it-before-this-line-or', localBeforeAssignment(name)));
        return null;
      }
    }
    const g = this.globals.vars.get(name);
    if (g) return { kind: 'var', info: g, binding: 'global' };
    const c = this.cfuncs.get(name);
    if (c) return { kind: 'c-function', c };
    const visibleDef = (n: string) => fn !== null || this.reached.has(n);
    const f = this.functions.get(name);
    if (f && visibleDef(name)) return { kind: 'function', fn: f };
    const cls = this.classes.get(name);
    if (cls && visibleDef(name)) return { kind: 'class', c: cls };
    if (BUILTINS.has(name)) return { kind: 'builtin', name };
    if (UNMODELLED_BUILTINS.has(name)) {
      this.notModelled(span, dt('codon.check-expr.msg', name));
      return null;
    }
    // Bound (or meant to be) by a construct already reported as not modelled: say nothing more.
    if (this.refusedNames.has(name)) return null;
    const notFound = idNotFound(name);
    let message: DiagText;
    if ((f || cls) && !visibleDef(name)) {
      const kind = f ? dt('codon.check-expr.a-function') : dt('codon.check-expr.a-class');
      message = dt('codon.check-expr.defined-further-down', notFound, kind);
    } else {
      // Suggestions cost a scan of every visible name: only the first few errors get one.
      const suggestion = this.suggestionsLeft-- > 0 ? suggestName(name, this.visibleNames()) : null;
      if (suggestion) message = dt('codon.check-expr.did-you-mean', notFound, suggestion);
      else if (called) message = dt('codon.check-expr.import-c-first', notFound, name);
      else message = dt('codon.check-expr.sentence', notFound);
    }
    this.error(span, message);
    return null;
  }

  // -------------------------------------------------------------------------------------------
  // Coercion (Codon's wrapExpr)

  /**
   * Checks that a value of type `actual` can be used where `expected` is required, applying Codon's
   * implicit conversions; reports TYPE_UNIFY (with a hint for known traps) otherwise.
   */
  protected coerce(e: Expr, actual: CodonType, expected: CodonType): boolean {
    if (unify(actual, expected)) return true;
    const a = prune(actual);
    const x = prune(expected);
    if (x.kind === 'float' && a.kind === 'int') {
      e.coerceTo = FLOAT;
      return true;
    }
    if (x.kind === 'bool' && hasBool(a)) {
      e.coerceTo = BOOL;
      return true;
    }
    this.error(e.span, dt('codon.check-expr.msg-2', typeUnify(a, x), mismatchHint(a, x, e)));
    return false;
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  /** Types an expression (filling `e.type`); null when an error was reported. */
  protected expr(e: Expr): CodonType | null {
    const handler = this.handlers[e.kind] as (e: Expr) => CodonType | null;
    const t = handler(e);
    if (t) e.type = t;
    return t;
  }

  private readonly handlers: { [K in Expr['kind']]: Handler<K> } = {
    name: (e) => this.nameExpr(e),
    int: (e) => {
      if (e.value > INT64_MAX) {
        this.error(e.span, dt('codon.check-expr.msg-3', intRange(e.text)));
        return null;
      }
      return INT;
    },
    float: () => FLOAT,
    str: () => STR,
    bool: () => BOOL,
    none: (e) => {
      this.notModelled(
        e.span,
        dt('codon.check-expr.none-as-a-value'),
        dt('codon.check-expr.a-c-function-declared-none-returns'),
      );
      return null;
    },
    unary: (e) => this.unaryExpr(e),
    binary: (e) => this.binaryExpr(e),
    compare: (e) => this.compareExpr(e),
    boolop: (e) => {
      const l = this.condition(e.left);
      const r = this.condition(e.right);
      return l && r ? BOOL : null;
    },
    call: (e) => this.callExpr(e),
    index: (e) => this.indexExpr(e),
    attr: (e) => this.attrExpr(e),
    list: (e) => this.listExpr(e),
    listcomp: (e) => this.listCompExpr(e),
    fstring: (e) => this.fstringExpr(e),
    slice: (e) => this.sliceExpr(e),
    ifexp: (e) => this.ifExp(e),
    tuple: (e) => this.tupleExpr(e),
    dict: (e) => this.dictExpr(e),
    set: (e) => this.setExpr(e),
    error: () => null,
  };

  /** A value used as a condition (`if`, `while`, `and`, `not`): it needs a `__bool__`. */
  protected condition(e: Expr): CodonType | null {
    const t = this.expr(e);
    if (!t) return null;
    if (!hasBool(t)) {
      this.error(e.span, dt('codon.check-expr.a-cannot-be-used-as-a', dotNoAttr(t, '__bool__'), typeName(t)));
      return null;
    }
    return t;
  }

  private nameExpr(e: NameExpr): CodonType | null {
    const sym = this.lookup(e.id, e.span);
    if (!sym) return null;
    if (sym.kind === 'var') {
      e.binding = { kind: sym.binding, name: e.id };
      if (this.poisoned.has(sym.info) && prune(sym.info.type).kind === 'var') return null;
      return sym.info.type;
    }
    const what =
      sym.kind === 'class' ||
      (sym.kind === 'builtin' &&
        (['int', 'float', 'float32', 'bool', 'byte', 'str', 'cobj', 'Ptr', 'ptr', 'List', 'list'].includes(
          sym.name,
        ) ||
          INTN_ALIASES.has(sym.name)))
        ? dt('codon.check-expr.a-type')
        : dt('codon.check-expr.a-function-value');
    this.notModelled(
      e.span,
      dt('codon.check-expr.using-as-a-value', what, e.id),
      what.id === 'codon.check-expr.a-function-value' ? dt('codon.check-expr.call-it', e.id) : undefined,
    );
    return null;
  }

  private unaryExpr(e: UnaryExpr): CodonType | null {
    if (e.op === 'not') return this.condition(e.operand) ? BOOL : null;
    const t = this.expr(e.operand);
    if (!t) return null;
    const p = prune(t);
    if (p.kind === 'int' || p.kind === 'float' || p.kind === 'intn') return p;
    this.error(e.span, dt('codon.check-expr.msg-3', dotNoAttr(p, e.op === '-' ? '__neg__' : '__pos__')));
    return null;
  }

  private binaryExpr(e: BinaryExpr): CodonType | null {
    const l = this.expr(e.left);
    const r = this.expr(e.right);
    if (!l || !r) return null;
    const result = this.binaryType(e.op, l, r, e.span);
    if (!result) return null;
    e.promoted = result.promoted;
    return result.type;
  }

  /** The result type of `l op r` and how the operands combine (shared with augmented assignment). */
  protected binaryType(
    op: BinaryExpr['op'],
    lt: CodonType,
    rt: CodonType,
    span: Span,
  ): { type: CodonType; promoted: NonNullable<BinaryExpr['promoted']> } | null {
    const l = prune(lt);
    const r = prune(rt);
    if (l.kind === 'var' || r.kind === 'var') {
      this.error(span, UNKNOWN_YET);
      return null;
    }
    if ((l.kind === 'int' || l.kind === 'float') && (r.kind === 'int' || r.kind === 'float')) {
      if (l.kind === 'int' && r.kind === 'int') return { type: op === '/' ? FLOAT : INT, promoted: 'int' };
      return { type: FLOAT, promoted: 'float' };
    }
    // intn.codon: `Int[N] op Int[N]` only (no mixing with int), `/` is a float, `//` and `%` are
    // LLVM's sdiv/srem (udiv/urem for UInt), so they truncate toward zero, and `**` wraps.
    if (l.kind === 'intn' && r.kind === 'intn' && unify(l, r))
      return { type: op === '/' ? FLOAT : l, promoted: 'int' };
    if (l.kind === 'ptr' && r.kind === 'int' && (op === '+' || op === '-'))
      return { type: l, promoted: 'ptr-offset' };
    if (l.kind === 'ptr' && r.kind === 'ptr' && op === '-' && unify(l, r))
      return { type: INT, promoted: 'int' };
    if (l.kind === 'list' && r.kind === 'int' && op === '*') return { type: l, promoted: 'list-repeat' };
    if (l.kind === 'int' && r.kind === 'list' && op === '*') {
      this.error(span, dt('codon.check-expr.write-the-list-first', opNoMagic('*', l, r)));
      return null;
    }
    // str.codon `__add__`: a new `Ptr[byte](len1 + len2)` holding both.
    if (l.kind === 'str' && r.kind === 'str' && op === '+') return { type: STR, promoted: 'str-concat' };
    if (l.kind === 'str' && (r.kind === 'str' || op === '*')) {
      this.notModelled(
        span,
        dt('codon.check-expr.the-operator-on-strings', op),
        dt('codon.check-expr.strings-can-be-joined-with'),
      );
      return null;
    }
    if (l.kind === 'list' && r.kind === 'list' && op === '+') {
      this.notModelled(
        span,
        dt('codon.check-expr.concatenating-lists'),
        dt('codon.check-expr.use-append-in-a-loop'),
      );
      return null;
    }
    if (l.kind === 'bool' || r.kind === 'bool' || l.kind === 'float32' || r.kind === 'float32') {
      const which = l.kind === 'bool' || r.kind === 'bool' ? 'bool' : 'float32';
      this.notModelled(
        span,
        dt('codon.check-expr.arithmetic-on-values', which), // `bool`/`float32`: code
        dt('codon.check-expr.convert-with-int-or-float-first'),
      );
      return null;
    }
    this.error(span, dt('codon.check-expr.msg-3', opNoMagic(op, l, r)));
    return null;
  }

  private compareExpr(e: CompareExpr): CodonType | null {
    const types = e.operands.map((o) => this.expr(o));
    if (types.some((t) => !t)) return null;
    let ok = true;
    for (let k = 0; k < e.ops.length; k++) {
      const op = e.ops[k] as string;
      const a = prune(types[k] as CodonType);
      const b = prune(types[k + 1] as CodonType);
      const span = { start: (e.operands[k] as Expr).span.start, end: (e.operands[k + 1] as Expr).span.end };
      if (a.kind === 'var' || b.kind === 'var') {
        this.error(span, UNKNOWN_YET);
        ok = false;
        continue;
      }
      const numeric = (t: CodonType) => t.kind === 'int' || t.kind === 'float';
      if ((op === 'in' || op === 'not in') && (b.kind === 'dict' || b.kind === 'set')) {
        // dict.codon/set.codon `__contains__(key: K)`.
        if (!this.containsCheck(e.operands[k] as Expr, a, b)) ok = false;
        continue;
      }
      if (op === 'in' || op === 'not in') {
        // list.codon `__contains__(self, x: T)`: an int becomes a float for a List[float] (wrapExpr).
        const elem = b.kind === 'list' ? prune(b.elem).kind : null;
        if (elem === 'int' ? a.kind === 'int' : elem === 'float' ? numeric(a) : false) continue;
        this.notModelled(span, dt('codon.check-expr.other-than-an-int-or-float', op));
        ok = false;
        continue;
      }
      const equality = op === '==' || op === '!=';
      if (numeric(a) && numeric(b)) continue;
      if (a.kind === 'bool' && b.kind === 'bool') continue;
      if (a.kind === 'float32' && b.kind === 'float32') continue;
      if (a.kind === 'intn' && b.kind === 'intn' && unify(a, b)) continue;
      if (a.kind === 'ptr' && b.kind === 'ptr' && unify(a, b)) continue;
      if (a.kind === 'str' && b.kind === 'str' && equality) continue;
      if (
        (a.kind === 'list' && b.kind === 'list') ||
        (a.kind === 'tuple-class' && b.kind === 'tuple-class') ||
        (['tuple', 'dict', 'set'].includes(a.kind) && a.kind === b.kind)
      ) {
        this.notModelled(
          span,
          dt(
            'codon.check-expr.comparing',
            dt(`codon.values.${a.kind as 'list' | 'tuple-class' | 'tuple' | 'dict' | 'set'}`),
          ),
          dt('codon.check-expr.compare-their-elements-or-fields-one'),
        );
      } else {
        this.error(span, dt('codon.check-expr.msg-3', opNoMagic(op, a, b)));
      }
      ok = false;
    }
    return ok ? BOOL : null;
  }

  private indexExpr(e: IndexExpr): CodonType | null {
    if (this.isTypeApplication(e)) {
      this.notModelled(
        e.span,
        dt('codon.check-expr.using-the-type-as-a-value', this.typeText(e)),
        dt('codon.check-expr.call-it-to-make-a-value'),
      );
      return null;
    }
    const t = this.expr(e.target);
    const tk = t ? prune(t).kind : null;
    if (t && (tk === 'dict' || tk === 'tuple' || tk === 'set')) return this.collectionIndex(e, t);
    const it = this.expr(e.index);
    if (!t) return null;
    const p = prune(t);
    let elem: CodonType | null = null;
    if (p.kind === 'list') {
      e.access = 'list';
      elem = p.elem;
    } else if (p.kind === 'ptr') {
      e.access = 'ptr';
      elem = p.elem;
    } else if (p.kind === 'array') {
      e.access = 'array';
      elem = p.elem;
    } else if (p.kind === 'str') {
      this.notModelled(e.span, dt('codon.check-expr.indexing-a-string'));
      return null;
    } else {
      this.error(
        e.span,
        dt('codon.check-expr.a-cannot-be-indexed', dotNoAttr(p, '__getitem__'), typeName(p)),
      );
      return null;
    }
    if (it && !unify(it, INT)) {
      this.error(e.index.span, dt('codon.check-expr.an-index-must-be-an-int', typeUnify(it, INT)));
      return null;
    }
    return elem;
  }

  /** Fields of the modelled types, from Codon's stdlib declarations. */
  protected fieldType(t: CodonType, name: string): CodonType | null {
    const p = prune(t);
    switch (p.kind) {
      case 'list': // array.codon: class List: len: int, arr: Array[T]
        return name === 'len' ? INT : name === 'arr' ? arrayOf(p.elem) : null;
      case 'array': // core.codon: @tuple class Array: len: int, ptr: Ptr[T]
        return name === 'len' ? INT : name === 'ptr' ? ptrOf(p.elem) : null;
      case 'str': // the 0.19 runtime's seq_str_t {len, str}
        return name === 'len' ? INT : name === 'ptr' ? COBJ : null;
      case 'tuple-class':
      case 'ref-class':
        return p.fields.find((f) => f.name === name)?.type ?? null;
      case 'exception': // error.codon: BaseException's first field
        return name === 'message' ? STR : null;
      default:
        return null;
    }
  }

  private attrExpr(e: AttrExpr): CodonType | null {
    const t = this.expr(e.target);
    if (!t) return null;
    const f = this.fieldType(t, e.name);
    if (f) return f;
    const p = prune(t);
    if (p.kind === 'exception') {
      // error.codon's other fields (func, file, line, col...) are real; their values are not modelled.
      this.notModelled(
        e.nameSpan,
        dt('codon.check-expr.the-field-of-an-exception', e.name),
        dt('codon.check-expr.read-e-message-or-print-e'),
      );
      return null;
    }
    let hint = dt('codon.period');
    if (p.kind === 'ptr' && (e.name === 'arr' || e.name === 'len'))
      hint = dt('codon.check-expr.ptr-no-fields');
    else if (p.kind === 'list') hint = dt('codon.check-expr.list-fields');
    this.error(e.nameSpan, dt('codon.check-expr.msg-4', dotNoAttr(p, e.name), hint));
    return null;
  }

  private listExpr(e: ListExpr): CodonType | null {
    let elem: CodonType | null = null;
    const types: (CodonType | null)[] = e.items.map((item) => this.expr(item));
    if (types.some((t) => !t)) return null;
    // The collection's type is the "super type" of its items: int items join float ones.
    for (const t of types as CodonType[]) {
      const p = prune(t);
      if (!elem) elem = p;
      else if (prune(elem).kind === 'int' && p.kind === 'float') elem = FLOAT;
    }
    if (!elem) return listOf(this.freshVar());
    // Each item is then appended: list.append(x: T) wraps ints to floats and rejects the rest.
    let ok = true;
    e.items.forEach((item, k) => {
      if (!this.coerce(item, types[k] as CodonType, elem as CodonType)) ok = false;
    });
    if (prune(elem).kind === 'none') {
      this.notModelled(e.span, dt('codon.check-expr.a-list-of-none-values'));
      return null;
    }
    return ok ? listOf(elem) : null;
  }

  private listCompExpr(e: ListCompExpr): CodonType | null {
    const elemOfIter = this.iterationType(e.iter);
    if (!elemOfIter) return null;
    const frame = new Map<string, VarInfo>();
    frame.set(e.target.id, { name: e.target.id, type: elemOfIter, span: e.target.span, isParam: false });
    e.target.type = elemOfIter;
    e.target.binding = { kind: 'comprehension', name: e.target.id };
    this.compStack.push(frame);
    try {
      let ok = true;
      for (const c of e.conditions) if (!this.condition(c)) ok = false;
      const t = this.expr(e.elt);
      if (!t || !ok) return null;
      if (prune(t).kind === 'none') {
        this.notModelled(e.elt.span, dt('codon.check-expr.a-list-of-none-values'));
        return null;
      }
      return listOf(t);
    } finally {
      this.compStack.pop();
    }
  }

  /** The element type when iterating over `iter` in a `for` or a comprehension. */
  protected iterationType(iter: Expr): CodonType | null {
    const t = this.expr(iter);
    if (!t) return null;
    const p = prune(t);
    if (p.kind === 'range') return INT;
    if (p.kind === 'list') return p.elem;
    const fromCollection = this.collectionIteration(p);
    if (fromCollection) return fromCollection;
    if (p.kind === 'ptr') {
      this.error(iter.span, dt('codon.check-expr.a-pointer-does-not-know-how', dotNoAttr(p, '__iter__')));
      return null;
    }
    if (p.kind === 'str' || p.kind === 'array') {
      this.notModelled(
        iter.span,
        dt(
          p.kind === 'str'
            ? 'codon.check-expr.iterating-over-string'
            : 'codon.check-expr.iterating-over-array',
        ),
      );
      return null;
    }
    this.error(
      iter.span,
      dt('codon.check-expr.a-cannot-be-iterated-over', dotNoAttr(p, '__iter__'), typeName(p)),
    );
    return null;
  }

  // -------------------------------------------------------------------------------------------
  // Types written in the program

  protected isTypeApplication(e: IndexExpr): boolean {
    return (
      e.target.kind === 'name' &&
      ['Ptr', 'ptr', 'List', 'list'].includes(e.target.id) &&
      !this.isVariable(e.target.id)
    );
  }

  private isVariable(name: string): boolean {
    return (
      this.scope.vars.has(name) || this.globals.vars.has(name) || this.compStack.some((m) => m.has(name))
    );
  }

  private typeText(e: Expr): string {
    if (e.kind === 'name') return e.id;
    if (e.kind === 'index') return `${this.typeText(e.target)}[${this.typeText(e.index)}]`;
    if (e.kind === 'none') return 'None';
    return '...';
  }

  /** Resolves a type annotation (`float`, `Ptr[float]`, `List[int]`, `cobj`, a `@tuple` class, `None`). */
  protected resolveType(e: Expr): CodonType | null {
    switch (e.kind) {
      case 'none':
        return NONE;
      case 'name': {
        const s = CODON_SIMPLE_TYPES[e.id] ?? INTN_ALIASES.get(e.id);
        if (s) return s;
        const cls = this.classes.get(e.id);
        if (cls) return cls.type;
        if (e.id === 'Ptr' || e.id === 'ptr' || e.id === 'List' || e.id === 'list') {
          this.error(e.span, dt('codon.check-expr.needs-an-element-type-here-e', e.id));
          return null;
        }
        if (UNMODELLED_BUILTINS.has(e.id)) {
          this.notModelled(e.span, dt('codon.check-expr.the-type', e.id));
          return null;
        }
        const suggestion = suggestName(e.id, [
          'int',
          'float',
          'float32',
          'bool',
          'byte',
          'str',
          'cobj',
          'Ptr',
          'List',
          ...this.classes.keys(),
        ]);
        this.error(
          e.span,
          dt(
            'codon.check-expr.msg-4',
            idNotFound(e.id),
            suggestion
              ? dt('codon.check-expr.did-you-mean-type', suggestion)
              : dt('codon.check-expr.expected-a-type-such-as'),
          ),
        );
        return null;
      }
      case 'index': {
        const collection = this.collectionType(e);
        if (collection !== undefined) return collection;
        if (
          e.target.kind === 'name' &&
          (e.target.id === 'Ptr' || e.target.id === 'ptr' || e.target.id === 'List' || e.target.id === 'list')
        ) {
          const elem = this.resolveType(e.index);
          if (!elem) return null;
          if (prune(elem).kind === 'none') {
            this.notModelled(e.index.span, dt('codon.check-expr.none', e.target.id));
            return null;
          }
          // `ptr` is Codon's own alias of `Ptr` (stdlib/internal/types/ptr.codon: `ptr = Ptr`).
          return e.target.id === 'Ptr' || e.target.id === 'ptr' ? ptrOf(elem) : listOf(elem);
        }
        if (e.target.kind === 'name' && UNMODELLED_BUILTINS.has(e.target.id)) {
          this.notModelled(e.span, dt('codon.check-expr.the-type', this.typeText(e)));
          return null;
        }
        this.error(e.span, dt('codon.check-expr.expected-a-type-here-such-as'));
        return null;
      }
      case 'error':
        return null;
      default:
        // Codon's EXPECTED_TYPE: "expected {} expression".
        this.error(e.span, dt('codon.check-expr.expected-type-expression-write-a-type'));
        return null;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Calls

  private callExpr(e: CallExpr): CodonType | null {
    const callee = e.callee;
    if (callee.kind === 'name') return this.callName(e, callee);
    if (
      callee.kind === 'index' &&
      callee.target.kind === 'name' &&
      ['Dict', 'dict', 'Set', 'set', 'Tuple', 'tuple'].includes(callee.target.id) &&
      !this.isVariable(callee.target.id)
    )
      return this.callTableType(e, callee);
    if (callee.kind === 'index' && callee.target.kind === 'name' && this.isTypeLike(callee.target)) {
      if (UNMODELLED_BUILTINS.has(callee.target.id)) {
        this.notModelled(callee.span, dt('codon.check-expr.msg-5', this.typeText(callee)));
        this.refusedCallArgs(e);
        return null;
      }
    }
    if (callee.kind === 'index' && this.isTypeApplication(callee)) return this.callTypeApplication(e, callee);
    if (callee.kind === 'attr') return this.callMethod(e, callee);
    const t = this.expr(callee);
    if (t) this.error(callee.span, dt('codon.check-expr.object-is-not-callable', typeName(t)));
    this.argTypes(e);
    return null;
  }

  /** Types all arguments (for calls whose callee failed, so their own errors are still reported). */
  protected argTypes(e: CallExpr): (CodonType | null)[] {
    return e.args.map((a) => this.expr(a));
  }

  protected rejectKeywords(e: CallExpr, fnName: string): boolean {
    if (e.keywords.length === 0) return true;
    const k = e.keywords[0];
    if (k)
      this.notModelled(
        k.nameSpan,
        dt('codon.check-expr.a-keyword-argument-in-a-call', fnName),
        dt('codon.check-expr.pass-the-arguments-by-position'),
      );
    return false;
  }

  /** Checks argument count and types against parameter types (the `wrapExpr` rules). */
  protected checkArgs(
    e: CallExpr,
    fnName: string,
    params: (CodonType | null)[],
    paramNames: string[],
  ): boolean {
    const types = this.argTypes(e);
    // Keyword arguments are refused; counting what is left would blame the learner for a missing one.
    if (!this.rejectKeywords(e, fnName)) return false;
    let ok = true;
    if (e.args.length > params.length) {
      const extra = e.args[params.length] as Expr;
      // A C import whose `...` was refused takes more arguments in Codon: not the caller's mistake.
      if (!this.refusedNames.has(fnName))
        this.error(
          extra.span,
          dt('codon.check-expr.msg-3', callArgsMany(fnName, params.length, e.args.length)),
        );
      return false;
    }
    if (e.args.length < params.length) {
      const missing = paramNames[e.args.length] ?? `a${e.args.length}`;
      // A parameter whose default value was refused (`k: float = 2.0`) is not the caller's fault.
      if (!this.refusedNames.has(missing))
        this.error(e.span, dt('codon.check-expr.msg-3', callArgsMissing(fnName, missing)));
      ok = false;
    }
    e.args.forEach((arg, k) => {
      const t = types[k];
      const p = params[k];
      if (!t || !p) {
        ok = false;
        return;
      }
      if (!this.coerce(arg, t, p)) ok = false;
    });
    return ok;
  }

  private callName(e: CallExpr, callee: NameExpr): CodonType | null {
    const sym = this.lookup(callee.id, callee.span, true);
    if (!sym) {
      this.refusedCallArgs(e);
      return null;
    }
    switch (sym.kind) {
      case 'var': {
        callee.binding = { kind: sym.binding, name: callee.id };
        callee.type = sym.info.type;
        // Its value failed (already reported, e.g. a refused `lambda`): do not blame the call.
        if (this.poisoned.has(sym.info) && prune(sym.info.type).kind === 'var') {
          this.argTypes(e);
          return null;
        }
        this.error(
          callee.span,
          dt('codon.check-expr.object-is-not-callable-is-a', typeName(sym.info.type), callee.id),
        );
        this.argTypes(e);
        return null;
      }
      case 'function': {
        callee.binding = { kind: 'function', name: callee.id };
        const fn = sym.fn;
        this.ensureChecked(fn);
        e.resolved = { kind: 'codon-function', name: callee.id };
        const ok = this.checkArgs(
          e,
          callee.id,
          fn.params,
          fn.def.params.map((p) => p.name),
        );
        return ok ? fn.ret : null;
      }
      case 'c-function': {
        callee.binding = { kind: 'c-function', name: callee.id };
        const c = sym.c;
        e.resolved = { kind: 'c-function', name: callee.id };
        // Codon names the parameters of a C import a0, a1, ... (transformCImport in import.cpp).
        const ok = this.checkArgs(
          e,
          callee.id,
          c.params,
          c.params.map((_, k) => `a${k}`),
        );
        return ok ? c.ret : null;
      }
      case 'class': {
        callee.binding = { kind: 'class', name: callee.id };
        const cls = sym.c;
        if (prune(cls.type).kind === 'ref-class') return this.newObject(e, callee, cls);
        const fields = cls.def.fields;
        e.resolved = { kind: 'tuple-new', className: callee.id };
        const ok = this.checkArgs(
          e,
          callee.id,
          fields.map((f) => f.type ?? null),
          fields.map((f) => f.name),
        );
        return ok ? cls.type : null;
      }
      case 'builtin':
        callee.binding = { kind: 'builtin', name: callee.id };
        return this.callBuiltin(e, callee);
    }
  }

  private callBuiltin(e: CallExpr, callee: NameExpr): CodonType | null {
    const name = callee.id;
    switch (name) {
      case 'print':
        return this.callPrint(e);
      case 'len': {
        e.resolved = { kind: 'len' };
        const [t] = this.argTypes(e);
        if (!this.rejectKeywords(e, 'len')) return null;
        if (e.args.length !== 1) {
          this.error(e.span, dt('codon.check-expr.msg-3', callArgsMany('len', 1, e.args.length)));
          return null;
        }
        if (!t) return null;
        const p = prune(t);
        if (p.kind === 'list' || p.kind === 'array' || p.kind === 'str') return INT;
        if (p.kind === 'dict' || p.kind === 'set') return INT; // dict.codon/set.codon `__len__`: `_size`
        if (p.kind === 'tuple') return INT; // tuple.codon `__len__`: the static length
        const arg = e.args[0] as Expr;
        this.error(
          arg.span,
          dt(
            'codon.check-expr.msg-4',
            dotNoAttr(p, '__len__'),
            p.kind === 'ptr' ? dt('codon.check-expr.ptr-no-len') : dt('codon.period'),
          ),
        );
        return null;
      }
      case 'range': {
        e.resolved = { kind: 'range' };
        const types = this.argTypes(e);
        if (!this.rejectKeywords(e, 'range')) return null;
        if (e.args.length < 1 || e.args.length > 3) {
          this.error(e.span, dt('codon.check-expr.range-takes-to-arguments-given', e.args.length));
          return null;
        }
        let ok = true;
        e.args.forEach((a, k) => {
          const t = types[k];
          if (!t) ok = false;
          else if (!unify(t, INT)) {
            this.error(a.span, dt('codon.check-expr.range-counts-with-ints-convert-with', typeUnify(t, INT)));
            ok = false;
          }
        });
        return ok ? RANGE : null;
      }
      case 'int':
      case 'float':
      case 'float32':
      case 'bool':
        return this.callConversion(e, name);
      case 'i8':
      case 'i16':
      case 'i32':
      case 'i64':
      case 'u8':
      case 'u16':
      case 'u32':
      case 'u64':
        return this.callIntN(e, name);
      case 'cobj': {
        this.argTypes(e);
        if (e.args.length > 0 || e.keywords.length > 0) {
          this.notModelled(
            e.span,
            dt('codon.check-expr.cobj-with-arguments'),
            dt('codon.check-expr.use-cobj-for-a-null-pointer'),
          );
          return null;
        }
        e.resolved = { kind: 'ptr-null', elem: BYTE };
        return COBJ;
      }
      case '__ptr__': {
        if (!this.rejectKeywords(e, '__ptr__')) return null;
        if (e.args.length !== 1) {
          this.argTypes(e);
          this.error(e.span, dt('codon.check-expr.msg-3', callArgsMany('__ptr__', 1, e.args.length)));
          return null;
        }
        const arg = e.args[0] as Expr;
        // Codon's transformPtr (typecheck/special.cpp) takes a variable or a chain of fields
        // `r.a.b` whose every step but the last is a by-value record (`@tuple`).
        const fields: string[] = [];
        let head: Expr = arg;
        while (head.kind === 'attr') {
          fields.unshift(head.name);
          head = head.target;
        }
        if (head.kind !== 'name') {
          this.expr(arg);
          this.error(arg.span, dt('codon.check-expr.write-the-name-of-a-variable', CALL_PTR_VAR));
          return null;
        }
        const t = this.expr(arg);
        if (!t) return null;
        if (head.binding?.kind === 'comprehension') {
          this.notModelled(arg.span, dt('codon.check-expr.the-address-of-a-comprehension-variable'));
          return null;
        }
        let offset = 0;
        let cur = head.type ? prune(head.type) : null;
        for (const f of fields) {
          if (cur?.kind !== 'tuple-class') {
            this.error(
              arg.span,
              dt('codon.check-expr.the-fields-of-a-tuple-class', CALL_PTR_VAR, cur ? typeName(cur) : '?'),
            );
            return null;
          }
          const i = cur.fields.findIndex((x) => x.name === f);
          offset += structLayout(cur.fields.map((x) => x.type)).offsets[i] ?? 0;
          cur = prune((cur.fields[i] as { type: CodonType }).type);
        }
        e.resolved = { kind: 'addr-of', name: head.id, offset };
        return ptrOf(t);
      }
      case 'Ptr':
      case 'ptr':
      case 'List':
      case 'list':
        this.argTypes(e);
        this.error(
          callee.span,
          dt(
            'codon.check-expr.needs-an-element-type-here-e-2',
            name,
            name === 'Ptr' || name === 'ptr' ? '4' : '',
          ),
        );
        return null;
      case 'str':
        return this.callStr(e);
      case 'dict':
      case 'set':
      case 'enumerate':
        return this.callCollection(e, name);
      case 'byte':
        this.refusedCallArgs(e);
        this.notModelled(e.span, dt('codon.check-expr.msg-5', name));
        return null;
      default:
        this.refusedCallArgs(e);
        this.notModelled(e.span, dt('codon.check-expr.msg', name));
        return null;
    }
  }

  /** A value `str(x)` and an f-string field can show: what print shows (a range or an Array has no `__str__` here). */
  private printable(a: Expr): CodonType | null {
    const t = this.expr(a);
    if (!t) return null;
    const k = prune(t).kind;
    if (k === 'range' || k === 'array' || k === 'none' || k === 'generator') {
      this.notModelled(a.span, dt('codon.check-expr.converting-to-a-string', dt(`codon.value.${k}`)));
      return null;
    }
    return t;
  }

  /** `str(x)` (str.codon `__new__(what)`: `what.__str__()`) and `str()`, the empty string. */
  private callStr(e: CallExpr): CodonType | null {
    if (!this.rejectKeywords(e, 'str')) return null;
    e.resolved = { kind: 'to-str' };
    if (e.args.length > 1) {
      this.argTypes(e);
      this.notModelled(e.span, dt('codon.check-expr.str-with-more-than-one-argument'));
      return null;
    }
    if (e.args.length === 0) return STR;
    return this.printable(e.args[0] as Expr) ? STR : null;
  }

  /** `a if c else b`: both branches of one type (a mix of types is not modelled). */
  private ifExp(e: IfExpExpr): CodonType | null {
    const c = this.condition(e.test);
    const a = this.expr(e.body);
    const b = this.expr(e.orelse);
    if (!c || !a || !b) return null;
    if (prune(a).kind === 'var' || prune(b).kind === 'var') {
      this.error(e.span, UNKNOWN_YET);
      return null;
    }
    if (unify(a, b)) return a;
    this.notModelled(
      e.span,
      dt('codon.check-expr.a-conditional-expression-whose-branches-have', typeName(a), typeName(b)),
      dt('codon.check-expr.convert-one-branch-e-g-float'),
    );
    return null;
  }

  /** `lst[i:j]`: a new list of the same element type; the bounds are ints (slice.codon `adjust_indices`). */
  private sliceExpr(e: SliceExpr): CodonType | null {
    const t = this.expr(e.target);
    let ok = true;
    for (const b of [e.lower, e.upper]) {
      if (b === null) continue;
      const bt = this.expr(b);
      if (!bt) ok = false;
      else if (!unify(bt, INT)) {
        this.error(b.span, dt('codon.check-expr.slice-indices-must-be-integers-or', typeUnify(bt, INT)));
        ok = false;
      }
    }
    if (!t || !ok) return null;
    const p = prune(t);
    if (p.kind === 'list') return p;
    this.notModelled(
      e.span,
      dt('codon.check-expr.slicing-a', typeName(p)),
      dt('codon.check-expr.only-lists-can-be-sliced-here'),
    );
    return null;
  }

  /** An f-string: each field printable, and its spec one fmt accepts for the field's type. */
  private fstringExpr(e: FStringExpr): CodonType | null {
    let ok = true;
    for (const part of e.parts) {
      if (part.kind !== 'field') continue;
      const t = this.printable(part.expr);
      if (!t) {
        ok = false;
        continue;
      }
      if (part.spec === null) continue;
      const p = prune(t);
      // format.codon defines `__format__` on int, Int, UInt, float, str and Ptr only.
      // `!r`/`!s` come first (basic.cpp): the spec then formats the string they made.
      const subject: SpecSubject | null =
        part.conversion !== null
          ? 'str'
          : p.kind === 'int' || (p.kind === 'intn' && !(p.bits === 64 && !p.signed))
            ? 'int'
            : p.kind === 'float'
              ? 'float'
              : p.kind === 'str'
                ? 'str'
                : null;
      const problem =
        subject === null
          ? dt('codon.check-expr.format-spec-on', typeName(p))
          : specProblem(part.spec, subject);
      if (problem !== null) {
        this.notModelled(part.expr.span, problem, dt('codon.check-expr.write-the-field-without-a-spec'));
        ok = false;
      }
    }
    return ok ? STR : null;
  }

  private callPrint(e: CallExpr): CodonType | null {
    e.resolved = { kind: 'print' };
    let ok = true;
    for (const a of e.args) {
      if (a.kind === 'none') {
        a.type = NONE; // print(None) shows None
        continue;
      }
      const t = this.expr(a);
      if (!t) ok = false;
      else if (prune(t).kind === 'generator') {
        this.notModelled(
          a.span,
          dt('codon.check-expr.printing-a-generator'),
          dt('codon.check-expr.loop-over-it-and-print-each'),
        );
        ok = false;
      } else if (prune(t).kind === 'range' || prune(t).kind === 'array') {
        this.notModelled(
          a.span,
          dt(
            prune(t).kind === 'range' ? 'codon.check-expr.printing-range' : 'codon.check-expr.printing-array',
          ),
          dt('codon.check-expr.print-the-list-itself'),
        );
        ok = false;
      }
    }
    for (const k of e.keywords) {
      const t = this.expr(k.value);
      if (k.name === 'sep' || k.name === 'end') {
        if (t && !unify(t, STR)) {
          this.error(k.value.span, dt('codon.check-expr.takes-a-string', typeUnify(t, STR), k.name));
          ok = false;
        }
      } else if (k.name === 'file' || k.name === 'flush') {
        this.notModelled(k.nameSpan, dt('codon.check-expr.print', k.name));
        ok = false;
      } else {
        this.error(k.nameSpan, dt('codon.check-expr.msg-3', callArgsInvalid(k.name, 'print')));
        ok = false;
      }
    }
    return ok ? NONE : null;
  }

  /** `i32()`, `i32(x)` from an int, a float, a bool or another `Int[M]`/`UInt[M]` (intn.codon `__new__`). */
  private callIntN(e: CallExpr, name: string): CodonType | null {
    const types = this.argTypes(e);
    const result = INTN_ALIASES.get(name);
    if (result?.kind !== 'intn' || !this.rejectKeywords(e, name)) return null;
    e.resolved = { kind: 'intn-new', bits: result.bits, signed: result.signed };
    if (e.args.length === 0) return result;
    if (e.args.length > 1) {
      this.error(
        (e.args[1] as Expr).span,
        dt('codon.check-expr.msg-3', callArgsMany(name, 1, e.args.length)),
      );
      return null;
    }
    const t = types[0];
    if (!t) return null;
    const p = prune(t);
    if (p.kind === 'int' || p.kind === 'float' || p.kind === 'intn' || p.kind === 'bool' || p.kind === 'byte')
      return result;
    if (p.kind === 'str') {
      this.notModelled(e.span, dt('codon.check-expr.converting-a-string-with', name));
      return null;
    }
    this.error((e.args[0] as Expr).span, dt('codon.check-expr.converts-a-number', typeUnify(p, INT), name));
    return null;
  }

  private callConversion(e: CallExpr, to: 'int' | 'float' | 'float32' | 'bool'): CodonType | null {
    const types = this.argTypes(e);
    if (!this.rejectKeywords(e, to)) return null;
    e.resolved = { kind: 'convert', to };
    const result = { int: INT, float: FLOAT, float32: FLOAT32, bool: BOOL }[to];
    if (e.args.length === 0) return result; // int() is 0, float() is 0.0, bool() is False
    if (e.args.length > 1) {
      this.error((e.args[1] as Expr).span, dt('codon.check-expr.msg-3', callArgsMany(to, 1, e.args.length)));
      return null;
    }
    const t = types[0];
    if (!t) return null;
    const p = prune(t);
    const arg = e.args[0] as Expr;
    const numeric =
      p.kind === 'intn' ||
      p.kind === 'int' ||
      p.kind === 'float' ||
      p.kind === 'float32' ||
      p.kind === 'bool' ||
      p.kind === 'byte';
    if (to === 'bool') {
      if (hasBool(p)) return BOOL;
    } else if (to === 'float32') {
      if (p.kind === 'int' || p.kind === 'float' || p.kind === 'float32') return FLOAT32;
    } else if (numeric) return result;
    if (p.kind === 'str') {
      this.notModelled(e.span, dt('codon.check-expr.converting-a-string-with', to));
      return null;
    }
    this.error(
      arg.span,
      dt(
        'codon.check-expr.a-cannot-be-converted-to',
        dotNoAttr(p, `__${to === 'float32' ? 'float' : to}__`),
        typeName(p),
        to,
      ),
    );
    return null;
  }

  /** `Ptr[T](n)`, `Ptr[T]()`, `Ptr[T](p)`; `List[T](...)` is not modelled. */
  private callTypeApplication(e: CallExpr, callee: IndexExpr): CodonType | null {
    const t = this.resolveType(callee);
    const types = this.argTypes(e);
    if (!t) return null;
    callee.access = 'type';
    const p = prune(t);
    if (p.kind !== 'ptr') {
      this.notModelled(
        e.span,
        dt('codon.check-expr.calling', this.typeText(callee)),
        dt('codon.check-expr.build-a-list-with-a-literal'),
      );
      return null;
    }
    callee.type = p;
    if (!this.rejectKeywords(e, 'Ptr')) return null;
    if (e.args.length === 0) {
      e.resolved = { kind: 'ptr-null', elem: p.elem };
      return p;
    }
    if (e.args.length > 1) {
      this.error(
        (e.args[1] as Expr).span,
        dt('codon.check-expr.msg-3', callArgsMany(typeName(p), 1, e.args.length)),
      );
      return null;
    }
    const at = types[0];
    if (!at) return null;
    const a = prune(at);
    const arg = e.args[0] as Expr;
    if (a.kind === 'int') {
      e.resolved = { kind: 'ptr-alloc', elem: p.elem };
      return p;
    }
    // Codon 0.19 converts from any pointer type (`Ptr.__new__(other: Ptr)` in
    // stdlib/internal/types/ptr.codon): the same address, read as the new element type. The
    // interpreter keeps Codon ints as JavaScript numbers, so reading another type's bytes as a
    // 64-bit int (a float's bits are ~2^62) would print a rounded, false value: those stay refused.
    if (a.kind === 'ptr') {
      const pe = prune(p.elem);
      const ae = prune(a.elem);
      const isInteger = (t: CodonType) => t.kind === 'int' || t.kind === 'intn' || t.kind === 'byte';
      const wide = pe.kind === 'int' || (pe.kind === 'intn' && pe.bits === 64);
      if (unify(a, p) || ae.kind === 'byte' || pe.kind === 'byte' || !wide || isInteger(ae)) {
        e.resolved = { kind: 'ptr-cast', elem: p.elem };
        return p;
      }
      this.notModelled(
        e.span,
        dt('codon.check-expr.p-from-a-reading-the-same', typeName(p), typeName(a)),
        dt('codon.check-expr.convert-the-values-instead-e-g'),
      );
      return null;
    }
    const name = exprText(arg);
    this.error(
      arg.span,
      dt(
        'codon.check-expr.ptr-allocates',
        typeUnify(a, INT),
        typeName(p),
        a.kind === 'list' ? dt('codon.check-expr.use-list-buffer', name ?? 'lst') : dt('codon.empty'),
      ),
    );
    return null;
  }

  /** `str.from_ptr(p)` (str.codon): `strlen(p)` bytes copied into a new `Ptr[byte](n)`. */
  /** `f.__raw__()` of a Codon function: its code's address as a `cobj` (check-callback.ts). */
  private callRaw(e: CallExpr, target: NameExpr, fn: FnInfo): CodonType | null {
    if (!this.rejectKeywords(e, '__raw__')) return null;
    if (e.args.length !== 0) {
      this.error(e.span, dt('codon.check-expr.msg-3', callArgsMany('__raw__', 0, e.args.length)));
      return null;
    }
    this.ensureChecked(fn);
    target.binding = { kind: 'function', name: target.id };
    const bad = unmodelledCallbackType(fn.params, fn.ret);
    if (bad !== null) {
      this.notModelled(
        e.span,
        dt('codon.check-expr.raw-of-a-function-that-takes', target.id, bad),
        dt('codon.check-expr.a-callback-the-simulator-follows-takes'),
      );
      return null;
    }
    e.resolved = { kind: 'fn-raw', name: target.id };
    return COBJ;
  }

  private callStrFromPtr(e: CallExpr): CodonType | null {
    const types = this.argTypes(e);
    if (!this.rejectKeywords(e, 'from_ptr')) return null;
    if (e.args.length !== 1) {
      this.error(e.span, dt('codon.check-expr.msg-3', callArgsMany('from_ptr', 1, e.args.length)));
      return null;
    }
    const t = types[0];
    if (!t) return null;
    if (!unify(t, COBJ)) {
      this.error((e.args[0] as Expr).span, dt('codon.check-expr.msg-3', typeUnify(t, COBJ)));
      return null;
    }
    e.resolved = { kind: 'str-from-ptr' };
    return STR;
  }

  private callMethod(e: CallExpr, callee: AttrExpr): CodonType | null {
    const t0 = callee.target;
    if (t0.kind === 'name' && t0.id === 'str' && !this.isVariable('str') && callee.name === 'from_ptr')
      return this.callStrFromPtr(e);
    if (this.isTypeLike(callee.target)) {
      // `int.from_bytes(...)`: methods called on a type (quiet for a method already refused).
      if (!this.refusedNames.has(callee.name))
        this.notModelled(e.span, dt('codon.check-expr.msg-6', this.typeText(callee.target), callee.name));
      this.refusedCallArgs(e);
      return null;
    }
    const target = callee.target;
    if (
      target.kind === 'name' &&
      !this.isVariable(target.id) &&
      (this.functions.has(target.id) || this.cfuncs.has(target.id))
    ) {
      // `f.__raw__()`: a Codon function's address, for a C callback (callback.ts).
      const fn = this.functions.get(target.id);
      if (callee.name === '__raw__' && fn !== undefined && !this.cfuncs.has(target.id))
        return this.callRaw(e, target, fn);
      this.notModelled(e.span, dt('codon.check-expr.msg-6', target.id, callee.name));
      this.refusedCallArgs(e);
      return null;
    }
    const t = this.expr(callee.target);
    const types = this.argTypes(e);
    if (!t) return null;
    const p = prune(t);
    if (p.kind === 'dict' || p.kind === 'set') return this.collectionMethod(e, callee, p, types);
    if (p.kind === 'list' && callee.name === 'append') {
      if (!this.rejectKeywords(e, 'append')) return null;
      if (e.args.length !== 1) {
        this.error(e.span, dt('codon.check-expr.msg-3', callArgsMany('append', 1, e.args.length)));
        return null;
      }
      const at = types[0];
      if (!at) return null;
      if (prune(at).kind === 'none') {
        this.notModelled(e.args[0]?.span ?? e.span, dt('codon.check-expr.appending-none'));
        return null;
      }
      if (!this.coerce(e.args[0] as Expr, at, p.elem)) return null;
      e.resolved = { kind: 'list-append', elem: p.elem };
      return NONE;
    }
    if (p.kind === 'ref-class' || p.kind === 'tuple-class') {
      const r = this.methodCall(e, callee, p);
      if (r !== undefined) return r;
    }
    const field = this.fieldType(p, callee.name);
    if (field) {
      this.error(
        callee.span,
        dt('codon.check-expr.object-is-not-callable-is-a-2', typeName(field), callee.name),
      );
      return null;
    }
    if (p.kind === 'list' && callee.name === 'pop' && e.args.length === 0 && e.keywords.length === 0) {
      e.resolved = { kind: 'list-pop', elem: p.elem };
      return p.elem;
    }
    const listMethods = [
      'pop',
      'insert',
      'extend',
      'remove',
      'clear',
      'index',
      'count',
      'reverse',
      'copy',
      'sort',
    ];
    if (p.kind === 'list' && listMethods.includes(callee.name)) {
      this.notModelled(callee.nameSpan, dt('codon.check-expr.list', callee.name));
      return null;
    }
    if (p.kind === 'ptr' && CODON_PTR_METHODS.has(callee.name) && callee.name !== 'as_byte') {
      this.notModelled(callee.nameSpan, dt('codon.check-expr.ptr', callee.name));
      return null;
    }
    if (p.kind === 'ptr' && callee.name === 'as_byte') {
      this.notModelled(
        callee.nameSpan,
        dt('codon.check-expr.ptr-as-byte'),
        dt('codon.check-expr.declare-the-c-parameter-with-the'),
      );
      return null;
    }
    if (p.kind === 'str' && callee.name === 'c_str') {
      if (!this.rejectKeywords(e, 'c_str')) return null;
      if (e.args.length !== 0) {
        this.error(e.span, dt('codon.check-expr.msg-3', callArgsMany('c_str', 0, e.args.length)));
        return null;
      }
      e.resolved = { kind: 'str-c-str' };
      return COBJ;
    }
    if (p.kind === 'str') {
      this.notModelled(callee.nameSpan, dt('codon.check-expr.str', callee.name));
      return null;
    }
    // A method whose definition was refused (a method in a class): already reported there.
    if (this.refusedNames.has(callee.name)) return null;
    this.error(callee.nameSpan, dt('codon.check-expr.msg-3', dotNoAttr(p, callee.name)));
    return null;
  }
}
