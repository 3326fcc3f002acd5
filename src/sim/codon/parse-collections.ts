/**
 * Dict and set displays `{k: v}`, `{a, b}`, `{}` and tuples `(a, b)`, `a, b` as Codon 0.19 reads
 * them (grammar.peg `dict`, `set`, `tuple`; typecheck/collections.cpp turns each into the
 * collection's constructor and one `__setitem__`/`add` per item, or `Tuple.__new__`).
 * Comprehensions and `**`/`*` unpacking inside a display stay refused, located.
 */
import type { Msg } from '../diag';
import { dt } from '../diag';
import type { Expr } from './ast';
import { describeToken, spanFrom } from './parse-base';
import { ExprParser } from './parse-expr';

export class CollectionParser extends ExprParser {
  /** `{...}`: `{}` is an empty dict (as in Python), `{k: v, ...}` a dict, `{a, ...}` a set. */
  protected override parseBraces(): Expr {
    const open = this.next();
    const closeMessage = () =>
      dt(
        'codon.parse-collections.expected-close',
        open.span.start.line,
        open.span.start.column,
        describeToken(this.peek()),
      );
    if (this.isOp('}')) {
      const close = this.next();
      return this.built({ kind: 'dict', keys: [], values: [], span: spanFrom(open.span, close.span) });
    }
    if (this.isOp('**') || this.isOp('*'))
      return this.refuseDisplay(open, dt('codon.parse-collections.unpacking-with-in-a-dict-or'));
    const first = this.parseExpr();
    if (this.isKeyword('for'))
      return this.refuseDisplay(
        open,
        dt('codon.parse-collections.a-set-comprehension-for'),
        dt('codon.parse-collections.build-the-set-with-a-for'),
      );
    if (this.eatOp(':')) {
      const keys: Expr[] = [first];
      const values: Expr[] = [this.parseExpr()];
      if (this.isKeyword('for'))
        return this.refuseDisplay(
          open,
          dt('codon.parse-collections.a-dict-comprehension-k-v-for'),
          dt('codon.parse-collections.build-the-dict-with-a-for'),
        );
      while (this.eatOp(',')) {
        if (this.isOp('}')) break;
        if (this.isOp('**'))
          return this.refuseDisplay(open, dt('codon.parse-collections.unpacking-with-in-a-dict-display'));
        keys.push(this.parseExpr());
        this.expectOp(
          ':',
          dt('codon.parse-collections.expected-after-the-key-in-the', describeToken(this.peek())),
        );
        values.push(this.parseExpr());
      }
      const close = this.expectOp('}', closeMessage());
      return this.built({ kind: 'dict', keys, values, span: spanFrom(open.span, close.span) }, keys, values);
    }
    const items: Expr[] = [first];
    while (this.eatOp(',')) {
      if (this.isOp('}')) break;
      if (this.isOp('*'))
        return this.refuseDisplay(open, dt('codon.parse-collections.unpacking-with-in-a-set-display'));
      items.push(this.parseExpr());
    }
    const close = this.expectOp('}', closeMessage());
    return this.built({ kind: 'set', items, span: spanFrom(open.span, close.span) }, items);
  }

  /** Skips to the matching `}` and reports the display as not modelled, once, at the whole display. */
  private refuseDisplay(open: { span: Expr['span'] }, what: Msg, hint?: Msg): Expr {
    let depth = 1;
    while (depth > 0) {
      const t = this.peek();
      if (t.kind === 'eof' || t.kind === 'newline') break;
      this.next();
      if (t.kind === 'op' && t.text === '{') depth++;
      if (t.kind === 'op' && t.text === '}') depth--;
    }
    const span = spanFrom(open.span, { start: this.prevEnd(), end: this.prevEnd() });
    this.notModelled(span, what, hint);
    return this.errorExpr(span);
  }

  /** A tuple of the items already parsed (`(a, b)` or a bare `a, b`). */
  protected tupleOf(items: Expr[], span: Expr['span']): Expr {
    return this.built({ kind: 'tuple', items, span }, items);
  }
}
