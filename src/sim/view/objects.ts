/**
 * The objects builders: which objects exist at a step (alive, or dead with their stale bytes),
 * which dead ones stay visible, their boxes, and boxes for memory no object owns where a write or a
 * pointer lands.
 */
import { formatName, formatText, type Locale } from '../messages/format.ts';
import { NameId, named } from '../trace/names.ts';
import { TermId, term } from '../trace/terms.ts';
import { lifetimeAt, stateAt, type MachineState } from '../trace/reader.ts';
import { objectList } from '../trace/tables.ts';
import type { Cell, ObjectRecord, Trace } from '../trace/types.ts';
import { areaOfRegion, objectKey, regionAt } from './areas.ts';
import type { StepEventInfo } from './events.ts';
import { ownerRank, type RawPointer } from './pointers.ts';
import { buildRows, mergeRanges, overlaps, rangeHit } from './rows.ts';
import { SpatialIndex } from './spatial.ts';
import { ANONYMOUS_ID_BASE, type AreaKind, type LifeState, type SceneGc, type SceneObject } from './types.ts';

type Area = Exclude<AreaKind, 'registers'>;

export interface Existing {
  o: ObjectRecord;
  state: LifeState;
}

/** Lifetime at a point inside a step: births and deaths of this step count once their event ran. */
function lifeAt(o: ObjectRecord, step: number, info: StepEventInfo, partial: boolean): LifeState | 'unborn' {
  if (o.born === step && partial && !info.allocs.has(o.id)) return 'unborn';
  if (o.died === step && partial && !info.ends.has(o.id)) return 'alive';
  return lifetimeAt(o, step);
}

/**
 * The objects that exist at step `st` (up to the event the step has reached when `partial`), alive or
 * dead, in the memory the diagram draws; and what is where, so the questions the other builders ask
 * ("what lives at this address") cost the objects near an address, not all of them.
 */
export class Occupancy {
  readonly existing: Existing[] = [];
  readonly near: SpatialIndex;
  readonly alive: SpatialIndex;

  constructor(
    trace: Trace,
    st: number,
    info: StepEventInfo,
    partial: boolean,
    readonly regionArea: Map<number, Area | null>,
  ) {
    for (const o of objectList(trace.objects)) {
      if (o.born > st) continue;
      const l = lifeAt(o, st, info, partial);
      if (l === 'unborn') continue;
      if ((regionArea.get(o.regionId) ?? null) === null) continue;
      this.existing.push({ o, state: l });
    }
    this.near = new SpatialIndex(this.existing.map((e) => e.o));
    this.alive = new SpatialIndex(this.existing.filter((e) => e.state === 'alive').map((e) => e.o));
  }

  /** The live object at `addr` that owns it (the pointer ranking), or null. */
  liveAt(addr: number): ObjectRecord | null {
    let best: ObjectRecord | null = null;
    for (const o of this.alive.around(addr, 1)) {
      if (addr < o.addr || addr >= o.addr + o.size) continue;
      if (best === null || ownerRank(o) < ownerRank(best)) best = o;
    }
    return best;
  }

  /** The most recently dead object at `addr` (its stale bytes are what a pointer there reaches), or null. */
  deadAt(addr: number): ObjectRecord | null {
    let best: ObjectRecord | null = null;
    for (const { o, state: s } of this.existing) {
      if (s === 'alive' || addr < o.addr || addr >= o.addr + o.size) continue;
      if (best === null || o.died > best.died || (o.died === best.died && o.size < best.size)) best = o;
    }
    return best;
  }
}

export interface Visible extends Existing {
  /** Dead, and a later object lives on (some of) its bytes: that object's name. */
  reusedBy: string | null;
}

/**
 * Which dead objects stay on screen: those no later object has replaced, those a pointer reaches,
 * and those replaced at this very step (to show the overwrite). Live objects always do.
 */
export function visibleObjects(
  occ: Occupancy,
  raw: RawPointer[],
  st: number,
  locale: Locale = 'en',
): Visible[] {
  const pointedDead = new Set<number>();
  for (const p of raw) {
    if (occ.liveAt(p.target) === null) {
      const d = occ.deadAt(p.target);
      if (d !== null) pointedDead.add(d.id);
    }
  }
  const visible: Visible[] = [];
  for (const e of occ.existing) {
    if (e.state === 'alive') {
      visible.push({ ...e, reusedBy: null });
      continue;
    }
    // Something that came to life on its bytes after it died (the latest one names the reuse).
    const reuses = (x: ObjectRecord) => x.id !== e.o.id && overlaps(x, e.o);
    // Shown while nothing reused its bytes, or at the very step something does (the overwrite).
    if (!pointedDead.has(e.o.id) && occ.near.bornBetween(e.o, e.o.died, st, reuses)) continue;
    const reuser = occ.near.lastBornFrom(e.o, e.o.died, reuses);
    // A dead view over memory that still has a live owner is just that owner's bytes now.
    if (
      e.o.role === 'result-view' &&
      !pointedDead.has(e.o.id) &&
      occ.alive.around(e.o.addr, e.o.size).some((x) => x.role !== 'result-view' && overlaps(x, e.o))
    )
      continue;
    visible.push({
      ...e,
      reusedBy: reuser === undefined || reuser === null ? null : formatName(reuser.name, locale),
    });
  }
  return visible;
}

