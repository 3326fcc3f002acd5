// A lesson: its MDX text beside the player on wide screens, the player inside the card that opened it on
// narrow ones. The page decides which program the player holds (the link's, else the first Playground),
// keeps the lesson's questions and exercises in a registry, and records progress. "Print handout" (or the
// lesson's address with `#handout`) shows the printable handout instead, loaded only then.
import { MDXProvider } from '@mdx-js/react';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { translate } from '../../i18n';
import { mdxComponents } from '../../mdx/components';
import { hasUnkeptLinkEdits } from '../store/code-slice';
import { usePlayer, usePlayerStore, useT } from '../context';
import {
  findLessonEntry,
  lessons,
  loadLessonText,
  loadProgram,
  localized,
  type LessonProgram,
  type LoadedText,
} from '../course/course';
import { allTasksDone, progressMark } from '../course/progress';
import { lastStep } from '../player/stepping';
import { handoutAddress, isHandoutAddress } from '../print/handout-link';
import '../print/lesson.css';
import { PlayerView } from '../playground/PlayerView';
import type { ResolvedTheme } from '../playground/theme';
import { hrefOf } from '../site/routes';
import { useSite } from '../site/SiteContext';
import type { LinkState } from '../url/link';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { usePageLayout } from '../ui/hooks';
import { Splitter } from '../ui/Splitter';
import { useStoredFraction } from '../ui/useStoredFraction';
import {
  LessonContext,
  type LessonContextValue,
  type PlayerHost,
  type ProgramRequest,
} from './LessonContext';

const Handout = lazy(() => import('../print/Handout'));
// The full code each program card prints with plain Ctrl+P: loaded after the lesson, not before its paint.
const PrintCode = lazy(() => import('../print/PrintCode').then((m) => ({ default: m.PrintCode })));

export interface LessonPageProps {
  lessonId: string;
  /** The link the page was opened with, when it names this lesson (used once). */
  link: LinkState | null;
  onLinkProblem: (program: string) => void;
  theme: ResolvedTheme;
  reducedMotion: boolean;
  onHelp: () => void;
  shareUrl: () => string | null;
}

