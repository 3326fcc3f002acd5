/**
 * Declarations: namespaces, `extern "C"` blocks, `using`, `typedef`, classes, enums, variables and
 * functions (with bodies). Each top-level declaration and each class member recovers from its own
 * syntax errors, so one mistake does not hide the rest of the file.
 */
import { dt } from '../diag';
import type { Span } from '../diag';
import {
  parseExpression,
  parseInitList,
  parseAssignment,
  parseCallArgs,
  parseQualifiedName,
} from './parse-expr';
import { parseBlock } from './parse-stmt';
import { parseTemplate } from './parse-template';
import {
  parseAttributes,
  parseDeclSpecs,
  parseDeclarator,
  parseTypeId,
  type SpecsContext,
} from './parse-type';
import { DECL_SPEC_KEYWORDS, SyntaxBailout, describe, type ParserState } from './parser-state';
import type {
  AliasSyntax,
  AttributeSyntax,
  BaseSpecSyntax,
  BaseTypeSyntax,
  DeclSyntax,
  EnumSyntax,
  InitDeclarator,
  InitSyntax,
  MemberInitSyntax,
  MemberSyntax,
  QualifiedName,
  SimpleDeclSyntax,
  StaticAssertSyntax,
  TranslationUnitSyntax,
} from './syntax';

export interface DeclContext {
  linkage: 'C' | 'C++';
  /** Inside `class S { }`: the class name (for constructors). */
  className?: string;
  /** Inside a function body. */
  local?: boolean;
  /** The init-statement of a `for`: stop at `:` for a range-for. */
  forInit?: boolean;
  /** Namespace-scope declarations go to the sink as soon as they are parsed (see DeclSink). */
  sink?: DeclSink;
}

/**
 * Receives namespace-scope declarations one at a time, in order, with the namespaces around them.
 * The semantic pass checks each one at once, so the parse tree of a big file never exists whole.
 */
export interface DeclSink {
  decl(d: DeclSyntax, linkage: 'C' | 'C++'): void;
  enterNamespace(name: string | null): void;
  exitNamespace(): void;
}

/** Parses the whole file; with a sink, declarations are handed over as they are parsed (and not kept). */
export function parseTranslationUnit(p: ParserState, sink?: DeclSink): TranslationUnitSyntax {
  const decls = parseDeclSeq(p, sink ? { linkage: 'C++', sink } : { linkage: 'C++' }, false);
  return { decls };
}

/** Declarations until `}` (when nested) or the end of the file. */
function parseDeclSeq(p: ParserState, ctx: DeclContext, nested: boolean): DeclSyntax[] {
  const decls: DeclSyntax[] = [];
  while (!p.atEof && !p.diags.full) {
    if (p.is('}')) {
      if (nested) break;
      p.diags.error(p.tok.span, dt('cpp.parse-decl.unexpected-with-no-matching'));
      p.next();
      continue;
    }
    const start = p.i;
    const depth = p.depth;
    try {
      const d = parseDeclaration(p, ctx);
      if (d && ctx.sink) {
        ctx.sink.decl(d, ctx.linkage);
        p.releaseBefore(p.i);
      } else if (d) decls.push(d);
    } catch (e) {
      if (!(e instanceof SyntaxBailout)) throw e;
      p.depth = depth;
      p.noGreater = false;
      p.synchronize(start);
    }
    if (p.i === start) p.next();
  }
  return decls;
}

