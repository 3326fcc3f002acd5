/**
 * The whole machine picks its columns once per run (issue 15: at 1440x900 it switched between two
 * columns and one from step to step, which made stepping jump). For that it needs each layout's widest
 * drawing over the run's steps. Building every step's scene takes a few milliseconds each, so the scan
 * runs in short slices off the step path (never one long task), and its result is kept per trace.
 */
import type { Locale } from '../../sim/messages/format.ts';
import { stepCount } from '../../sim/trace/reader.ts';
import { boundaryCallList } from '../../sim/trace/tables.ts';
import type { Trace } from '../../sim/trace/types.ts';
import { buildScene } from '../../sim/view/index.ts';
import { layoutScene, type LayoutMode } from './layout.ts';

/** The widest drawing of a run in each layout (labels fitted, values or raw bytes as shown). */
export type RunWidths = Record<LayoutMode, number>;

/**
 * At most this many steps are measured: a long run (a loop of thousands of steps) is sampled evenly,
 * with every boundary call and return and the last step always in; a step the sample missed that is
 * wider still fits by itself (fittedLayout takes the narrower of the two).
 */
export const RUN_SAMPLE = 400;

/** The steps the scan measures, in order. */
export function sampleSteps(trace: Trace, limit = RUN_SAMPLE): number[] {
  const n = stepCount(trace);
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  const picked = new Set<number>([n - 1]);
  for (const c of boundaryCallList(trace.boundaryCalls)) {
    picked.add(c.step);
    if (c.returnStep >= 0) picked.add(c.returnStep);
  }
  const every = n / Math.max(1, limit - picked.size);
  for (let s = 0; s < n && picked.size < limit; s += every) picked.add(Math.floor(s));
  return [...picked].filter((s) => s >= 0 && s < n).sort((a, b) => a - b);
}

/** Widens `into` by one step's drawings in each layout. */
function measureStep(
  into: RunWidths,
  trace: Trace,
  step: number,
  regionNames: Map<number, string>,
  locale: Locale,
  hex: boolean,
) {
  const scene = buildScene(trace, step, undefined, locale);
  for (const mode of ['wide', 'medium', 'narrow'] as const)
    into[mode] = Math.max(
      into[mode],
      layoutScene(scene, mode, regionNames, locale, { hex, fitNarrow: true }).width,
    );
}

/** The run's widths, measured at once (tests, and small runs). */
export function runWidths(
  trace: Trace,
  regionNames: Map<number, string>,
  locale: Locale,
  hex: boolean,
): RunWidths {
  const out: RunWidths = { wide: 0, medium: 0, narrow: 0 };
  for (const step of sampleSteps(trace)) measureStep(out, trace, step, regionNames, locale, hex);
  return out;
}

const done = new WeakMap<Trace, Map<string, RunWidths>>();
const keyOf = (locale: Locale, hex: boolean) => `${locale}:${hex ? 'hex' : 'value'}`;

/** The run's widths if a scan has finished (or the run was scanned before). */
export function knownRunWidths(trace: Trace, locale: Locale, hex: boolean): RunWidths | null {
  return done.get(trace)?.get(keyOf(locale, hex)) ?? null;
}

/** A slice of the scan stops after this long, so the page stays responsive (no long task). */
const SLICE_MS = 8;

/**
 * Measures the run in slices of about 8 ms between tasks, then calls `onDone` with the widths (kept for
 * the trace). Returns a function that stops the scan (a new run, another language, the view left).
 */
export function scanRunWidths(
  trace: Trace,
  regionNames: Map<number, string>,
  locale: Locale,
  hex: boolean,
  onDone: (widths: RunWidths) => void,
): () => void {
  const known = knownRunWidths(trace, locale, hex);
  if (known !== null) {
    onDone(known);
    return () => {};
  }
  const steps = sampleSteps(trace);
  const out: RunWidths = { wide: 0, medium: 0, narrow: 0 };
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const slice = () => {
    const start = performance.now();
    while (next < steps.length && performance.now() - start < SLICE_MS)
      measureStep(out, trace, steps[next++] as number, regionNames, locale, hex);
    if (next < steps.length) {
      timer = setTimeout(slice, 0);
      return;
    }
    timer = null;
    let forTrace = done.get(trace);
    if (forTrace === undefined) done.set(trace, (forTrace = new Map()));
    forTrace.set(keyOf(locale, hex), out);
    onDone(out);
  };
  timer = setTimeout(slice, 0);
  return () => {
    if (timer !== null) clearTimeout(timer);
  };
}
