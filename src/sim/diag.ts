/** One located message about a source file (1-based lines and columns). */
export interface Diagnostic {
  severity: 'error' | 'warning' | 'note';
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
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

/** Builds the error for a construct the simulator does not model (never the learner's mistake). */
export function notModelledAt(file: string, span: Span, message: string): Diagnostic {
  return { ...errorAt(file, span, message), kind: 'not-modelled' };
}