/** One namespace-scope declaration (null for things that leave nothing behind, like a template that was skipped). */
function parseDeclaration(p: ParserState, ctx: DeclContext): DeclSyntax | null {
  const t = p.tok;
  if (t.kind === 'punct' && t.text === ';') {
    p.next();
    return { kind: 'empty', span: t.span };
  }
  if (t.kind === 'keyword') {
    switch (t.text) {
      case 'namespace':
        return parseNamespace(p, ctx);
      case 'extern':
        if (p.peek().kind === 'string') return parseLinkage(p, ctx);
        break;
      case 'using':
        return parseUsing(p);
      case 'static_assert':
        return parseStaticAssert(p);
      case 'template':
        return parseTemplate(p, ctx);
      case 'export':
        p.fail(dt('cpp.parse-decl.modules-export-are-not-modelled-by'));
        break;
      case 'asm':
      case '__asm__':
      case '__asm':
        p.fail(dt('cpp.parse-decl.inline-assembly-is-not-modelled-by'));
        break;
      case 'concept':
        p.fail(dt('cpp.parse-decl.concepts-are-not-modelled-by-this'));
        break;
      default:
        break;
    }
    if (DECL_SPEC_KEYWORDS.has(t.text)) return parseSimpleDeclaration(p, ctx);
    p.fail(dt('cpp.parse-decl.expected-a-declaration-found', describe(t)));
  }
  if (t.kind === 'ident' || (t.kind === 'punct' && (t.text === '::' || t.text === '[' || t.text === '~')))
    return parseSimpleDeclaration(p, ctx);
  p.fail(dt('cpp.parse-decl.expected-a-declaration-found', describe(t)));
}

/**
 * `template <...>` inside a class: refused. The member's name still takes template arguments
 * (`s.as<double>()`), so its uses are part of this refusal instead of syntax errors.
 */
function skipMemberTemplate(p: ParserState): void {
  const t = p.next();
  p.diags.unsupported(t.span, dt('cpp.parse-decl.a-member-template-template-inside-a'));
  if (p.is('<')) p.skipBalanced();
  for (let j = p.i; ; j++) {
    const x = p.at(j);
    if (x.kind === 'eof' || (x.kind === 'punct' && (x.text === '{' || x.text === ';'))) break;
    if (x.kind === 'ident' && p.isAt(j + 1, '(')) {
      p.refusedTemplates.add(x.text);
      break;
    }
  }
  p.synchronize(p.i);
}

function parseNamespace(p: ParserState, ctx: DeclContext): DeclSyntax {
  p.enter();
  try {
    return parseNamespaceInner(p, ctx);
  } finally {
    p.leave();
  }
}

function parseNamespaceInner(p: ParserState, ctx: DeclContext): DeclSyntax {
  const t = p.next();
  const attrs: AttributeSyntax[] = [];
  parseAttributes(p, attrs);
  let name: string | null = null;
  if (p.tok.kind === 'ident') {
    name = p.next().text;
    while (p.is('::') && p.peek().kind === 'ident') {
      p.next();
      name += '::' + p.next().text;
    }
  }
  if (p.is('=')) p.fail(dt('cpp.parse-decl.namespace-aliases-are-not-modelled-by'));
  p.expect('{', dt('cpp.parse-decl.to-begin-the-namespace', name ? ` '${name}'` : ''));
  // `namespace a::b { }` is sugar for two nested namespaces.
  const parts = name === null ? [null] : name.split('::');
  const sink = ctx.sink;
  for (const part of sink ? parts : []) sink?.enterNamespace(part);
  let decls: DeclSyntax[];
  try {
    decls = parseDeclSeq(p, ctx, true);
  } finally {
    for (const _ of sink ? parts : []) sink?.exitNamespace();
  }
  if (!p.is('}'))
    p.failAfterPrev(dt('cpp.parse-decl.expected-to-close-the-namespace', name ? ` '${name}'` : ''));
  p.next();
  let out: DeclSyntax = {
    kind: 'namespace',
    name: parts[parts.length - 1] ?? null,
    decls,
    span: p.spanFrom(t.span),
  };
  for (let k = parts.length - 2; k >= 0; k--)
    out = { kind: 'namespace', name: parts[k] ?? null, decls: [out], span: out.span };
  return out;
}

function parseLinkage(p: ParserState, ctx: DeclContext): DeclSyntax | null {
  p.enter();
  try {
    return parseLinkageInner(p, ctx);
  } finally {
    p.leave();
  }
}

