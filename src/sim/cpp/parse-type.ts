/**
 * Declaration specifiers (`static const unsigned long`, `std::array<double, 4>`), declarators
 * (`*p`, `a[4]`, `foo(int x) const`, `(*fp)(double)`), type-ids and attributes.
 */
import { dt } from '../diag';
import type { Span } from '../diag';
import { parseExpression, parseInitClause, parseQualifiedName } from './parse-expr';
import { parseEnumSpecifier, parseRecordSpecifier } from './parse-decl';
import { TYPE_KEYWORDS, describe, type ParserState } from './parser-state';
import type {
  AttributeSyntax,
  BaseTypeSyntax,
  DeclSpecs,
  DeclaratorOp,
  DeclaratorSyntax,
  ExprSyntax,
  ParamSyntax,
  StorageFlags,
  TypeIdSyntax,
} from './syntax';

export interface SpecsContext {
  /** Inside `class S { ... }`: `S(` starts a constructor, not a type. */
  className?: string;
  /** A class or enum may be defined here (not in parameters, casts or template arguments). */
  allowDefinitions?: boolean;
  /** A type-id (cast, template argument, sizeof, new): storage classes are errors. */
  typeId?: boolean;
  /** Function-local declarations: `struct S {...}` inside a function is allowed. */
  local?: boolean;
}

const STORAGE_KEYWORDS: Readonly<Record<string, keyof StorageFlags>> = {
  static: 'static',
  extern: 'extern',
  thread_local: 'threadLocal',
  __thread: 'threadLocal',
  inline: 'inline',
  __inline: 'inline',
  __inline__: 'inline',
  constexpr: 'constexpr',
  virtual: 'virtual',
  explicit: 'explicit',
  mutable: 'mutable',
  typedef: 'typedef',
  register: 'register',
};

/** True when the cursor is on `[[` (a standard attribute). */
export function atStdAttribute(p: ParserState): boolean {
  return p.is('[') && p.isAt(p.i + 1, '[');
}

/** Parses any run of attributes at the cursor (`[[...]]`, `__attribute__((...))`, `alignas(...)`). */
export function parseAttributes(p: ParserState, into: AttributeSyntax[]): void {
  for (;;) {
    if (atStdAttribute(p)) parseStdAttribute(p, into);
    else if (p.is('__attribute__')) parseGnuAttribute(p, into);
    else if (p.is('alignas')) parseAlignas(p, into);
    else if (p.is('__declspec')) p.fail(dt('cpp.parse-type.declspec-is-microsoft-c-and-is'));
    else return;
  }
}

