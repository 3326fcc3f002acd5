/** Where things are: the diagram area of a region, the region of an address, an object's key. */
import type { Region, Trace } from '../trace/types.ts';
import { ANONYMOUS_ID_BASE, type AreaKind } from './types.ts';

/** Which diagram area a region's objects belong to (code has none). */
export function areaOfRegion(kind: Region['kind']): Exclude<AreaKind, 'registers'> | null {
  switch (kind) {
    case 'stack':
      return 'stack';
    case 'static':
    case 'runtime':
      return 'static';
    case 'c-heap':
      return 'c-heap';
    case 'gc-heap':
      return 'gc-heap';
    case 'text':
      return null;
  }
}

/** The region covering an address, or null for unmapped memory. */
export function regionAt(trace: Trace, addr: number): Region | null {
  return trace.regions.find((r) => addr >= r.start && addr < r.end) ?? null;
}

/** DOM id of an object box: derived from its address so arrows and tests can find it. */
export function objectKey(addr: number, id: number): string {
  return `mem-${addr.toString(16)}-${id < 0 ? `a${ANONYMOUS_ID_BASE - id}` : id}`;
}

/** The area of each region id (null for code, which the diagram does not draw). */
export function regionAreas(trace: Trace): Map<number, Exclude<AreaKind, 'registers'> | null> {
  const out = new Map<number, Exclude<AreaKind, 'registers'> | null>();
  for (const r of trace.regions) out.set(r.id, areaOfRegion(r.kind));
  return out;
}
