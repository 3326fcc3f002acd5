import { useId, useMemo } from 'react';
import type { Trace } from '../../sim/trace/types.ts';
import { alignStep, differingObjects } from '../../sim/view/index.ts';
import { narrate } from '../../sim/view/index.ts';
import { StepView } from './StepView.tsx';
import { strings } from './strings.ts';
import { svgPrefix } from './svgPrefix.ts';
import { usePrefersReducedMotion, useSceneLayout } from './useDiagram.ts';
import './diagram.css';
import { stepCount } from '../../sim/trace/reader.ts';

export interface CompareRun {
  trace: Trace;
  /** "The bug", "Fix (a): static", "AArch64"... */
  label: string;
}

export interface CompareViewProps {
  left: CompareRun;
  right: CompareRun;
  /** The step of the left run; the right run follows, aligned at the call boundary. */
  step: number;
  locale: 'en' | 'zh';
  reducedMotion?: boolean;
  /** When given, the view shows its own buttons to step both runs together. */
  onStep?: (step: number) => void;
}

interface PaneProps {
  run: CompareRun;
  step: number;
  other: { trace: Trace; step: number };
  locale: 'en' | 'zh';
  mode: 'wide' | 'narrow';
}

function Pane({ run, step, other, locale, mode }: PaneProps) {
  const prefix = svgPrefix(useId());
  const { view, scene, layout } = useSceneLayout(run.trace, step, undefined, mode, locale);
  const otherScene = useSceneLayout(other.trace, other.step, undefined, mode).scene;
  const differing = useMemo(() => differingObjects(scene, otherScene), [scene, otherScene]);
  const t = strings(locale);
  return (
    <section className="md-compare__pane" aria-label={run.label} data-differing={differing.size}>
      <h3 className="md-compare__label">{run.label}</h3>
      <p className="md-compare__step">
        {t.stepLabel(scene.step)} · {narrate(view, locale)}
      </p>
      <div className="mdiag__canvas">
        <StepView
          trace={run.trace}
          scene={scene}
          layout={layout}
          prefix={prefix}
          locale={locale}
          showHex={false}
          differing={differing}
        />
      </div>
    </section>
  );
}

/** Two runs side by side, stepped together and aligned at the call boundary; objects that differ are ringed. */
export function CompareView({ left, right, step, locale, reducedMotion, onStep }: CompareViewProps) {
  const t = strings(locale);
  const still = usePrefersReducedMotion() || reducedMotion === true;
  const leftStep = Math.max(0, Math.min(step, stepCount(left.trace) - 1));
  const rightStep = alignStep(left.trace, right.trace, leftStep);
  // Side by side, each pane has half the width: the one-column layout fits it.
  const mode = 'narrow' as const;
  return (
    <div className={`mdiag md-compare${still ? ' mdiag--still' : ''}`} data-testid="compare-view">
      {onStep !== undefined && (
        <div className="mdiag__toolbar" role="toolbar" aria-label={t.toolbar}>
          <button type="button" onClick={() => onStep(Math.max(0, leftStep - 1))} disabled={leftStep === 0}>
            {locale === 'zh' ? '两边后退一步' : 'Step both back'}
          </button>
          <button
            type="button"
            onClick={() => onStep(Math.min(stepCount(left.trace) - 1, leftStep + 1))}
            disabled={leftStep >= stepCount(left.trace) - 1}
          >
            {locale === 'zh' ? '两边前进一步' : 'Step both forward'}
          </button>
        </div>
      )}
      <p className="md-compare__align">{t.sameStep(leftStep, rightStep)}</p>
      <div className="md-compare__panes">
        <Pane
          run={left}
          step={leftStep}
          other={{ trace: right.trace, step: rightStep }}
          locale={locale}
          mode={mode}
        />
        <Pane
          run={right}
          step={rightStep}
          other={{ trace: left.trace, step: leftStep }}
          locale={locale}
          mode={mode}
        />
      </div>
    </div>
  );
}
