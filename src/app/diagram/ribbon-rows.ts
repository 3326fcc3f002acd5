// The lifetime ribbon's rows (one line per object a learner names, by birth), apart from the machine's
// geometry in layout.ts. Pure, so it is tested without a browser.
import type { ObjectRecord } from '../../sim/trace/types.ts';
import { formatName, type Locale } from '../../sim/messages/format.ts';

/** One line of the lifetime ribbon: an object from birth to death, in step units. */
export interface RibbonRow {
  objectId: number;
  name: string;
  side: ObjectRecord['side'];
  born: number;
  /** Exclusive end: the death step, or the step count while alive at the end. */
  end: number;
  deathKind: ObjectRecord['deathKind'];
  y: number;
}

export const RIBBON = { rowH: 16, labelW: 190, maxRows: 48 } as const;

/** The ribbon's rows: every object a learner names (not return addresses or malloc headers), by birth. */
export function ribbonRows(
  objects: readonly ObjectRecord[],
  stepCount: number,
  locale: Locale = 'en',
): RibbonRow[] {
  return objects
    .filter((o) => o.role !== 'frame-link' && o.role !== 'heap-meta')
    .slice()
    .sort((a, b) => a.born - b.born || a.id - b.id)
    .slice(0, RIBBON.maxRows)
    .map((o, i) => ({
      objectId: o.id,
      name: formatName(o.name, locale),
      side: o.side,
      born: o.born,
      end: o.died < 0 ? stepCount : Math.max(o.died, o.born + 1),
      deathKind: o.deathKind,
      y: i * RIBBON.rowH,
    }));
}
