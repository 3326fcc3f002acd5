/**
 * Collects the diagnostics of one C++ file. Shared by the lexer, the parser and the semantic pass.
 *
 * It caps the number of errors: a file that is not C++ at all (an image's bytes) would otherwise
 * produce one error per byte. After the cap the passes stop early, which also keeps them fast.
 */
import { dt, english, messageFields, type Diagnostic, type Msg, type Span } from '../diag';

/** The entry of `refusedNames` that stands for any refused conversion function (`operator bool`). */
export const CONVERSION_FUNCTION = 'operator <conversion>';

/** Most errors reported for one file before the front end gives up on it. */
export const MAX_ERRORS = 50;

export class DiagSink {
  readonly list: Diagnostic[] = [];
  private errors = 0;
  private capped = false;
  /**
   * How many constructs were refused as not modelled so far, or quietly failed as part of an earlier
   * refusal: a check that fails while this grows is a cascade, and must not blame the learner.
   */
  refusals = 0;
  /**
   * Names written in a refused construct or in code skipped after one: what it would have declared
   * (`auto g = [](int x) {...}`, a template's name) is unknown to the checker, and calling it
   * unknown would blame the learner for the simulator's gap.
   */
  readonly refusedNames = new Set<string>();
  /**
   * While above 0, diagnostics are dropped and errors only counted in `mutedErrors`: the checker is
   * trying something out (a function template's signature with stand-ins for its parameters).
   */
  muted = 0;
  mutedErrors = 0;
  /**
   * While above 0 (inside a template instantiation), a diagnostic identical to one already reported
   * is dropped: the second instance of a template reports nothing new about the same source line.
   */
  dedupe = 0;

  constructor(
    readonly file: string,
    /** The file's text, to find the names written on a refused construct's lines. */
    private readonly source = '',
  ) {}

  /** True once the error cap is reached: callers should stop scanning. */
  get full(): boolean {
    return this.capped;
  }

  get errorCount(): number {
    return this.errors;
  }

  error(span: Span, message: Msg): void {
    // Every refusal says "not modelled" (the contract the refusal corpus checks), wherever it is made.
    if (this.muted > 0) {
      this.mutedErrors++;
      return;
    }
    if (this.capped) return;
    const refusal = english(message).includes('not modelled');
    if (this.isDuplicate('error', span, message)) {
      // Reported already by another instance of the same template: still a refusal (or an error)
      // to the checks that follow, so they do not cascade.
      if (refusal) this.refusals++;
      this.errors++;
      return;
    }
    if (refusal) this.noteRefusal(span);
    this.errors++;
    this.push('error', span, message, refusal);
    if (this.errors >= MAX_ERRORS) {
      this.capped = true;
      this.push('note', span, dt('diag.too-many-errors', MAX_ERRORS));
    }
  }

  warning(span: Span, message: Msg): void {
    if (this.capped || this.muted > 0 || this.isDuplicate('warning', span, message)) return;
    this.push('warning', span, message);
  }

  note(span: Span, message: Msg): void {
    if (this.capped || this.muted > 0 || this.isDuplicate('note', span, message)) return;
    this.push('note', span, message);
  }

  /** Diagnoses a construct outside the subset the simulator models ("`goto` is not modelled by this simulator"). */
  unsupported(span: Span, what: Msg, hint?: Msg): void {
    // A translated text only when both parts are (an English part keeps the whole message English).
    if (typeof what === 'string' || typeof hint === 'string')
      // An English part (a caller not converted to message ids) keeps the whole message English.
      this.error(
        span,
        english(what) + ' is not modelled by this simulator' + (hint ? '; ' + english(hint) : ''),
      );
    else
      this.error(
        span,
        hint ? dt('diag.not-modelled-cpp-hint', what, hint) : dt('diag.not-modelled-cpp', what),
      );
  }

  private isDuplicate(severity: Diagnostic['severity'], span: Span, msg: Msg): boolean {
    if (this.dedupe === 0) return false;
    const message = english(msg);
    return this.list.some(
      (d) =>
        d.severity === severity &&
        d.line === span.start.line &&
        d.column === span.start.column &&
        d.message === message,
    );
  }

  /** Counts a refusal and remembers the names written on its lines. */
  private noteRefusal(span: Span): void {
    this.refusals++;
    if (this.source) {
      // The refused construct's lines (at most 1,000 characters either side: a minified one-line file
      // must not be rescanned whole for each refusal).
      const from = Math.max(
        this.source.lastIndexOf('\n', span.start.offset - 1) + 1,
        span.start.offset - 1000,
      );
      const nl = this.source.indexOf('\n', Math.max(span.end.offset, span.start.offset));
      const to = Math.min(
        nl < 0 ? this.source.length : nl,
        Math.max(span.end.offset, span.start.offset) + 1000,
      );
      const text = this.source.slice(from, to);
      for (const m of text.matchAll(/[A-Za-z_]\w*/g)) this.refusedNames.add(m[0]);
      // A refused `operator+` definition: uses of `+` on that class are part of the refusal.
      for (const m of text.matchAll(/\boperator\s*([^\s\w(]+)/g)) this.refusedNames.add(`operator${m[1]}`);
      // A refused conversion function (`operator bool`): converting a class object to a scalar is
      // part of that refusal.
      if (/\boperator\s+[A-Za-z_]/.test(text)) this.refusedNames.add(CONVERSION_FUNCTION);
    }
  }

  /** Remembers names in code skipped after an error (what it declared is unknown to the checker). */
  skipped(name: string): void {
    this.refusedNames.add(name);
  }

  private push(severity: Diagnostic['severity'], span: Span, message: Msg, refusal = false): void {
    this.list.push({
      severity,
      file: this.file,
      line: span.start.line,
      column: span.start.column,
      endLine: span.end.line,
      endColumn: span.end.column,
      ...messageFields(message),
      ...(refusal ? { kind: 'not-modelled' as const } : {}),
    });
  }
}
