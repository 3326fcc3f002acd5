/**
 * Pointer arrows through the diagram's channels: orthogonal paths from a pointer's cell or register to
 * the cell it points at, given the boxes the layout placed (layout.ts). Pure, unit-tested with it.
 */
import type { Scene } from '../../sim/view/index.ts';
import { G, type ArrowPath, type Layout, type ObjectBox, type Point, type Rect } from './layout.ts';

interface Anchor {
  box: Rect | null;
  x1: number;
  x2: number;
  y: number;
  column: number;
}

function cellAnchor(box: ObjectBox, addr: number): Anchor {
  const row = box.rows.find((r) => addr >= r.row.start && addr < r.row.end);
  const y = row !== undefined ? row.y + row.h / 2 : box.y + box.head / 2;
  return { box, x1: box.x, x2: box.x + box.w, y, column: box.column };
}

/** Whether an axis-aligned segment runs through the inside of a rectangle (touching an edge is fine). */
export function segmentCrosses(a: Point, b: Point, r: Rect): boolean {
  const x1 = Math.min(a.x, b.x);
  const x2 = Math.max(a.x, b.x);
  const y1 = Math.min(a.y, b.y);
  const y2 = Math.max(a.y, b.y);
  return x1 < r.x + r.w - 0.5 && x2 > r.x + 0.5 && y1 < r.y + r.h - 0.5 && y2 > r.y + 0.5;
}

type Side = 'left' | 'right';

/**
 * Routes every pointer as an orthogonal path through the channels between columns: out of the
 * source's side, along a channel lane, into the target's side. Lanes are given out so that
 * vertical runs in one channel never share a line. Where a straight run out of a box would cross
 * a neighbouring lane's box, the arrow first steps into the gap between lanes and leaves the
 * cluster above or below it.
 */
