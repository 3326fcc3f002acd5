/**
 * Diagram geometry: where each memory area, object box, cell row, frame band, register and pointer
 * arrow goes, from a scene (model.ts). Pure and deterministic (no DOM, no text measuring: the
 * diagram uses a monospace face whose advance is about 0.6 em), so it is unit-tested directly.
 *
 * Wide: three columns, [Stack] [Registers] [Static storage, C heap, GC heap], with channels
 * between them that carry the arrows' vertical runs. Narrow (phones): one column, arrows in a
 * channel on the right. Objects sharing bytes (a dead local and the live one that reuses its
 * slot, the callee's view of a result slot and the lock it landed on) sit side by side in lanes,
 * their rows aligned by address.
 */
import type {
  AreaKind,
  Scene,
  SceneFrame,
  SceneObject,
  SceneRow,
  PointerStatus,
} from '../../sim/view/index.ts';
import { formatMessage, type Locale } from '../../sim/messages/format.ts';
import { areaHint, boundaryLabel, frameLabel, objectNeed, objectSub, PX, spLabel } from './labels.ts';
import { strings } from './strings.ts';
import { textWidth, wrapToWidth } from './text-fit.ts';
import { routeArrows } from './arrows.ts';

export { rectsOverlap, roundedPath, routeArrows, segmentCrosses } from './arrows.ts';
export { wrapToWidth } from './text-fit.ts';

/** Wide: three columns with address gutters (a big screen, a slide). Medium: two columns (a side panel). Narrow: one (a phone). */
export type LayoutMode = 'wide' | 'medium' | 'narrow';

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface AreaBox extends Rect {
  kind: AreaKind;
  column: number;
  empty: boolean;
  /** Region names inside an area that holds several (static storage: the library's and the runtime's). */
  subheaders: { y: number; text: string }[];
}

export interface RowBox extends Rect {
  row: SceneRow;
}

export interface ObjectBox extends Rect {
  /** The header's height: the name line and the address/size/type line, wrapped where it is long. */
  head: number;
  objectId: number;
  key: string;
  lane: number;
  column: number;
  rows: RowBox[];
}

export interface FrameBand extends Rect {
  frameId: number;
  /** The frame's header line (its label), inside the band at the top. */
  headerH: number;
  boundary: boolean;
}

export interface GapMark {
  y: number;
  x: number;
  w: number;
  bytes: number;
}

export interface AddressLabel {
  x: number;
  y: number;
  addr: number;
}

export interface RegisterBox extends Rect {
  name: string;
}

export interface ArrowPath {
  key: string;
  status: PointerStatus;
  points: Point[];
  /** Drawn to a cross next to its source: the target is no memory at all. */
  stub: boolean;
  /** The target object box, when there is one. */
  targetKey: string | null;
}

export interface StackPointerMark {
  y: number;
  x: number;
  w: number;
}

export interface Layout {
  mode: LayoutMode;
  width: number;
  height: number;
  /** Width of the arrow channels between (and right of) the columns. */
  channel: number;
  areas: AreaBox[];
  objects: ObjectBox[];
  frames: FrameBand[];
  gaps: GapMark[];
  addresses: AddressLabel[];
  registers: RegisterBox[];
  arrows: ArrowPath[];
  sp: StackPointerMark | null;
  /** Where the crash callout goes (under the registers), when the run has crashed by this step. */
  crash: Rect | null;
}

/** Sizes in SVG user units (1 unit = 1 CSS px at scale 1). */
export const G = {
  pad: 12,
  titleH: 30,
  rowH: 20,
  headH: 38,
  subLineH: 15,
  laneW: 272,
  laneWNarrow: 230,
  laneGap: 12,
  gutter: 112,
  channel: 64,
  channelNarrow: 48,
  areaGap: 22,
  regW: 244,
  regH: 22,
  regGap: 4,
  frameHead: 24,
  boundaryHead: 44,
  gapRow: 18,
  spRow: 30,
  clusterGap: 8,
  emptyH: 28,
  laneStep: 7,
  subheadH: 22,
  crashH: 90,
} as const;

