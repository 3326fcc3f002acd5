// The machine diagram (src/app/diagram, issue 6) at the player's position, loaded lazily so the lesson
// text paints first. It reads only the trace; an error inside it stays inside its boundary.
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useShallow } from 'zustand/shallow';
import { usePlayer, usePlayerUi, useT } from '../context';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { objectRecord } from '../../sim/trace/tables.ts';

const MachineDiagram = lazy(() => import('../diagram'));

const traceNumbers = new WeakMap<object, number>();
let tracesSeen = 0;
/** A number per trace object, so a test can tell a new run's diagram from the old one. */
function traceNumber(trace: object): number {
  let n = traceNumbers.get(trace);
  if (n === undefined) traceNumbers.set(trace, (n = ++tracesSeen));
  return n;
}

export function DiagramPane({ reducedMotion }: { reducedMotion: boolean }) {
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
  }, [trace, step, eventEnd]);

  return (
    <section ref={host} className="diagram-pane" aria-label={t('diagram.region')} data-run={runSeq}>
      <ErrorBoundary name="machine diagram" locale={locale} resetKey={trace}>
        {trace ? (
          <Suspense fallback={<p className="panel__empty">{t('site.loading')}</p>}>
            <MachineDiagram
              trace={trace}
              step={step}
              {...(eventEnd === null ? {} : { eventEnd })}
              locale={locale}
              reducedMotion={reducedMotion}
              onSelectObject={(id) => {
                const loc = objectRecord(trace.objects, id)?.loc;
                if (loc && (loc.side === 'cpp' || loc.side === 'codon')) ui.revealLine(loc.side, loc.line);
              }}
            />
          </Suspense>
        ) : (
          <p className="panel__empty">{t('player.no-run')}</p>
        )}
      </ErrorBoundary>
    </section>
  );
}