export function routeArrows(scene: Scene, layout: Layout, colX: number[], colWidth: number[]): ArrowPath[] {
  const boxOf = new Map(layout.objects.map((b) => [b.objectId, b]));
  const regOf = new Map(layout.registers.map((r) => [r.name, r]));
  const regArea = layout.areas.find((a) => a.kind === 'registers');
  const regColumn = regArea?.column ?? 0;
  const columns = colX.length;
  const obstacles: Rect[] = [...layout.objects, ...layout.registers];
  // Channel i runs from the right edge of column i to the left edge of column i + 1.
  const channelStart = (i: number) => (colX[i] as number) + (colWidth[i] as number);
  const channelEnd = (i: number) => (colX[i + 1] as number | undefined) ?? channelStart(i) + layout.channel;
  const used: { y1: number; y2: number; lane: number }[][] = Array.from({ length: columns }, () => []);
  const lane = (ch: number, y1: number, y2: number, base?: number): number => {
    const lo = Math.min(y1, y2) - 4;
    const hi = Math.max(y1, y2) + 4;
    const list = used[ch] as { y1: number; y2: number; lane: number }[];
    const taken = list.filter((u) => u.y1 < hi && lo < u.y2).map((u) => u.lane);
    let l = 0;
    while (taken.includes(l)) l++;
    list.push({ y1: lo, y2: hi, lane: l });
    const max = Math.floor((layout.channel - 20) / G.laneStep);
    return (base ?? channelStart(ch)) + 10 + (l % max) * G.laneStep;
  };
  // Narrow (one column): an arrow runs just right of the widest area it passes, not of the widest area of all.
  const rightEdge = (y1: number, y2: number): number => {
    const lo = Math.min(y1, y2);
    const hi = Math.max(y1, y2);
    const spanned = layout.areas.filter((a) => a.y < hi + 1 && lo - 1 < a.y + a.h);
    return Math.max(0, ...spanned.map((a) => a.x + a.w));
  };
  const clear = (a: Point, b: Point) => obstacles.every((r) => !segmentCrosses(a, b, r));
  /** From an end's side out to x = `toward`; detours through the lane gap when the straight run is blocked. */
  const leg = (a: Anchor, side: Side, toward: number): { pts: Point[]; y: number } => {
    const sx = side === 'right' ? a.x2 : a.x1;
    const start = { x: sx, y: a.y };
    if (a.box === null || clear(start, { x: toward, y: a.y }))
      return { pts: [start, { x: toward, y: a.y }], y: a.y };
    const gx = side === 'right' ? a.x2 + G.laneGap / 2 : a.x1 - G.laneGap / 2;
    const candidates = obstacles
      .flatMap((r) => [r.y - G.clusterGap / 2, r.y + r.h + G.clusterGap / 2])
      .sort((p, q) => Math.abs(p - a.y) - Math.abs(q - a.y));
    for (const y of candidates) {
      if (clear({ x: gx, y: a.y }, { x: gx, y }) && clear({ x: gx, y }, { x: toward, y })) {
        return { pts: [start, { x: gx, y: a.y }, { x: gx, y }, { x: toward, y }], y };
      }
    }
    return { pts: [start, { x: toward, y: a.y }], y: a.y };
  };
  // The middle column ends below the registers (and the crash callout, when there is one).
  const regBottom = Math.max(
    regArea !== undefined ? regArea.y + regArea.h : 0,
    layout.crash !== null && layout.crash.x === regArea?.x ? layout.crash.y + layout.crash.h : 0,
  );
  let corridor = 0;
  const crossY = (sy: number, ty: number): number => {
    if (ty > regBottom + 10) return ty;
    if (sy > regBottom + 10) return sy;
    return regBottom + 14 + G.laneStep * corridor++;
  };
  const withX = (pts: Point[], x: number): Point[] =>
    pts.map((p, i) => (i === pts.length - 1 ? { x, y: p.y } : p));
  const join = (out: { pts: Point[] }, middle: Point[], back: { pts: Point[] }, lastX: number): Point[] => {
    const rev = withX(back.pts, lastX).reverse();
    return [...out.pts, ...middle, ...rev];
  };

  const route = (s: Anchor, t: Anchor): Point[] => {
    if (s.column === t.column) {
      const ch = s.column;
      const base = layout.mode === 'narrow' ? rightEdge(s.y, t.y) : channelStart(ch);
      const a = leg(s, 'right', base);
      const b = leg(t, 'right', base);
      const lx = lane(ch, a.y, b.y, layout.mode === 'narrow' ? rightEdge(a.y, b.y) : undefined);
      return join({ pts: withX(a.pts, lx) }, [], b, lx);
    }
    const rightward = t.column > s.column;
    const sSide: Side = rightward ? 'right' : 'left';
    const tSide: Side = rightward ? 'left' : 'right';
    const chS = rightward ? s.column : s.column - 1;
    const chT = rightward ? t.column - 1 : t.column;
    const a = leg(s, sSide, rightward ? channelStart(chS) : channelEnd(chS));
    const b = leg(t, tSide, rightward ? channelEnd(chT) : channelStart(chT));
    if (chS === chT) {
      const lx = lane(chS, a.y, b.y);
      return join({ pts: withX(a.pts, lx) }, [], b, lx);
    }
    // Across the middle column (the registers): pass below it.
    const cy = crossY(a.y, b.y);
    const l1 = lane(chS, a.y, cy);
    const l2 = lane(chT, cy, b.y);
    return join(
      { pts: withX(a.pts, l1) },
      [
        { x: l1, y: cy },
        { x: l2, y: cy },
      ],
      b,
      l2,
    );
  };

  const out: ArrowPath[] = [];
  const sorted = [...scene.pointers].sort((a, b) => a.key.localeCompare(b.key));
  for (const p of sorted) {
    let src: Anchor | null = null;
    if (p.from.kind === 'cell') {
      const b = boxOf.get(p.from.objectId);
      if (b !== undefined) src = cellAnchor(b, p.from.addr);
    } else {
      const r = regOf.get(p.from.name);
      if (r !== undefined) src = { box: r, x1: r.x, x2: r.x + r.w, y: r.y + r.h / 2, column: regColumn };
    }
    if (src === null) continue;
    const tb = p.objectId !== -1 ? boxOf.get(p.objectId) : undefined;
    if (tb === undefined) {
      if (p.status === 'code') continue;
      out.push({
        key: p.key,
        status: p.status,
        stub: true,
        targetKey: null,
        points: [
          { x: src.x2, y: src.y },
          { x: src.x2 + 30, y: src.y },
        ],
      });
      continue;
    }
    const dst = cellAnchor(tb, p.target);
    out.push({
      key: p.key,
      status: p.status,
      stub: false,
      targetKey: tb.key,
      points: simplify(route(src, dst)),
    });
  }
  return out;
}

/** Drops repeated points and merges straight runs, so corners are real corners. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last !== undefined && last.x === p.x && last.y === p.y) continue;
    const prev = out[out.length - 2];
    if (
      prev !== undefined &&
      last !== undefined &&
      ((prev.x === last.x && last.x === p.x) || (prev.y === last.y && last.y === p.y))
    ) {
      out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
}

/** An SVG path through the points with softly rounded corners. */
export function roundedPath(points: Point[], radius = 6): string {
  if (points.length === 0) return '';
  const first = points[0] as Point;
  let d = `M${first.x},${first.y}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as Point;
    const prev = points[i - 1] as Point;
    const next = points[i + 1];
    if (next === undefined) {
      d += ` L${p.x},${p.y}`;
      break;
    }
    const r = Math.min(radius, dist(prev, p) / 2, dist(p, next) / 2);
    const a = toward(p, prev, r);
    const b = toward(p, next, r);
    d += ` L${a.x},${a.y} Q${p.x},${p.y} ${b.x},${b.y}`;
  }
  return d;
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function toward(from: Point, to: Point, r: number): Point {
  const d = dist(from, to);
  if (d === 0) return from;
  return { x: from.x + ((to.x - from.x) * r) / d, y: from.y + ((to.y - from.y) * r) / d };
}

/** Rectangles overlap (sharing an edge does not count). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
