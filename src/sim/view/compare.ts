/**
 * Two runs side by side (the bug and a fix, or one program on two targets): which step of the
 * second run lines up with a step of the first, and which objects differ. Steps are aligned at the
 * foreign-call boundary: the k-th call of one run meets the k-th call of the other, and steps
 * inside or after a call keep their distance from its start. Pure, unit-tested.
 */
import { stepCount } from '../trace/reader.ts';
import { boundaryCallList } from '../trace/tables.ts';
import type { Trace } from '../trace/types.ts';
import type { Scene, SceneObject } from './types.ts';

/** The step of `b` aligned with step `stepA` of `a`. */
export function alignStep(a: Trace, b: Trace, stepA: number): number {
  const lastB = Math.max(0, stepCount(b) - 1);
  const calls = boundaryCallList(a.boundaryCalls).map((c) => c.step);
  const bCalls = boundaryCallList(b.boundaryCalls).map((c) => c.step);
  let k = -1;
  for (let i = 0; i < calls.length; i++) if ((calls[i] as number) <= stepA) k = i;
  if (k < 0) {
    // Before any call: the same distance from the start, but not past b's first call.
    const firstB = bCalls.length > 0 ? (bCalls[0] as number) : lastB + 1;
    return Math.min(stepA, Math.max(0, firstB - 1), lastB);
  }
  const kb = Math.min(k, bCalls.length - 1);
  if (kb < 0) return Math.min(stepA, lastB);
  // A call b does not have (fewer calls there): stay at b's last call plus the offset.
  const offset = stepA - (calls[k] as number);
  const nextB = kb + 1 < bCalls.length ? (bCalls[kb + 1] as number) : lastB + 1;
  return Math.max(0, Math.min((bCalls[kb] as number) + offset, nextB - 1, lastB));
}

/** How an object is recognised across two runs: its name, area and the function whose frame holds it. */
export function matchKey(o: SceneObject, scene: Scene): string {
  const f = scene.frames.find((x) => x.id === o.frameId);
  return `${o.area}|${f?.functionName ?? ''}|${o.name}`;
}

/** Objects of `mine` that differ from `theirs`: missing there, in another state, or with other values. */
export function differingObjects(mine: Scene, theirs: Scene): Set<number> {
  const index = new Map<string, SceneObject[]>();
  for (const o of theirs.objects) {
    const k = matchKey(o, theirs);
    index.set(k, [...(index.get(k) ?? []), o]);
  }
  const out = new Set<number>();
  const seen = new Map<string, number>();
  for (const o of mine.objects) {
    if (o.role === 'anonymous') continue;
    const k = matchKey(o, mine);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    const other = index.get(k)?.[n];
    if (other === undefined || other.state !== o.state) {
      out.add(o.id);
      continue;
    }
    const vals = (x: SceneObject) =>
      x.rows
        .map((r) =>
          r.cell === null ? '' : `${r.cell.path}=${r.cell.kind === 'pointer' ? 'ptr' : r.cell.text}`,
        )
        .join(';');
    if (vals(o) !== vals(other)) out.add(o.id);
  }
  return out;
}
