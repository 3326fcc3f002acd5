/** The rows builder: an object box's cells, gaps and "n more", with values, writes, reads and stale values. */
import { formatText, type Locale } from '../messages/format.ts';
import type { MachineState } from '../trace/reader.ts';
import type { Cell } from '../trace/types.ts';
import { formatCell, hexAddr, hexBytes, u64Number } from './format.ts';
import type { SceneRow } from './types.ts';
import { PADDING_PATH } from '../abi/layout.ts';
import { TermId, term } from '../trace/terms.ts';

/** A cell's path in `locale`; a padding cell (`[1].(padding)`) is named in the reader's language. */
function cellPath(c: Cell, locale: Locale): string {
  if (c.kind === 'padding' && typeof c.path === 'string' && c.path.endsWith(PADDING_PATH))
    return formatText(term(TermId.padding, c.path.slice(0, -PADDING_PATH.length)), locale);
  return formatText(c.path, locale);
}

/** Most rows an object box shows before "n more". */
export const MAX_ROWS = 10;

/** Two byte ranges share a byte. */
export function overlaps(a: { addr: number; size: number }, b: { addr: number; size: number }): boolean {
  return a.addr < b.addr + b.size && b.addr < a.addr + a.size;
}

/** Some range of `ranges` meets [addr, addr + size). */
export function rangeHit(ranges: { addr: number; len: number }[], addr: number, size: number): boolean {
  return ranges.some((w) => w.addr < addr + size && addr < w.addr + w.len);
}

/**
 * A cell's value as the learner reads it. An 8-byte integer that holds an address (a saved frame
 * pointer, the loader's list head: the runtime declares them as plain words) reads in hex like every
 * other address, not as a 15-digit decimal number.
 */
export function cellText(kind: Cell['kind'], bytes: Uint8Array, isAddress: (v: number) => boolean): string {
  if ((kind === 'uint' || kind === 'int') && bytes.length === 8) {
    const v = u64Number(bytes);
    if (!Number.isNaN(v) && v !== 0 && isAddress(v)) return hexAddr(v);
  }
  return formatCell(kind, bytes);
}

/** Builds the rows of an object box from its cells, with gaps for bytes no cell covers. */
export function buildRows(
  o: { addr: number; size: number; cells: Cell[] },
  state: MachineState,
  writes: { addr: number; len: number }[],
  reads: { addr: number; len: number }[],
  stale: MachineState | null,
  isAddress: (v: number) => boolean,
  locale: Locale,
): SceneRow[] {
  const show = (kind: Cell['kind'], bytes: Uint8Array) => cellText(kind, bytes, isAddress);
  const cells = [...o.cells].filter((c) => c.size > 0).sort((a, b) => a.offset - b.offset);
  const rows: SceneRow[] = [];
  let at = 0;
  for (const c of cells) {
    if (c.offset < at) continue; // overlapping cell descriptions: keep the first
    if (c.offset > at) rows.push({ kind: 'gap', start: o.addr + at, end: o.addr + c.offset, cell: null });
    const addr = o.addr + c.offset;
    const bytes = state.read(addr, Math.min(c.size, 64));
    const text = show(c.kind, bytes);
    let staleWas: string | null = null;
    if (stale !== null) {
      const was = show(c.kind, stale.read(addr, Math.min(c.size, 64)));
      if (was !== text) staleWas = was;
    }
    const ptr = c.kind === 'pointer' && c.size === 8 ? u64Number(bytes) : null;
    rows.push({
      kind: 'cell',
      start: addr,
      end: addr + c.size,
      cell: {
        path: cellPath(c, locale),
        kind: c.kind,
        addr,
        size: c.size,
        text,
        hex: hexBytes(bytes),
        written: rangeHit(writes, addr, c.size),
        read: rangeHit(reads, addr, c.size),
        staleWas,
        pointsTo: ptr !== null && ptr !== 0 && !Number.isNaN(ptr) ? ptr : null,
      },
    });
    at = c.offset + c.size;
  }
  if (at < o.size) rows.push({ kind: 'gap', start: o.addr + at, end: o.addr + o.size, cell: null });
  if (rows.length > MAX_ROWS) {
    const keep = rows.slice(0, MAX_ROWS - 1);
    const last = keep[keep.length - 1] as SceneRow;
    keep.push({ kind: 'more', start: last.end, end: o.addr + o.size, cell: null });
    return keep;
  }
  return rows;
}

/** Ranges merged where they touch or overlap, by address. */
export function mergeRanges(ranges: { addr: number; len: number }[]): { addr: number; len: number }[] {
  const sorted = [...ranges].sort((a, b) => a.addr - b.addr);
  const out: { addr: number; len: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r.addr <= last.addr + last.len) {
      last.len = Math.max(last.len, r.addr + r.len - last.addr);
    } else out.push({ ...r });
  }
  return out;
}
