/** The frames builder: every call entered by a step, live or returned, and which one runs now. */
import { stepFrameAt } from '../trace/reader.ts';
import { frameList, frameRecord } from '../trace/tables.ts';
import type { Trace } from '../trace/types.ts';
import type { SceneFrame } from './types.ts';

export function sceneFrames(trace: Trace, st: number): SceneFrame[] {
  const current = stepFrameAt(trace, st);
  return frameList(trace.frames)
    .filter((f) => f.enterStep <= st)
    .map((f) => {
      const parent = f.parent >= 0 ? frameRecord(trace.frames, f.parent) : undefined;
      const alive = f.exitStep < 0 || st < f.exitStep;
      return {
        id: f.id,
        functionName: f.functionName,
        side: f.side,
        alive,
        current: current === f.id,
        boundary: f.boundaryCallId >= 0 || (parent !== undefined && parent.side !== f.side),
        callerSide: parent?.side ?? null,
        entrySp: f.entrySp,
        low: f.low,
      };
    });
}
