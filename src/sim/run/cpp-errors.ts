import type { Span } from '../diag.ts';

/** A construct the interpreter does not model: reported as such at its location, never ignored. */
export class Unsupported {
  constructor(
    readonly what: string,
    readonly span: Span,
  ) {}
}
