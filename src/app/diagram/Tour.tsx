import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { strings, type Locale } from './strings.ts';

const SEEN_KEY = 'codon-lab.diagram-tour-seen';

/** Whether the learner has finished or skipped the tour before (false when storage is unavailable). */
export function tourSeen(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return false;
  }
}

/** Remembers that the tour was seen, so it does not open by itself again. */
export function markTourSeen(): void {
  try {
    localStorage.setItem(SEEN_KEY, '1');
  } catch {
    // Private mode or storage disabled: the tour may show again, nothing is lost.
  }
}

/** What each card of the tour describes, found inside the diagram (cards whose thing is absent are skipped). */
const ANCHORS = ['.mdiag__canvas', '.md-ribbon', '.md-arrows', '[data-testid="call-view"]'] as const;

interface TourProps {
  locale: Locale;
  index: number;
  onIndex: (i: number) => void;
  onClose: () => void;
  /** Unique per diagram, for the dialog's label id. */
  prefix: string;
  /** The diagram the cards point into. */
  root: RefObject<HTMLElement | null>;
}

/** The cards whose thing is on the page now, in order. */
function presentCards(root: HTMLElement | null): number[] {
  if (root === null) return [];
  return ANCHORS.flatMap((selector, i) => (root.querySelector(selector) === null ? [] : [i]));
}

/**
 * A short guided tour of the diagram: a few cards, each beside the thing it describes and inside the
 * window (fixed, so it never scrolls the page), skippable at any point, replayable from the toolbar.
 */
export function Tour({ locale, index, onIndex, onClose, prefix, root }: TourProps) {
  const t = strings(locale);
  const next = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<{ cards: number[]; top: number; left: number } | null>(null);
  const cards = shown?.cards ?? [];
  const cardIndex = cards[index];
  const card = cardIndex === undefined ? undefined : t.tour[cardIndex];
  // After commit (the diagram's ref is attached by then); the card stays hidden until placed.
  useEffect(() => {
    const present = presentCards(root.current);
    const at = present[index];
    const anchor = at === undefined ? null : (root.current?.querySelector(ANCHORS[at] ?? '') ?? null);
    if (anchor === null) return;
    anchor.classList.add('md-tour-anchor');
    const update = () => {
      const a = anchor.getBoundingClientRect();
      const w = box.current?.offsetWidth ?? 320;
      const h = box.current?.offsetHeight ?? 180;
      // Below the visible part of the thing when there is room, else over its top; always in the window.
      const below = Math.min(a.bottom, innerHeight) + 8;
      const top =
        below + h <= innerHeight - 8
          ? below
          : Math.max(8, Math.min(Math.max(a.top, 0) + 8, innerHeight - h - 8));
      const left = Math.max(8, Math.min(a.right - w, innerWidth - w - 8));
      setShown({ cards: present, top, left });
    };
    update();
    addEventListener('scroll', update, true);
    addEventListener('resize', update);
    return () => {
      anchor.classList.remove('md-tour-anchor');
      removeEventListener('scroll', update, true);
      removeEventListener('resize', update);
    };
  }, [index, root]);
  const placed = shown !== null;
  // Once the card has its text, its real height keeps it inside the window (no state: a style fix-up).
  useLayoutEffect(() => {
    const el = box.current;
    if (el === null || shown === null) return;
    const h = el.offsetHeight;
    if (shown.top + h > innerHeight - 8) el.style.top = `${Math.max(8, innerHeight - h - 8)}px`;
  });
  useEffect(() => {
    // The focus moves to the card without scrolling the page (the card is already in the window).
    if (placed) next.current?.focus({ preventScroll: true });
  }, [index, placed]);
  if (shown !== null && card === undefined) return null;
  const last = index === cards.length - 1;
  return (
    <div
      ref={box}
      className="md-tour"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${prefix}-tour-title`}
      data-testid="diagram-tour"
      data-anchor={ANCHORS[cardIndex ?? 0]}
      style={shown === null ? { visibility: 'hidden' } : { top: shown.top, left: shown.left }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <p className="md-tour__count">
        {index + 1} / {cards.length}
      </p>
      <h3 id={`${prefix}-tour-title`} className="md-tour__title">
        {card?.title}
      </h3>
      <p className="md-tour__text">{card?.text}</p>
      <div className="md-tour__buttons">
        <button type="button" onClick={onClose}>
          {t.tourSkip}
        </button>
        <button type="button" ref={next} onClick={() => (last ? onClose() : onIndex(index + 1))}>
          {last ? t.tourDone : t.tourNext}
        </button>
      </div>
    </div>
  );
}
