/**
 * How much work laying out a type would be, measured on the type itself before `layoutOf` runs:
 * the layout lists every scalar cell, so `std::array<char, 10000000>` would build ten million
 * objects and freeze the page. The explorer declines such types with a message instead.
 */
import type { CType, RecordDecl } from '../sim/abi/index.ts';

/** The largest number of cells (and array elements) the explorer lays out. */
export const MAX_CELLS = 4096;

/**
 * An upper estimate of the cells and loop steps `layoutOf` spends on `t`, saturating just above
 * `limit` (so a huge nested array costs no more to measure than a small one).
 */
export function layoutCost(t: CType, limit = MAX_CELLS): number {
  const memo = new Map<RecordDecl, number>();
  const cap = (n: number): number => Math.min(n, limit + 1);
  const visit = (u: CType, depth: number): number => {
    if (depth > 64) return limit + 1;
    switch (u.kind) {
      case 'array':
        return cap(Math.max(1, u.length) * Math.max(1, visit(u.element, depth + 1)));
      case 'complex':
        return 2;
      case 'vector':
        return u.length;
      case 'record': {
        const hit = memo.get(u.decl);
        if (hit !== undefined) return hit;
        memo.set(u.decl, limit + 1); // a class that contains itself (only through an error) is "too big"
        let n = 1 + (u.decl.hasVirtualFunctions ? 1 : 0);
        for (const b of u.decl.bases) n = cap(n + visit(b.type, depth + 1));
        for (const f of u.decl.fields) n = cap(n + visit(f.type, depth + 1));
        memo.set(u.decl, n);
        return n;
      }
      default:
        return 1;
    }
  };
  return visit(t, 0);
}
