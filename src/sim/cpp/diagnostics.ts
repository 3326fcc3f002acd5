/**
 * Collects the diagnostics of one C++ file. Shared by the lexer, the parser and the semantic pass.
 *
 * It caps the number of errors: a file that is not C++ at all (an image's bytes) would otherwise
 * produce one error per byte. After the cap the passes stop early, which also keeps them fast.
 */
import type { Diagnostic, Span } from '../diag';

/** Most errors reported for one file before the front end gives up on it. */
export const MAX_ERRORS = 50;

export class DiagSink {
  readonly list: Diagnostic[] = [];
  private errors = 0;
  private capped = false;

  constructor(readonly file: string) {}

  /** True once the error cap is reached: callers should stop scanning. */
  get full(): boolean {
    return this.capped;
  }

  get errorCount(): number {
    return this.errors;
  }

  error(span: Span, message: string): void {
    if (this.capped) return;
    this.errors++;
    this.push('error', span, message);
    if (this.errors >= MAX_ERRORS) {
      this.capped = true;
      this.push('note', span, `too many errors (${MAX_ERRORS}); the rest of the file was not checked`);
    }
  }

  warning(span: Span, message: string): void {
    if (this.capped) return;
    this.push('warning', span, message);
  }

  note(span: Span, message: string): void {
    if (this.capped) return;
    this.push('note', span, message);
  }

  /** Diagnoses a construct outside the subset the simulator models ("`goto` is not modelled by this simulator"). */
  unsupported(span: Span, what: string, hint?: string): void {
    this.error(span, `${what} is not modelled by this simulator${hint ? `; ${hint}` : ''}`);
  }

  private push(severity: Diagnostic['severity'], span: Span, message: string): void {
    this.list.push({
      severity,
      file: this.file,
      line: span.start.line,
      column: span.start.column,
      endLine: span.end.line,
      endColumn: span.end.column,
      message,
    });
  }
}