function parseLinkageInner(p: ParserState, ctx: DeclContext): DeclSyntax | null {
  const t = p.next();
  const lang = p.next();
  const value = lang.value?.kind === 'string' ? lang.value.value : '';
  let linkage: 'C' | 'C++' = ctx.linkage;
  if (value === 'C' || value === 'C++') linkage = value;
  else p.diags.error(lang.span, dt('cpp.parse-decl.unknown-language-linkage-only-c-and', value));
  const inner: DeclContext = { ...ctx, linkage };
  if (p.is('{')) {
    p.next();
    const decls = parseDeclSeq(p, inner, true);
    if (!p.is('}')) p.failAfterPrev(dt('cpp.parse-decl.expected-to-close-the-extern-block', value));
    p.next();
    return { kind: 'linkage-block', linkage, decls, span: p.spanFrom(t.span) };
  }
  const d = parseDeclaration(p, inner);
  // `extern "C" int x;` declares (does not define) x, like `extern int x;`.
  if (d?.kind === 'simple-decl' && !d.specs.storage.extern) d.specs.storage.externC = t.span;
  return d;
}

export function parseUsing(p: ParserState): DeclSyntax | AliasSyntax {
  const t = p.next();
  if (p.accept('namespace')) {
    const name = parseQualifiedName(p, false);
    p.expect(';', dt('cpp.parse-decl.after-the-using-directive'));
    if (name.parts.length === 1 && name.parts[0]?.name === 'std') p.usingStd = true;
    return { kind: 'using-directive', name, span: p.spanFrom(t.span) };
  }
  if (p.tok.kind === 'ident' && (p.isAt(p.i + 1, '=') || (p.isAt(p.i + 2, '=') && p.isAt(p.i + 1, '[')))) {
    const nameTok = p.next();
    parseAttributes(p, []);
    p.expect('=', dt('cpp.parse-decl.after-using', nameTok.text));
    const type = parseTypeId(p);
    p.expect(';', dt('cpp.parse-decl.after-the-alias', nameTok.text));
    p.typeNames.add(nameTok.text);
    return { kind: 'alias', name: nameTok.text, nameSpan: nameTok.span, type, span: p.spanFrom(t.span) };
  }
  if (p.is('typename')) p.next();
  const name = parseQualifiedName(p, false);
  p.expect(';', dt('cpp.parse-decl.after-the-using-declaration'));
  const last = name.parts[name.parts.length - 1]?.name ?? '';
  if (name.parts[0]?.name === 'std' && name.parts.length === 2) p.usingNames.add(last);
  return { kind: 'using-decl', name, span: p.spanFrom(t.span) };
}

export function parseStaticAssert(p: ParserState): StaticAssertSyntax {
  const t = p.next();
  p.expect('(', dt('cpp.parse-decl.after-static-assert'));
  const cond = parseAssignment(p);
  let message: string | undefined;
  if (p.accept(',')) {
    const m = p.tok;
    if (m.kind !== 'string') p.fail(dt('cpp.parse-decl.expected-a-string-literal-as-the'));
    p.next();
    while (p.tok.kind === 'string') p.next();
    message = m.value?.kind === 'string' ? m.value.value : '';
  }
  p.expect(')', dt('cpp.parse-decl.to-close-static-assert'));
  p.expect(';', dt('cpp.parse-decl.after-static-assert-2'));
  return {
    kind: 'static-assert',
    cond,
    ...(message !== undefined ? { message } : {}),
    span: p.spanFrom(t.span),
  };
}

/** The name a declarator declares, for messages. */
function declaredName(d: InitDeclarator | undefined): string {
  const parts = d?.declarator.name?.parts ?? [];
  return parts.map((x) => x.name).join('::');
}

/**
 * A simple declaration: specifiers, then declarators with initializers, or one function
 * definition. With `forInit`, returns after the first declarator when `:` follows (a range-for).
 */
