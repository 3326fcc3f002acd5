/** Hooks shared by the diagram's views: the scene and layout of a step, the width class of the container. */
import { useEffect, useMemo, useState, useSyncExternalStore, type RefObject } from 'react';
import type { Trace } from '../../sim/trace/types.ts';
import { layoutScene, type Layout, type LayoutMode } from './layout.ts';
import { stepView, type Scene, type StepView } from '../../sim/view/index.ts';
import { formatName, type Locale } from '../../sim/messages/format.ts';

/** The step's snapshot, its scene and the scene's geometry, recomputed only when the step or the layout mode changes. */
export function useSceneLayout(
  trace: Trace,
  step: number,
  eventEnd: number | undefined,
  mode: LayoutMode,
  locale: Locale = 'en',
): { view: StepView; scene: Scene; layout: Layout } {
  const regionNames = useMemo(
    () => new Map(trace.regions.map((r) => [r.id, formatName(r.name, locale)])),
    [trace, locale],
  );
  const view = useMemo(() => stepView(trace, step, eventEnd, locale), [trace, step, eventEnd, locale]);
  const scene = view.scene;
  const layout = useMemo(
    () => layoutScene(scene, mode, regionNames, locale),
    [scene, mode, regionNames, locale],
  );
  return { view, scene, layout };
}

/**
 * The step's snapshot and scene, laid out for a container `width` px wide at natural size (issue 15: a
 * wider layout scaled down drew its labels at 7-9 px). The widest layout whose labels all fit whole and
 * which is no wider than the container: three columns, two, or one; a phone-sized container gets the
 * phone's one column (shortened labels with their full text in a title). If even one column is wider
 * (an object with long rows), it is drawn at natural size and the canvas scrolls sideways. `hex`: lay
 * out for the raw bytes rather than the values (the "Show raw bytes" toggle).
 */
export function useFittedSceneLayout(
  trace: Trace,
  step: number,
  eventEnd: number | undefined,
  width: number,
  locale: Locale,
  hex: boolean,
): { view: StepView; scene: Scene; layout: Layout } {
  const regionNames = useMemo(
    () => new Map(trace.regions.map((r) => [r.id, formatName(r.name, locale)])),
    [trace, locale],
  );
  const view = useMemo(() => stepView(trace, step, eventEnd, locale), [trace, step, eventEnd, locale]);
  const scene = view.scene;
  const layout = useMemo(
    () => fittedLayout(scene, width, regionNames, locale, hex),
    [scene, width, regionNames, locale, hex],
  );
  return { view, scene, layout };
}

/** The layout `useFittedSceneLayout` picks (pure: tested without a browser). */
export function fittedLayout(
  scene: Scene,
  width: number,
  regionNames: Map<number, string>,
  locale: Locale,
  hex: boolean,
): Layout {
  if (width > 0 && width < MEDIUM_FROM) return layoutScene(scene, 'narrow', regionNames, locale, { hex });
  let last: Layout | null = null;
  for (const mode of ['wide', 'medium', 'narrow'] as const) {
    last = layoutScene(scene, mode, regionNames, locale, { hex, fitNarrow: true });
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