/** Collects the tokens of one attribute argument list `( ... )` as texts. */
function attributeArgs(p: ParserState): string[] {
  const args: string[] = [];
  if (!p.is('(')) return args;
  p.next();
  let depth = 0;
  let current = '';
  while (!p.atEof) {
    const t = p.tok;
    if (t.text === '(' && t.kind === 'punct') depth++;
    if (t.text === ')' && t.kind === 'punct') {
      if (depth === 0) break;
      depth--;
    }
    if (t.text === ',' && t.kind === 'punct' && depth === 0) {
      args.push(current);
      current = '';
    } else current += (current && t.kind !== 'punct' && !/[(.]$/.test(current) ? ' ' : '') + t.text;
    p.next();
  }
  p.expect(')', dt('cpp.parse-type.to-close-the-attribute-arguments'));
  if (current !== '' || args.length > 0) args.push(current);
  return args;
}

function parseStdAttribute(p: ParserState, into: AttributeSyntax[]): void {
  const start = p.next().span;
  p.next();
  while (!p.is(']') && !p.atEof) {
    const nameStart = p.tok;
    if (nameStart.kind !== 'ident' && nameStart.kind !== 'keyword')
      p.fail(dt('cpp.parse-type.expected-an-attribute-name-found', describe(nameStart)));
    p.next();
    let name = nameStart.text;
    if (p.is('::')) {
      p.next();
      name += '::' + p.next().text;
    }
    const args = attributeArgs(p);
    into.push({ kind: 'attribute', syntax: 'std', name, args, span: p.spanFrom(nameStart.span) });
    if (!p.accept(',')) break;
  }
  p.expect(']', dt('cpp.parse-type.to-close-the-attribute'));
  p.expect(']', dt('cpp.parse-type.to-close-the-attribute-2'));
  void start;
}

function parseGnuAttribute(p: ParserState, into: AttributeSyntax[]): void {
  p.next();
  p.expect('(', dt('cpp.parse-type.after-attribute'));
  p.expect('(', dt('cpp.parse-type.after-attribute-gcc-attributes-take-two'));
  while (!p.is(')') && !p.atEof) {
    const t = p.tok;
    if (t.text === ',') {
      p.next();
      continue;
    }
    if (t.kind !== 'ident' && t.kind !== 'keyword')
      p.fail(dt('cpp.parse-type.expected-an-attribute-name-found', describe(t)));
    p.next();
    const name = t.text.replace(/^__(.*)__$/, '$1');
    let argExpr: ExprSyntax | undefined;
    let args: string[];
    if (name === 'aligned' && p.is('(')) {
      const at = p.i;
      p.next();
      argExpr = parseExpression(p);
      p.expect(')', dt('cpp.parse-type.to-close-aligned'));
      args = [
        p.tokens
          .slice(at + 1, p.i - 1)
          .map((x) => x.text)
          .join(' '),
      ];
    } else args = attributeArgs(p);
    into.push({
      kind: 'attribute',
      syntax: 'gnu',
      name,
      args,
      ...(argExpr ? { argExpr } : {}),
      span: p.spanFrom(t.span),
    });
    if (!p.accept(',')) break;
  }
  p.expect(')', dt('cpp.parse-type.to-close-the-attribute-list'));
  p.expect(')', dt('cpp.parse-type.to-close-attribute'));
}

function parseAlignas(p: ParserState, into: AttributeSyntax[]): void {
  const t = p.next();
  p.expect('(', dt('cpp.parse-type.after-alignas'));
  const at = p.i;
  if (p.typeStartsAt(p.i)) {
    const argType = parseTypeId(p);
    p.expect(')', dt('cpp.parse-type.to-close-alignas'));
    into.push({
      kind: 'attribute',
      syntax: 'alignas',
      name: 'alignas',
      args: [textBetween(p, at)],
      argType,
      span: p.spanFrom(t.span),
    });
    return;
  }
  const argExpr = parseExpression(p);
  p.expect(')', dt('cpp.parse-type.to-close-alignas'));
  into.push({
    kind: 'attribute',
    syntax: 'alignas',
    name: 'alignas',
    args: [textBetween(p, at)],
    argExpr,
    span: p.spanFrom(t.span),
  });
}

function textBetween(p: ParserState, from: number): string {
  return p.tokens
    .slice(from, p.i - 1)
    .map((x) => x.text)
    .join(' ');
}

/**
 * Reads declaration specifiers. Returns `hasType: false` when none named a type (a constructor
 * or destructor declaration, or an error the caller reports).
 */
export function parseDeclSpecs(p: ParserState, ctx: SpecsContext = {}): DeclSpecs {
  const start = p.tok.span;
  const words: string[] = [];
  let wordsSpan: Span | null = null;
  let base: BaseTypeSyntax | null = null;
  const storage: StorageFlags = {};
  const attributes: AttributeSyntax[] = [];
  let isConst = false;
  let isVolatile = false;
  for (;;) {
    const t = p.tok;
    if (atStdAttribute(p) || t.text === '__attribute__' || t.text === 'alignas' || t.text === '__declspec') {
      if (t.kind === 'punct' || t.kind === 'keyword') {
        parseAttributes(p, attributes);
        continue;
      }
    }
    if (t.kind === 'keyword') {
      const flag = STORAGE_KEYWORDS[t.text];
      if (flag) {
        if (ctx.typeId) p.fail(dt('cpp.parse-type.cannot-appear-in-a-type-here', t.text));
        if (t.text === 'extern' && p.peek().kind === 'string') break;
        storage[flag] = t.span;
        p.next();
        continue;
      }
      if (t.text === 'const' || t.text === 'volatile') {
        if (t.text === 'const') isConst = true;
        else isVolatile = true;
        p.next();
        continue;
      }
      if (
        t.text === '__extension__' ||
        t.text === 'constinit' ||
        t.text === '__restrict' ||
        t.text === '__restrict__'
      ) {
        p.next();
        continue;
      }
      if (t.text === 'typename') {
        p.next();
        continue;
      }
      if (t.text === 'consteval') p.fail(dt('cpp.parse-type.consteval-functions-are-not-modelled-by'));
      if (t.text === 'friend') p.fail(dt('cpp.parse-type.friend-declarations-are-not-modelled-by'));
      if (t.text === 'decltype' || t.text === '__typeof__')
        p.fail(dt('cpp.parse-type.is-not-modelled-by-this-simulator', t.text));
      if (t.text === 'auto') {
        if (base || words.length) p.fail(dt('cpp.parse-type.auto-cannot-be-combined-with-another'));
        p.next();
        base = { kind: 'auto', span: t.span };
        continue;
      }
      if (TYPE_KEYWORDS.has(t.text)) {
        if (base) p.fail(dt('cpp.parse-type.two-types-in-one-declaration-after', t.text));
        words.push(t.text);
        wordsSpan = wordsSpan ? { start: wordsSpan.start, end: t.span.end } : t.span;
        p.next();
        continue;
      }
      if (t.text === 'struct' || t.text === 'class' || t.text === 'union' || t.text === 'enum') {
        if (base || words.length) p.fail(dt('cpp.parse-type.two-types-in-one-declaration-after-2', t.text));
        base = t.text === 'enum' ? parseEnumSpecifier(p, ctx) : parseRecordSpecifier(p, ctx);
        continue;
      }
      break;
    }
    if (t.kind === 'ident' || (t.kind === 'punct' && t.text === '::')) {
      if (base || words.length) break;
      if (ctx.className && t.text === ctx.className && p.isAt(p.i + 1, '(')) break;
      const { parts, end } = p.scanQualified(p.i);
      if (parts.length === 0) break;
      // `S::S(` and `S::~S(` define a constructor or destructor out of the class.
      if (parts.length >= 2 && parts[parts.length - 1] === parts[parts.length - 2] && p.isAt(end, '(')) break;
      if (p.isAt(end, '::') && p.isAt(end + 1, '~')) break;
      const name = parseQualifiedName(p, true);
      base = { kind: 'named', name, span: name.span };
      continue;
    }
    break;
  }
  if (!base && words.length > 0 && wordsSpan) base = { kind: 'builtin', words, span: wordsSpan };
  const hasType = base !== null;
  return {
    span: p.spanFrom(start),
    base: base ?? { kind: 'error', span: p.tok.span },
    const: isConst,
    volatile: isVolatile,
    storage,
    attributes,
    hasType,
  };
}

export interface DeclaratorOptions {
  /** 'no': a name is required; 'allowed': parameters; 'required': type-ids (no name). */
  abstract: 'no' | 'allowed' | 'required';
}

/** Whether `(` at index i starts a parameter list rather than a parenthesised initializer. */
function parenStartsParams(p: ParserState, i: number): boolean {
  const next = p.at(i + 1);
  if (next.kind === 'punct' && (next.text === ')' || next.text === '...')) return true;
  if (p.isAt(i + 1, '[') && p.isAt(i + 2, '[')) return true;
  if (next.kind === 'keyword' && ['__attribute__', 'static', 'register', 'extern'].includes(next.text))
    return true;
  if (p.typeStartsAt(i + 1)) return true;
  // An unknown type name followed by a parameter name (`Foo x`, `Foo* x`, `Foo&)`) still reads as
  // a parameter list; the checker then reports the unknown type.
  if (next.kind === 'ident') {
    const { end } = p.scanQualified(i + 1);
    const after = p.at(end);
    if (after.kind === 'ident') return true;
    if (after.kind === 'punct' && (after.text === '*' || after.text === '&' || after.text === '&&')) {
      const then = p.at(end + 1);
      return (
        then.kind === 'ident' ||
        (then.kind === 'punct' && [',', ')', '*', '&'].includes(then.text)) ||
        then.text === 'const'
      );
    }
  }
  return false;
}

/** Parses a declarator; the ops come out in application order (see DeclaratorOp). */
export function parseDeclarator(p: ParserState, opts: DeclaratorOptions): DeclaratorSyntax {
  p.enter();
  try {
    return parseDeclaratorInner(p, opts);
  } finally {
    p.leave();
  }
}

function parseDeclaratorInner(p: ParserState, opts: DeclaratorOptions): DeclaratorSyntax {
  const start = p.tok.span;
  const prefix: DeclaratorOp[] = [];
  const ignoredAttributes: AttributeSyntax[] = [];
  for (;;) {
    const t = p.tok;
    if (t.kind === 'punct' && t.text === '*') {
      p.next();
      let c = false;
      let v = false;
      for (;;) {
        if (p.accept('const')) c = true;
        else if (p.accept('volatile')) v = true;
        else if (p.accept('__restrict') || p.accept('__restrict__')) continue;
        else if (p.is('__attribute__')) parseAttributes(p, ignoredAttributes);
        else break;
      }
      prefix.push({ kind: 'pointer', const: c, volatile: v, span: t.span });
      continue;
    }
    if (t.kind === 'punct' && (t.text === '&' || t.text === '&&')) {
      p.next();
      prefix.push({ kind: 'reference', rvalue: t.text === '&&', span: t.span });
      continue;
    }
    if (t.kind === 'ident' && p.isAt(p.i + 1, '::') && p.isAt(p.i + 2, '*'))
      p.fail(dt('cpp.parse-type.pointers-to-members-are-not-modelled'));
    if (t.text === '__attribute__' || atStdAttribute(p)) {
      parseAttributes(p, ignoredAttributes);
      continue;
    }
    break;
  }
  let name: DeclaratorSyntax['name'];
  let inner: DeclaratorSyntax | null = null;
  const t = p.tok;
  if (
    t.kind === 'punct' &&
    t.text === '(' &&
    ['*', '&', '&&', '^'].includes(p.peek().text) &&
    p.peek().kind === 'punct'
  ) {
    p.next();
    inner = parseDeclarator(p, opts);
    p.expect(')', dt('cpp.parse-type.to-close-the-parenthesised-declarator'));
  } else if (opts.abstract !== 'required' && (t.kind === 'ident' || t.text === '::' || t.text === '~')) {
    if (t.text === '~' && p.peek().kind !== 'ident') p.fail(dt('cpp.parse-type.expected-a-class-name-after'));
    name = parseQualifiedName(p, false);
    const last = name.parts[name.parts.length - 1]?.name;
    if (last) p.valueNames.add(last);
  } else if (t.text === 'operator' && opts.abstract !== 'required') {
    name = parseOperatorName(p);
  }
  const suffixes: DeclaratorOp[] = [];
  for (;;) {
    const s = p.tok;
    if (s.kind !== 'punct') break;
    if (s.text === '[' && !atStdAttribute(p)) {
      p.next();
      let size: ExprSyntax | null = null;
      if (!p.is(']')) {
        const saved = p.noGreater;
        p.noGreater = false;
        size = parseExpression(p);
        p.noGreater = saved;
      }
      p.expect(']', dt('cpp.parse-type.to-close-the-array-size'));
      suffixes.push({ kind: 'array', size, span: p.spanFrom(s.span) });
      continue;
    }
    if (s.text === '(') {
      const isParams = opts.abstract === 'required' || !(name || inner) || parenStartsParams(p, p.i);
      if (!isParams) break;
      suffixes.push(parseFunctionSuffix(p));
      continue;
    }
    break;
  }
  const ops: DeclaratorOp[] = [...prefix, ...suffixes.reverse(), ...(inner ? inner.ops : [])];
  if (inner?.name) name = inner.name;
  return { ...(name ? { name } : {}), ops, span: p.spanFrom(start) };
}

/**
 * `operator=`: the copy and move assignment operators are special members the simulator models;
 * every other operator function is outside the subset.
 */
export function parseOperatorName(p: ParserState): NonNullable<DeclaratorSyntax['name']> {
  const t = p.next();
  const op = p.tok;
  if (op.kind === 'punct' && op.text === '=') {
    p.next();
    const span = { start: t.span.start, end: op.span.end };
    return { global: false, parts: [{ name: 'operator=', span }], span };
  }
  p.fail(
    dt(
      'cpp.parse-type.operator-overloading-operator-is-not-modelled',
      op.kind === 'punct' ? op.text : ' ' + op.text,
    ),
    t.span,
  );
}

function parseFunctionSuffix(p: ParserState): DeclaratorOp {
  const open = p.next();
  const params: ParamSyntax[] = [];
  let variadic = false;
  const saved = p.noGreater;
  p.noGreater = false;
  if (p.is('void') && p.isAt(p.i + 1, ')')) p.next();
  while (!p.is(')') && !p.atEof) {
    if (p.accept('...')) {
      variadic = true;
      break;
    }
    params.push(parseParam(p));
    if (p.is('...')) {
      p.next();
      variadic = true;
      break;
    }
    if (!p.accept(',')) break;
  }
  p.noGreater = saved;
  p.expect(')', dt('cpp.parse-type.to-close-the-parameter-list'));
  let isConst = false;
  let noexcept = false;
  let trailingReturn: TypeIdSyntax | undefined;
  for (;;) {
    if (p.accept('const')) isConst = true;
    else if (p.accept('volatile')) continue;
    else if (p.is('&') || p.is('&&')) p.fail(dt('cpp.parse-type.ref-qualified-member-functions-are-not'));
    else if (p.is('noexcept')) {
      p.next();
      noexcept = true;
      if (p.is('(')) p.skipBalanced();
    } else if (p.is('throw')) {
      p.next();
      if (p.is('(')) p.skipBalanced();
    } else if (p.is('__attribute__') || atStdAttribute(p)) parseAttributes(p, []);
    else if (p.is('->')) {
      p.next();
      trailingReturn = parseTypeId(p);
    } else break;
  }
  return {
    kind: 'function',
    params,
    variadic,
    const: isConst,
    noexcept,
    ...(trailingReturn ? { trailingReturn } : {}),
    span: p.spanFrom(open.span),
  };
}

function parseParam(p: ParserState): ParamSyntax {
  const start = p.tok.span;
  const specs = parseDeclSpecs(p, {});
  if (!specs.hasType) p.fail(dt('cpp.parse-type.expected-a-parameter-type-found', describe(p.tok)));
  const declarator = parseDeclarator(p, { abstract: 'allowed' });
  let defaultArg: ExprSyntax | undefined;
  if (p.accept('=')) defaultArg = parseInitClause(p) as ExprSyntax;
  return { kind: 'param', specs, declarator, ...(defaultArg ? { defaultArg } : {}), span: p.spanFrom(start) };
}

/** A type-id: specifiers and an abstract declarator (`const double*`, `void(*)(int)`). */
export function parseTypeId(p: ParserState, opts: { noDeclarator?: boolean } = {}): TypeIdSyntax {
  const start = p.tok.span;
  const specs = parseDeclSpecs(p, { typeId: true });
  if (!specs.hasType) p.fail(dt('cpp.parse-type.expected-a-type-found', describe(p.tok)));
  const declarator: DeclaratorSyntax = opts.noDeclarator
    ? { ops: [], span: { start: p.prev.span.end, end: p.prev.span.end } }
    : parseDeclarator(p, { abstract: 'required' });
  return { kind: 'type-id', specs, declarator, span: p.spanFrom(start) };
}

/** The type after `new`: specifiers, `*`s and array bounds; the first bound is the run-time count. */
export function parseNewTypeId(
  p: ParserState,
  parseExpr: () => ExprSyntax,
): { type: TypeIdSyntax; arraySize?: ExprSyntax } {
  const start = p.tok.span;
  const specs = parseDeclSpecs(p, { typeId: true });
  if (!specs.hasType) p.fail(dt('cpp.parse-type.expected-a-type-after-new-found', describe(p.tok)));
  const prefix: DeclaratorOp[] = [];
  while (p.is('*')) {
    const t = p.next();
    const c = Boolean(p.accept('const'));
    prefix.push({ kind: 'pointer', const: c, volatile: false, span: t.span });
  }
  let arraySize: ExprSyntax | undefined;
  const dims: DeclaratorOp[] = [];
  while (p.is('[')) {
    const t = p.next();
    const saved = p.noGreater;
    p.noGreater = false;
    const size = parseExpr();
    p.noGreater = saved;
    p.expect(']', dt('cpp.parse-type.to-close-the-array-size-after'));
    if (!arraySize) arraySize = size;
    else dims.push({ kind: 'array', size, span: p.spanFrom(t.span) });
  }
  const declarator: DeclaratorSyntax = { ops: [...prefix, ...dims.reverse()], span: p.spanFrom(start) };
  return {
    type: { kind: 'type-id', specs, declarator, span: p.spanFrom(start) },
    ...(arraySize ? { arraySize } : {}),
  };
}
