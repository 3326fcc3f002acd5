/**
 * Expressions, by C++ precedence (lowest first): comma, assignment and `?:`, `||`, `&&`, `|`, `^`, `&`,
 * equality, relational, shifts, additive, multiplicative, unary (prefix, casts, sizeof, new, delete),
 * postfix (calls, `[]`, `.`, `->`, `++`, `--`), primary.
 */
import { dt, type DiagText } from '../diag';
import type { Span } from '../diag';
import { describe, type ParserState } from './parser-state';
import { parseNewTypeId, parseOperatorName, parseTypeId } from './parse-type';
import type {
  CastStyle,
  ExprSyntax,
  InitListSyntax,
  NamePart,
  QualifiedName,
  TemplateArgSyntax,
} from './syntax';
import type { LiteralValue, Token } from './token';

const BINARY_PRECEDENCE: Readonly<Record<string, number>> = {
  '||': 1,
  '&&': 2,
  '|': 3,
  '^': 4,
  '&': 5,
  '==': 6,
  '!=': 6,
  '<': 7,
  '>': 7,
  '<=': 7,
  '>=': 7,
  '<=>': 8,
  '<<': 9,
  '>>': 9,
  '+': 10,
  '-': 10,
  '*': 11,
  '/': 11,
  '%': 11,
  '.*': 12,
  '->*': 12,
};

const ASSIGN_OPS: ReadonlySet<string> = new Set([
  '=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '<<=',
  '>>=',
]);

const NAMED_CASTS: Readonly<Record<string, CastStyle>> = {
  static_cast: 'static',
  reinterpret_cast: 'reinterpret',
  const_cast: 'const',
  dynamic_cast: 'dynamic',
};

const span2 = (a: Span, b: Span): Span => ({ start: a.start, end: b.end });

/** expression: assignment-expressions separated by commas. */
export function parseExpression(p: ParserState): ExprSyntax {
  let left = parseAssignment(p);
  while (p.is(',')) {
    p.next();
    const right = parseAssignment(p);
    left = { kind: 'comma', left, right, span: span2(left.span, right.span) };
  }
  return left;
}

/** An expression or a braced list, where C++ allows both (call arguments, `return`, `x = {...}`). */
export function parseInitClause(p: ParserState): ExprSyntax | InitListSyntax {
  return p.is('{') ? parseInitList(p) : parseAssignment(p);
}

/** `{ a, b, c }` with an optional trailing comma; designators are diagnosed. */
export function parseInitList(p: ParserState): InitListSyntax {
  const openIndex = p.i;
  const open = p.expect('{', dt('cpp.parse-expr.to-begin-an-initializer-list'));
  p.enter();
  const items: ExprSyntax[] = [];
  const saved = p.noGreater;
  p.noGreater = false;
  while (!p.is('}') && !p.atEof) {
    if (p.is('.') && p.peek().kind === 'ident') {
      // Refused, then skipped to its closing brace, so the declaration around it still parses
      // (abandoning it here would leave `}` and `return` to be misread as errors of the learner).
      p.diags.unsupported(p.tok.span, dt('cpp.parse-expr.a-designated-initializer'));
      p.i = openIndex;
      p.skipBalanced();
      p.noGreater = saved;
      p.leave();
      return { kind: 'init-list', items: [], span: p.spanFrom(open.span) };
    }
    items.push(parseInitClause(p) as ExprSyntax);
    if (!p.accept(',')) break;
  }
  p.noGreater = saved;
  p.expect('}', dt('cpp.parse-expr.to-close-the-initializer-list'));
  p.leave();
  return { kind: 'init-list', items, span: p.spanFrom(open.span) };
}

