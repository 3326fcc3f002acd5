/**
 * Typing of tuples, dicts and sets (issue 13), on top of check-expr.ts, following Codon 0.19:
 * - `(a, b)` is `Tuple.__new__(a, b)`, a by-value `Tuple[A,B]` (typecheck/collections.cpp);
 *   `t[0]` needs a constant index (tuple.codon `__getitem__` is static);
 * - `{k: v}`, `{a}`, `{}` build `Dict[K,V]`/`Set[K]`/`Dict[?,?]` with `__setitem__`/`add` per
 *   item, the key and value types being the items' "super type" (an int joins float values:
 *   collections.cpp `transformComprehension`); `dict()`, `set()`, `Dict[K, V]()`, `Set[K]()`;
 * - the methods of dict.codon and set.codon the simulator models: `add`, `get(k, default)`,
 *   `items`, `keys`, `values`, `d[k]`, `d[k] = v`, `in`, `len`, iteration;
 * - `enumerate(xs)` (misc.codon) yields `(i, x)`.
 * Keys are `int` or `str` (their `__hash__` is modelled: int.codon and str.codon); values are
 * `int`, `float`, `str` or `bool`. Everything else is refused, located, as not modelled.
 */
import { dt, type DiagText } from '../diag';
import type {
  AttrExpr,
  CallExpr,
  DictExpr,
  Expr,
  IndexExpr,
  SetExpr,
  Stmt,
  TableMethod,
  TupleExpr,
} from './ast';
import { ExprChecker } from './check-expr';
import { callArgsMany, dotNoAttr, tupleRangeBounds, typeUnify } from './messages';
import type { CodonType } from './types';
import { FLOAT, INT, NONE, isComplete, prune, typeName, unify } from './types';
import { walkStmts } from './walk';

/** Key types whose `__hash__` the simulator models (int.codon `__hash__` is the value, str.codon's the 31-polynomial). */
const KEY_KINDS = new Set(['int', 'str']);
/** Value types a table may hold here (what the oracle's runtime can print). */
const VALUE_KINDS = new Set(['int', 'float', 'str', 'bool']);

/** The type names that build tables and tuples when indexed with types (`Dict[str, int]`). */
export const COLLECTION_TYPE_NAMES = ['Dict', 'dict', 'Set', 'set', 'Tuple', 'tuple'] as const;

/** A refused dict key, dict value or set item: what is refused, and what to use instead (message ids). */
const ELEMENT_TEXTS: Record<'key' | 'value' | 'item', readonly [string, string]> = {
  key: ['codon.check-collections.a-key-of-type', 'codon.check-collections.use-keys-here'],
  value: ['codon.check-collections.a-value-of-type', 'codon.check-collections.use-values-here'],
  item: ['codon.check-collections.a-item-of-type', 'codon.check-collections.use-items-here'],
};

export abstract class CollectionChecker extends ExprChecker {
  protected tupleExpr(e: TupleExpr): CodonType | null {
    const types = e.items.map((x) => this.expr(x));
    if (types.some((t) => !t)) return null;
    for (const [k, t] of (types as CodonType[]).entries()) {
      const p = prune(t);
      if (p.kind === 'none' || p.kind === 'range' || p.kind === 'generator' || p.kind === 'var') {
        this.notModelled(
          (e.items[k] as Expr).span,
          dt('codon.check-collections.a-tuple-holding-a', typeName(p)),
        );
        return null;
      }
    }
    return { kind: 'tuple', elems: types as CodonType[] };
  }

  /** The super type of items (collections.cpp `superTyp`: an int joins floats), then each item coerced to it. */
  private joined(
    items: Expr[],
    what: 'key' | 'value' | 'item',
    kinds: Set<string>,
  ): CodonType | null | undefined {
    const types = items.map((x) => this.expr(x));
    if (types.some((t) => !t)) return null;
    let joined: CodonType | undefined;
    for (const t of types as CodonType[]) {
      const p = prune(t);
      if (!joined) joined = p;
      else if (prune(joined).kind === 'int' && p.kind === 'float') joined = FLOAT;
    }
    if (!joined) return undefined;
    if (!kinds.has(prune(joined).kind)) {
      this.refuseElem(items[0] as Expr, joined, what);
      return null;
    }
    let ok = true;
    items.forEach((x, k) => {
      if (!this.coerce(x, types[k] as CodonType, joined as CodonType)) ok = false;
    });
    return ok ? joined : null;
  }

  private refuseElem(at: Expr, t: CodonType, what: 'key' | 'value' | 'item'): void {
    const [refused, allowed] = ELEMENT_TEXTS[what];
    this.notModelled(at.span, dt(refused, typeName(t)), dt(allowed));
  }