/** The crash callout's height: two header lines, then the message wrapped whole to the callout's width. */
export function crashHeight(message: string, width: number): number {
  return Math.max(G.crashH, 56 + wrapToWidth(message, width - 24, PX.crash).length * 15);
}

/** Average advance of the monospace face at `px` font size (used to clip text to a width). */
export function charsFit(width: number, px: number): number {
  return Math.max(1, Math.floor(width / (px * 0.6)));
}

interface Cluster {
  objects: SceneObject[];
  start: number;
  end: number;
}

/** Groups objects whose bytes overlap (directly or through a chain) into clusters. */
export function clusters(objects: SceneObject[]): Cluster[] {
  const sorted = [...objects].sort((a, b) => a.addr - b.addr || b.size - a.size);
  const out: Cluster[] = [];
  for (const o of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && o.addr < last.end) {
      last.objects.push(o);
      last.end = Math.max(last.end, o.addr + o.size);
    } else out.push({ objects: [o], start: o.addr, end: o.addr + Math.max(1, o.size) });
  }
  return out;
}

/** Lane of each object in a cluster: live owners first, then dead ones and views beside them. */
export function assignLanes(objects: SceneObject[]): Map<number, number> {
  const rank = (o: SceneObject) =>
    (o.state === 'alive' ? 0 : 2) + (o.role === 'result-view' || o.role === 'anonymous' ? 1 : 0);
  const order = [...objects].sort((a, b) => rank(a) - rank(b) || b.born - a.born || a.addr - b.addr);
  const lanes: SceneObject[][] = [];
  const out = new Map<number, number>();
  for (const o of order) {
    let lane = lanes.findIndex((l) => l.every((x) => x.addr + x.size <= o.addr || o.addr + o.size <= x.addr));
    if (lane < 0) {
      lane = lanes.length;
      lanes.push([]);
    }
    (lanes[lane] as SceneObject[]).push(o);
    out.set(o.id, lane);
  }
  return out;
}

interface ClusterGeometry {
  height: number;
  lanes: number;
  boxes: {
    o: SceneObject;
    lane: number;
    y: number;
    h: number;
    head: number;
    rows: { row: SceneRow; y: number; h: number }[];
  }[];
  addresses: { addr: number; y: number }[];
}

/** Lays out one cluster at y = 0: a header slot wherever an object starts, one row per address run. */
export function layoutCluster(
  c: Cluster,
  headOf: (o: SceneObject) => number = () => G.headH,
): ClusterGeometry {
  const laneOf = assignLanes(c.objects);
  const bounds = new Set<number>();
  for (const o of c.objects) {
    bounds.add(o.addr);
    bounds.add(o.addr + o.size);
    for (const r of o.rows) {
      bounds.add(r.start);
      bounds.add(r.end);
    }
  }
  const b = [...bounds].sort((x, y) => x - y);
  const starts = new Set(c.objects.map((o) => o.addr));
  const covered = (lo: number, hi: number) => c.objects.some((o) => o.addr < hi && lo < o.addr + o.size);
  const headerY = new Map<number, number>();
  const rowTop = new Map<number, number>();
  const rowBottom = new Map<number, number>();
  const addresses: { addr: number; y: number }[] = [];
  let y = 0;
  for (let i = 0; i < b.length; i++) {
    const a = b[i] as number;
    rowBottom.set(a, y);
    if (starts.has(a)) {
      headerY.set(a, y);
      y += Math.max(...c.objects.filter((o) => o.addr === a).map(headOf));
    }
    const next = b[i + 1];
    if (next !== undefined && covered(a, next)) {
      rowTop.set(a, y);
      addresses.push({ addr: a, y });
      y += G.rowH;
    }
  }
  const boxes = c.objects.map((o) => {
    const top = headerY.get(o.addr) ?? 0;
    const bottom = rowBottom.get(o.addr + o.size) ?? y;
    const head = headOf(o);
    const rows = o.rows.map((row) => {
      const ry = rowTop.get(row.start) ?? top + head;
      const rb = rowBottom.get(row.end) ?? ry + G.rowH;
      return { row, y: ry, h: Math.max(G.rowH, rb - ry) };
    });
    return { o, lane: laneOf.get(o.id) ?? 0, y: top, h: Math.max(head, bottom - top), head, rows };
  });
  const lanes = Math.max(1, ...boxes.map((x) => x.lane + 1));
  return { height: y, lanes, boxes, addresses };
}