/** assignment-expression: conditional, or `target op= value` (right associative), or `throw`. */
export function parseAssignment(p: ParserState): ExprSyntax {
  p.enter();
  try {
    if (p.is('throw')) return unsupportedThrow(p);
    if (p.is('co_yield')) p.fail(dt('cpp.parse-expr.coroutines-co-yield-are-not-modelled'));
    const left = parseBinary(p, 1);
    if (p.is('?')) {
      p.next();
      const saved = p.noGreater;
      p.noGreater = false;
      const then = parseExpression(p);
      p.noGreater = saved;
      p.expect(':', dt('cpp.parse-expr.in-the-conditional-expression-a-b'));
      const otherwise = parseAssignment(p);
      return {
        kind: 'conditional',
        cond: left,
        then,
        else: otherwise,
        span: span2(left.span, otherwise.span),
      };
    }
    const op = p.tok;
    if (op.kind === 'punct' && ASSIGN_OPS.has(op.text) && !(p.noGreater && op.text === '>>=')) {
      p.next();
      const right = op.text === '=' ? parseInitClause(p) : parseAssignment(p);
      return {
        kind: 'assign',
        op: op.text,
        left,
        right,
        span: span2(left.span, right.span),
        opSpan: op.span,
      };
    }
    return left;
  } finally {
    p.leave();
  }
}

function unsupportedThrow(p: ParserState): ExprSyntax {
  const t = p.next();
  p.diags.unsupported(t.span, dt('cpp.parse-expr.throw-exceptions'));
  if (!p.is(';') && !p.is(')') && !p.is(',')) parseAssignment(p);
  return { kind: 'error-expr', span: p.spanFrom(t.span) };
}

/** Binary operators by precedence climbing: left associative, so long chains do not recurse. */
function parseBinary(p: ParserState, minPrec: number): ExprSyntax {
  let left = parseUnary(p);
  for (;;) {
    const op = p.tok;
    if (op.kind !== 'punct') break;
    const prec = BINARY_PRECEDENCE[op.text];
    if (prec === undefined || prec < minPrec) break;
    if (p.noGreater && (op.text === '>' || op.text === '>>' || op.text === '>=')) break;
    if (op.text === '.*' || op.text === '->*') p.fail(dt('cpp.parse-expr.pointers-to-members-and-are-not'));
    if (op.text === '<=>') p.fail(dt('cpp.parse-expr.the-three-way-comparison-operator-is'));
    p.next();
    const right = parseBinary(p, prec + 1);
    left = { kind: 'binary', op: op.text, left, right, span: span2(left.span, right.span), opSpan: op.span };
  }
  return left;
}

/** unary-expression and cast-expression. */
export function parseUnary(p: ParserState): ExprSyntax {
  p.enter();
  try {
    return parseUnaryInner(p);
  } finally {
    p.leave();
  }
}

function parseUnaryInner(p: ParserState): ExprSyntax {
  const t = p.tok;
  if (t.kind === 'punct') {
    if (['-', '+', '!', '~', '*', '&', '++', '--'].includes(t.text)) {
      p.next();
      const operand = parseUnary(p);
      return { kind: 'unary', op: t.text, operand, span: span2(t.span, operand.span), opSpan: t.span };
    }
    if (t.text === '&&') p.fail(dt('cpp.parse-expr.the-address-of-a-label-label'));
    if (t.text === '(' && p.typeStartsAt(p.i + 1) && !isFunctionalCastInParens(p)) return parseCCast(p);
    if (t.text === '::' && (p.isAt(p.i + 1, 'new') || p.isAt(p.i + 1, 'delete'))) {
      p.next();
      return parseUnary(p);
    }
  }
  if (t.kind === 'keyword') {
    switch (t.text) {
      case 'sizeof':
        return parseSizeof(p);
      case 'alignof':
      case '__alignof__': {
        p.next();
        p.expect('(', dt('cpp.parse-expr.after', t.text));
        const type = parseTypeId(p);
        p.expect(')', dt('cpp.parse-expr.to-close', t.text));
        return { kind: 'alignof', type, span: p.spanFrom(t.span) };
      }
      case 'new':
        return parseNew(p);
      case 'delete':
        return parseDelete(p);
      case 'co_await':
        p.fail(dt('cpp.parse-expr.coroutines-co-await-are-not-modelled'));
        break;
      case 'noexcept':
        p.fail(dt('cpp.parse-expr.the-noexcept-operator-is-not-modelled'));
        break;
      default:
        break;
    }
  }
  return parsePostfix(p);
}

