import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatMessage, formatName } from '../../sim/messages/format.ts';
import type { Trace } from '../../sim/trace/types.ts';
import { CallView } from './CallView.tsx';
import { exportStep } from './export.ts';
import { hexAddr } from './format.ts';
import { Legend } from './Legend.tsx';
import { layoutScene } from './layout.ts';
import type { Scene } from '../../sim/view/index.ts';
import { narrate } from '../../sim/view/index.ts';
import { Ribbon } from './Ribbon.tsx';
import { StepView } from './StepView.tsx';
import { strings, type Locale } from './strings.ts';
import { svgPrefix } from './svgPrefix.ts';
import { DiagramTextView } from './TextView.tsx';
import { markTourSeen, Tour, tourSeen } from './Tour.tsx';
import {
  fillScale,
  MEDIUM_FROM,
  useContainerWidth,
  useFittedSceneLayout,
  usePrefersReducedMotion,
} from './useDiagram.ts';
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
  /** Show the step's sentence above the picture (off by default: the player speaks and shows it already). */
  showNarration?: boolean;
  /** Whether the first-visit tour may open by itself (off in embeds and the presenter view). */
  tour?: boolean;
  /**
   * Drawing scale (1: natural size, labels 12 px and up). The presenter draws at 5/3, so its smallest
   * label is 20 px from the back of a room; the layout is chosen for the pane's width divided by it.
   */
  scale?: number;
}

/** Columns of each layout, for tests and styles (the column count must not change while stepping). */
const COLUMNS = { wide: 3, medium: 2, narrow: 1 } as const;

export { svgPrefix };

/** The call view's rows as plain lines, for the exported picture's footer. */
function callLines(scene: Scene, locale: Locale): string[] {
  const t = strings(locale);
  const c = scene.call;
  const lines: string[] = [];
  if (c !== null) {
    lines.push(
      `${t.callerBelieves}: ${c.call.callerSignature}    ${t.calleeDoes}: ${c.call.calleeSignature}`,
    );
    for (const r of c.rows) {
      const mark = r.mismatch ? ' ≠' : '';
      lines.push(
        `%${r.register}${mark}  ${t.callerBelieves}: ${t.callRole[r.caller.role](r.caller.label, r.caller.typeName)} | ${t.calleeDoes}: ${t.calleeRole[r.callee.role](r.callee.label, r.callee.typeName)} | ${r.value}`,
      );
    }
    if (c.hidden !== null)
      lines.push(
        t.hiddenWrite(
          c.hidden.written,
          c.hidden.size,
          c.hidden.reg,
          hexAddr(c.hidden.value),
          c.hidden.victims.join(', '),
        ),
      );
  }
  return lines;
}

