// The printable handout of a lesson (issue 8): the lesson's text with every widget in its paper form,
// the full code of each program, the machine at the key steps of each run (drawn from real runs on the
// simulator's worker), the answers to the questions, the terms used and the key to the diagrams. It is
// loaded only when asked for: by the lesson's "Print handout" button or by its own address.
import { MDXProvider } from '@mdx-js/react';
import type { MDXContent } from 'mdx/types';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { usePlayer } from '../context';
import { loadGlossary, loadProgram, type GlossaryEntry } from '../course/course';
import { FocusKey } from '../diagram/FocusKey';
import type { FocusMark } from '../diagram/focus';
import diagramCss from '../diagram/diagram.css?raw';
import { createSimRunner, type Runner } from '../run/runner';
import { encodeLink } from '../url/link';
import type { Locale } from '../store/types';
import { handoutComponents } from './components';
import { useHandoutT } from './strings';
import { HandoutContext, type HandoutAnswer, type HandoutContextValue } from './context';
import { lightDiagramRule } from './palette';
import { Pending } from './Playground';
import { HandoutRegistry } from './registry';
import { RunPool, runKey, type HandoutRun } from './run-pool';
import './print.css';

export interface HandoutProps {
  Content: MDXContent;
  lessonId: string;
  /** The language the lesson text is in. */
  textLocale: Locale;
  /** The lesson's number in the course, if it is in the course. */
  lessonNumber: number | null;
  /** Open the print dialog as soon as the handout is ready. */
  autoPrint: boolean;
  onBack: () => void;
}

const LIGHT_DIAGRAMS = lightDiagramRule(diagramCss, '.handout');

export default function Handout({
  Content,
  lessonId,
  textLocale,
  lessonNumber,
  autoPrint,
  onBack,
}: HandoutProps) {
  const t = useHandoutT();
  const locale = usePlayer((s) => s.locale);
  const root = useRef<HTMLDivElement>(null);

  // One worker for the handout's runs, started with the first run and stopped when the handout closes.
  const runner = useRef<Runner | null>(null);
  useEffect(
    () => () => {
      runner.current?.dispose();
      runner.current = null;
    },
    [],
  );
  const pool = useMemo(() => new RunPool((input) => (runner.current ??= createSimRunner()).run(input)), []);
  const registry = useMemo(() => new HandoutRegistry(), []);
  const run = useCallback(
    (r: HandoutRun) =>
      pool.get(runKey(r), async () => {
        const program = await loadProgram(lessonId, r.programId);
        if (!program) throw new Error(t('mdx.unknown-program', { program: r.programId }));
        return { cpp: program.code.cpp, codon: program.code.codon, target: r.target, leftover: r.leftover };
      }),
    [pool, lessonId, t],
  );

  const [answers, setAnswers] = useState<HandoutAnswer[]>([]);
  const registerQuestion = useCallback((answer: HandoutAnswer) => {
    setAnswers((list) => [...list.filter((a) => a.id !== answer.id), answer]);
    return () => setAnswers((list) => list.filter((a) => a !== answer));
  }, []);
  const [terms, setTerms] = useState<string[]>([]);
  const registerTerm = useCallback((id: string) => {
    setTerms((list) => [...list, id]);
    return () =>
      setTerms((list) => {
        const at = list.indexOf(id);
        return at < 0 ? list : [...list.slice(0, at), ...list.slice(at + 1)];
      });
  }, []);
  const questions = useMemo(() => answers.map((a) => a.id), [answers]);
  // The marks of every printed picture: the key describes exactly these.
  const [figureMarks, setFigureMarks] = useState<(readonly FocusMark[])[]>([]);
  const registerMarks = useCallback((marks: readonly FocusMark[]) => {
    setFigureMarks((list) => [...list, marks]);
    return () => setFigureMarks((list) => list.filter((m) => m !== marks));
  }, []);
  const keyMarks = useMemo(() => [...new Set(figureMarks.flat())], [figureMarks]);

  const context: HandoutContextValue = useMemo(
    () => ({
      lessonId,
      locale,
      loadProgram: (programId: string) => loadProgram(lessonId, programId),
      run,
      registry,
      questions,
      registerQuestion,
      registerTerm,
      registerMarks,
    }),
    [lessonId, locale, run, registry, questions, registerQuestion, registerTerm, registerMarks],
  );
  // The text renders once; the widgets follow the handout through its context.
  const content = useMemo(
    () => (
      <MDXProvider components={handoutComponents}>
        <Content />
      </MDXProvider>
    ),
    [Content],
  );

  const ready = useReady(root, `${textLocale}:${locale}`);
  const printed = useRef(false);
  useEffect(() => {
    if (!ready) return;
    // Everything prints: the key to the diagrams and any other folded-away part.
    root.current?.querySelectorAll('details').forEach((d) => (d.open = true));
    if (autoPrint && !printed.current) {
      printed.current = true;
      window.print();
    }
  }, [ready, autoPrint]);

  // Focus the handout when it opens, so a keyboard user starts at its toolbar.
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);

  const search = new URLSearchParams(
    encodeLink({ lesson: lessonId, ...(locale === 'zh' ? { locale } : {}) }),
  );
  const address = `${location.origin}${location.pathname}?${search.toString()}`;
  const lang = textLocale === 'zh' ? 'zh-CN' : 'en';
  return (
    <div className="handout" ref={root} data-ready={ready ? 'true' : 'false'} data-testid="handout">
      <style>{LIGHT_DIAGRAMS}</style>
      <div className="handout__bar" role="region" aria-label={t('print.toolbar')}>
        <button type="button" ref={back} onClick={onBack}>
          ← {t('print.back')}
        </button>
        <button type="button" onClick={() => window.print()} disabled={!ready}>
          {t('print.print')}
        </button>
        <p className="handout__status" role="status">
          {ready ? t('print.ready') : t('print.preparing')}
        </p>
      </div>
      <article className="handout__page lesson" aria-labelledby="handout-title" lang={lang}>
        <p className="handout__head">
          {t('print.heading', { site: t('site.name') })}
          {lessonNumber !== null && ` · ${t('course.lesson-n', { n: lessonNumber })}`}
        </p>
        <HandoutContext.Provider value={context}>{content}</HandoutContext.Provider>
        {answers.length > 0 && (
          <section className="hd-answers" aria-labelledby="handout-answers">
            <h2 id="handout-answers">{t('print.answers')}</h2>
            {answers.map((a, i) => (
              <div key={a.id} className="hd-answer" data-question={a.id}>
                <p>
                  <strong>{t('print.question', { n: i + 1 })}.</strong> {t('print.answer.right')}{' '}
                  {a.right.map((r, j) => (
                    <span key={j} className="hd-answer__right">
                      {j > 0 ? ' / ' : ''}
                      {r}
                    </span>
                  ))}
                </p>
                {a.explain}
              </div>
            ))}
          </section>
        )}
        {terms.length > 0 && <Terms ids={terms} locale={locale} />}
        {keyMarks.length > 0 && (
          <section className="hd-key" aria-labelledby="handout-key">
            <h2 id="handout-key">{t('print.key')}</h2>
            <div className="mdiag hd-diagram">
              <FocusKey marks={keyMarks} locale={locale} />
            </div>
          </section>
        )}
        <footer className="handout__foot">
          <p>{t('print.real-runs')}</p>
          <p>{t('print.online', { url: address })}</p>
        </footer>
      </article>
    </div>
  );
}

