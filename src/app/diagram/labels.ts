/**
 * The words of the diagram's SVG labels, made once for the drawing and for the layout: the layout sizes
 * each box so its labels fit on a desktop (no label cut), the views draw the same words.
 */
import type { AreaKind, Scene, SceneFrame, SceneObject, SceneRow } from '../../sim/view/index.ts';
import { formatSize, hexAddr } from './format.ts';
import { strings, type Locale } from './strings.ts';
import { textWidth } from './text-fit.ts';

/** Font sizes of the labels (diagram.css sets the same). */
export const PX = {
  // Nothing under 12 px: the SVG is drawn at its natural size (useDiagram.ts picks a layout that fits
  // the container rather than shrinking a wider one), so these are the sizes on screen.
  areaTitle: 15,
  areaHint: 12,
  subhead: 12,
  sp: 12,
  frame: 12,
  boundary: 12,
  objName: 13,
  objSub: 12,
  badge: 12,
  cell: 12,
  was: 12,
  gap: 12,
  reg: 12,
  ribbon: 12,
  crashTitle: 14,
  crash: 12,
} as const;

/** The small badge on an object's header ('' for none). */
export function objectBadge(o: SceneObject, locale: Locale): string {
  const t = strings(locale);
  const gc =
    o.gc === 'marked' ? t.gcMarked : o.gc === 'swept' ? t.gcSwept : o.gc === 'unmarked' ? t.gcUnmarked : '';
  if (gc !== '') return gc;
  if (o.role === 'anonymous') return t.unowned;
  if (o.state !== 'alive') return t.state[o.state];
  if (o.role === 'result-view') return t.view;
  return o.bornNow ? t.born : '';
}

/** The badge's pill width. */
export function badgeWidth(badge: string): number {
  return badge === '' ? 0 : textWidth(badge, PX.badge) + 10;
}

/** An object's second header line: address, size, type (or what reused its bytes). */
export function objectSub(o: SceneObject, locale: Locale): string {
  const t = strings(locale);
  return `${hexAddr(o.addr)} · ${o.size} B · ${o.reusedBy !== null ? t.reusedBy(o.reusedBy) : o.typeName}`;
}

/** A frame band's label. */
export function frameLabel(frame: SceneFrame, locale: Locale): string {
  const t = strings(locale);
  return `${t.frame(frame.functionName, t.side[frame.side])}${frame.alive ? '' : ` · ${t.frameDead}`}`;
}

/** The line over a frame entered across the language boundary. */
export function boundaryLabel(frame: SceneFrame, locale: Locale): string {
  const t = strings(locale);
  return t.boundary(t.side[frame.callerSide ?? 'codon'], t.side[frame.side], frame.functionName);
}

/** The hint beside an area's title (while the collector marks: what it scans). */
export function areaHint(kind: AreaKind, scene: Scene, locale: Locale): { text: string; gc: boolean } {
  const t = strings(locale);
  const gc = scene.gc;
  if (gc !== null && gc.phase === 'mark') {
    const scanned = kind !== 'c-heap' && kind !== 'gc-heap';
    if (scanned) return { text: t.gcScanned, gc: true };
    if (kind === 'c-heap') return { text: t.gcNotScanned, gc: true };
  }
  return { text: t.areaHint[kind], gc: false };
}

/** The stack pointer's label. */
export function spLabel(scene: Scene, locale: Locale): string {
  return strings(locale).sp(scene.target === 'x86_64' ? 'rsp' : 'sp', hexAddr(scene.sp));
}

/** A gap's or a "more" row's words. */
export function gapLabel(bytes: number, locale: Locale, more = false): string {
  const t = strings(locale);
  const size = formatSize(bytes, locale);
  return more ? t.more(size) : t.gap(size);
}

/**
 * Width an object's lane needs so its header and every row fit. `hex`: room for the raw bytes as well
 * as the values (the diagram shows one or the other; it lays out for the one it shows).
 */
export function objectNeed(o: SceneObject, locale: Locale, hex = true): number {
  const t = strings(locale);
  const badge = badgeWidth(objectBadge(o, locale));
  const pin = o.findings.length > 0 ? 26 : 0;
  // The address/size/type line wraps (the layout makes the header taller): only its address must fit.
  let need = Math.max(
    8 + textWidth(o.name, PX.objName) + 10 + badge + pin + 6,
    8 + textWidth(`${objectSub(o, locale).split(' · ').slice(0, 2).join(' · ')} ·`, PX.objSub) + 8,
  );
  for (const r of o.rows) need = Math.max(need, rowNeed(r, locale, t, hex));
  return need;
}

function rowNeed(r: SceneRow, locale: Locale, t: ReturnType<typeof strings>, hex: boolean): number {
  if (r.kind !== 'cell' || r.cell === null)
    return 16 + textWidth(gapLabel(r.end - r.start, locale, true), PX.gap);
  const c = r.cell;
  const value = hex
    ? Math.max(textWidth(c.text, PX.cell), textWidth(c.hex, PX.cell))
    : textWidth(c.text, PX.cell);
  const was = c.staleWas !== null ? 8 + textWidth(t.was(c.staleWas), PX.was) : 0;
  return 8 + textWidth(c.path, PX.cell) + was + 14 + value + 8;
}
