import type { Span } from '../diag.ts';
import type { SourceLoc, SourceSide } from '../trace/types.ts';

/**
 * One SourceLoc object per span and side: statements in a loop run many times and share it. A Map,
 * not a WeakMap: the cache lives as long as one run, and a Map is the faster of the two to look up.
 */
export class LocationCache {
  private readonly locs = new Map<Span, SourceLoc>();

  constructor(private readonly side: SourceSide) {}

  of(span: Span): SourceLoc {
    let l = this.locs.get(span);
    if (l === undefined) {
      l = {
        side: this.side,
        line: span.start.line,
        column: span.start.column,
        endLine: span.end.line,
        endColumn: span.end.column,
      };
      this.locs.set(span, l);
    }
    return l;
  }
}