/** What an object box needs from the step besides the object. */
export interface BoxContext {
  trace: Trace;
  st: number;
  state: MachineState;
  writes: { addr: number; len: number }[];
  info: StepEventInfo;
  regionArea: Map<number, Area | null>;
  gc: SceneGc | null;
  /** Findings recorded by this point, with their indices in trace.findings. */
  findings: { f: Trace['findings'][number]; i: number }[];
  /** The language object and region names are shown in. */
  locale: Locale;
}

/** The boxes of the visible objects: values, writes, reads, stale values, collector marks, findings. */
export function objectBoxes(visible: Visible[], cx: BoxContext): SceneObject[] {
  const { trace, st, state, writes, info, regionArea, gc } = cx;
  const isAddress = (v: number) => regionAt(trace, v) !== null;
  // Stale bytes: for dead objects, compare with memory when they died.
  const staleStates = new Map<number, MachineState>();
  const staleOf = (died: number) => {
    let s = staleStates.get(died);
    if (s === undefined) {
      s = stateAt(trace, died);
      staleStates.set(died, s);
    }
    return s;
  };
  return visible.map(({ o, state: s, reusedBy }) => {
    const area = regionArea.get(o.regionId) as Area;
    const rows = buildRows(
      o,
      state,
      writes,
      info.reads,
      s === 'alive' ? null : staleOf(o.died),
      isAddress,
      cx.locale,
    );
    return {
      id: o.id,
      key: objectKey(o.addr, o.id),
      name: formatName(o.name, cx.locale),
      typeName: formatText(o.typeName, cx.locale),
      role: o.role,
      side: o.side,
      area,
      regionId: o.regionId,
      addr: o.addr,
      size: o.size,
      state: s,
      frameId: o.frameId,
      rows,
      born: o.born,
      died: o.died,
      bornNow: o.born === st,
      diedNow: o.died === st && s !== 'alive',
      written: rangeHit(writes, o.addr, o.size),
      reusedBy,
      gc:
        gc === null || o.regionId < 0 || area !== 'gc-heap'
          ? null
          : gc.swept.includes(o.id)
            ? 'swept'
            : gc.marked.includes(o.id)
              ? 'marked'
              : gc.phase === 'mark'
                ? 'unmarked'
                : null,
      atomic: o.atomic === true,
      findings: cx.findings.filter(({ f }) => f.objects.includes(o.id)).map(({ i }) => i),
    };
  });
}

/**
 * Boxes for memory no object owns, where a write of this step or a pointer lands (a stray write into
 * unused stack, a pointer to freed bytes nobody reuses), appended to `objects`.
 */
export function addAnonymousBoxes(
  objects: SceneObject[],
  occ: Occupancy,
  raw: RawPointer[],
  sp: number,
  cx: BoxContext,
): void {
  const { trace, st, state, writes, info } = cx;
  const isAddress = (v: number) => regionAt(trace, v) !== null;
  let anon = 0;
  const owned = (addr: number) => objects.some((o) => addr >= o.addr && addr < o.addr + o.size);
  const addAnonymous = (addr: number, size: number) => {
    const reg = regionAt(trace, addr);
    if (reg === null) return;
    const area = areaOfRegion(reg.kind);
    if (area === null) return;
    const id = ANONYMOUS_ID_BASE - anon++;
    const cells: Cell[] = [];
    for (let off = 0; off < size; off += 8)
      cells.push({ path: `+${off}`, offset: off, size: Math.min(8, size - off), kind: 'opaque' });
    objects.push({
      id,
      key: objectKey(addr, id),
      name: formatName(reg.kind === 'stack' && addr < sp ? named(NameId.unusedStack) : reg.name, cx.locale),
      typeName: formatText(term(TermId.noObject), cx.locale),
      role: 'anonymous',
      side: 'runtime',
      area,
      regionId: reg.id,
      addr,
      size,
      state: 'alive',
      frameId: -1,
      rows: buildRows({ addr, size, cells }, state, writes, info.reads, null, isAddress, cx.locale),
      born: st,
      died: -1,
      bornNow: false,
      diedNow: false,
      written: rangeHit(writes, addr, size),
      reusedBy: null,
      gc: null,
      atomic: false,
      findings: [],
    });
  };
  for (const w of mergeRanges(writes)) {
    if (!owned(w.addr)) addAnonymous(w.addr, Math.min(w.len, 64));
  }
  for (const p of raw) {
    if (!owned(p.target) && occ.liveAt(p.target) === null) addAnonymous(p.target - (p.target % 8), 8);
  }
}