  protected dictExpr(e: DictExpr): CodonType | null {
    const key = this.joined(e.keys, 'key', KEY_KINDS);
    const value = this.joined(e.values, 'value', VALUE_KINDS);
    if (key === null || value === null) return null;
    return { kind: 'dict', key: key ?? this.freshVar(), value: value ?? this.freshVar() };
  }

  protected setExpr(e: SetExpr): CodonType | null {
    const elem = this.joined(e.items, 'item', KEY_KINDS);
    if (!elem) return null;
    return { kind: 'set', elem };
  }

  /** `dict()`, `set()`, `enumerate(xs)`. */
  protected callCollection(e: CallExpr, name: 'dict' | 'set' | 'enumerate'): CodonType | null {
    const types = e.args.map((a) => this.expr(a));
    if (e.keywords.length > 0) {
      this.notModelled(
        (e.keywords[0] as { nameSpan: Expr['span'] }).nameSpan,
        dt('codon.check-collections.a-keyword-argument-in-a-call', name),
      );
      return null;
    }
    if (name === 'enumerate') {
      if (e.args.length !== 1) {
        if (e.args.length === 2)
          this.notModelled(
            e.span,
            dt('codon.check-collections.enumerate-xs-start'),
            dt('codon.check-collections.add-the-start-to-the-index'),
          );
        else
          this.error(e.span, dt('codon.check-collections.msg', callArgsMany('enumerate', 1, e.args.length)));
        return null;
      }
      const t = types[0];
      if (!t) return null;
      const p = prune(t);
      if (p.kind !== 'list') {
        this.notModelled(
          (e.args[0] as Expr).span,
          dt('codon.check-collections.enumerate-over-a', typeName(p)),
          dt('codon.check-collections.enumerate-a-list'),
        );
        return null;
      }
      e.resolved = { kind: 'enumerate' };
      return { kind: 'generator', elem: { kind: 'tuple', elems: [INT, p.elem] } };
    }
    if (e.args.length > 0) {
      this.notModelled(
        e.span,
        dt('codon.check-collections.with-an-argument', name),
        dt('codon.check-collections.write-a-display', name === 'dict' ? '{k: v}' : '{a, b}'),
      );
      return null;
    }
    const type: CodonType =
      name === 'dict'
        ? { kind: 'dict', key: this.freshVar(), value: this.freshVar() }
        : { kind: 'set', elem: this.freshVar() };
    e.resolved = { kind: 'table-new', type };
    return type;
  }

  /** `Dict[K, V]()`, `Set[K]()`: an empty table of the written types. */
  protected callTableType(e: CallExpr, callee: IndexExpr): CodonType | null {
    const t = this.resolveType(callee);
    e.args.forEach((a) => this.expr(a));
    if (!t) return null;
    const p = prune(t);
    if (p.kind === 'tuple') {
      this.notModelled(
        callee.span,
        dt('codon.check-collections.tuple'),
        dt('codon.check-collections.write-the-tuple-itself-a-b'),
      );
      return null;
    }
    if (e.args.length > 0 || e.keywords.length > 0) {
      this.notModelled(
        e.span,
        dt('codon.check-collections.with-arguments', typeName(p)),
        dt('codon.check-collections.start-from-an-empty-one-or'),
      );
      return null;
    }
    e.resolved = { kind: 'table-new', type: p };
    return p;
  }

  /** `Dict[K, V]`, `Set[K]`, `Tuple[A, B]` in an annotation; undefined when `e` is none of them. */
  protected collectionType(e: IndexExpr): CodonType | null | undefined {
    if (e.target.kind !== 'name' || !(COLLECTION_TYPE_NAMES as readonly string[]).includes(e.target.id))
      return undefined;
    const name = e.target.id.toLowerCase();
    const args = e.index.kind === 'tuple' ? e.index.items : [e.index];
    const types = args.map((a) => this.resolveType(a));
    if (types.some((t) => !t)) return null;
    const ts = types as CodonType[];
    if (name === 'tuple') {
      if (ts.some((t) => prune(t).kind === 'none')) {
        this.notModelled(e.span, dt('codon.check-collections.tuple-none'));
        return null;
      }
      return { kind: 'tuple', elems: ts };
    }
    const arity = name === 'dict' ? 2 : 1;
    if (ts.length !== arity) {
      this.error(
        e.span,
        dt(
          'codon.check-collections.takes-type-argument-e-g',
          e.target.id,
          arity,
          dt(arity > 1 ? 'codon.plural-s' : 'codon.empty'),
          name === 'dict' ? `${e.target.id}[str, int]` : `${e.target.id}[int]`,
        ),
      );
      return null;
    }
    const [k, v] = ts as [CodonType, CodonType | undefined];
    if (!KEY_KINDS.has(prune(k).kind)) {
      this.refuseElem(args[0] as Expr, k, name === 'dict' ? 'key' : 'item');
      return null;
    }
    if (v && !VALUE_KINDS.has(prune(v).kind)) {
      this.refuseElem(args[1] as Expr, v, 'value');
      return null;
    }
    return name === 'dict' ? { kind: 'dict', key: k, value: v as CodonType } : { kind: 'set', elem: k };
  }

