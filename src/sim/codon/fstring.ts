/**
 * f-strings as Codon 0.19 reads them (exaloop/codon v0.19.6):
 *
 * - scoping.cpp `unpackFString` splits the *decoded* string at braces by counting them: `{{` is no
 *   escape there (it opens a nested field), a `}` without its `{` is "single '}' is not allowed in
 *   f-string", an unclosed one "expecting '}' in f-string";
 * - each field's code is parsed by grammar.peg `fstring`: an expression, an optional `=` (the
 *   field's text `x=` is put before the value), an optional `!s`/`!r`/`!a` and an optional `:spec`
 *   (`format_spec`);
 * - typecheck basic.cpp `visit(StringExpr)` rewrites each field to `str(x)`, or
 *   `str(x.__format__(spec))` with a spec, and joins the pieces with `str.cat`.
 *
 * The spec is then converted at run time by format.codon `_python_to_fmt_format` into the fmt
 * library's syntax, which lib.cpp `fmt_conv` formats with; `parseFormatSpec` does that conversion
 * once, here, and says which specs the simulator models.
 */
import { dt, type DiagText } from '../diag';
import type { Pos, Span } from '../diag';
import type { FormatSpec } from './ast';
import { decodeEscape, type Token } from './lexer';

/** A piece of an f-string before its fields are parsed. */
export type FStringPiece =
  { kind: 'text'; value: string } | { kind: 'field'; code: string; start: Pos; span: Span };

export type FStringSplit =
  { ok: true; pieces: FStringPiece[] } | { ok: false; span: Span; message: DiagText; notModelled: boolean };

/** The decoded characters of a string token, each with the source position it came from. */
function decodeWithPositions(tok: Token): { chars: string[]; pos: Pos[] } {
  const prefix = tok.prefix ?? '';
  const text = tok.text;
  let i = prefix.length;
  const quote = text[i] ?? '"';
  const delim = text.startsWith(quote.repeat(3), i) ? quote.repeat(3) : quote;
  i += delim.length;
  const end =
    text.endsWith(delim) && text.length - delim.length >= i ? text.length - delim.length : text.length;
  const raw = prefix.includes('r');
  let line = tok.span.start.line;
  let column = tok.span.start.column + i;
  const chars: string[] = [];
  const pos: Pos[] = [];
  const at = (k: number): Pos => ({ line, column, offset: tok.span.start.offset + k });
  while (i < end) {
    const ch = text[i] as string;
    if (ch === '\n' || ch === '\r') {
      chars.push('\n');
      pos.push(at(i));
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      column = 1;
      continue;
    }
    if (ch === '\\' && !raw && i + 1 < end) {
      const d = decodeEscape(text, i);
      for (const c of d.text) {
        chars.push(c);
        pos.push(at(i));
      }
      column += d.end - i;
      i = d.end;
      continue;
    }
    chars.push(ch);
    pos.push(at(i));
    i++;
    column++;
  }
  pos.push(at(i));
  return { chars, pos };
}

/** Splits an f-string token into text and fields, as `unpackFString` does. */
export function splitFString(tok: Token): FStringSplit {
  const { chars, pos } = decodeWithPositions(tok);
  const pieces: FStringPiece[] = [];
  let depth = 0;
  let start = 0;
  let text = '';
  const spanOf = (a: number, b: number): Span => ({ start: pos[a] as Pos, end: pos[b] as Pos });
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '{') {
      if (depth > 0) {
        return {
          ok: false,
          span: spanOf(i, i + 1),
          message:
            chars[i - 1] === '{' ? dt('codon.fstring.double-brace') : dt('codon.fstring.brace-in-field'),
          notModelled: true,
        };
      }
      depth = 1;
      start = i + 1;
    } else if (c === '}') {
      if (depth === 0) {
        return {
          ok: false,
          span: spanOf(i, i + 1),
          message: dt('codon.fstring.single-close'),
          notModelled: false,
        };
      }
      depth = 0;
      if (text !== '') pieces.push({ kind: 'text', value: text });
      text = '';
      pieces.push({
        kind: 'field',
        code: chars.slice(start, i).join(''),
        start: pos[start] as Pos,
        span: spanOf(start - 1, i + 1),
      });
    } else if (depth === 0) {
      text += c;
    }
  }
  if (depth > 0) {
    return {
      ok: false,
      span: spanOf(start - 1, chars.length),
      message: dt('codon.fstring.expecting-close'),
      notModelled: false,
    };
  }
  if (text !== '') pieces.push({ kind: 'text', value: text });
  return { ok: true, pieces };
}

/** A field's code cut into its parts (grammar.peg `fstring`), or why it is not modelled. */
export type FieldParts =
  | {
      ok: true;
      expr: string;
      selfDoc: string;
      conversion: 'r' | 's' | null;
      spec: string | null;
      specOffset: number;
    }
  | { ok: false; offset: number; what: DiagText };

/**
 * Finds where the expression of a field ends: the first `=`, `!` or `:` outside brackets and
 * quotes that is not part of `==`, `!=`, `<=`, `>=`.
 */
