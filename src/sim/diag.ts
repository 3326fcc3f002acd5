/** One located message about a source file (1-based lines and columns). */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'note';
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
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
export function errorAt(file: string, span: Span, message: string): Diagnostic {
  return {
    severity: 'error',
    file,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    message,
  };
}