  /** `d[k]` (dict.codon `__getitem__`) and `t[0]` (a constant index into a tuple). */
  protected collectionIndex(e: IndexExpr, p: CodonType): CodonType | null {
    const tp = prune(p);
    if (tp.kind === 'tuple') {
      let n: number | null = null;
      if (e.index.kind === 'int') n = Number(e.index.value);
      else if (e.index.kind === 'unary' && e.index.op === '-' && e.index.operand.kind === 'int')
        n = -Number(e.index.operand.value);
      if (n === null) {
        this.expr(e.index);
        this.notModelled(
          e.index.span,
          dt('codon.check-collections.indexing-a-tuple-with-a-variable'),
          dt('codon.check-collections.index-it-with-a-number-t'),
        );
        return null;
      }
      const i = n < 0 ? n + tp.elems.length : n;
      if (i < 0 || i >= tp.elems.length) {
        // typecheck/op.cpp: TUPLE_RANGE_BOUNDS for a static index past either end.
        this.error(e.index.span, dt('codon.check-collections.msg', tupleRangeBounds(tp.elems.length - 1, n)));
        return null;
      }
      e.access = 'tuple';
      e.tupleIndex = i;
      return tp.elems[i] as CodonType;
    }
    if (tp.kind === 'dict') {
      const kt = this.expr(e.index);
      if (prune(tp.key).kind === 'var' && kt && !KEY_KINDS.has(prune(kt).kind)) {
        this.refuseElem(e.index, kt, 'key');
        unify(tp.key, kt);
        return null;
      }
      if (!kt || !this.coerce(e.index, kt, tp.key)) return null;
      e.access = 'dict';
      return tp.value;
    }
    this.expr(e.index);
    this.error(
      e.span,
      dt('codon.check-collections.a-cannot-be-indexed', dotNoAttr(tp, '__getitem__'), typeName(tp)),
    );
    return null;
  }

  /** `k in d`, `x in s`: the key's type must be the table's. */
  protected containsCheck(key: Expr, kt: CodonType, table: CodonType): boolean {
    const p = prune(table);
    const want = p.kind === 'dict' ? p.key : p.kind === 'set' ? p.elem : null;
    if (!want) return false;
    return this.coerce(key, kt, want);
  }

  /** A method call on a Dict or Set. */
  protected collectionMethod(
    e: CallExpr,
    callee: AttrExpr,
    p: CodonType,
    types: (CodonType | null)[],
  ): CodonType | null {
    const tp = prune(p);
    const name = callee.name;
    const method = (m: TableMethod, n: number): boolean => {
      if (e.keywords.length > 0) {
        this.notModelled(
          (e.keywords[0] as { nameSpan: Expr['span'] }).nameSpan,
          dt('codon.check-collections.a-keyword-argument-in-a-call', name),
        );
        return false;
      }
      if (e.args.length !== n) {
        this.error(e.span, dt('codon.check-collections.msg', callArgsMany(name, n, e.args.length)));
        return false;
      }
      e.resolved = { kind: 'table-method', method: m };
      return true;
    };
    if (tp.kind === 'set' && name === 'add') {
      if (!method('add', 1)) return null;
      const at = types[0];
      if (!at) return null;
      if (prune(tp.elem).kind === 'var' && !KEY_KINDS.has(prune(at).kind)) {
        this.refuseElem(e.args[0] as Expr, at, 'item');
        unify(tp.elem, at); // known now, so the variable is not blamed as never inferred
        return null;
      }
      return this.coerce(e.args[0] as Expr, at, tp.elem) ? NONE : null;
    }
    if (tp.kind === 'dict' && (name === 'items' || name === 'keys' || name === 'values')) {
      if (!method(name, 0)) return null;
      const elem: CodonType =
        name === 'items' ? { kind: 'tuple', elems: [tp.key, tp.value] } : name === 'keys' ? tp.key : tp.value;
      return { kind: 'generator', elem };
    }
    if (tp.kind === 'dict' && name === 'get') {
      if (e.args.length === 1 && e.keywords.length === 0) {
        // dict.codon (v0.19.5 on): `get(key) -> Optional[V]`; Optional is not modelled.
        this.notModelled(
          e.span,
          dt('codon.check-collections.d-get-k-without-a-default'),
          dt('codon.check-collections.give-a-default-d-get-k'),
        );
        return null;
      }
      if (!method('get', 2)) return null;
      const [kt, vt] = types;
      if (!kt || !vt) return null;
      if (!this.coerce(e.args[0] as Expr, kt, tp.key)) return null;
      return this.coerce(e.args[1] as Expr, vt, tp.value) ? tp.value : null;
    }
    const known =
      tp.kind === 'dict'
        ? ['pop', 'popitem', 'setdefault', 'update', 'clear', 'copy', 'fromkeys', 'increment']
        : [
            'remove',
            'discard',
            'pop',
            'update',
            'clear',
            'copy',
            'union',
            'intersection',
            'difference',
            'issubset',
            'issuperset',
          ];
    if (known.includes(name)) {
      this.notModelled(callee.nameSpan, dt('codon.check-collections.msg-2', tp.kind, name));
      return null;
    }
    this.error(callee.nameSpan, dt('codon.check-collections.msg', dotNoAttr(tp, name)));
    return null;
  }

