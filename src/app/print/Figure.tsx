// One picture of the machine in the handout: the diagram at a step of a real run, drawn by the same
// components as the player's (scene, layout, SVG, call table), with a caption that says which moment
// it is, which step, and the simulator's sentence for that step.
import { useId, useMemo } from 'react';
import { formatMessage, formatName } from '../../sim/messages/format';
import type { Trace } from '../../sim/trace/types';
import { layoutScene } from '../diagram';
import { narrate, stepView } from '../../sim/view/index.ts';
import { CallView } from '../diagram/CallView';
import { hexAddr } from '../diagram/format';
import { StepView } from '../diagram/StepView';
import { strings } from '../diagram/strings';
import { svgPrefix } from '../diagram/svgPrefix';
import type { Moment } from '../player/moments';
import type { Locale } from '../store/types';
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
  const d = strings(locale);
  const prefix = svgPrefix(useId());
  const regionNames = useMemo(
    () => new Map(trace.regions.map((r) => [r.id, formatName(r.name, locale)])),
    [trace, locale],
  );
  const view = useMemo(() => stepView(trace, step, undefined, locale), [trace, step, locale]);
  const scene = view.scene;
  // Two columns: a portrait page is about as wide as the player's medium layout.
  const layout = useMemo(() => layoutScene(scene, 'medium', regionNames), [scene, regionNames]);
  const what = [
    ...moments.map((m) => t(`print.moment.${m}`)),
    ...questions.map((n) => t('print.moment.question', { n })),
  ].join(' · ');
  const crash = scene.crash;
  return (
    <div
      className="hd-figure"
      data-testid="handout-figure"
      data-step={scene.step}
      data-moments={moments.join(' ')}
    >
      <div className="mdiag mdiag--still mdiag--medium hd-diagram">
        {/* The caption and the picture stay on one page; the call's table may follow on the next. */}
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
          {crash !== null && (
            <p className="mdiag__crash">
              <strong>{d.crash}: </strong>
              {formatMessage(crash.message, locale)}{' '}
              {d.crashAt(
                hexAddr(crash.address),
                crash.functionName,
                crash.side === 'cpp' ? trace.files.cpp : trace.files.codon,
                crash.line,
              )}
            </p>
          )}
          {scene.newFindings.length > 0 && (
            <ul className="mdiag__findings">
              {scene.newFindings.map((i) => {
                const f = trace.findings[i];
                return f === undefined ? null : <li key={i}>{formatMessage(f.message, locale)}</li>;
              })}
            </ul>
          )}
          <div className="mdiag__canvas">
            <StepView
              trace={trace}
              scene={scene}
              layout={layout}
              prefix={prefix}
              locale={locale}
              showHex={false}
            />
          </div>
        </figure>
        {scene.call !== null && (
          <div className="hd-figure__call">
            <CallView call={scene.call} registers={scene.registers} locale={locale} />
          </div>
        )}
      </div>
    </div>
  );
}