/** The machine diagram: memory areas, objects, pointers, registers and the call in progress, at one step. */
export function MachineDiagram({
  trace,
  step,
  eventEnd,
  locale,
  reducedMotion,
  onSelectObject,
  showNarration = false,
  tour: tourAllowed = true,
  scale = 1,
}: MachineDiagramProps) {
  const t = strings(locale);
  const ref = useRef<HTMLDivElement>(null);
  const width = useContainerWidth(ref);
  const systemReduced = usePrefersReducedMotion();
  const still = reducedMotion === true || systemReduced;
  const prefix = svgPrefix(useId());
  const [showHex, setShowHex] = useState(false);
  const [textView, setTextView] = useState(false);
  const [tour, setTour] = useState<number | null>(() => (tourAllowed && !tourSeen() ? 0 : null));
  // Drawn at natural size (text 12 px and up) times `scale`, in the widest layout that fits the pane.
  const room = Math.floor(width / scale);
  const { view, scene, layout, measured } = useFittedSceneLayout(
    trace,
    step,
    eventEnd,
    room,
    locale,
    showHex,
  );
  const mode = layout.mode;
  // A drawing narrower than the pane (a run whose widest step leaves room) is drawn larger to fill it;
  // a phone's is not (its layout is the phone's own).
  const drawScale = scale * (room < MEDIUM_FROM ? 1 : fillScale(layout.width, room));
  const sentence = narrate(view, locale);
  const closeTour = () => {
    setTour(null);
    markTourSeen();
  };
  // Exports always use the wide, three-column layout (a slide is landscape), drawn off screen.
  const [exporting, setExporting] = useState<'svg' | 'png' | null>(null);
  const exportHost = useRef<HTMLDivElement>(null);
  const regionNames = useMemo(
    () => new Map(trace.regions.map((r) => [r.id, formatName(r.name, locale)])),
    [trace, locale],
  );
  const wide = useMemo(
    () =>
      exporting === null ? null : mode === 'wide' ? layout : layoutScene(scene, 'wide', regionNames, locale),
    [exporting, mode, layout, scene, regionNames, locale],
  );
  useEffect(() => {
    if (exporting === null) return;
    const svg = exportHost.current?.querySelector('svg');
    if (svg === null || svg === undefined) return;
    const crash = scene.crash !== null ? [`${t.crash}: ${formatMessage(scene.crash.message, locale)}`] : [];
    void exportStep(svg, exporting, {
      caption: `${t.stepLabel(scene.step)} · ${sentence}`,
      footer: [...callLines(scene, locale), ...crash],
      fileName: `machine-step-${scene.step + 1}`,
    }).finally(() => setExporting(null));
  }, [exporting, scene, sentence, locale, t]);
  const doExport = (format: 'svg' | 'png') => setExporting(format);
  return (
    <div
      ref={ref}
      className={`mdiag${still ? ' mdiag--still' : ''} mdiag--${mode}`}
      data-testid="machine-diagram"
      data-step={scene.step}
      data-reduced-motion={still ? 'true' : 'false'}
      data-columns={COLUMNS[mode]}
      data-measured={measured ? 'true' : 'false'}
      data-scale={drawScale}
    >
      <div className="mdiag__toolbar" role="toolbar" aria-label={t.toolbar}>
        <button type="button" aria-pressed={textView} onClick={() => setTextView((v) => !v)}>
          {t.textView}
        </button>
        <button
          type="button"
          aria-pressed={showHex}
          onClick={() => setShowHex((v) => !v)}
          disabled={textView}
        >
          {t.showHex}
        </button>
        <button type="button" onClick={() => doExport('svg')} disabled={textView || exporting !== null}>
          {t.exportSvg}
        </button>
        <button type="button" onClick={() => doExport('png')} disabled={textView || exporting !== null}>
          {t.exportPng}
        </button>
        <button type="button" onClick={() => setTour(0)}>
          {t.tourReplay}
        </button>
      </div>
      {tour !== null && (
        <Tour locale={locale} index={tour} onIndex={setTour} onClose={closeTour} prefix={prefix} root={ref} />
      )}
      {textView ? (
        <DiagramTextView
          trace={trace}
          step={scene.step}
          {...(eventEnd === undefined ? {} : { eventEnd })}
          locale={locale}
        />
      ) : (
        <>
          {showNarration && (
            <p className="mdiag__narration" data-testid="diagram-narration">
              {sentence}
            </p>
          )}
          {scene.crash !== null && (
            <p className="mdiag__crash" data-testid="diagram-crash-text">
              <strong>{t.crash}: </strong>
              {formatMessage(scene.crash.message, locale)}{' '}
              {t.crashAt(
                hexAddr(scene.crash.address),
                scene.crash.functionName,
                scene.crash.side === 'cpp' ? trace.files.cpp : trace.files.codon,
                scene.crash.line,
              )}
            </p>
          )}
          {scene.newFindings.length > 0 && (
            <ul className="mdiag__findings" data-testid="diagram-findings">
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
              showHex={showHex}
              onSelectObject={onSelectObject}
              scale={drawScale}
            />
          </div>
          {scene.call !== null && <CallView call={scene.call} registers={scene.registers} locale={locale} />}
          <Ribbon
            trace={trace}
            step={scene.step}
            prefix={prefix}
            locale={locale}
            narrow={mode === 'narrow' && room < MEDIUM_FROM}
            room={room}
            scale={scale}
          />
        </>
      )}
      <Legend locale={locale} prefix={prefix} />
      {exporting !== null && wide !== null && (
        <div ref={exportHost} className="mdiag__export-host" aria-hidden="true">
          <StepView
            trace={trace}
            scene={scene}
            layout={wide}
            prefix={`${prefix}x`}
            locale={locale}
            showHex={showHex}
          />
        </div>
      )}
    </div>
  );
}
