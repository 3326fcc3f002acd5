import { formatDiag } from './messages/diag-format.ts';

/**
 * A diagnostic's text as a message id plus parameters (issue 15, "Chinese everywhere"), so the page
 * shows it in the reader's language; the catalogues are src/sim/messages/diag (English and Chinese).
 * A string parameter is code (a name, a type, a token: shown as written in every language), a
 * number is a number, a nested `DiagText` is a translated fragment. Ids starting `codon.emsg.` or
 * `gpp.` quote the real compiler's own wording: in Chinese they show a Chinese rendering followed by
 * the original English text, so a learner recognises it when running the real tool; the project's
 * own texts (refusals, hints) are translated whole.
 */
export interface DiagText {
  readonly id: string;
  readonly params: readonly DiagParam[];
}
export type DiagParam = string | number | bigint | undefined | DiagText;

/** What a front end reports: a translated text, or (not converted yet) an English string. */
export type Msg = string | DiagText;

/** A diagnostic text with parameters. */
export function dt(id: string, ...params: DiagParam[]): DiagText {
  return { id, params };
}

/** The English text of `m`, the diagnostic's `message` (byte for byte what it has always said). */
export function english(m: Msg): string {
  return typeof m === 'string' ? m : formatDiag(m, 'en');
}

/** The `message` and, for a translated text, its `text` of a diagnostic. */
export function messageFields(m: Msg): { message: string; text?: DiagText } {
  return typeof m === 'string' ? { message: m } : { message: formatDiag(m, 'en'), text: m };
}

/** One located message about a source file (1-based lines and columns). */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'note';
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The English text. */
  message: string;
  /** The same text as an id and parameters, to show it in another language (absent: English only). */
  text?: DiagText;
  /**
   * 'not-modelled': the code is fine, the simulator does not model this construct (the page links
   * such a message to "What you can write here").
   */
  kind?: 'not-modelled';
}

/** A source position: 1-based line and column, and the 0-based offset into the text. */
export interface Pos {
  line: number;
  column: number;
  offset: number;
}

/** A source range, end exclusive. */
export interface Span {
  start: Pos;
  end: Pos;
}

/** Builds an error diagnostic at a span. */
export function errorAt(file: string, span: Span, message: Msg): Diagnostic {
  return {
    severity: 'error',
    file,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    ...messageFields(message),
  };
}

/** Builds the error for a construct the simulator does not model (never the learner's mistake). */
export function notModelledAt(file: string, span: Span, message: Msg): Diagnostic {
  return { ...errorAt(file, span, message), kind: 'not-modelled' };
}

/** A diagnostic's text in `locale` (its English `message` where it has no translated text). */
export function diagnosticText(d: Diagnostic, locale: 'en' | 'zh'): string {
  return d.text === undefined || locale === 'en' ? d.message : formatDiag(d.text, locale);
}