/** `(T)(x)` vs `(T(x))`: a parenthesised functional cast like `(double(x))` is an expression, not a C cast. */
function isFunctionalCastInParens(p: ParserState): boolean {
  const { end } = p.scanQualified(p.i + 1);
  if (p.at(p.i + 1).kind !== 'ident' && !p.isAt(p.i + 1, '::')) {
    // Keyword types: `(double(x))` is rare; `(double)x` is the common case.
    return false;
  }
  return p.isAt(end, '(') || p.isAt(end, '{') || p.isAt(end, '.') || p.isAt(end, '->');
}

function parseCCast(p: ParserState): ExprSyntax {
  const open = p.next();
  const saved = p.noGreater;
  p.noGreater = false;
  const type = parseTypeId(p);
  p.noGreater = saved;
  p.expect(')', dt('cpp.parse-expr.to-close-the-type-of-the'));
  if (p.is('{')) p.fail(dt('cpp.parse-expr.compound-literals-t-are-c-not'));
  const operand = parseUnary(p);
  return { kind: 'cast', style: 'c', type, operand, span: span2(open.span, operand.span) };
}

function parseSizeof(p: ParserState): ExprSyntax {
  const t = p.next();
  if (p.is('...')) p.fail(dt('cpp.parse-expr.sizeof-parameter-packs-is-not-modelled'));
  if (p.is('(') && p.typeStartsAt(p.i + 1) && !isFunctionalCastInParens(p)) {
    p.next();
    const saved = p.noGreater;
    p.noGreater = false;
    const type = parseTypeId(p);
    p.noGreater = saved;
    p.expect(')', dt('cpp.parse-expr.to-close-sizeof'));
    return { kind: 'sizeof-type', type, span: p.spanFrom(t.span) };
  }
  const operand = parseUnary(p);
  return { kind: 'sizeof-expr', operand, span: span2(t.span, operand.span) };
}

function parseNew(p: ParserState): ExprSyntax {
  const t = p.next();
  if (p.is('(') && !p.typeStartsAt(p.i + 1)) p.fail(dt('cpp.parse-expr.placement-new-new-address-t-is'));
  let type;
  let arraySize: ExprSyntax | undefined;
  if (p.is('(')) {
    p.next();
    type = parseTypeId(p);
    p.expect(')', dt('cpp.parse-expr.to-close-the-type-after-new'));
  } else {
    const r = parseNewTypeId(p, () => parseExpression(p));
    type = r.type;
    arraySize = r.arraySize;
  }
  let init:
    | { kind: 'paren'; args: (ExprSyntax | InitListSyntax)[] }
    | { kind: 'braced'; list: InitListSyntax }
    | undefined;
  if (p.is('(')) init = { kind: 'paren', args: parseCallArgs(p) };
  else if (p.is('{')) init = { kind: 'braced', list: parseInitList(p) };
  return {
    kind: 'new',
    type,
    ...(arraySize ? { arraySize } : {}),
    ...(init ? { init } : {}),
    span: p.spanFrom(t.span),
  };
}

function parseDelete(p: ParserState): ExprSyntax {
  const t = p.next();
  let array = false;
  if (p.is('[')) {
    p.next();
    p.expect(']', dt('cpp.parse-expr.in-delete'));
    array = true;
  }
  const operand = parseUnary(p);
  return { kind: 'delete', array, operand, span: span2(t.span, operand.span) };
}

