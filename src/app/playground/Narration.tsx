// The narration of the current step: one sentence from the trace in the page's language, spoken through a
// polite live region, with the source line it is about; when stepping by machine event, the event too.
import { useShallow } from 'zustand/shallow';
import { usePlayer, useT } from '../context';
import { eventNarration, stepNarration } from '../player/narration';
import { eventRange } from '../player/stepping';
import { lineAt, sideAt } from '../player/trace-index';
import { stepCount } from '../../sim/trace/reader.ts';

export function Narration() {
  const t = useT();
  const { trace, step, eventEnd, locale, fileNames, runCode } = usePlayer(
    useShallow((s) => ({
      trace: s.trace,
      step: s.step,
      eventEnd: s.eventEnd,
      locale: s.locale,
      fileNames: s.fileNames,
      runCode: s.traceInput?.code ?? null,
    })),
  );
  if (!trace || stepCount(trace) === 0) {
    return (
      <div className="narration">
        <p role="status" aria-live="polite" className="narration__text" data-testid="narration" />
      </div>
    );
  }
  const side = sideAt(trace, step);
  const line = lineAt(trace, step);
  const source = side === 'cpp' || side === 'codon' ? (runCode?.[side].split('\n')[line - 1] ?? '') : '';
  const sentence = stepNarration(trace, step, locale);
  let detail = '';
  if (eventEnd !== null) {
    const { start, end } = eventRange(trace, step);
    detail =
      eventEnd === start
        ? t('narration.before-events', { n: end - start })
        : eventNarration(trace, eventEnd - 1, t, locale);
  }
  return (
    <div className="narration">
      {source.trim() !== '' && (
        <p className="narration__source">
          <span className={`side-chip side-chip--${side}`}>
            {side === 'cpp' ? fileNames.cpp : fileNames.codon}:{line}
          </span>
          <code>{source.trim()}</code>
        </p>
      )}
      <p role="status" aria-live="polite" className="narration__text" data-testid="narration">
        {sentence}
        {detail && <span className="narration__event"> {detail}</span>}
      </p>
    </div>
  );
}