interface AreaContent {
  width: number;
  height: number;
  objects: ObjectBox[];
  frames: FrameBand[];
  gaps: GapMark[];
  addresses: AddressLabel[];
  subheaders: { y: number; text: string }[];
  sp: StackPointerMark | null;
}

/** Lays out one memory area's contents at (0, 0). */
function layoutArea(
  kind: Exclude<AreaKind, 'registers'>,
  scene: Scene,
  regionNames: Map<number, string>,
  gutter: number,
  column: number,
  baseLaneW: number,
  fit: Fit,
  minW = 0,
): AreaContent {
  const objs = scene.objects.filter((o) => o.area === kind);
  const cl = clusters(objs);
  const lanes = Math.max(1, ...cl.map((c) => new Set(assignLanes(c.objects).values()).size));
  const left = G.pad + gutter;
  const stack = kind === 'stack';
  // On a desktop every label gets room: the lanes as wide as the widest object header, row or frame
  // label, the area as wide as its title with its hint, its region names and its boundary line.
  let laneW = baseLaneW;
  let areaNeed = 0;
  if (fit.locale !== null) {
    const locale = fit.locale;
    for (const o of objs) laneW = Math.max(laneW, objectNeed(o, locale, fit.hex));
    if (stack)
      for (const f of scene.frames) {
        laneW = Math.max(laneW, textWidth(frameLabel(f, locale), PX.frame) + 8);
        if (f.boundary) areaNeed = Math.max(areaNeed, textWidth(boundaryLabel(f, locale), PX.boundary) + 24);
      }
    const t = strings(locale);
    areaNeed = Math.max(
      areaNeed,
      3 * G.pad +
        textWidth(t.area[kind], PX.areaTitle) +
        textWidth(areaHint(kind, scene, locale).text, PX.areaHint),
      stack ? 2 * G.pad + textWidth(spLabel(scene, locale), PX.sp) + 8 : 0,
      ...[...regionNames.values()].map((n) => (kind === 'static' ? 2 * G.pad + textWidth(n, PX.subhead) : 0)),
    );
    laneW = Math.ceil(laneW);
  }
  // Stretched to its column's share of a wider pane: the lanes take the room (boxes, not empty space).
  if (minW > left + lanes * laneW + (lanes - 1) * G.laneGap + G.pad)
    laneW = Math.floor((minW - left - G.pad - (lanes - 1) * G.laneGap) / lanes);
  // The address/size/type line wraps under the name where it is longer than the lane (a desktop).
  const headOf = (o: SceneObject): number =>
    fit.locale === null
      ? G.headH
      : G.headH + G.subLineH * (wrapToWidth(objectSub(o, fit.locale), laneW - 16, PX.objSub).length - 1);
  const geo = cl.map((c) => ({ c, g: layoutCluster(c, headOf) }));
  const innerW = lanes * laneW + (lanes - 1) * G.laneGap;
  const width = Math.max(left + innerW + G.pad, Math.ceil(areaNeed));
  if (stack) geo.sort((p, q) => q.c.start - p.c.start);
  const out: AreaContent = {
    width,
    height: 0,
    objects: [],
    frames: [],
    gaps: [],
    addresses: [],
    subheaders: [],
    sp: null,
  };
  let y = G.titleH;
  if (geo.length === 0) {
    out.height = y + G.emptyH;
    return out;
  }
  const frameById = new Map<number, SceneFrame>(scene.frames.map((f) => [f.id, f]));
  const frameSeen = new Set<number>();
  // A frame holds the objects inside its own address range; a callee's view of memory it was
  // handed (an NRVO result built wherever the hidden pointer points) is drawn where it lies.
  const inOwnFrame = (o: SceneObject) => {
    const f = frameById.get(o.frameId);
    return f !== undefined && o.addr >= f.low && o.addr < f.entrySp;
  };
  const frameBoxes = new Map<
    number,
    { top: number; bottom: number; x1: number; x2: number; headerH: number }
  >();
  let spPlaced = !stack;
  let prev: Cluster | null = null;
  let lastRegion = -1;
  for (const { c, g } of geo) {
    const region = c.objects[0]?.regionId ?? -1;
    if (prev !== null) {
      const gap = stack ? prev.start - c.end : c.start - prev.end;
      // Across two regions the sub-header says it; a byte count between them would mean nothing.
      if (gap > 0 && region === lastRegion) {
        out.gaps.push({ y, x: left, w: innerW, bytes: gap });
        y += G.gapRow;
      } else y += G.clusterGap;
    }
    if (!spPlaced && c.start < scene.sp) {
      out.sp = { y: y + 6, x: G.pad, w: width - 2 * G.pad };
      y += G.spRow;
      spPlaced = true;
    }
    if (!stack && region !== lastRegion && kind === 'static') {
      out.subheaders.push({ y: y + 15, text: regionNames.get(region) ?? '' });
      y += G.subheadH;
    }
    lastRegion = region;
    if (stack) {
      // A frame's label goes above the first (highest) cluster holding one of its objects.
      const here = [
        ...new Set(
          c.objects
            .filter(inOwnFrame)
            .map((o) => o.frameId)
            .filter((f) => !frameSeen.has(f)),
        ),
      ];
      here.sort((a, b) => b - a);
      for (const fid of here) {
        const f = frameById.get(fid);
        if (f === undefined) continue;
        frameSeen.add(fid);
        // The boundary line marks a call in progress; a returned frame keeps just its label.
        const h = f.boundary && f.alive ? G.boundaryHead : G.frameHead;
        frameBoxes.set(fid, { top: y, bottom: y + h, x1: Infinity, x2: -Infinity, headerH: h });
        y += h;
      }
    }
    for (const a of g.addresses) out.addresses.push({ x: G.pad, y: y + a.y, addr: a.addr });
    for (const bx of g.boxes) {
      const x = left + bx.lane * (laneW + G.laneGap);
      const box: ObjectBox = {
        head: bx.head,
        objectId: bx.o.id,
        key: bx.o.key,
        lane: bx.lane,
        column,
        x,
        y: y + bx.y,
        w: laneW,
        h: bx.h,
        rows: bx.rows.map((r) => ({ row: r.row, x, y: y + r.y, w: laneW, h: r.h })),
      };
      out.objects.push(box);
      const fb = inOwnFrame(bx.o) ? frameBoxes.get(bx.o.frameId) : undefined;
      if (fb !== undefined) {
        fb.bottom = Math.max(fb.bottom, box.y + box.h);
        fb.x1 = Math.min(fb.x1, x);
        fb.x2 = Math.max(fb.x2, x + laneW);
      }
    }
    y += g.height;
    prev = c;
  }
  if (!spPlaced) {
    out.sp = { y: y + 6, x: G.pad, w: width - 2 * G.pad };
    y += G.spRow;
  }
  for (const [fid, fb] of frameBoxes) {
    const f = frameById.get(fid);
    const x1 = Number.isFinite(fb.x1) ? fb.x1 : left;
    const x2 = Number.isFinite(fb.x2) ? fb.x2 : left + laneW;
    out.frames.push({
      frameId: fid,
      x: x1 - 6,
      y: fb.top,
      w: x2 - x1 + 12,
      h: fb.bottom - fb.top + 6,
      headerH: fb.headerH,
      boundary: (f?.boundary ?? false) && (f?.alive ?? false),
    });
  }
  out.height = y + G.pad;
  return out;
}

