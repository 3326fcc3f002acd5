// Small browser hooks shared by the page's components.
import { useEffect, useState, useSyncExternalStore } from 'react';

/** Whether a media query matches, kept up to date. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => matchMedia(query).matches,
    () => false,
  );
}

/** False on the first render, true once the browser has painted it. */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // A frame, then a task: the callback runs after that frame has been painted.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}

/** The layout of the lesson page for this window width. */
export type PageLayout = 'wide' | 'narrow' | 'phone';

/** Wide: lesson and player side by side. Narrow: the player inside the lesson. Phone: that, read-only code. */
export function usePageLayout(): PageLayout {
  const wide = useMediaQuery('(min-width: 1100px)');
  const phone = useMediaQuery('(max-width: 640px)');
  return wide ? 'wide' : phone ? 'phone' : 'narrow';
}