export function splitField(code: string): FieldParts {
  if (/^\s/.test(code)) return { ok: false, offset: 0, what: dt('codon.fstring.space-at-start') };
  let depth = 0;
  let quote: string | null = null;
  let i = 0;
  for (; i < code.length; i++) {
    const c = code[i] as string;
    if (quote !== null) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0) {
      const next = code[i + 1];
      const prev = code[i - 1];
      if (c === ':') break;
      if (c === '!' && next !== '=') break;
      if (c === '=' && next !== '=' && prev !== '=' && prev !== '!' && prev !== '<' && prev !== '>') break;
    }
  }
  const expr = code.slice(0, i);
  let selfDoc = '';
  if (code[i] === '=') {
    selfDoc = code.slice(0, i + 1);
    i++;
    while (code[i] === ' ') i++;
  }
  let conversion: 'r' | 's' | null = null;
  if (code[i] === '!') {
    const k = code[i + 1];
    if (k === 'r' || k === 's') conversion = k;
    else return { ok: false, offset: i, what: dt('codon.fstring.conversion', k ?? '') };
    i += 2;
    while (code[i] === ' ') i++;
  }
  let spec: string | null = null;
  let specOffset = i;
  if (code[i] === ':') {
    spec = code.slice(i + 1);
    specOffset = i + 1;
  } else if (i < code.length && code.slice(i).trim() !== '') {
    return { ok: false, offset: i, what: dt('codon.fstring.after-expression', code.slice(i)) };
  }
  return { ok: true, expr, selfDoc, conversion, spec: spec === '' ? null : spec, specOffset };
}

/**
 * Reads a Python format spec as format.codon `_python_to_fmt_format` does and builds the fmt
 * spec it passes on; null when the spec uses something the simulator does not model (`=` alignment
 * and `z` raise NotImplementedError in Codon, `_` grouping too, `,` becomes fmt's locale `L`, a
 * second `#` is read as fmt's `0` flag).
 */
export function parseFormatSpec(s: string): FormatSpec | null {
  let i = 0;
  let fill = ' ';
  let fillGiven = false;
  let align: FormatSpec['align'] = null;
  const isAlign = (c: string | undefined) => c === '<' || c === '>' || c === '^' || c === '=';
  if (i + 1 < s.length && isAlign(s[i + 1])) {
    fill = s[i] as string;
    fillGiven = true;
    align = s[i + 1] as FormatSpec['align'];
    i += 2;
  } else if (isAlign(s[i])) {
    align = s[i] as FormatSpec['align'];
    i += 1;
  }
  if ((align as string | null) === '=' || fill === '{' || fill === '}') return null;
  let sign: FormatSpec['sign'] = null;
  if (s[i] === '+' || s[i] === '-' || s[i] === ' ') sign = s[i++] as FormatSpec['sign'];
  if (s[i] === 'z') return null;
  let alternate = false;
  if (s[i] === '#') {
    alternate = true;
    i++;
  }
  if (s[i] === '#') return null;
  // `_python_to_fmt_format` reads a leading `0` as a digit of the width: `08.3f` becomes fmt's
  // `8.3f`, padded with spaces (its `width_pre_zero` tests for a second `#`, never for `0`).
  let width = 0;
  while (i < s.length && /[0-9]/.test(s[i] as string)) width = width * 10 + Number(s[i++]);
  if (s[i] === '_' || s[i] === ',') return null;
  let precision: number | null = null;
  if (s[i] === '.') {
    i++;
    if (!/[0-9]/.test(s[i] ?? '')) return null; // grammar.peg: '.' [0-9]+
    precision = 0;
    while (i < s.length && /[0-9]/.test(s[i] as string)) precision = precision * 10 + Number(s[i++]);
  }
  let type: FormatSpec['type'] = null;
  if (i < s.length) {
    const t = s[i++] as string;
    if (!'dxXobfFeEgG'.includes(t)) return null;
    type = t as FormatSpec['type'];
  }
  if (i !== s.length) return null;
  let fmt = '';
  if (align) fmt += (fillGiven ? fill : '') + align;
  if (sign) fmt += sign;
  if (alternate) fmt += '#';
  if (width) fmt += String(width);
  if (precision !== null) fmt += `.${precision}`;
  if (type) fmt += type;
  return { text: s, fill, align, sign, alternate, width, precision, type, fmt };
}

/** The kinds of values a spec applies to, and what the simulator models of each (fmt's rules). */
export type SpecSubject = 'int' | 'float' | 'str';

/** Why a spec does not fit its value in the model (fmt would raise, or the simulator lacks it), or null. */
export function specProblem(spec: FormatSpec, subject: SpecSubject): DiagText | null {
  const t = spec.type;
  switch (subject) {
    case 'int':
      if (spec.precision !== null) return dt('codon.fstring.int-precision');
      if (t !== null && !'dxXob'.includes(t)) return dt('codon.fstring.int-type', t);
      return null;
    case 'float':
      if (t === null) return dt('codon.fstring.float-no-type');
      if (!'fFeEgG'.includes(t)) return dt('codon.fstring.float-type', t);
      if (spec.alternate) return dt('codon.fstring.float-alternate');
      return null;
    case 'str':
      if (t !== null || spec.sign !== null || spec.alternate || spec.precision !== null)
        return dt('codon.fstring.str-spec');
      return null;
  }
}
