/**
 * The per-step snapshot every view consumes: where the run is, what the step says, and the machine
 * (the scene). The diagram, the text view, the narration, the editor marks, the handout, the compare
 * view, the presenter and the embed read a step through this, never through the trace's columns.
 */
import { stepAt, stepCount, type StepRecord } from '../trace/reader.ts';
import type { Locale } from '../messages/format.ts';
import type { MessageRef, Trace } from '../trace/types.ts';
import { narrationMessage } from './narration.ts';
import { findingGroupsSeen, type FindingGroup } from './findings.ts';
import { buildScene } from './scene.ts';
import type { Scene } from './types.ts';

export interface StepView {
  /** The step shown, clamped into the run. */
  step: number;
  /** Steps in the run. */
  total: number;
  /** Events [0, eventEnd) are applied (the step's end, or a point inside it). */
  eventEnd: number;
  /** The step decoded: kind, side, source range, frame, events. */
  at: StepRecord;
  /** The narration (the trace's message, a matching call told as a match): an id and parameters, in any language. */
  message: MessageRef;
  /** The machine at this point. */
  scene: Scene;
  /** The mistakes found so far, one per mistake (a stray write's stores inside it). */
  findings: FindingGroup[];
}

/** The snapshot of step `step` (after all its events, or after event `eventEnd - 1`). */
export function stepView(trace: Trace, step: number, eventEnd?: number, locale: Locale = 'en'): StepView {
  const scene = buildScene(trace, step, eventEnd, locale);
  return {
    step: scene.step,
    total: stepCount(trace),
    eventEnd: scene.eventEnd,
    at: stepAt(trace, scene.step),
    message: narrationMessage(trace, scene.step),
    scene,
    findings: findingGroupsSeen(trace, scene.findings),
  };
}
