/**
 * The pointers builder: every pointer the diagram draws (pointer cells of live objects, untyped heap
 * words that hold a heap address, registers that matter now), then what each reaches among the boxes
 * on screen. One ranking decides which object owns an address when several overlap.
 */
import { formatName, type Locale } from '../messages/format.ts';
import type { MachineState } from '../trace/reader.ts';
import type { DeathKind, ObjectRole, Trace } from '../trace/types.ts';
import { regionAt } from './areas.ts';
import { u64Number } from './format.ts';
import type { Occupancy } from './objects.ts';
import type { PointerSource, SceneObject, ScenePointer, SceneRegister } from './types.ts';

/** A pointer found in memory or a register, before it is resolved against the boxes on screen. */
export interface RawPointer {
  key: string;
  from: PointerSource;
  target: number;
  untyped?: boolean;
}

/**
 * Which of the objects covering an address owns it (lowest rank wins): a view (the callee's name for
 * memory it was handed) loses to the memory's owner, a saved frame link to any object, and among the
 * rest the smallest (the innermost member) wins.
 */
export function ownerRank(x: { role: ObjectRole | 'anonymous'; size: number }): number {
  return (x.role === 'result-view' ? 1e12 : 0) + (x.role === 'frame-link' ? 1e11 : 0) + x.size;
}

/** Every pointer the diagram draws at this point of the run, unresolved. */
export function pointerSources(
  trace: Trace,
  occ: Occupancy,
  state: MachineState,
  registers: SceneRegister[],
): RawPointer[] {
  const raw: RawPointer[] = [];
  for (const { o, state: s } of occ.existing) {
    if (s !== 'alive') continue;
    for (const c of o.cells) {
      if (c.kind !== 'pointer' || c.size !== 8) continue;
      const v = u64Number(state.read(o.addr + c.offset, 8));
      // A pointer to itself (a saved frame pointer at its own slot) would be a loop, not an arrow.
      if (v === 0 || Number.isNaN(v) || (v >= o.addr + c.offset && v < o.addr + c.offset + 8)) continue;
      raw.push({
        key: `ptr-${(o.addr + c.offset).toString(16)}`,
        from: { kind: 'cell', objectId: o.id, addr: o.addr + c.offset },
        target: v,
      });
    }
  }
  // Untyped heap bytes (a malloc'ed block C code stored a pointer in) that hold the address of a
  // heap object: drawn too, marked as read from raw bytes. This is what Boehm's conservative scan
  // would see if it scanned that memory, and it is how a buffer ends up kept only by C memory.
  const heapObjectAt = (v: number) =>
    occ.near.around(v, 1).some((o) => {
      const area = occ.regionArea.get(o.regionId);
      return (
        (area === 'gc-heap' || area === 'c-heap') &&
        o.role !== 'heap-meta' &&
        v >= o.addr &&
        v < o.addr + o.size
      );
    });
  for (const { o, state: s } of occ.existing) {
    const area = occ.regionArea.get(o.regionId);
    if (s !== 'alive' || (area !== 'c-heap' && area !== 'gc-heap')) continue;
    for (const c of o.cells) {
      if (c.kind !== 'opaque') continue;
      for (
        let off = c.offset + ((8 - ((o.addr + c.offset) % 8)) % 8);
        off + 8 <= c.offset + c.size;
        off += 8
      ) {
        const v = u64Number(state.read(o.addr + off, 8));
        if (v === 0 || Number.isNaN(v) || !heapObjectAt(v)) continue;
        raw.push({
          key: `ptr-${(o.addr + off).toString(16)}`,
          from: { kind: 'cell', objectId: o.id, addr: o.addr + off },
          target: v,
          untyped: true,
        });
      }
    }
  }
  for (const r of registers) {
    if (r.kind !== 'gp' || r.value === null || r.value === 0) continue;
    if (!(r.inCall || r.written)) continue;
    const reg = regionAt(trace, r.value);
    if (reg === null || reg.kind === 'text') continue;
    raw.push({ key: `ptr-${r.name}`, from: { kind: 'register', name: r.name }, target: r.value });
  }
  return raw;
}

/** What each pointer reaches among the boxes on screen: a live owner, a dead object, or no object. */
export function resolvePointers(
  trace: Trace,
  raw: RawPointer[],
  objects: SceneObject[],
  locale: Locale = 'en',
): ScenePointer[] {
  return raw.map((p) => {
    const reg = regionAt(trace, p.target);
    const base = {
      key: p.key,
      from: p.from,
      target: p.target,
      regionName: reg === null ? null : formatName(reg.name, locale),
      untyped: p.untyped === true,
    };
    if (reg === null) return { ...base, objectId: -1, status: 'unmapped', nowOwner: null };
    if (reg.kind === 'text') return { ...base, objectId: -1, status: 'code', nowOwner: null };
    const hits = objects.filter((o) => p.target >= o.addr && p.target < o.addr + o.size);
    const live = hits.filter((o) => o.state === 'alive' && o.role !== 'anonymous');
    live.sort((a, b) => ownerRank(a) - ownerRank(b));
    const pick = live[0];
    if (pick !== undefined) return { ...base, objectId: pick.id, status: 'valid', nowOwner: null };
    const dead = hits.filter((o) => o.state !== 'alive').sort((a, b) => b.died - a.died);
    const d = dead[0];
    if (d !== undefined) {
      return { ...base, objectId: d.id, status: d.state as DeathKind, nowOwner: d.reusedBy };
    }
    const a = hits.find((o) => o.role === 'anonymous');
    return { ...base, objectId: a?.id ?? -1, status: 'unowned', nowOwner: null };
  });
}
