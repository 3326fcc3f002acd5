import { useId, useRef, useState } from 'react';
import type { Trace } from '../../sim/trace/types.ts';
import { CallView } from './CallView.tsx';
import { narrationAt } from './narration.ts';
import { StepView } from './StepView.tsx';
import { strings, type Locale } from './strings.ts';
import { useLayoutMode, usePrefersReducedMotion, useSceneLayout } from './useDiagram.ts';
import './diagram.css';

export interface MachineDiagramProps {
  trace: Trace;
  step: number;
  /** Show the state after this event of the step (machine-event granularity); all of it when omitted. */
  eventEnd?: number;
  locale: 'en' | 'zh';
  /** Force still transitions (the app's setting); the system preference is followed as well. */
  reducedMotion?: boolean;
  onSelectObject?: (objectId: number) => void;
}

/** Turns an id from useId into something safe inside url(#...). */
export function svgPrefix(id: string): string {
  return `md${id.replace(/[^a-zA-Z0-9]/g, '')}`;
}

/** The machine diagram: memory areas, objects, pointers, registers and the call in progress, at one step. */
export function MachineDiagram({
  trace,
  step,
  eventEnd,
  locale,
  reducedMotion,
  onSelectObject,
}: MachineDiagramProps) {
  const t = strings(locale);
  const ref = useRef<HTMLDivElement>(null);
  const mode = useLayoutMode(ref);
  const systemReduced = usePrefersReducedMotion();
  const still = reducedMotion === true || systemReduced;
  const prefix = svgPrefix(useId());
  const [showHex, setShowHex] = useState(false);
  const { scene, layout } = useSceneLayout(trace, step, eventEnd, mode);
  const sentence = narrationAt(trace, scene.step, locale as Locale);
  return (
    <div
      ref={ref}
      className={`mdiag${still ? ' mdiag--still' : ''} mdiag--${mode}`}
      data-testid="machine-diagram"
      data-step={scene.step}
    >
      <div className="mdiag__toolbar" role="toolbar" aria-label={t.toolbar}>
        <button type="button" aria-pressed={showHex} onClick={() => setShowHex((v) => !v)}>
          {showHex ? t.hideHex : t.showHex}
        </button>
      </div>
      <p className="mdiag__narration" data-testid="diagram-narration">
        {sentence}
      </p>
      <div className="mdiag__canvas">
        <StepView
          trace={trace}
          scene={scene}
          layout={layout}
          prefix={prefix}
          locale={locale}
          showHex={showHex}
          onSelectObject={onSelectObject}
        />
      </div>
      {scene.call !== null && <CallView call={scene.call} registers={scene.registers} locale={locale} />}
    </div>
  );
}
