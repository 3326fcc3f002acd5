// One picture of the machine in the handout: the machine at a step of a real run as the player's focus
// view shows it (the call register by register, the registers that matter, the memory the step writes or
// reads with its neighbours), with a caption that says which moment it is, which step, and the
// simulator's sentence for that step. The whole-machine SVG scaled to a portrait page put its labels at
// 4-6 pt over 25 pages; the focus view is text that wraps, at 9 pt or more, and lesson 2 fits 8 pages.
import { useEffect, useMemo } from 'react';
import { formatMessage } from '../../sim/messages/format';
import type { Trace } from '../../sim/trace/types';
import { narrate, stepView } from '../../sim/view/index.ts';
import { FocusView } from '../diagram/FocusView';
import { focusMarks } from '../diagram/focus';
import type { Moment } from '../player/moments';
import type { Locale } from '../store/types';
import { useHandout } from './context';
import { useHandoutT } from './strings';

export interface FigureProps {
  trace: Trace;
  step: number;
  moments: readonly Moment[];
  /** Numbers of the questions that stop at this step. */
  questions?: readonly number[];
  /** Said before the moments (a comparison names its side). */
  label?: string;
  locale: Locale;
}

/** The machine at `step`, with its caption. */
export function Figure({ trace, step, moments, questions = [], label, locale }: FigureProps) {
  const t = useHandoutT();
  const view = useMemo(() => stepView(trace, step, undefined, locale), [trace, step, locale]);
  const scene = view.scene;
  // The key to the diagrams lists what the printed pictures show: this one's marks.
  const { registerMarks } = useHandout();
  const marks = useMemo(() => focusMarks(scene), [scene]);
  useEffect(() => registerMarks(marks), [registerMarks, marks]);
  const what = [
    ...moments.map((m) => t(`print.moment.${m}`)),
    ...questions.map((n) => t('print.moment.question', { n })),
  ].join(' · ');
  return (
    <div
      className="hd-figure"
      data-testid="handout-figure"
      data-step={scene.step}
      data-moments={moments.join(' ')}
    >
      <div className="hd-diagram">
        {/* The caption stays with the start of the picture; a long picture may go on on the next page. */}
        <figure className="hd-figure__main">
          <figcaption className="hd-figure__caption">
            <span className="hd-figure__moment">
              {label ? `${label}: ` : ''}
              {what}
            </span>
            <span className="hd-figure__step">
              {t('handout.step', { step: view.step + 1, total: view.total })}
            </span>
            <span className="hd-figure__narration">{narrate(view, locale)}</span>
          </figcaption>
          {scene.newFindings.length > 0 && (
            <ul className="mdiag__findings">
              {scene.newFindings.map((i) => {
                const f = trace.findings[i];
                return f === undefined ? null : <li key={i}>{formatMessage(f.message, locale)}</li>;
              })}
            </ul>
          )}
        </figure>
        <FocusView trace={trace} step={step} locale={locale} />
      </div>
    </div>
  );
}
