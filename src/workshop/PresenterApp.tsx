// The presenter view (present.html): one lesson program on a projector, in the high-contrast theme with
// large type, the prose hidden. Keyboard first: the player's shortcuts, Page Up/Down for clickers, B/X
// for a bug or a fix, [ ] for the course's programs, T for the target, A for the audience layout (the
// machine and its narration only, for the room), W for the whole machine, ? for the list. The machine
// column shows the stage (Stage.tsx): what this step is about, sized to fit beside the code.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { useStore } from 'zustand';
import { createPlayerUi, PlayerContext, usePlayer, usePlayerStore, useT } from '../app/context';
import { findLessonEntry, loadDeck, loadProgram, localized, type DeckProgram } from '../app/course/course';
import { keyContextOf } from '../app/player/keyboard';
import { Controls } from '../app/playground/Controls';
import { DiagramPane } from '../app/playground/DiagramPane';
import { SignatureStrip } from '../app/playground/SignatureStrip';
import '../app/playground/focus.css';
import { EditorPane } from '../app/playground/EditorPane';
import { useShortcuts, usePlaybackClock } from '../app/playground/hooks';
import { Narration } from '../app/playground/Narration';
import { ShortcutsOverlay } from '../app/playground/ShortcutsOverlay';
import { useThemeAttribute } from '../app/playground/theme';
import { connectRunner } from '../app/run/connect';
import { createSimRunner } from '../app/run/runner';
import { createPlayerStore } from '../app/store/player-store';
import { editStore, memoryStorage } from '../app/store/storage';
import { ErrorBoundary } from '../app/ui/ErrorBoundary';
import { useAfterFirstPaint, useMediaQuery } from '../app/ui/hooks';
import { decodeLink, encodeLink } from '../app/url/link';
import { translator } from '../i18n';
import { deckStart, type DeckStart } from './deck';
import { nextOfKind, presenterCommandForKey } from './keys';

export type PresenterLayout = 'presenter' | 'audience';

