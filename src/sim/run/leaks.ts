/**
 * The leak check at exit, as LeakSanitizer does it: a C heap block is leaked when no pointer to it
 * can be found from the roots (static data, the live stack, registers) or from blocks that can.
 * A block still pointed to by a global is "still reachable", not a leak.
 */
import type { ObjectRecord } from '../trace/types.ts';
import type { Process } from './runtime.ts';

/** Records a `leak` finding for each unreachable C heap block still allocated at exit. */
export function reportLeaks(p: Process): void {
  const m = p.m;
  const blocks = p.cheap.liveBlocks();
  if (blocks.length === 0) return;
  const byStart = blocks.map((b) => ({ ...b, obj: m.object(b.objectId) }));
  const reached = new Set<number>();
  const queue: ObjectRecord[] = [];
  const consider = (word: number): void => {
    for (const b of byStart) {
      if (word >= b.obj.addr && word < b.obj.addr + Math.max(b.obj.size, 1) && !reached.has(b.objectId)) {
        reached.add(b.objectId);
        queue.push(b.obj);
      }
    }
  };
  const scan = (start: number, end: number): void => m.mem.forEachWord(start, end, consider);
  for (const r of m.regions) if (r.kind === 'static' || r.kind === 'runtime') scan(r.start, r.end);
  scan(m.sp(), m.stackTop);
  for (const info of m.regs.infos) if (info.kind === 'gp') consider(m.regs.getUint(info.name));
  for (const o of p.gc.liveObjects()) if (o.atomic !== true) scan(o.addr, o.addr + o.size);
  while (queue.length > 0) {
    const o = queue.pop() as ObjectRecord;
    scan(o.addr, o.addr + o.size);
  }
  for (const b of byStart) {
    if (reached.has(b.objectId)) continue;
    const loc = b.obj.loc;
    m.finding('leak', loc, [b.objectId], [], 'finding.leak', [b.obj.name]);
  }
}
