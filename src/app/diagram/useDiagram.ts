/** Hooks shared by the diagram's views: the scene and layout of a step, the width class of the container. */
import { useEffect, useMemo, useState, useSyncExternalStore, type RefObject } from 'react';
import type { Trace } from '../../sim/trace/types.ts';
import { layoutScene, type Layout, type LayoutMode } from './layout.ts';
import { stepView, type Scene, type StepView } from '../../sim/view/index.ts';
import { formatName, type Locale } from '../../sim/messages/format.ts';
import { knownRunWidths, scanRunWidths, type RunWidths } from './runFit.ts';

/** The step's snapshot and its scene, with the names of the run's regions in the page's language. */
function useStepScene(
  trace: Trace,
  step: number,
  eventEnd: number | undefined,
  locale: Locale,
): { view: StepView; scene: Scene; regionNames: Map<number, string> } {
  const regionNames = useMemo(
    () => new Map(trace.regions.map((r) => [r.id, formatName(r.name, locale)])),
    [trace, locale],
  );
  const view = useMemo(() => stepView(trace, step, eventEnd, locale), [trace, step, eventEnd, locale]);
  return { view, scene: view.scene, regionNames };
}

/** The step's snapshot, its scene and the scene's geometry, recomputed only when the step or the layout mode changes. */
export function useSceneLayout(
  trace: Trace,
  step: number,
  eventEnd: number | undefined,
  mode: LayoutMode,
  locale: Locale = 'en',
): { view: StepView; scene: Scene; layout: Layout } {
  const { view, scene, regionNames } = useStepScene(trace, step, eventEnd, locale);
  const layout = useMemo(
    () => layoutScene(scene, mode, regionNames, locale),
    [scene, mode, regionNames, locale],
  );
  return { view, scene, layout };
}

/**
 * The step's snapshot and scene, laid out for a container `width` px wide at natural size (issue 15: a
 * wider layout scaled down drew its labels at 7-9 px). The widest layout in which every step of the run
 * fits whole (three columns, two, or one; chosen once per run, so stepping never reflows the drawing),
 * every step stretched to the run's widest drawing (then drawn larger to fill the pane: fillScale); a phone-sized container gets the phone's one
 * column (shortened labels with their full text in a title). Until the run has been measured (runFit.ts,
 * a few slices of work after a new run), the step's own fit is used. If even one column is wider (an
 * object with long rows), it is drawn at natural size and the canvas scrolls sideways. `hex`: lay out for
 * the raw bytes rather than the values (the "Show raw bytes" toggle).
 */
export function useFittedSceneLayout(
  trace: Trace,
  step: number,
  eventEnd: number | undefined,
  width: number,
  locale: Locale,
  hex: boolean,
): { view: StepView; scene: Scene; layout: Layout; measured: boolean } {
  const { view, scene, regionNames } = useStepScene(trace, step, eventEnd, locale);
  const run = useRunWidths(trace, regionNames, locale, hex, width <= 0 || width >= MEDIUM_FROM);
  const layout = useMemo(
    () => fittedLayout(scene, width, regionNames, locale, hex, run),
    [scene, width, regionNames, locale, hex, run],
  );
  return { view, scene, layout, measured: run !== null };
}

/** The run's widest drawings (null until measured); measured only where a desktop layout is chosen. */
function useRunWidths(
  trace: Trace,
  regionNames: Map<number, string>,
  locale: Locale,
  hex: boolean,
  wanted: boolean,
): RunWidths | null {
  const [found, setFound] = useState<{ trace: Trace; key: string; widths: RunWidths } | null>(null);
  const key = `${locale}:${hex}`;
  useEffect(() => {
    if (!wanted) return;
    return scanRunWidths(trace, regionNames, locale, hex, (widths) => setFound({ trace, key, widths }));
  }, [trace, regionNames, locale, hex, key, wanted]);
  if (found !== null && found.trace === trace && found.key === key) return found.widths;
  return knownRunWidths(trace, locale, hex);
}

const MODES: LayoutMode[] = ['wide', 'medium', 'narrow'];

/** A drawing narrower than its pane is drawn larger to fill it, by at most this much (larger type). */
export const MAX_GROW = 1.5;

/**
 * The scale that fills a pane `room` layout units wide with a drawing `width` units wide (1 when it is
 * as wide or wider: it scrolls sideways; never more than MAX_GROW).
 */
export function fillScale(width: number, room: number): number {
  if (room <= 0 || width <= 0 || width >= room) return 1;
  return Math.min(MAX_GROW, room / width);
}

/**
 * The layout `useFittedSceneLayout` picks (pure: tested without a browser). With the run's widths, the
 * first layout every measured step fits starts the search; the step's own drawing must fit too (a long
 * run is sampled), so a wider step the sample missed still goes down a layout rather than spill.
 */
export function fittedLayout(
  scene: Scene,
  width: number,
  regionNames: Map<number, string>,
  locale: Locale,
  hex: boolean,
  run: RunWidths | null = null,
): Layout {
  if (width > 0 && width < MEDIUM_FROM) return layoutScene(scene, 'narrow', regionNames, locale, { hex });
  const first = run === null || width <= 0 ? 0 : MODES.findIndex((m) => run[m] <= width);
  let last: Layout | null = null;
  for (const mode of MODES.slice(first < 0 ? MODES.length - 1 : first)) {
    // Every step as wide as the run's widest (the drawing keeps its width while stepping), the pane's
    // width until the run is measured.
    const minWidth = width <= 0 ? 0 : run === null ? width : Math.min(width, run[mode]);
    last = layoutScene(scene, mode, regionNames, locale, { hex, fitNarrow: true, minWidth });
    if (width <= 0 || last.width <= width) return last;
  }
  return last as Layout;
}

/** The content width of an element, following resizes (0 until it is measured). */
export function useContainerWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof ResizeObserver === 'undefined') return;
    const update = () => setWidth(el.clientWidth);
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

/** Container widths from which the diagram uses three columns (with addresses) or two; below, one. */
export const WIDE_FROM = 1150;
export const MEDIUM_FROM = 600;

/** The layout for a container width: text stays near its natural size in each. */
export function modeForWidth(width: number): LayoutMode {
  if (width <= 0 || width >= WIDE_FROM) return 'wide';
  return width >= MEDIUM_FROM ? 'medium' : 'narrow';
}

/** The layout mode for the container's width; follows resizes. */
export function useLayoutMode(ref: RefObject<HTMLElement | null>): LayoutMode {
  const [mode, setMode] = useState<LayoutMode>('wide');
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof ResizeObserver === 'undefined') return;
    const update = () => setMode(modeForWidth(el.clientWidth));
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return mode;
}

const REDUCED = '(prefers-reduced-motion: reduce)';

function subscribeReduced(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const mq = window.matchMedia(REDUCED);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

/** True when the system asks for reduced motion. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReduced,
    () =>
      typeof window !== 'undefined' &&
      typeof window.matchMedia === 'function' &&
      window.matchMedia(REDUCED).matches,
    () => false,
  );
}