export function LessonPage(props: LessonPageProps) {
  const { lessonId } = props;
  const t = useT();
  const locale = usePlayer((s) => s.locale);
  const key = `${lessonId}:${locale}`;
  const [text, setText] = useState<{
    key: string;
    lessonId: string;
    loaded: LoadedText | null;
    error: string | null;
  } | null>(null);
  useEffect(() => {
    let live = true;
    loadLessonText(lessonId, locale).then(
      (loaded) => live && setText({ key, lessonId, loaded, error: null }),
      (e: unknown) =>
        live && setText({ key, lessonId, loaded: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [lessonId, locale, key]);

  // Another language of the same lesson keeps the current text on screen until it has loaded.
  if (!text || text.lessonId !== lessonId || (text.key !== key && !text.loaded))
    return <p className="page-loading">{t('site.loading')}</p>;
  if (text.error) return <p role="alert">{t('site.load-failed', { message: text.error })}</p>;
  if (!text.loaded) return <p role="alert">{t('site.not-found', { id: lessonId })}</p>;
  return <LessonBody {...props} text={text.loaded} />;
}

function LessonBody({
  lessonId,
  text,
  link,
  onLinkProblem,
  theme,
  reducedMotion,
  onHelp,
  shareUrl,
}: LessonPageProps & { text: LoadedText }) {
  const t = useT();
  const store = usePlayerStore();
  // A lesson page lives in the site (embeds show a playground, not a lesson page).
  const site = useSite() as NonNullable<ReturnType<typeof useSite>>;
  const locale = usePlayer((s) => s.locale);
  const layout = usePageLayout();
  const [lessonWidth, setLessonWidth] = useStoredFraction('lesson', 0.3);

  const [hosts, setHosts] = useState<ReadonlyMap<string, PlayerHost>>(new Map());
  const [predictIds, setPredictIds] = useState<string[]>([]);
  const [exercises, setExercises] = useState<string[]>([]);
  const [pendingSlot, setPendingSlot] = useState<HTMLElement | null>(null);
  const [chosenHost, setActiveHost] = useState<string | null>(null);
  // The card the player belongs to. When the text is re-rendered (another language), its cards are new:
  // the one showing the program the player holds takes over, without reloading anything.
  const held = usePlayer(
    useShallow((s) => ({
      lessonId: s.lessonId,
      programId: s.programId,
      target: s.target,
      leftover: s.leftover,
    })),
  );
  const activeHost = useMemo(() => {
    if (chosenHost === null || hosts.has(chosenHost)) return chosenHost;
    if (held.lessonId !== lessonId) return null;
    const all = [...hosts.values()].filter((h) => h.request.programId === held.programId);
    const same = all.find(
      (h) =>
        (h.request.target ?? 'x86_64') === held.target &&
        (h.request.leftover ?? 'runtime-data') === held.leftover,
    );
    return (same ?? all[0])?.key ?? null;
  }, [chosenHost, hosts, held, lessonId]);
  const pendingLink = useRef(link);

  // The handout: shown instead of the lesson while the address asks for it (Back and Forward included).
  const [handout, setHandout] = useState<{ autoPrint: boolean; pushed: boolean } | null>(() =>
    isHandoutAddress(location.search, location.hash) ? { autoPrint: false, pushed: false } : null,
  );
  const printButton = useRef<HTMLButtonElement>(null);
  const focusPrintButton = useRef(false);
  useEffect(() => {
    const onPop = () =>
      setHandout((h) =>
        isHandoutAddress(location.search, location.hash) ? (h ?? { autoPrint: false, pushed: false }) : null,
      );
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const openHandout = useCallback(() => {
    history.pushState(null, '', handoutAddress(location.search, location.hash, true));
    setHandout({ autoPrint: true, pushed: true });
    window.scrollTo(0, 0);
  }, []);
  const closeHandout = useCallback(() => {
    focusPrintButton.current = true;
    if (handout?.pushed && isHandoutAddress(location.search, location.hash)) {
      history.back();
      return;
    }
    history.replaceState(null, '', handoutAddress(location.search, location.hash, false));
    setHandout(null);
  }, [handout]);
  // The Ctrl+P code listings come a little after the lesson has painted, never before it.
  const [printCodeWanted, setPrintCodeWanted] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setPrintCodeWanted(true), 1500);
    return () => window.clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (handout || !focusPrintButton.current) return;
    focusPrintButton.current = false;
    printButton.current?.focus();
  }, [handout]);

  const openProgram = useCallback(
    async (request: ProgramRequest, hostKey: string): Promise<boolean> => {
      // The link applies to the first opening of its program, decided now, before anything is awaited.
      // A link without a program names the lesson's first one.
      const link = pendingLink.current;
      const linked = link && (link.program ?? request.programId) === request.programId ? link : null;
      if (linked) pendingLink.current = null;
      const before = store.getState();
      if (
        before.programId !== request.programId &&
        hasUnkeptLinkEdits(before) &&
        !window.confirm(translate(before.locale, 'player.unsaved-link-edits'))
      ) {
        return false;
      }
      const program: LessonProgram | null = await loadProgram(lessonId, request.programId);
      if (!program) return false;
      const state = store.getState();
      const target = request.target ?? 'x86_64';
      const leftover = request.leftover ?? 'runtime-data';
      if (!linked && state.lessonId === lessonId && state.programId === request.programId) {
        // The same program: switch its settings, keep the code and (through the re-run) the place.
        state.setTarget(target);
        state.setLeftover(leftover);
      } else {
        state.loadProgram({
          lessonId,
          programId: request.programId,
          lessonCode: program.code,
          target: linked?.target ?? target,
          leftover: linked?.leftover ?? leftover,
          ...(linked?.code ? { linkCode: linked.code } : {}),
          ...(linked?.step !== undefined ? { step: linked.step } : {}),
        });
      }
      setActiveHost(hostKey);
      return true;
    },
    [lessonId, store],
  );

  const registerHost = useCallback((host: PlayerHost) => {
    setHosts((map) => new Map(map).set(host.key, host));
    return () =>
      setHosts((map) => {
        const next = new Map(map);
        next.delete(host.key);
        return next;
      });
  }, []);
  const registerQuestion = useCallback((id: string) => {
    setPredictIds((list) => (list.includes(id) ? list : [...list, id]));
    return () => setPredictIds((list) => list.filter((p) => p !== id));
  }, []);
  const registerExercise = useCallback((programId: string) => {
    setExercises((list) => (list.includes(programId) ? list : [...list, programId]));
    return () => setExercises((list) => list.filter((p) => p !== programId));
  }, []);
  const loadLessonProgram = useCallback((programId: string) => loadProgram(lessonId, programId), [lessonId]);

  // When the lesson opens: the link's program, else the first Playground of the text (once: the cards
  // register one by one, and a second opening racing the first would undo the link's settings).
  const opening = useRef(false);
  useEffect(() => {
    if (opening.current || (activeHost !== null && hosts.has(activeHost))) return;
    const all = [...hosts.values()];
    if (all.length === 0) return;
    const wanted = pendingLink.current;
    let host = wanted?.program
      ? (all.find(
          (h) =>
            h.request.programId === wanted.program &&
            (h.request.target ?? 'x86_64') === (wanted.target ?? 'x86_64') &&
            (h.request.leftover ?? 'runtime-data') === (wanted.leftover ?? 'runtime-data'),
        ) ?? all.find((h) => h.request.programId === wanted.program))
      : undefined;
    if (wanted?.program && !host) {
      onLinkProblem(wanted.program);
      pendingLink.current = null;
    }
    host ??= all.find((h) => h.kind === 'playground') ?? all[0];
    if (!host) return;
    opening.current = true;
    void openProgram(host.request, host.key).finally(() => {
      opening.current = false;
    });
  }, [hosts, activeHost, openProgram, onLinkProblem]);

  // Progress: visited now; a run stepped to its end; done once every question and exercise is.
  const progress = site.progress;
  useEffect(() => progress.getState().visit(lessonId), [progress, lessonId]);
  useEffect(() => {
    return store.subscribe((s) => {
      if (s.lessonId === lessonId && s.trace && s.step >= lastStep(s.trace) && s.eventEnd === null) {
        progress.getState().reachEnd(lessonId);
      }
    });
  }, [progress, store, lessonId]);
  const lessonProgress = useStore(site.progress, (s) => s.lessons[lessonId]);
  const playgroundCount = useMemo(
    () => [...hosts.values()].filter((h) => h.kind === 'playground').length,
    [hosts],
  );
  useEffect(() => {
    if (progressMark(lessonProgress) === 'done') return;
    if (predictIds.length + exercises.length + playgroundCount === 0) return;
    if (allTasksDone(lessonProgress, { predicts: predictIds, exercises, playgrounds: playgroundCount })) {
      progress.getState().markDone(lessonId);
    }
  }, [progress, lessonProgress, predictIds, exercises, playgroundCount, lessonId]);

  const context: LessonContextValue = useMemo(
    () => ({
      lessonId,
      textLocale: text.locale,
      activeHost,
      openProgram,
      registerHost,
      registerQuestion,
      registerExercise,
      loadProgram: loadLessonProgram,
      pendingSlot,
    }),
    [
      lessonId,
      text.locale,
      activeHost,
      openProgram,
      registerHost,
      registerQuestion,
      registerExercise,
      loadLessonProgram,
      pendingSlot,
    ],
  );

  const host = activeHost ? hosts.get(activeHost) : undefined;
  const programId = usePlayer((s) => s.programId);
  const [programTitle, setProgramTitle] = useState('');
  useEffect(() => {
    let live = true;
    if (programId)
      loadProgram(lessonId, programId).then(
        (p) => live && setProgramTitle(p?.title ? localized(p.title, locale) : programId),
      );
    return () => {
      live = false;
    };
  }, [lessonId, programId, locale]);

  const player = host ? (
    <PlayerView
      title={programTitle}
      layout={layout}
      theme={theme}
      reducedMotion={reducedMotion}
      instanceId="site"
      {...(host.focus ? { focus: host.focus } : {})}
      shareUrl={shareUrl}
      onHelp={onHelp}
      pendingRef={setPendingSlot}
    />
  ) : null;
  const entry = findLessonEntry(lessonId);
  const index = lessons.findIndex((l) => l.id === lessonId);
  const previous = lessons[index - 1];
  const next = lessons[index + 1];
  const done = progressMark(lessonProgress) === 'done';

  if (handout) {
    return (
      <ErrorBoundary name={`handout ${lessonId}`} locale={locale}>
        <Suspense fallback={<p className="page-loading">{t('site.loading')}</p>}>
          <Handout
            Content={text.Content}
            lessonId={lessonId}
            textLocale={text.locale}
            lessonNumber={entry ? index + 1 : null}
            autoPrint={handout.autoPrint}
            onBack={closeHandout}
          />
        </Suspense>
      </ErrorBoundary>
    );
  }

  const wide = layout === 'wide' && player !== null;
  const article = (
    <article className="lesson" aria-labelledby="lesson-title" lang={text.locale === 'zh' ? 'zh-CN' : 'en'}>
      <div className="lesson__top">
        {entry && (
          <p className="lesson__number" id="lesson-title-prefix">
            {t('course.lesson-n', { n: index + 1 })}
          </p>
        )}
        <button type="button" ref={printButton} className="lesson__print" onClick={openHandout}>
          {t('print.handout')}
        </button>
      </div>
      {text.locale !== locale && <p className="notice notice--warning">{t('site.no-translation')}</p>}
      <ErrorBoundary name={`lesson ${lessonId}`} locale={locale}>
        <MDXProvider components={{ ...mdxComponents, h1: LessonTitle }}>
          <text.Content />
        </MDXProvider>
      </ErrorBoundary>
      <footer className="lesson__footer">
        {!done && (
          <button type="button" onClick={() => site.progress.getState().markDone(lessonId)}>
            {t('course.mark-done')}
          </button>
        )}
        {done && <p className="lesson__done">✓ {t('course.marked-done')}</p>}
        <nav className="lesson__nav" aria-label={t('site.course')}>
          {previous && (
            <a href={hrefOf({ kind: 'lesson', id: previous.id })} onClick={navigateTo(site, previous.id)}>
              ← {t('course.previous', { title: localized(previous.title, locale) })}
            </a>
          )}
          {next && (
            <a
              href={hrefOf({ kind: 'lesson', id: next.id })}
              onClick={navigateTo(site, next.id)}
              className="lesson__next"
            >
              {t('course.next', { title: localized(next.title, locale) })} →
            </a>
          )}
        </nav>
      </footer>
    </article>
  );

  return (
    <LessonContext.Provider value={context}>
      {/* The text keeps its place in the tree in every layout: moving it would remount the lesson. */}
      <div
        className={`lesson-layout ${wide ? 'lesson-layout--wide' : 'lesson-layout--single'}`}
        style={wide ? { gridTemplateColumns: `${lessonWidth * 100}% auto minmax(0, 1fr)` } : undefined}
      >
        <div className="lesson-layout__text">{article}</div>
        {wide && (
          <Splitter
            orientation="vertical"
            value={lessonWidth}
            onChange={setLessonWidth}
            label={t('player.resize-lesson')}
            min={0.25}
            max={0.6}
          />
        )}
        {wide && <div className="lesson-layout__player">{player}</div>}
        {!wide && player && host?.slot ? createPortal(player, host.slot) : null}
        {[...hosts.values()].map((h) =>
          printCodeWanted && h.kind !== 'predict' && h.slot
            ? createPortal(
                <Suspense fallback={null}>
                  <PrintCode lessonId={lessonId} programId={h.request.programId} />
                </Suspense>,
                h.slot,
                `print:${h.key}`,
              )
            : null,
        )}
      </div>
    </LessonContext.Provider>
  );
}

/** The lesson's `# Title`, the page's one h1. */
function LessonTitle({ children }: { children?: ReactNode }) {
  // `elementtiming`: the UI benchmark measures when the lesson's title is painted (Element Timing API).
  return (
    <h1 id="lesson-title" {...{ elementtiming: 'lesson-title' }}>
      {children}
    </h1>
  );
}

function navigateTo(site: ReturnType<typeof useSite>, id: string) {
  return (event: { preventDefault(): void; button: number; metaKey: boolean; ctrlKey: boolean }) => {
    if (!site || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    site.navigate({ kind: 'lesson', id });
  };
}