function offset<T extends Point>(p: T, dx: number, dy: number): T {
  return { ...p, x: p.x + dx, y: p.y + dy };
}

/**
 * Whether boxes are sized to their labels (`locale` set: a desktop) or kept at their base width (a phone),
 * and whether the raw bytes are shown (`hex`: values get the room of both).
 */
interface Fit {
  locale: Locale | null;
  hex: boolean;
}

export interface LayoutOptions {
  /** Room for the raw bytes beside each value (the "Show raw bytes" toggle); true unless told. */
  hex?: boolean;
  /**
   * Size boxes to their labels in the one-column layout too (a desktop pane too narrow for two columns
   * at natural size); by default the one-column layout is a phone's, which shortens labels instead.
   */
  fitNarrow?: boolean;
  /**
   * Stretch the drawing to at least this width (the pane's): the extra width goes to the columns in
   * proportion to their widths, as wider boxes, so a run's narrower steps fill the pane as its widest
   * does (issue 15: at 1920x1080 a third of the pane stayed empty).
   */
  minWidth?: number;
}

/**
 * Lays out the whole scene. `regionNames` labels static storage's sub-regions. Given a `locale`, wide
 * and medium layouts size every box so its labels, in that language, fit whole; the narrow one (a
 * phone) keeps its width and its labels are shortened, each keeping its whole text as a tooltip.
 * Without one, boxes keep their base widths.
 */