  /** The element type a `for` loop gets from a dict (its keys), a set or a generator. */
  protected collectionIteration(p: CodonType): CodonType | null {
    const tp = prune(p);
    if (tp.kind === 'dict') return tp.key; // dict.codon `__iter__` is `keys()`
    if (tp.kind === 'set' || tp.kind === 'generator') return tp.elem;
    return null;
  }

  /** `a, b = value`: each name gets its item's type (simplify/assign.cpp `unpackAssignments`). */
  protected unpackTypes(target: TupleExpr, value: Expr, t: CodonType): CodonType[] | null {
    const p = prune(t);
    if (p.kind !== 'tuple') {
      // assign.cpp indexes the value: `a = v[0]`, which a list has (not modelled here) and an int has not.
      if (p.kind === 'list' || p.kind === 'str')
        this.notModelled(
          value.span,
          dt('codon.check-collections.unpacking-a', typeName(p)),
          dt('codon.check-collections.unpack-a-tuple-or-index-the'),
        );
      else
        this.error(
          value.span,
          dt('codon.check-collections.only-a-tuple-can-be-unpacked', dotNoAttr(p, '__getitem__')),
        );
      return null;
    }
    // assign.cpp `unpackAssignment`: `a, b = t` is `a = t[0]; b = t[1]`, so extra items are left
    // alone and a missing one is the static index's TUPLE_RANGE_BOUNDS.
    if (target.items.length > p.elems.length) {
      this.error(
        target.items[p.elems.length]?.span ?? target.span,
        dt('codon.check-collections.msg', tupleRangeBounds(p.elems.length - 1, p.elems.length)),
      );
      return null;
    }
    return p.elems.slice(0, target.items.length);
  }

  /** Reports a type that cannot be kept in a variable (a generator), as a `range` is refused. */
  protected refuseKept(t: CodonType, at: Expr): boolean {
    if (prune(t).kind !== 'generator') return false;
    this.notModelled(
      at.span,
      dt('codon.check-collections.keeping-a-generator-d-items-enumerate'),
      dt('codon.check-collections.loop-over-it-directly-for-k'),
    );
    return true;
  }

  protected unifyOrReport(at: Expr, a: CodonType, b: CodonType): boolean {
    if (unify(a, b)) return true;
    this.error(at.span, dt('codon.check-collections.msg', typeUnify(a, b)));
    return false;
  }

  /**
   * A dict or set display or constructor whose item types never became known and that is not
   * kept in a variable (which gets "cannot infer" above), such as `print({})`: not modelled (what
   * Codon makes of it was not checked).
   */
  protected refuseUnknownTables(body: Stmt[]): void {
    const kept = new Set<Expr>();
    walkStmts(body, {
      stmt(s) {
        if (s.kind === 'assign' && s.target.kind === 'name') kept.add(s.value);
      },
    });
    walkStmts(body, {
      expr: (e) => {
        const k = e.type ? prune(e.type).kind : null;
        const built =
          e.kind === 'dict' || e.kind === 'set' || (e.kind === 'call' && e.resolved?.kind === 'table-new');
        if (built && (k === 'dict' || k === 'set') && !kept.has(e) && !isComplete(e.type as CodonType))
          this.notModelled(
            e.span,
            dt('codon.check-collections.a-dict-or-set-whose-item'),
            dt('codon.check-collections.give-them', k === 'dict' ? 'Dict[str, int]()' : 'Set[int]()'),
          );
      },
    });
  }
}

/** What to write so that a variable's type becomes known. */
export function incompleteHint(name: string, t: CodonType): DiagText {
  const k = prune(t).kind;
  if (k === 'dict') return dt('codon.check-collections.incomplete-dict', name);
  if (k === 'set') return dt('codon.check-collections.incomplete-set', name);
  return dt('codon.check-collections.incomplete-list', name);
}
