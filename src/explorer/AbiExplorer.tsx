// The ABI explorer widget: two fields (the return type, optional definitions), a row of examples,
// located messages for bad input, and the report for x86-64 and AArch64. The analysis runs a
// moment after the learner stops typing; the last good report stays on screen while the input is
// wrong. Every fact shown comes from the simulator (model.ts).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import './explorer.css';
import { EXAMPLES } from './examples.ts';
import { ExplorerReport } from './ExplorerReport.tsx';
import { Inline } from './Inline.tsx';
import { analyse, type Analysis, type ExplorerInput, type Problem, type Report } from './model.ts';
import { STRINGS, type ExplorerStrings, type Locale } from './text.ts';

export interface AbiExplorerProps {
  /** The type shown first (the lesson's tag passes it); `std::array<double, 4>` when absent. */
  initialType?: string;
  /** Definitions shown first, if the initial type needs any. */
  initialDefinitions?: string;
  locale: Locale;
}

/** How long typing must pause before the type is read again (ms). */
export const DEBOUNCE_MS = 180;

interface Shown {
  /** The report on screen: the latest one that worked. */
  report: Report | null;
  /** What is wrong with the current input (empty when the report is current). */
  problems: Problem[];
}

function shownFrom(a: Analysis, previous: Report | null): Shown {
  return a.ok ? { report: a.report, problems: [] } : { report: previous, problems: a.problems };
}

/** One line for the live region: the type and where it comes back on each machine. */
function headline(report: Report, s: ExplorerStrings): string {
  const parts = Object.values(report.targets).map((o) =>
    o.ok ? s.headlinePart(s.targetName[o.view.target], s.shortRoute(o.view.route)) : null,
  );
  return s.headline(
    `\`${report.typeName}\``,
    parts.filter((p): p is string => p !== null),
  );
}

/** The field's text with the problem's columns marked, for the eye (the message says the same in words). */
function Excerpt({ text, problem }: { text: string; problem: Problem }) {
  const line = text.split('\n')[problem.line - 1] ?? '';
  const from = Math.min(problem.column - 1, line.length);
  const to = Math.max(from + 1, Math.min(problem.endColumn - 1, line.length + 1));
  return (
    <pre className="abi-explorer__excerpt" aria-hidden="true">
      <code>{line || ' '}</code>
      {'\n'}
      <span className="abi-explorer__caret">{' '.repeat(from) + '^'.repeat(Math.max(1, to - from))}</span>
    </pre>
  );
}

export function AbiExplorer({ initialType, initialDefinitions = '', locale }: AbiExplorerProps) {
  const s = STRINGS[locale];
  const id = useId();
  const [input, setInput] = useState<ExplorerInput>(() => ({
    type: initialType ?? 'std::array<double, 4>',
    definitions: initialDefinitions,
  }));
  const [shown, setShown] = useState<Shown>(() => shownFrom(analyse(input), null));
  const [pending, setPending] = useState(false);
  const analysed = useRef<ExplorerInput>(input);

  useEffect(() => {
    if (analysed.current === input) return;
    setPending(true);
    const timer = window.setTimeout(() => {
      analysed.current = input;
      setShown((prev) => shownFrom(analyse(input), prev.report));
      setPending(false);
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [input]);

  const pick = (e: ExplorerInput) => {
    // A click is one deliberate change: answer at once, no debounce.
    const next = { type: e.type, definitions: e.definitions };
    analysed.current = next;
    setInput(next);
    setShown((prev) => shownFrom(analyse(next), prev.report));
    setPending(false);
  };

  const typeProblems = shown.problems.filter((p) => p.field === 'type');
  const defProblems = shown.problems.filter((p) => p.field === 'definitions');
  const current = useMemo(
    () => EXAMPLES.find((e) => e.type === input.type.trim() && e.definitions === input.definitions.trim()),
    [input],
  );
  const ids = {
    title: `${id}-title`,
    type: `${id}-type`,
    typeHint: `${id}-type-hint`,
    defs: `${id}-defs`,
    defsHint: `${id}-defs-hint`,
    status: `${id}-status`,
    examples: `${id}-examples`,
  };

  return (
    <section
      className="abi-explorer"
      aria-labelledby={ids.title}
      lang={locale === 'zh' ? 'zh-CN' : 'en'}
      data-testid="abi-explorer"
    >
      <h3 id={ids.title} className="abi-explorer__title">
        {s.title}
      </h3>
      <p className="abi-explorer__intro">{s.intro}</p>
      <div className="abi-explorer__fields">
        <div className="abi-explorer__field">
          <label htmlFor={ids.type}>{s.typeLabel}</label>
          <input
            id={ids.type}
            className="abi-explorer__type"
            type="text"
            value={input.type}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            aria-invalid={typeProblems.length > 0}
            aria-describedby={`${ids.typeHint} ${ids.status}`}
            onChange={(e) => setInput((prev) => ({ ...prev, type: e.target.value }))}
          />
          <p id={ids.typeHint} className="abi-explorer__hint">
            {s.typeHint}
          </p>
        </div>
        <div className="abi-explorer__field">
          <label htmlFor={ids.defs}>{s.definitionsLabel}</label>
          <textarea
            id={ids.defs}
            className="abi-explorer__defs"
            rows={Math.min(8, Math.max(2, input.definitions.split('\n').length))}
            value={input.definitions}
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            aria-invalid={defProblems.length > 0}
            aria-describedby={`${ids.defsHint} ${ids.status}`}
            onChange={(e) => setInput((prev) => ({ ...prev, definitions: e.target.value }))}
          />
          <p id={ids.defsHint} className="abi-explorer__hint">
            {s.definitionsHint}
          </p>
        </div>
      </div>
      <div id={ids.status} className="abi-explorer__status" role="status" aria-live="polite">
        {!pending && shown.report && shown.problems.length === 0 && (
          <p className="abi-explorer__headline">
            <Inline text={headline(shown.report, s)} />
          </p>
        )}
        {!pending &&
          shown.problems.map((p, i) => (
            <div key={i} className="abi-explorer__problem">
              <p>
                <strong>{s.where(p)}</strong>
                {locale === 'en' ? ' ' : ''}
                <Inline text={s.problem(p)} />
              </p>
              <Excerpt text={p.field === 'type' ? input.type : input.definitions} problem={p} />
            </div>
          ))}
        {!pending && shown.problems.length > 0 && shown.report && (
          <p className="abi-explorer__stale-note">
            <Inline text={s.lastGood(`\`${shown.report.typeName}\``)} />
          </p>
        )}
      </div>
      {pending && (
        <p className="abi-explorer__pending" aria-hidden="true">
          {s.working}
        </p>
      )}
      <div className="abi-explorer__examples" role="group" aria-labelledby={ids.examples}>
        <span id={ids.examples} className="abi-explorer__examples-label">
          {s.examples}
        </span>
        {EXAMPLES.map((e) => (
          <button
            key={e.label}
            type="button"
            className="abi-explorer__example"
            aria-pressed={current === e}
            title={s.exampleTitle(e.label)}
            onClick={() => pick(e)}
          >
            <code>{e.label}</code>
          </button>
        ))}
      </div>
      {shown.report && (
        <div className={shown.problems.length > 0 ? 'abi-explorer__result is-stale' : 'abi-explorer__result'}>
          <ExplorerReport report={shown.report} s={s} />
        </div>
      )}
    </section>
  );
}

export default AbiExplorer;