export function parseSimpleDeclaration(
  p: ParserState,
  ctx: DeclContext,
): SimpleDeclSyntax & { rangeColon?: boolean } {
  const start = p.tok.span;
  const specsCtx: SpecsContext = {
    allowDefinitions: true,
    ...(ctx.className ? { className: ctx.className } : {}),
    ...(ctx.local ? { local: true } : {}),
  };
  const specs = parseDeclSpecs(p, specsCtx);
  if (!specs.hasType && p.is('operator') && ctx.className) {
    // `operator bool() const`: a conversion function (g++ accepts it; [class.conv.fct]).
    const at = p.tok.span;
    const target = p.peek(1);
    p.fail(dt('cpp.parse-decl.a-conversion-function-operator-is-not', target.text), {
      start: at.start,
      end: target.span.end,
    });
  }
  if (!specs.hasType && !startsConstructorOrDestructor(p, ctx)) {
    p.fail(dt('cpp.parse-decl.expected-a-type-at-the-start', describe(p.tok)));
  }
  if (specs.base.kind === 'named' && !canStartDeclarator(p)) {
    const name = specs.base.name.parts.map((x) => x.name).join('::');
    if (!p.namesType(specs.base.name.parts.map((x) => x.name)))
      p.fail(dt('cpp.parse-decl.does-not-name-a-type', name), specs.base.span);
  }
  const decl: SimpleDeclSyntax & { rangeColon?: boolean } = {
    kind: 'simple-decl',
    specs,
    declarators: [],
    linkage: ctx.linkage,
    span: start,
  };
  if (
    specs.storage.typedef &&
    (specs.base.kind === 'record-def' || specs.base.kind === 'enum-def') &&
    p.is(';')
  ) {
    p.next();
    decl.span = p.spanFrom(start);
    return decl;
  }
  if (p.is(';') && isTypeOnly(specs.base)) {
    p.next();
    decl.span = p.spanFrom(start);
    return decl;
  }
  for (;;) {
    const d = parseInitDeclarator(p, ctx, specs.base);
    decl.declarators.push(d);
    if (specs.storage.typedef) {
      const last = d.declarator.name?.parts[d.declarator.name.parts.length - 1]?.name;
      if (last) p.typeNames.add(last);
    }
    if (d.body) {
      decl.span = p.spanFrom(start);
      return decl;
    }
    if (ctx.forInit && decl.declarators.length === 1 && p.is(':')) {
      decl.rangeColon = true;
      decl.span = p.spanFrom(start);
      return decl;
    }
    if (p.accept(',')) continue;
    if (p.is(';')) break;
    const what = d.declarator.ops[d.declarator.ops.length - 1]?.kind === 'function' ? 'function' : '';
    const name = declaredName(d);
    if (specs.base.kind === 'record-def' && decl.declarators.length === 0) break;
    p.endStatement(
      name
        ? dt(
            'cpp.parse-decl.expected-after-the-declaration-of',
            dt(what ? 'cpp.function-space' : 'codon.empty'),
            name,
          )
        : dt('cpp.parse-decl.expected-after-the-declaration'),
    );
    decl.span = p.spanFrom(start);
    return decl;
  }
  p.expect(';', dt('cpp.parse-decl.after-the-declaration'));
  decl.span = p.spanFrom(start);
  return decl;
}

function isTypeOnly(base: BaseTypeSyntax): boolean {
  return base.kind === 'record-def' || base.kind === 'enum-def' || base.kind === 'elaborated';
}

function canStartDeclarator(p: ParserState): boolean {
  const t = p.tok;
  if (t.kind === 'ident') return true;
  if (t.kind === 'keyword')
    return t.text === 'operator' || t.text === '__attribute__' || t.text === 'const' || t.text === 'volatile';
  return t.kind === 'punct' && ['*', '&', '&&', '(', '::', '~', ';', '['].includes(t.text);
}

/** A declaration without a type must declare a constructor or destructor. */
function startsConstructorOrDestructor(p: ParserState, ctx: DeclContext): boolean {
  if (ctx.className && (p.is(ctx.className) || (p.is('~') && p.isAt(p.i + 1, ctx.className)))) return true;
  if (p.tok.kind !== 'ident' && !p.is('::')) return false;
  const { parts, end } = p.scanQualified(p.i);
  if (parts.length >= 2 && parts[parts.length - 1] === parts[parts.length - 2] && p.isAt(end, '('))
    return true;
  return p.isAt(end, '::') && p.isAt(end + 1, '~');
}