/** `( args )` of a call; the cursor is on `(`. */
export function parseCallArgs(p: ParserState): (ExprSyntax | InitListSyntax)[] {
  p.expect('(', dt('cpp.parse-expr.to-begin-the-arguments'));
  const saved = p.noGreater;
  p.noGreater = false;
  const args: (ExprSyntax | InitListSyntax)[] = [];
  if (!p.is(')')) {
    for (;;) {
      args.push(parseInitClause(p));
      if (p.is('...')) p.fail(dt('cpp.parse-expr.pack-expansions-are-not-modelled-by'));
      if (!p.accept(',')) break;
    }
  }
  p.noGreater = saved;
  p.expect(')', dt('cpp.parse-expr.to-close-the-argument-list'));
  return args;
}

function parsePostfix(p: ParserState): ExprSyntax {
  let e = parsePrimary(p);
  let depth = 0;
  for (;;) {
    const t = p.tok;
    if (t.kind !== 'punct') break;
    if (++depth > 1000) p.fail(dt('cpp.parse-expr.this-expression-is-too-long-for'));
    if (t.text === '(') {
      const args = parseCallArgs(p);
      e = { kind: 'call', callee: e, args, span: p.spanFrom(e.span) };
    } else if (t.text === '[') {
      p.next();
      if (p.is('[')) p.fail(dt('cpp.parse-expr.attributes-are-not-allowed-here'));
      const saved = p.noGreater;
      p.noGreater = false;
      const index = parseExpression(p);
      p.noGreater = saved;
      p.expect(']', dt('cpp.parse-expr.to-close-the-subscript'));
      e = { kind: 'index', base: e, index, span: p.spanFrom(e.span) };
    } else if (t.text === '.' || t.text === '->') {
      p.next();
      p.accept('template');
      if (p.is('~')) p.fail(dt('cpp.parse-expr.calling-a-destructor-explicitly-is-not'));
      if (p.is('operator')) p.fail(dt('cpp.parse-expr.calling-an-operator-function-by-name'));
      if (p.tok.kind !== 'ident') p.failAfterPrev(dt('cpp.parse-expr.expected-a-member-name-after', t.text));
      const name = parseQualifiedName(p, true);
      e = { kind: 'member', object: e, arrow: t.text === '->', name, span: p.spanFrom(e.span) };
    } else if (t.text === '++' || t.text === '--') {
      p.next();
      e = { kind: 'postfix', op: t.text, operand: e, span: span2(e.span, t.span), opSpan: t.span };
    } else break;
  }
  return e;
}

function literalExpr(t: Token): ExprSyntax {
  return { kind: 'literal', value: t.value as LiteralValue, text: t.text, span: t.span };
}

function parsePrimary(p: ParserState): ExprSyntax {
  const t = p.tok;
  switch (t.kind) {
    case 'int':
    case 'float':
    case 'char':
      p.next();
      return literalExpr(t);
    case 'string':
      return parseStrings(p);
    case 'eof':
      p.failAfterPrev(dt('cpp.parse-expr.expected-an-expression'));
      break;
    case 'keyword':
      return parseKeywordPrimary(p, t);
    case 'ident':
      return parseNamePrimary(p);
    case 'punct':
      return parsePunctPrimary(p, t);
  }
  p.fail(dt('cpp.parse-expr.expected-an-expression-found', describe(t)));
}

/** Adjacent string literals concatenate ("a" "b" is "ab"). */
function parseStrings(p: ParserState): ExprSyntax {
  const first = p.next();
  let value = first.value as LiteralValue & { kind: 'string' };
  while (p.tok.kind === 'string') {
    const more = p.next().value as LiteralValue & { kind: 'string' };
    const prefix = value.prefix === '' ? more.prefix : value.prefix;
    value = {
      kind: 'string',
      value: value.value + more.value,
      units: [...value.units, ...more.units],
      prefix,
    };
  }
  return { kind: 'string', value, span: p.spanFrom(first.span) };
}