export function PresenterApp({ search }: { search: string }) {
  const link = useMemo(() => decodeLink(search).state, [search]);
  // The lesson's own code, never the learner's saved edits: a talk shows what the course says.
  const [store] = useState(() =>
    createPlayerStore({
      edits: editStore(memoryStorage(), 'codon-lab:present:'),
      settings: { theme: 'contrast', ...(link.locale ? { locale: link.locale } : {}) },
    }),
  );
  const [ui] = useState(createPlayerUi);
  const [deck, setDeck] = useState<DeckProgram[]>([]);
  const [index, setIndex] = useState<number | null>(null);
  const [unknown, setUnknown] = useState<Exclude<DeckStart, { kind: 'found' }> | null>(null);
  const [layout, setLayout] = useState<PresenterLayout>(
    new URLSearchParams(search).get('layout') === 'audience' ? 'audience' : 'presenter',
  );
  const [help, setHelp] = useState(false);
  const [whole, setWhole] = useState(false);
  const locale = useStore(store, (s) => s.locale);
  const t = useMemo(() => translator(locale), [locale]);
  useThemeAttribute(document.documentElement, 'contrast');
  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);

  useEffect(() => {
    const runner = createSimRunner();
    const stop = connectRunner(store, runner);
    return () => {
      stop();
      runner.dispose();
    };
  }, [store]);

  useEffect(() => {
    let live = true;
    void loadDeck().then((all) => {
      if (!live) return;
      setDeck(all);
      const start = deckStart(all, link);
      if (start.kind === 'found') setIndex(start.index);
      else setUnknown(start);
    });
    return () => {
      live = false;
    };
  }, [link]);

  // Load the program the deck points at (the link's step and target for the first one).
  const [first, setFirst] = useState(true);
  const current = index === null ? undefined : deck[index];
  useEffect(() => {
    if (!current) return;
    let live = true;
    void loadProgram(current.lessonId, current.programId).then((program) => {
      if (!live || !program) return;
      const state = store.getState();
      state.loadProgram({
        lessonId: current.lessonId,
        programId: current.programId,
        lessonCode: program.code,
        target: first ? (link.target ?? 'x86_64') : state.target,
        ...(first && link.leftover ? { leftover: link.leftover } : {}),
        ...(first && link.step !== undefined ? { step: link.step } : {}),
      });
      setFirst(false);
      const url = `${encodeLink({ lesson: current.lessonId, program: current.programId })}${layout === 'audience' ? '&layout=audience' : ''}`;
      history.replaceState(null, '', url);
    });
    return () => {
      live = false;
    };
    // `first` and `link` only matter for the first program; layout only for the address.
  }, [current, store]); // eslint-disable-line react-hooks/exhaustive-deps

  const openHelp = useCallback(() => setHelp(true), []);
  useShortcuts(store, window, openHelp, !help);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || help) return;
      const command = presenterCommandForKey(e, keyContextOf(e.target));
      if (!command || index === null || deck.length === 0) return;
      e.preventDefault();
      const s = store.getState();
      switch (command) {
        case 'forward':
        case 'back':
          s.command(command);
          return;
        case 'bug':
          setIndex(nextOfKind(deck, index, false));
          return;
        case 'fix':
          setIndex(nextOfKind(deck, index, true));
          return;
        case 'previous':
          setIndex((index - 1 + deck.length) % deck.length);
          return;
        case 'next':
          setIndex((index + 1) % deck.length);
          return;
        case 'target':
          s.setTarget(s.target === 'x86_64' ? 'aarch64' : 'x86_64');
          return;
        case 'layout':
          setLayout((l) => (l === 'presenter' ? 'audience' : 'presenter'));
          return;
        case 'whole':
          setWhole((w) => !w);
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, deck, index, help]);

  const player = useMemo(() => ({ store, ui }), [store, ui]);
  return (
    <PlayerContext.Provider value={player}>
      <main
        className={`presenter presenter--${layout}${whole ? ' presenter--whole' : ''}`}
        aria-label={t('present.region')}
      >
        {unknown && <UnknownStart start={unknown} />}
        {current && index !== null && (
          <PresenterView
            layout={layout}
            whole={whole}
            onWhole={() => setWhole((w) => !w)}
            program={current}
            n={index + 1}
            total={deck.length}
            onLayout={() => setLayout((l) => (l === 'presenter' ? 'audience' : 'presenter'))}
            onHelp={openHelp}
          />
        )}
        <ShortcutsOverlay open={help} onClose={() => setHelp(false)} t={t} />
      </main>
    </PlayerContext.Provider>
  );
}

const Stage = lazy(() => import('./Stage'));

/**
 * W: the whole machine drawn at 5/3 of its natural size, so its smallest label (12 px) is 20 px from the
 * back of a room; it takes the stage's full width (the editors step aside) and scrolls inside its pane.
 */
const WHOLE_SCALE = 20 / 12;

/** The presenter's machine at the player's position: the stage, loaded after the first paint. */
function StagePane() {
  const t = useT();
  const { trace, step, eventEnd, locale } = usePlayer(
    useShallow((s) => ({ trace: s.trace, step: s.step, eventEnd: s.eventEnd, locale: s.locale })),
  );
  return (
    <section className="presenter__stage-pane" aria-label={t('focus.region')}>
      <ErrorBoundary name="stage" locale={locale} resetKey={trace}>
        {trace ? (
          <Suspense fallback={<p className="panel__empty">{t('site.loading')}</p>}>
            <Stage trace={trace} step={step} eventEnd={eventEnd} locale={locale} />
          </Suspense>
        ) : (
          <p className="panel__empty">{t('player.no-run')}</p>
        )}
      </ErrorBoundary>
    </section>
  );
}

