/**
 * Objects by the 64-byte granules their bytes cover, so "what is near this address" looks at a few
 * objects: a loop of thousands of calls leaves tens of thousands of dead objects on the same few stack
 * slots.
 */
import type { ObjectRecord } from '../trace/types.ts';

/**
 * Objects by the 64-byte granules their bytes cover (big objects in a list of their own), so "what is
 * near this address" looks at a few objects. `around` may return objects that do not overlap: callers
 * check. It returns each object once, in the order given.
 */
export class SpatialIndex {
  private static readonly GRANULE = 64;
  private static readonly BIG = 4096;
  private readonly cells = new Map<number, number[]>();
  private readonly big: number[] = [];

  constructor(private readonly objects: readonly ObjectRecord[]) {
    objects.forEach((o, i) => {
      if (o.size > SpatialIndex.BIG) {
        this.big.push(i);
        return;
      }
      const last = Math.floor((o.addr + Math.max(o.size, 1) - 1) / SpatialIndex.GRANULE);
      for (let g = Math.floor(o.addr / SpatialIndex.GRANULE); g <= last; g++) {
        let list = this.cells.get(g);
        if (list === undefined) this.cells.set(g, (list = []));
        list.push(i);
      }
    });
  }

  /** The granule lists (each in the order given) that [addr, addr + size) meets, and the big objects. */
  private lists(addr: number, size: number): number[][] {
    const first = Math.floor(addr / SpatialIndex.GRANULE);
    const last = Math.floor((addr + Math.max(size, 1) - 1) / SpatialIndex.GRANULE);
    if (last - first > 64) return [this.objects.map((_, i) => i)];
    const out = [this.big];
    for (let g = first; g <= last; g++) {
      const list = this.cells.get(g);
      if (list !== undefined) out.push(list);
    }
    return out;
  }

  /**
   * Whether an object near `o`, born at a step in [from, to), satisfies `test`. The objects must have
   * been given in the order they were born: each list is searched from the first born at `from`.
   */
  bornBetween(o: ObjectRecord, from: number, to: number, test: (x: ObjectRecord) => boolean): boolean {
    for (const list of this.lists(o.addr, o.size)) {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((this.objects[list[mid] as number] as ObjectRecord).born < from) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < list.length; k++) {
        const x = this.objects[list[k] as number] as ObjectRecord;
        if (x.born >= to) break;
        if (test(x)) return true;
      }
    }
    return false;
  }

  /** The last-born object near `o`, born at `from` or later, that satisfies `test` (ties: the later id). */
  lastBornFrom(o: ObjectRecord, from: number, test: (x: ObjectRecord) => boolean): ObjectRecord | null {
    let best: ObjectRecord | null = null;
    for (const list of this.lists(o.addr, o.size)) {
      for (let k = list.length - 1; k >= 0; k--) {
        const x = this.objects[list[k] as number] as ObjectRecord;
        if (x.born < from) break;
        if (!test(x)) continue;
        if (best === null || x.born > best.born || (x.born === best.born && x.id > best.id)) best = x;
        break;
      }
    }
    return best;
  }

  /** The objects whose granules meet [addr, addr + size), and every big object. */
  around(addr: number, size: number): ObjectRecord[] {
    const first = Math.floor(addr / SpatialIndex.GRANULE);
    const last = Math.floor((addr + Math.max(size, 1) - 1) / SpatialIndex.GRANULE);
    // A huge range (a whole region): every object is near.
    if (last - first > 64) return [...this.objects];
    const hits = new Set<number>(this.big);
    for (let g = first; g <= last; g++) for (const i of this.cells.get(g) ?? []) hits.add(i);
    return [...hits].sort((a, b) => a - b).map((i) => this.objects[i] as ObjectRecord);
  }
}