function parseKeywordPrimary(p: ParserState, t: Token): ExprSyntax {
  switch (t.text) {
    case 'true':
    case 'false':
      p.next();
      return { kind: 'bool', value: t.text === 'true', span: t.span };
    case 'nullptr':
      p.next();
      return { kind: 'nullptr', span: t.span };
    case 'this':
      p.next();
      return { kind: 'this', span: t.span };
    case 'static_cast':
    case 'reinterpret_cast':
    case 'const_cast':
    case 'dynamic_cast': {
      p.next();
      p.expect('<', dt('cpp.parse-expr.after', t.text));
      const saved = p.noGreater;
      p.noGreater = true;
      const type = parseTypeId(p);
      p.noGreater = saved;
      closeAngle(p, dt('cpp.parse-expr.to-close-cast', t.text));
      p.expect('(', dt('cpp.parse-expr.after-2', t.text));
      const saved2 = p.noGreater;
      p.noGreater = false;
      const operand = parseExpression(p);
      p.noGreater = saved2;
      p.expect(')', dt('cpp.parse-expr.to-close-2', t.text));
      return {
        kind: 'cast',
        style: NAMED_CASTS[t.text] ?? 'static',
        type,
        operand,
        span: p.spanFrom(t.span),
      };
    }
    case 'typeid':
      p.fail(dt('cpp.parse-expr.typeid-run-time-type-information-is'));
      break;
    case 'requires':
      p.fail(dt('cpp.parse-expr.requires-expressions-concepts-are-not-modelled'));
      break;
    case 'operator':
      p.fail(dt('cpp.parse-expr.calling-an-operator-function-by-name'));
      break;
    case 'asm':
    case '__asm__':
    case '__asm':
      p.fail(dt('cpp.parse-expr.inline-assembly-is-not-modelled-by'));
      break;
    default:
      if (p.typeStartsAt(p.i)) return parseConstructOrFail(p);
  }
  p.fail(dt('cpp.parse-expr.expected-an-expression-found', describe(t)));
}

/** `double(x)`, `int{}`, `std::array<double, 4>{...}`: a type followed by `(` or `{`. */
function parseConstructOrFail(p: ParserState): ExprSyntax {
  const start = p.tok.span;
  const type = parseTypeId(p, { noDeclarator: true });
  if (p.is('(')) {
    const args = parseCallArgs(p);
    return { kind: 'construct', type, args, braced: false, span: p.spanFrom(start) };
  }
  if (p.is('{')) {
    const list = parseInitList(p);
    return { kind: 'construct', type, args: list.items, braced: true, span: p.spanFrom(start) };
  }
  p.failAfterPrev(dt('cpp.parse-expr.expected-or-after-the-type-name'));
}

function parseNamePrimary(p: ParserState): ExprSyntax {
  const { parts, end } = p.scanQualified(p.i);
  if (p.namesType(parts) && (p.isAt(end, '(') || p.isAt(end, '{'))) return parseConstructOrFail(p);
  const name = parseQualifiedName(p, true);
  return { kind: 'name', name, span: name.span };
}

function parsePunctPrimary(p: ParserState, t: Token): ExprSyntax {
  if (t.text === '(') {
    p.next();
    const saved = p.noGreater;
    p.noGreater = false;
    if (p.is('{')) p.fail(dt('cpp.parse-expr.statement-expressions-are-not-modelled-by'));
    const inner = parseExpression(p);
    p.noGreater = saved;
    p.expect(')', dt('cpp.parse-expr.to-close-the-parenthesis'));
    return { kind: 'paren', expr: inner, span: p.spanFrom(t.span) };
  }
  if (t.text === '::') {
    const name = parseQualifiedName(p, true);
    return { kind: 'name', name, span: name.span };
  }
  if (t.text === '[') return unsupportedLambda(p);
  if (t.text === '{') {
    const list = parseInitList(p);
    return list;
  }
  p.fail(dt('cpp.parse-expr.expected-an-expression-found', describe(t)));
}

