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
