import { useEffect, useRef } from 'react';
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

interface TourProps {
  locale: Locale;
  index: number;
  onIndex: (i: number) => void;
  onClose: () => void;
  /** Unique per diagram, for the dialog's label id. */
  prefix: string;
}

/** A short guided tour of the diagram: a few cards, skippable at any point, replayable from the toolbar. */
export function Tour({ locale, index, onIndex, onClose, prefix }: TourProps) {
  const t = strings(locale);
  const card = t.tour[index];
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    next.current?.focus();
  }, [index]);
  if (card === undefined) return null;
  const last = index === t.tour.length - 1;
  return (
    <div
      className="md-tour"
      role="dialog"
      aria-modal="false"
      aria-labelledby={`${prefix}-tour-title`}
      data-testid="diagram-tour"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <p className="md-tour__count">
        {index + 1} / {t.tour.length}
      </p>
      <h3 id={`${prefix}-tour-title`} className="md-tour__title">
        {card.title}
      </h3>
      <p className="md-tour__text">{card.text}</p>
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
