// The machine at the player's position, loaded lazily so the lesson text paints first: the focus view
// by default (only what this step is about, issue 15), the whole machine diagram (issue 6) one click
// away. It reads only the trace; an error inside it stays inside its boundary.
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/shallow';
import { usePlayer, usePlayerUi, useT } from '../context';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { objectRecord } from '../../sim/trace/tables.ts';

const MachineDiagram = lazy(() => import('../diagram'));
const FocusView = lazy(() => import('../diagram').then((m) => ({ default: m.FocusView })));

export type MachineView = 'focus' | 'whole';
const VIEW_KEY = 'codon-lab.machine-view';

/** The learner's last choice of view (focus unless they asked for the whole machine). */
function storedView(): MachineView {
  try {
    return localStorage.getItem(VIEW_KEY) === 'whole' ? 'whole' : 'focus';
  } catch {
    return 'focus';
  }
}

function storeView(view: MachineView) {
  try {
    localStorage.setItem(VIEW_KEY, view);
  } catch {
    // No storage: the choice lasts for this page only.
  }
}

const traceNumbers = new WeakMap<object, number>();
let tracesSeen = 0;
/** A number per trace object, so a test can tell a new run's diagram from the old one. */
function traceNumber(trace: object): number {
  let n = traceNumbers.get(trace);
  if (n === undefined) traceNumbers.set(trace, (n = ++tracesSeen));
  return n;
}

/** The view the learner chose last, and a setter that remembers the choice. */
export function useMachineView(): [MachineView, (view: MachineView) => void] {
  const [chosen, setChosen] = useState<MachineView>(storedView);
  const choose = (next: MachineView) => {
    setChosen(next);
    storeView(next);
  };
  return [chosen, choose];
}

export interface DiagramPaneProps {
  reducedMotion: boolean;
  view: MachineView;
  /** Switches the view; without it the view is fixed and no switch is shown. */
  onView?: (view: MachineView) => void;
  /** Whether the diagram may open its first-visit tour (never in embeds or the presenter view). */
  tour?: boolean;
  /** Shown inside the focus view, beside the machine (the output and findings, kept on one screen). */
  focusAside?: ReactNode;
  /** The whole machine's drawing scale (the presenter's 5/3: labels at 20 px and up); 1 elsewhere. */
  scale?: number;
}

export function DiagramPane({
  reducedMotion,
  view,
  onView,
  tour = true,
  focusAside,
  scale = 1,
}: DiagramPaneProps) {
  const t = useT();
  const ui = usePlayerUi();
  const { trace, step, eventEnd, locale, runSeq } = usePlayer(
    useShallow((s) => ({
      trace: s.trace,
      step: s.step,
      eventEnd: s.eventEnd,
      locale: s.locale,
      runSeq: s.runSeq,
    })),
  );
  const host = useRef<HTMLElement>(null);
  // Marks what is on screen once React has committed it, for the UI benchmark (bench/ui.bench.ts).
  useEffect(() => {
    if (host.current)
      host.current.dataset.shown = `${trace ? traceNumber(trace) : 0}:${step}:${eventEnd ?? ''}`;
  }, [trace, step, eventEnd, view]);
  // One click shows the whole machine: switching to it brings the diagram's top into view (below the
  // sticky controls: scroll-margin-top), instead of leaving it under the tall editors.
  const switched = useRef(false);
  useEffect(() => {
    if (!switched.current || view !== 'whole') return;
    switched.current = false;
    host.current?.scrollIntoView({ block: 'start' });
  }, [view]);
  const onSelectObject = (id: number) => {
    if (!trace) return;
    const loc = objectRecord(trace.objects, id)?.loc;
    if (loc && (loc.side === 'cpp' || loc.side === 'codon')) ui.revealLine(loc.side, loc.line);
  };

  return (
    <section
      ref={host}
      className={`diagram-pane diagram-pane--${view}`}
      aria-label={t(view === 'focus' ? 'focus.region' : 'diagram.region')}
      data-run={runSeq}
      data-view={view}
    >
      {onView !== undefined && (
        <div className="diagram-pane__switch">
          <button
            type="button"
            aria-pressed={view === 'whole'}
            data-testid="whole-machine"
            onClick={() => {
              switched.current = view === 'focus';
              onView(view === 'whole' ? 'focus' : 'whole');
            }}
          >
            {t(view === 'whole' ? 'focus.focus' : 'focus.whole')}
          </button>
        </div>
      )}
      <ErrorBoundary name="machine diagram" locale={locale} resetKey={trace}>
        {trace ? (
          <Suspense fallback={<p className="panel__empty">{t('site.loading')}</p>}>
            {view === 'focus' ? (
              <FocusView
                trace={trace}
                step={step}
                {...(eventEnd === null ? {} : { eventEnd })}
                locale={locale}
                onSelectObject={onSelectObject}
              >
                {focusAside}
              </FocusView>
            ) : (
              <MachineDiagram
                trace={trace}
                step={step}
                {...(eventEnd === null ? {} : { eventEnd })}
                locale={locale}
                reducedMotion={reducedMotion}
                tour={tour}
                onSelectObject={onSelectObject}
                scale={scale}
              />
            )}
          </Suspense>
        ) : (
          <>
            <p className="panel__empty">{t('player.no-run')}</p>
            {/* No run (the code did not compile): its diagnostics still show in the focus view. */}
            {view === 'focus' && focusAside}
          </>
        )}
      </ErrorBoundary>
    </section>
  );
}