/** The address names a lesson or program the course does not have: say so, and offer a way on. */
function UnknownStart({ start }: { start: Exclude<DeckStart, { kind: 'found' }> }) {
  const t = useT();
  return (
    <div className="presenter__unknown" role="alert">
      <h1>{t('present.unknown.title')}</h1>
      <p>
        {start.kind === 'unknown-lesson'
          ? t('present.unknown-lesson', { lesson: start.lesson })
          : t('present.unknown-program', { lesson: start.lesson, program: start.program })}
      </p>
      <p>
        <a href="present.html">{t('present.unknown.first')}</a> ·{' '}
        <a href="./">{t('present.unknown.course')}</a>
      </p>
    </div>
  );
}

function PresenterView({
  layout,
  whole,
  onWhole,
  program,
  n,
  total,
  onLayout,
  onHelp,
}: {
  layout: PresenterLayout;
  whole: boolean;
  onWhole: () => void;
  program: DeckProgram;
  n: number;
  total: number;
  onLayout: () => void;
  onHelp: () => void;
}) {
  const t = useT();
  const store = usePlayerStore();
  usePlaybackClock(store);
  const live = useAfterFirstPaint();
  const locale = usePlayer((s) => s.locale);
  const target = usePlayer((s) => s.target);
  const big = useMediaQuery('(min-width: 1600px)');
  const [title, setTitle] = useState('');
  useEffect(() => {
    let live = true;
    void loadProgram(program.lessonId, program.programId).then((p) => {
      if (live) setTitle(p?.title ? localized(p.title, locale) : program.programId);
    });
    return () => {
      live = false;
    };
  }, [program, locale]);
  const lesson = findLessonEntry(program.lessonId);
  const editor = (side: 'cpp' | 'codon') => (
    <ErrorBoundary name={`editor ${side}`} locale={locale}>
      <EditorPane
        side={side}
        live={live}
        readOnly
        theme="contrast"
        instanceId="present"
        fontSize={big ? 36 : 32}
      />
    </ErrorBoundary>
  );
  return (
    <>
      <header className="presenter__bar">
        <h1 className="presenter__title">
          <span className="presenter__lesson">
            {lesson ? localized(lesson.title, locale) : program.lessonId}
          </span>
          {title}
        </h1>
        <p className="presenter__meta">
          <span className={`presenter__kind presenter__kind--${program.clean ? 'fix' : 'bug'}`}>
            {t(program.clean ? 'present.kind.fix' : 'present.kind.bug')}
          </span>{' '}
          {t('present.program', { n, total })} · {t(`player.target.${target}`)}
        </p>
        <button type="button" onClick={onWhole} aria-pressed={whole} data-testid="whole-machine">
          {t(whole ? 'focus.focus' : 'focus.whole')}
        </button>
        <button type="button" onClick={onLayout}>
          {layout === 'presenter' ? t('present.audience') : t('present.presenter')}
        </button>
      </header>
      <ErrorBoundary name="signature strip" locale={locale}>
        <SignatureStrip />
      </ErrorBoundary>
      <div className="presenter__stage">
        {layout === 'presenter' && (
          <div className="presenter__code">
            {editor('cpp')}
            {editor('codon')}
          </div>
        )}
        <div className="presenter__machine">
          <ErrorBoundary name="controls" locale={locale}>
            <Controls onHelp={onHelp} />
          </ErrorBoundary>
          <ErrorBoundary name="narration" locale={locale}>
            <Narration />
          </ErrorBoundary>
          {whole ? (
            <DiagramPane reducedMotion view="whole" tour={false} scale={WHOLE_SCALE} />
          ) : (
            <StagePane />
          )}
        </div>
      </div>
      <footer className="presenter__foot">
        <p className="presenter__keys">{t('present.keys')}</p>
        <a href={`./${encodeLink({ lesson: program.lessonId, program: program.programId })}`}>
          {t('present.exit')}
        </a>
      </footer>
    </>
  );
}