/** The glossary entries of the terms the lesson uses, in the page's language. */
function Terms({ ids, locale }: { ids: readonly string[]; locale: Locale }) {
  const t = useHandoutT();
  const [entries, setEntries] = useState<{ locale: Locale; list: GlossaryEntry[] } | null>(null);
  useEffect(() => {
    let live = true;
    loadGlossary(locale).then((list) => live && setEntries({ locale, list }));
    return () => {
      live = false;
    };
  }, [locale]);
  const used = [...new Set(ids)];
  return (
    <section className="hd-terms" aria-labelledby="handout-terms">
      <h2 id="handout-terms">{t('print.terms')}</h2>
      {!entries || entries.locale !== locale ? (
        <Pending>{t('site.loading')}</Pending>
      ) : (
        <dl>
          {used.map((id) => {
            const entry = entries.list.find((e) => e.id === id);
            return entry ? (
              <div key={id} className="hd-terms__entry">
                <dt>{entry.term}</dt>
                <dd>{entry.definition}</dd>
              </div>
            ) : null;
          })}
        </dl>
      )}
    </section>
  );
}

/**
 * True once nothing in the handout is loading any more (no run, program or widget left waiting) and the
 * fonts are in: then it prints as it looks.
 */
function useReady(root: RefObject<HTMLElement | null>, key: string): boolean {
  // Ready for one text: another language is another text to wait for.
  const [readyFor, setReadyFor] = useState<string | null>(null);
  const ready = readyFor === key;
  useEffect(() => {
    if (ready) return;
    let live = true;
    let frame = 0;
    const check = () => {
      const el = root.current;
      if (el && el.querySelector('[data-handout-loading], .abi-explorer-loading') === null) {
        void document.fonts.ready.then(() => live && setReadyFor(key));
        return;
      }
      frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => {
      live = false;
      cancelAnimationFrame(frame);
    };
  }, [ready, root, key]);
  return ready;
}
