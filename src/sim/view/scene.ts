/**
 * The scene at one step: the machine as the diagram, the text view, the handout and the compare view
 * show it, composed from the builders (registers, objects and their visibility, pointers, frames, the
 * foreign call, the collector, findings). Derived from the trace alone, through its read API.
 */
import { activeCall, stateAt, stepAt, stepCount } from '../trace/reader.ts';
import type { Locale } from '../messages/format.ts';
import type { Trace } from '../trace/types.ts';
import { regionAreas } from './areas.ts';
import { sceneCall } from './call.ts';
import { scanStep } from './events.ts';
import { findingsBy } from './findings.ts';
import { sceneFrames } from './frames.ts';
import { gcAt } from './gc.ts';
import { Occupancy, addAnonymousBoxes, objectBoxes, visibleObjects, type BoxContext } from './objects.ts';
import { pointerSources, resolvePointers } from './pointers.ts';
import { buildRegisters, stackPointer } from './registers.ts';
import type { Scene } from './types.ts';

/** Builds the scene at `step` (after all its events, or after event `eventEnd - 1`). */
export function buildScene(trace: Trace, step: number, eventEnd?: number, locale: Locale = 'en'): Scene {
  const st = Math.max(0, Math.min(step, stepCount(trace) - 1));
  const here = stepAt(trace, st);
  const state = stateAt(trace, st, eventEnd);
  const partial = state.eventEnd < here.events.end;
  const info = scanStep(trace, st, state.eventEnd);
  const writes = state.writes.map((w) => ({ addr: w.addr, len: w.len }));
  const regionArea = regionAreas(trace);

  const occ = new Occupancy(trace, st, info, partial, regionArea);
  const call = activeCall(trace, st);
  const registers = buildRegisters(trace, state, info, call, locale);
  const sp = stackPointer(registers);
  // Pointers first: they decide which dead objects stay visible.
  const raw = pointerSources(trace, occ, state, registers);
  const visible = visibleObjects(occ, raw, st, locale);
  const findings = findingsBy(trace, st, info, partial);
  const gc = gcAt(trace, st, info);
  const cx: BoxContext = { trace, st, state, writes, info, regionArea, gc, findings, locale };
  const objects = objectBoxes(visible, cx);
  addAnonymousBoxes(objects, occ, raw, sp, cx);
  const pointers = resolvePointers(trace, raw, objects, locale);

  return {
    step: st,
    eventEnd: state.eventEnd,
    target: trace.target,
    stepKind: here.kind,
    side: here.side,
    line: here.line,
    objects,
    frames: sceneFrames(trace, st),
    registers,
    pointers,
    sp,
    call: call === null ? null : sceneCall(trace, call, st, state, registers, objects, locale),
    gc,
    crash: trace.crash !== null && trace.crash.step <= st ? trace.crash : null,
    findings: findings.map(({ i }) => i),
    newFindings: findings.filter(({ f }) => f.step === st).map(({ i }) => i),
    writes: state.writes,
    stdout: state.stdout,
  };
}
