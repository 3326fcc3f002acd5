// What the program printed up to the current step, and, at the end, how the run ended. A value the
// simulator marks indeterminate (it depends on bytes the simulator invents: docs/SIMULATOR.md,
// "Indeterminate output") is underlined with dots and says so, in a tooltip and to a screen reader.
import type { CSSProperties } from 'react';
import { useShallow } from 'zustand/shallow';
import { formatMessage, indeterminateText } from '../../sim/messages/format';
import { stdoutPieces } from '../../sim/trace/indeterminate';
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
  // The marks cover the whole run's stdout; the text so far is a prefix of it.
  const pieces = stdoutPieces(stdout, trace?.stdoutIndeterminate);
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
        <pre className="output-panel__text">
          {pieces.map((p, i) => {
            if (p.kind === 'text') return p.text;
            const why = indeterminateText(p.span, locale);
            return (
              <span
                key={i}
                className="output-panel__indeterminate"
                data-testid="output-indeterminate"
                title={why}
                tabIndex={0}
                style={INDETERMINATE_STYLE}
              >
                {p.text || '\u2026'}
                <span className="sr-only"> ({why})</span>
              </span>
            );
          })}
        </pre>
      ) : (
        <p className="panel__empty">{t('output.empty')}</p>
      )}
      {outcome && (
        <p className={`output-panel__outcome output-panel__outcome--${trace?.outcome}`}>{outcome}</p>
      )}
    </section>
  );
}

/** Inline, so the panel's one file carries the whole change (the stylesheet belongs to the layout work). */
const INDETERMINATE_STYLE: CSSProperties = {
  textDecorationLine: 'underline',
  textDecorationStyle: 'dotted',
  textDecorationThickness: '2px',
  textUnderlineOffset: '0.25em',
  // A faint tint too: a one-character value's dotted underline alone is two dots.
  backgroundColor: 'color-mix(in srgb, currentColor 10%, transparent)',
  borderRadius: '2px',
  cursor: 'help',
};
