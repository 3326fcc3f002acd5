/**
 * `template <...>` at namespace scope: a function template or a class template, with type
 * parameters (`typename T`, `class T`) and integer parameters (`int N`, `std::size_t N`). The
 * declaration after the parameter list is parsed once, as written, with the parameters read as
 * type names; the checker instantiates it on use (sema/templates.ts), as g++ does.
 *
 * Not modelled (refused where written): explicit specialisations (`template <>`), parameter packs,
 * template template parameters, default template arguments, member templates, variable and alias
 * templates.
 */
import { dt, type Msg } from '../diag';
import { parseSimpleDeclaration, type DeclContext } from './parse-decl';
import { parseDeclSpecs } from './parse-type';
import { describe, type ParserState } from './parser-state';
import type { DeclSyntax, TemplateParamSyntax } from './syntax';

/** Parses `template <params> declaration`; null after a refusal (the construct is skipped). */
export function parseTemplate(p: ParserState, ctx: DeclContext): DeclSyntax | null {
  const t = p.next();
  p.expect('<', dt('cpp.parse-template.after-template'));
  if (p.is('>')) return refuse(p, t.span, dt('cpp.parse-template.an-explicit-specialisation-template'));
  const params: TemplateParamSyntax[] = [];
  for (;;) {
    const start = p.tok.span;
    if (p.is('template')) return refuse(p, start, dt('cpp.parse-template.a-template-template-parameter'));
    if (p.is('typename') || p.is('class')) {
      p.next();
      if (p.is('...')) return refuse(p, start, dt('cpp.parse-template.a-template-parameter-pack-typename'));
      if (p.tok.kind !== 'ident') p.failAfterPrev(dt('cpp.parse-template.expected-the-name-of-the-template'));
      const name = p.next();
      if (p.is('=')) return refuse(p, p.tok.span, dt('cpp.parse-template.a-default-template-argument'));
      params.push({ kind: 'type', name: name.text, span: p.spanFrom(start) });
    } else {
      const specs = parseDeclSpecs(p, { typeId: true });
      if (!specs.hasType)
        p.fail(dt('cpp.parse-template.expected-a-template-parameter-found', describe(p.tok)));
      if (p.is('...')) return refuse(p, start, dt('cpp.parse-template.a-template-parameter-pack'));
      if (p.tok.kind !== 'ident') p.failAfterPrev(dt('cpp.parse-template.expected-the-name-of-the-template'));
      const name = p.next();
      if (p.is('=')) return refuse(p, p.tok.span, dt('cpp.parse-template.a-default-template-argument'));
      params.push({ kind: 'value', name: name.text, specs, span: p.spanFrom(start) });
    }
    if (!p.accept(',')) break;
  }
  p.expect('>', dt('cpp.parse-template.to-close-the-template-parameters'));
  if (p.is('template'))
    return refuse(p, p.tok.span, dt('cpp.parse-template.a-member-template-defined-outside-its'));
  if (p.is('using')) return refuse(p, p.tok.span, dt('cpp.parse-template.an-alias-template-template-using'));
  const outOfClass = memberOfTemplateAt(p);
  if (outOfClass !== null)
    return refuse(
      p,
      p.at(outOfClass).span,
      dt('cpp.parse-template.a-member-of-a-class-template'),
      dt('cpp.parse-template.define-it-inside-the-class'),
    );
  // The parameters read as types while the declaration is parsed (and only then).
  const added = params.filter((x) => x.kind === 'type' && !p.typeNames.has(x.name)).map((x) => x.name);
  for (const n of added) p.typeNames.add(n);
  const isClass = (p.is('struct') || p.is('class') || p.is('union')) && p.peek().kind === 'ident';
  if (isClass) {
    p.typeNames.add(p.peek().text);
    p.userTemplates.add(p.peek().text);
  }
  try {
    const decl = parseSimpleDeclaration(p, { linkage: ctx.linkage });
    const name = decl.declarators[0]?.declarator.name;
    const last = name?.parts[name.parts.length - 1]?.name;
    if (!isClass && last && name?.parts.length === 1) p.userTemplates.add(last);
    return { kind: 'template', params, decl, span: p.spanFrom(t.span) };
  } finally {
    for (const n of added) p.typeNames.delete(n);
  }
}

/**
 * `T Box<T>::get() const {...}`: the index of `Box` when the declaration ahead defines a member of
 * a class template outside the class, else null.
 */
function memberOfTemplateAt(p: ParserState): number | null {
  for (let j = p.i; ; j++) {
    const t = p.at(j);
    if (t.kind === 'eof' || (t.kind === 'punct' && (t.text === '(' || t.text === '{' || t.text === ';')))
      return null;
    if (t.kind === 'ident' && p.userTemplates.has(t.text) && p.isAt(j + 1, '<')) {
      const after = p.scanTemplateArgs(j + 1);
      if (after > 0 && p.isAt(after, '::')) return j;
    }
  }
}

function refuse(p: ParserState, span: DeclSyntax['span'], what: Msg, hint?: Msg): null {
  p.diags.unsupported(span, what, hint);
  p.synchronize(p.i);
  return null;
}