function parseInitDeclarator(p: ParserState, ctx: DeclContext, base: BaseTypeSyntax): InitDeclarator {
  const start = p.tok.span;
  const declarator = parseDeclarator(p, { abstract: 'no' });
  if (!declarator.name) {
    if (base.kind === 'record-def' && p.is(';')) {
      // `struct { ... };` (anonymous, no declarator) is reported by sema.
    }
    p.failAfterPrev(dt('cpp.parse-decl.expected-a-name-for-the-declaration'));
  }
  const out: InitDeclarator = { declarator, span: start };
  const isFunction = declarator.ops[declarator.ops.length - 1]?.kind === 'function';
  if (isFunction) {
    const virt: string[] = [];
    while (p.tok.kind === 'ident' && (p.tok.text === 'override' || p.tok.text === 'final'))
      virt.push(p.next().text);
    if (virt.length) out.virtSpecifiers = virt;
    parseAttributes(p, []);
    if (p.is('=')) {
      const eq = p.next();
      const v = p.tok;
      if (v.text === 'default' || v.text === 'delete') {
        p.next();
        out.special = { kind: v.text, span: p.spanFrom(eq.span) };
      } else if (v.kind === 'int' && v.text === '0') {
        p.next();
        out.special = { kind: 'pure', span: p.spanFrom(eq.span) };
      } else p.fail(dt('cpp.parse-decl.a-function-can-only-be-default'));
    } else if (p.is(':') && !ctx.forInit) {
      out.memberInits = parseMemberInits(p);
      if (!p.is('{')) p.failAfterPrev(dt('cpp.parse-decl.expected-to-begin-the-constructor-s'));
    }
    if (p.is('try')) p.fail(dt('cpp.parse-decl.function-try-blocks-exceptions-are-not'));
    if (p.is('{')) {
      if (ctx.local) p.fail(dt('cpp.parse-decl.a-function-cannot-be-defined-inside'));
      out.body = parseBlock(p);
      p.accept(';');
    }
    out.span = p.spanFrom(start);
    return out;
  }
  if (p.is(':') && ctx.className !== undefined) {
    p.next();
    out.bitWidth = parseAssignment(p);
  }
  out.init = parseInitializer(p);
  out.span = p.spanFrom(start);
  return out;
}

/** `= expr`, `= {..}`, `{..}`, `(..)`, or nothing. */
function parseInitializer(p: ParserState): InitSyntax | undefined {
  const start = p.tok.span;
  if (p.is('=')) {
    p.next();
    if (p.is('{')) {
      const list = parseInitList(p);
      return { kind: 'equals-list', list, span: p.spanFrom(start) };
    }
    const expr = parseAssignment(p);
    return { kind: 'equals', expr, span: p.spanFrom(start) };
  }
  if (p.is('{')) {
    const list = parseInitList(p);
    return { kind: 'braced', list, span: p.spanFrom(start) };
  }
  if (p.is('(')) {
    const args = parseCallArgs(p);
    return { kind: 'paren', args, span: p.spanFrom(start) };
  }
  return undefined;
}

function parseMemberInits(p: ParserState): MemberInitSyntax[] {
  p.expect(':', dt('cpp.parse-decl.before-the-member-initializers'));
  const inits: MemberInitSyntax[] = [];
  for (;;) {
    const start = p.tok.span;
    const name = parseQualifiedName(p, true);
    let init: InitSyntax;
    if (p.is('{')) init = { kind: 'braced', list: parseInitList(p), span: p.spanFrom(start) };
    else if (p.is('(')) init = { kind: 'paren', args: parseCallArgs(p), span: p.spanFrom(start) };
    else
      p.failAfterPrev(
        dt(
          'cpp.parse-decl.expected-or-after-the-member-initializer',
          name.parts.map((x) => x.name).join('::'),
        ),
      );
    inits.push({ name, init, span: p.spanFrom(start) });
    if (!p.accept(',')) break;
  }
  return inits;
}