function unsupportedLambda(p: ParserState): ExprSyntax {
  const start = p.tok.span;
  p.diags.unsupported(start, dt('cpp.parse-expr.a-lambda-expression'));
  p.skipBalanced();
  if (p.is('<')) p.skipBalanced();
  if (p.is('(')) p.skipBalanced();
  while (!p.is('{') && !p.is(';') && !p.atEof) p.next();
  if (p.is('{')) p.skipBalanced();
  return { kind: 'error-expr', span: p.spanFrom(start) };
}

/** Consumes the `>` that closes template arguments, splitting `>>` and `>=` as C++11 does. */
export function closeAngle(p: ParserState, context: DiagText): void {
  const t = p.tok;
  if (t.kind === 'punct' && t.text.length > 1 && t.text.startsWith('>')) {
    // Split `>>` into `>` `>`: consume the first half by shrinking the token in place.
    const start = { ...t.span.start, column: t.span.start.column + 1, offset: t.span.start.offset + 1 };
    p.tokens[p.i] = { ...t, text: t.text.slice(1), span: { start, end: t.span.end } };
    return;
  }
  p.expect('>', context);
}

/**
 * `::`? name (`::` name)* with template arguments after names the parser knows are templates.
 * `~S` is accepted as a destructor name.
 */
export function parseQualifiedName(p: ParserState, allowTemplateArgs: boolean): QualifiedName {
  const start = p.tok.span;
  const global = Boolean(p.accept('::'));
  const parts: NamePart[] = [];
  for (;;) {
    const tilde = p.accept('~');
    const t = p.tok;
    if (t.kind !== 'ident') {
      if (t.text === 'operator' && parts.length > 0 && p.isAt(p.i + 1, '=')) {
        // `S::operator=` defined out of the class.
        const opName = parseOperatorName(p);
        parts.push(...opName.parts);
        break;
      }
      if (t.text === 'operator') p.fail(dt('cpp.parse-expr.operator-overloading-is-not-modelled-by'));
      if (t.text === 'template') {
        p.next();
        continue;
      }
      p.failAfterPrev(
        parts.length === 0
          ? dt('cpp.parse-expr.expected-a-name')
          : dt('cpp.parse-expr.expected-a-name-after'),
      );
    }
    p.next();
    const part: NamePart = {
      name: (tilde ? '~' : '') + t.text,
      span: tilde ? span2(tilde.span, t.span) : t.span,
    };
    parts.push(part);
    if (allowTemplateArgs && p.is('<') && p.namesTemplate(parts.map((x) => x.name))) {
      part.templateArgs = parseTemplateArgs(p);
    }
    if (p.is('::') && (p.peek().kind === 'ident' || p.isAt(p.i + 1, '~') || p.isAt(p.i + 1, 'operator'))) {
      p.next();
      continue;
    }
    break;
  }
  return { global, parts, span: p.spanFrom(start) };
}

/** `< arg, arg >`: each a type when it starts like one, else a constant expression. */
export function parseTemplateArgs(p: ParserState): TemplateArgSyntax[] {
  p.expect('<', dt('cpp.parse-expr.to-begin-template-arguments'));
  p.enter();
  const saved = p.noGreater;
  p.noGreater = true;
  const args: TemplateArgSyntax[] = [];
  try {
    const closes = (): boolean => p.tok.kind === 'punct' && p.tok.text.startsWith('>') && p.tok.text !== '->';
    if (!closes()) {
      for (;;) {
        const start = p.tok.span;
        if (p.typeStartsAt(p.i)) {
          const type = parseTypeId(p);
          args.push({ kind: 'type-arg', type, span: p.spanFrom(start) });
        } else {
          const expr = parseBinary(p, 1);
          args.push({ kind: 'expr-arg', expr, span: p.spanFrom(start) });
        }
        if (p.is('...')) p.fail(dt('cpp.parse-expr.pack-expansions-are-not-modelled-by'));
        if (!p.accept(',')) break;
      }
    }
    p.noGreater = saved;
    closeAngle(p, dt('cpp.parse-expr.to-close-template-args'));
  } finally {
    p.noGreater = saved;
    p.leave();
  }
  return args;
}
