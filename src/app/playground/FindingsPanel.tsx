// The run's diagnostics, findings and crash, each a button that jumps to its step and its line.
import { useShallow } from 'zustand/shallow';
import { formatMessage } from '../../sim/messages/format';
import { diagnosticText } from '../../sim/diag.ts';
import { usePlayer, usePlayerStore, usePlayerUi, useT } from '../context';
import { isTraceCurrent } from '../store/selectors';
import type { CodeSide } from '../store/types';
import { stepCount } from '../../sim/trace/reader.ts';
import { diagnosticGroups, findingGroups, type StrayStore } from '../../sim/view/findings.ts';
import { hexAddr } from '../../sim/view/format.ts';
import { SubsetLink } from './SubsetLink';

interface Item {
  key: string;
  kind: 'error' | 'warning' | 'note' | 'finding' | 'crash' | 'runtime-error';
  side: CodeSide | null;
  line: number;
  step: number | null;
  message: string;
  count: number;
  findingKind?: string;
  /** A stray write's stores, when it made more than one. */
  stores?: StrayStore[];
  span?: { addr: number; len: number } | null;
  /** A construct the simulator does not model: links to the page "What you can write here". */
  notModelled?: boolean;
}

export interface FindingsPanelProps {
  /**
   * The focus view's compact list: a stray write's stores fold under their one-line summary (opened with
   * a click or Enter), so every finding of the run shows whole on one screen.
   */
  compact?: boolean;
}

export function FindingsPanel({ compact = false }: FindingsPanelProps) {
  const t = useT();
  const store = usePlayerStore();
  const ui = usePlayerUi();
  const { verdict, trace, current, locale, fileNames } = usePlayer(
    useShallow((s) => ({
      verdict: s.verdict,
      trace: s.trace,
      current: isTraceCurrent(s),
      locale: s.locale,
      fileNames: s.fileNames,
    })),
  );
  const items: Item[] = [];
  const sideOfFile = (file: string): CodeSide | null =>
    file === fileNames.cpp ? 'cpp' : file === fileNames.codon ? 'codon' : null;
  // The same diagnostic on one line is told once (indexing a None four times is one mistake).
  diagnosticGroups(verdict?.diagnostics ?? []).forEach(({ diagnostic: d, count }, i) =>
    items.push({
      key: `d${i}`,
      kind: d.severity,
      side: sideOfFile(d.file),
      line: d.line,
      step: null,
      message: diagnosticText(d, locale),
      count,
      notModelled: d.kind === 'not-modelled',
    }),
  );
  if (trace && current) {
    if (trace.crash) {
      items.push({
        key: 'crash',
        kind: 'crash',
        side: trace.crash.side === 'runtime' ? null : trace.crash.side,
        line: trace.crash.line,
        step: trace.crash.step,
        message: `${trace.crash.signal}: ${formatMessage(trace.crash.message, locale)}`,
        count: 1,
      });
    }
    if (trace.error) {
      items.push({
        key: 'error',
        kind: 'runtime-error',
        side: trace.error.side === 'runtime' ? null : trace.error.side,
        line: trace.error.line,
        step: stepCount(trace) - 1,
        message: `${trace.error.type}: ${trace.error.message}`,
        count: 1,
        notModelled: trace.error.type === 'SimulatorError',
      });
    }
    // One item per mistake: a stray write's stores are listed inside it.
    findingGroups(trace).forEach((g, i) =>
      items.push({
        key: `f${i}`,
        kind: 'finding',
        side: g.side === 'runtime' ? null : g.side,
        line: g.line,
        step: g.step,
        message: formatMessage(g.message, locale),
        count: g.count,
        findingKind: g.kind,
        stores: g.stores.length > 1 ? g.stores : undefined,
        span: g.span,
      }),
    );
  }
  const jump = (item: Item) => {
    if (item.step !== null) store.getState().goTo({ step: item.step, eventEnd: null });
    if (item.side && item.line > 0) ui.revealLine(item.side, item.line);
  };
  return (
    <section className="panel findings-panel" aria-label={t('findings.region')} data-testid="findings">
      <h3 className="panel__title">
        {t('findings.title')}
        {items.length > 0 && <span className="panel__count">{items.length}</span>}
      </h3>
      {items.length === 0 ? (
        <p className="panel__empty">{verdict ? t('findings.none') : ''}</p>
      ) : (
        <ul className="findings-panel__list">
          {items.map((item) => {
            const file = item.side ? fileNames[item.side] : 'runtime';
            const where =
              item.step !== null
                ? t('findings.jump', { step: item.step + 1, file, line: item.line })
                : t('findings.line', { file, line: item.line });
            return (
              <li
                key={item.key}
                className={`finding finding--${item.kind}`}
                data-kind={item.findingKind ?? item.kind}
              >
                <button type="button" className="finding__button" onClick={() => jump(item)}>
                  <span className="finding__kind">
                    {t(`findings.kind.${item.kind}`)}
                    {item.findingKind && <code className="finding__id">{item.findingKind}</code>}
                  </span>
                  <span className="finding__message">{item.message}</span>
                  <span className="finding__where">
                    {where}
                    {item.count > 1 && ` · ${t('findings.count', { n: item.count })}`}
                  </span>
                </button>
                {item.stores && (
                  <details className="finding__stores" open={!compact}>
                    <summary>
                      {item.span
                        ? t('findings.stores', {
                            n: item.stores.length,
                            bytes: item.span.len,
                            from: hexAddr(item.span.addr),
                            to: hexAddr(item.span.addr + item.span.len),
                          })
                        : t('findings.count', { n: item.stores.length })}
                    </summary>
                    <ul>
                      {item.stores.map((s) => (
                        <li key={s.step}>
                          {t('findings.store', {
                            addr: hexAddr(s.addr),
                            bytes: s.len,
                            file: s.side === 'runtime' ? 'runtime' : fileNames[s.side],
                            line: s.line,
                          })}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                {item.notModelled && <SubsetLink />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