// ------------------------------------------------------------------ classes and enums

/** `struct/class/union [attrs] [Name] [final] [: bases] [{ members }]`; the cursor is on the keyword. */
export function parseRecordSpecifier(p: ParserState, ctx: SpecsContext): BaseTypeSyntax {
  p.enter();
  try {
    return parseRecordSpecifierInner(p, ctx);
  } finally {
    p.leave();
  }
}

function parseRecordSpecifierInner(p: ParserState, ctx: SpecsContext): BaseTypeSyntax {
  const kw = p.next();
  const tag = kw.text as 'struct' | 'class' | 'union';
  const attributes: AttributeSyntax[] = [];
  parseAttributes(p, attributes);
  let name: QualifiedName | undefined;
  if (p.tok.kind === 'ident' || p.is('::')) name = parseQualifiedName(p, true);
  let final = false;
  if (p.tok.kind === 'ident' && p.tok.text === 'final' && (p.isAt(p.i + 1, '{') || p.isAt(p.i + 1, ':'))) {
    p.next();
    final = true;
  }
  const last = name?.parts[name.parts.length - 1]?.name;
  if (last) p.typeNames.add(last);
  const defines = p.is('{') || (p.is(':') && !p.isAt(p.i + 1, ':'));
  if (!defines) {
    if (!name) p.failAfterPrev(dt('cpp.parse-decl.expected-a-name-or-after', tag));
    return { kind: 'elaborated', tag, name, span: p.spanFrom(kw.span) };
  }
  if (!ctx.allowDefinitions) p.fail(dt('cpp.parse-decl.a-cannot-be-defined-here', tag));
  const bases: BaseSpecSyntax[] = [];
  if (p.accept(':')) {
    for (;;) {
      const bstart = p.tok.span;
      let access: BaseSpecSyntax['access'] = null;
      let virt = false;
      for (;;) {
        if (p.is('public') || p.is('protected') || p.is('private')) access = p.next().text as 'public';
        else if (p.accept('virtual')) virt = true;
        else break;
      }
      if (p.tok.kind !== 'ident' && !p.is('::'))
        p.fail(dt('cpp.parse-decl.expected-a-base-class-name-found', describe(p.tok)));
      const bname = parseQualifiedName(p, true);
      bases.push({ name: bname, access, virtual: virt, span: p.spanFrom(bstart) });
      if (!p.accept(',')) break;
    }
  }
  p.expect('{', dt('cpp.parse-decl.to-begin-the-body-of', tag, last ?? '(anonymous)'));
  const members = parseMembers(p, tag, last ?? '');
  if (!p.is('}')) p.failAfterPrev(dt('cpp.parse-decl.expected-to-close', tag, last ?? '(anonymous)'));
  p.next();
  parseAttributes(p, attributes);
  const record = {
    kind: 'record' as const,
    tag,
    ...(name ? { name } : {}),
    bases,
    members,
    attributes,
    final,
    span: p.spanFrom(kw.span),
  };
  if (!p.is(';') && !canFollowClassDefinition(p))
    p.failAfterPrev(dt('cpp.parse-decl.expected-after-the-definition-of', tag, last ?? '(anonymous)'), false);
  return { kind: 'record-def', record, span: record.span };
}

function canFollowClassDefinition(p: ParserState): boolean {
  const t = p.tok;
  return (
    t.kind === 'ident' ||
    (t.kind === 'punct' && ['*', '&', '&&', '(', ',', '[', ')'].includes(t.text)) ||
    t.text === 'const'
  );
}