export function layoutScene(
  scene: Scene,
  mode: LayoutMode,
  regionNames: Map<number, string>,
  locale?: Locale,
  options: LayoutOptions = {},
): Layout {
  const hex = options.hex ?? true;
  const fit: Fit = { locale: mode === 'narrow' && options.fitNarrow !== true ? null : (locale ?? null), hex };
  const gutter = mode === 'wide' ? G.gutter : 0;
  const memKinds: Exclude<AreaKind, 'registers'>[] = ['stack', 'static', 'c-heap', 'gc-heap'];
  const columnOf: Record<AreaKind, number> =
    mode === 'wide'
      ? { stack: 0, registers: 1, static: 2, 'c-heap': 2, 'gc-heap': 2 }
      : mode === 'medium'
        ? { stack: 0, registers: 1, static: 1, 'c-heap': 1, 'gc-heap': 1 }
        : { registers: 0, stack: 0, static: 0, 'c-heap': 0, 'gc-heap': 0 };
  const order: AreaKind[] =
    mode === 'narrow'
      ? ['registers', 'stack', 'static', 'c-heap', 'gc-heap']
      : ['stack', 'registers', 'static', 'c-heap', 'gc-heap'];
  const contents = new Map<AreaKind, AreaContent>();
  const laneW = mode === 'wide' ? G.laneW : G.laneWNarrow;
  for (const k of memKinds)
    contents.set(k, layoutArea(k, scene, regionNames, gutter, columnOf[k], laneW, fit));
  const regCount = scene.registers.length;
  const regHeight = G.titleH + regCount * (G.regH + G.regGap) + G.pad;
  let regWidth = (mode === 'wide' ? G.regW : G.laneWNarrow) + 2 * G.pad;
  if (fit.locale !== null) {
    const t = strings(fit.locale);
    for (const r of scene.registers) {
      const value = hex
        ? Math.max(textWidth(r.text, PX.reg), textWidth(r.hex, PX.reg))
        : textWidth(r.text, PX.reg);
      regWidth = Math.max(regWidth, 2 * G.pad + 8 + textWidth(`%${r.label}`, PX.reg) + 14 + value + 8);
    }
    regWidth = Math.ceil(
      Math.max(
        regWidth,
        3 * G.pad + textWidth(t.area.registers, PX.areaTitle) + textWidth(t.areaHint.registers, PX.areaHint),
      ),
    );
  }
  const columns = mode === 'wide' ? 3 : mode === 'medium' ? 2 : 1;
  const colWidth: number[] = new Array<number>(columns).fill(0);
  for (const k of order) {
    const w = k === 'registers' ? regWidth : (contents.get(k) as AreaContent).width;
    colWidth[columnOf[k]] = Math.max(colWidth[columnOf[k]] ?? 0, w);
  }
  const channel = mode === 'wide' ? G.channel : G.channelNarrow;
  const natural = colWidth.reduce((a, b) => a + b, 0) + columns * channel;
  const minWidth = options.minWidth ?? 0;
  if (minWidth > natural) {
    const grow = (minWidth - natural) / Math.max(1, natural - columns * channel);
    for (let i = 0; i < columns; i++) colWidth[i] = Math.floor((colWidth[i] ?? 0) * (1 + grow));
    // What the rounding left goes to the last column: the drawing is exactly as wide as asked.
    const spare = Math.floor(minWidth) - columns * channel - colWidth.reduce((a, b) => a + b, 0);
    colWidth[columns - 1] = (colWidth[columns - 1] ?? 0) + Math.max(0, spare);
    for (const k of memKinds)
      contents.set(
        k,
        layoutArea(k, scene, regionNames, gutter, columnOf[k], laneW, fit, colWidth[columnOf[k]] ?? 0),
      );
    // A stretched area may still come out a pixel or two past its column (rounding): the column follows.
    for (const k of memKinds)
      colWidth[columnOf[k]] = Math.max(colWidth[columnOf[k]] ?? 0, (contents.get(k) as AreaContent).width);
    regWidth = Math.max(regWidth, colWidth[columnOf.registers] ?? 0);
  }
  const colX: number[] = [];
  let x = 0;
  for (let i = 0; i < columns; i++) {
    colX.push(x);
    x += (colWidth[i] ?? 0) + channel;
  }
  const width = x;
  const colY: number[] = new Array<number>(columns).fill(0);
  const layout: Layout = {
    mode,
    width,
    height: 0,
    channel,
    areas: [],
    objects: [],
    frames: [],
    gaps: [],
    addresses: [],
    registers: [],
    arrows: [],
    sp: null,
    crash: null,
  };
  for (const k of order) {
    const col = columnOf[k];
    const ax = colX[col] as number;
    const ay = colY[col] as number;
    // Wide: areas in a column share its width. Narrow: each keeps its own (a phone scrolls only where it must).
    const own = k === 'registers' ? regWidth : (contents.get(k) as AreaContent).width;
    const w = mode === 'wide' || minWidth > natural ? (colWidth[col] as number) : own;
    if (k === 'registers') {
      layout.areas.push({
        kind: k,
        column: col,
        x: ax,
        y: ay,
        w,
        h: regHeight,
        empty: regCount === 0,
        subheaders: [],
      });
      scene.registers.forEach((r, i) => {
        layout.registers.push({
          name: r.name,
          x: ax + G.pad,
          y: ay + G.titleH + i * (G.regH + G.regGap),
          w: w - 2 * G.pad,
          h: G.regH,
        });
      });
      colY[col] = ay + regHeight + G.areaGap;
      if (scene.crash !== null) {
        const h =
          locale === undefined ? G.crashH : crashHeight(formatMessage(scene.crash.message, locale), w);
        layout.crash = { x: ax, y: colY[col] as number, w, h };
        colY[col] = (colY[col] as number) + h + G.areaGap;
      }
      continue;
    }
    const c = contents.get(k) as AreaContent;
    layout.areas.push({
      kind: k,
      column: col,
      x: ax,
      y: ay,
      w,
      h: c.height,
      empty: c.objects.length === 0,
      subheaders: c.subheaders.map((s) => ({ y: ay + s.y, text: s.text })),
    });
    for (const o of c.objects)
      layout.objects.push({ ...offset(o, ax, ay), rows: o.rows.map((r) => offset(r, ax, ay)) });
    for (const f of c.frames) layout.frames.push(offset(f, ax, ay));
    for (const gm of c.gaps) layout.gaps.push(offset(gm, ax, ay));
    if (mode === 'wide') for (const a of c.addresses) layout.addresses.push(offset(a, ax, ay));
    if (c.sp !== null) layout.sp = offset(c.sp, ax, ay);
    colY[col] = ay + c.height + G.areaGap;
  }
  layout.height = Math.max(...colY) - G.areaGap + 2;
  layout.arrows = routeArrows(scene, layout, colX, colWidth);
  return layout;
}
