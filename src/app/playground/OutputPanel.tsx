// What the program printed up to the current step, and, at the end, how the run ended.
import { useShallow } from 'zustand/shallow';
import { formatMessage } from '../../sim/messages/format';
import { usePlayer, useT } from '../context';
import { lastStep } from '../player/stepping';
import { stdoutAt } from '../player/trace-index';
import { stepCount } from '../../sim/trace/reader.ts';

export function OutputPanel() {
  const t = useT();
  const { trace, step, eventEnd, locale, fileNames } = usePlayer(
    useShallow((s) => ({
      trace: s.trace,
      step: s.step,
      eventEnd: s.eventEnd,
      locale: s.locale,
      fileNames: s.fileNames,
    })),
  );
  const stdout = trace ? stdoutAt(trace, step, eventEnd) : '';
  const atEnd = trace !== null && step >= lastStep(trace) && eventEnd === null;
  let outcome = '';
  if (trace && atEnd) {
    if (trace.outcome === 'ok') outcome = t('output.outcome.ok');
    else if (trace.outcome === 'crash' && trace.crash)
      outcome = `${t('output.outcome.crash', {
        signal: trace.crash.signal,
        fn: trace.crash.functionName || '?',
        file: trace.crash.side === 'cpp' ? fileNames.cpp : fileNames.codon,
        line: trace.crash.line,
      })} ${formatMessage(trace.crash.message, locale)}`;
    else if (trace.outcome === 'runtime-error' && trace.error)
      outcome = t('output.outcome.runtime-error', { type: trace.error.type, message: trace.error.message });
    else if (trace.outcome === 'step-limit')
      outcome = t('output.outcome.step-limit', { n: stepCount(trace) });
  }
  return (
    <section className="panel output-panel" aria-label={t('output.region')} data-testid="output">
      <h3 className="panel__title">{t('output.title')}</h3>
      {stdout ? (
        <pre className="output-panel__text">{stdout}</pre>
      ) : (
        <p className="panel__empty">{t('output.empty')}</p>
      )}
      {outcome && (
        <p className={`output-panel__outcome output-panel__outcome--${trace?.outcome}`}>{outcome}</p>
      )}
    </section>
  );
}