function parseMembers(p: ParserState, tag: string, className: string): MemberSyntax[] {
  const members: MemberSyntax[] = [];
  let access: 'public' | 'protected' | 'private' = tag === 'class' ? 'private' : 'public';
  while (!p.is('}') && !p.atEof && !p.diags.full) {
    const start = p.i;
    const depth = p.depth;
    const t = p.tok;
    try {
      if ((t.text === 'public' || t.text === 'protected' || t.text === 'private') && t.kind === 'keyword') {
        p.next();
        p.expect(':', dt('cpp.parse-decl.after', t.text));
        access = t.text;
        members.push({ kind: 'access', access, span: p.spanFrom(t.span) });
      } else if (t.text === ';' && t.kind === 'punct') {
        p.next();
      } else if (t.text === 'using' && t.kind === 'keyword') {
        const u = parseUsing(p);
        if (u.kind === 'alias') members.push({ kind: 'member-alias', alias: u, span: u.span });
        else p.diags.unsupported(u.span, dt('cpp.parse-decl.a-using-declaration-inside-a-class'));
      } else if (t.text === 'static_assert') {
        const a = parseStaticAssert(p);
        members.push({ kind: 'static-assert', assert: a, span: a.span });
      } else if (t.text === 'template') {
        skipMemberTemplate(p);
      } else if (t.text === 'friend') {
        p.fail(dt('cpp.parse-decl.friend-declarations-are-not-modelled-by'));
      } else {
        const decl = parseSimpleDeclaration(p, { linkage: 'C++', className });
        members.push({ kind: 'member-decl', decl, access, span: decl.span });
      }
    } catch (e) {
      if (!(e instanceof SyntaxBailout)) throw e;
      p.depth = depth;
      p.noGreater = false;
      p.synchronize(start);
    }
    if (p.i === start) p.next();
  }
  return members;
}

/** `enum [class] [Name] [: type] [{ A, B = 2 }]`; the cursor is on `enum`. */
export function parseEnumSpecifier(p: ParserState, ctx: SpecsContext): BaseTypeSyntax {
  const kw = p.next();
  let scoped = false;
  if (p.is('class') || p.is('struct')) {
    p.next();
    scoped = true;
  }
  parseAttributes(p, []);
  let name: QualifiedName | undefined;
  if (p.tok.kind === 'ident') name = parseQualifiedName(p, false);
  const last = name?.parts[name.parts.length - 1]?.name;
  if (last) p.typeNames.add(last);
  const underlying = p.is(':') ? (p.next(), parseTypeId(p, { noDeclarator: true })) : undefined;
  if (!p.is('{')) {
    if (!name) p.failAfterPrev(dt('cpp.parse-decl.expected-a-name-or-after-enum'));
    if (underlying || scoped) {
      const enumDef: EnumSyntax = {
        kind: 'enum',
        scoped,
        name,
        ...(underlying ? { underlying } : {}),
        enumerators: null,
        span: p.spanFrom(kw.span),
      };
      return { kind: 'enum-def', enumDef, span: enumDef.span };
    }
    return { kind: 'elaborated', tag: 'enum', name, span: p.spanFrom(kw.span) };
  }
  if (!ctx.allowDefinitions) p.fail(dt('cpp.parse-decl.an-enum-cannot-be-defined-here'));
  p.next();
  const enumerators: { name: string; value?: ReturnType<typeof parseExpression>; span: Span }[] = [];
  while (!p.is('}') && !p.atEof) {
    const t = p.tok;
    if (t.kind !== 'ident') p.fail(dt('cpp.parse-decl.expected-an-enumerator-name-found', describe(t)));
    p.next();
    parseAttributes(p, []);
    let value;
    if (p.accept('=')) value = parseAssignment(p);
    enumerators.push({ name: t.text, ...(value ? { value } : {}), span: p.spanFrom(t.span) });
    if (!p.accept(',')) break;
  }
  p.expect('}', dt('cpp.parse-decl.to-close-the-enum', last ? ` '${last}'` : ''));
  const enumDef: EnumSyntax = {
    kind: 'enum',
    scoped,
    ...(name ? { name } : {}),
    ...(underlying ? { underlying } : {}),
    enumerators,
    span: p.spanFrom(kw.span),
  };
  if (!p.is(';') && !canFollowClassDefinition(p))
    p.failAfterPrev(dt('cpp.parse-decl.expected-after-the-definition-of-enum', last ?? '(anonymous)'), false);
  return { kind: 'enum-def', enumDef, span: enumDef.span };
}
