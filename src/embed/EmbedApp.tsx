// One playground without the site's chrome (embed.html): the panes the host asked for, its own store with
// its own storage namespace (an embed's edits never touch the learner's saved edits on the site), the
// postMessage bridge, and a link that opens the same view in the full tutorial.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import type { Target } from '../sim/abi/ctype';
import { translator } from '../i18n';
import { createPlayerUi, PlayerContext, usePlayer, usePlayerStore, useT } from '../app/context';
import { findLessonEntry, lessons, loadProgram, localized, programsOf } from '../app/course/course';
import { Controls } from '../app/playground/Controls';
import { DiagramPane, useMachineView } from '../app/playground/DiagramPane';
import { SignatureStrip } from '../app/playground/SignatureStrip';
import '../app/playground/focus.css';
import { EditorPane } from '../app/playground/EditorPane';
import { FindingsPanel } from '../app/playground/FindingsPanel';
import { useShortcuts, usePlaybackClock } from '../app/playground/hooks';
import { Narration } from '../app/playground/Narration';
import { Notices } from '../app/playground/Notices';
import { ShortcutsOverlay } from '../app/playground/ShortcutsOverlay';
import { useReducedMotion, useResolvedTheme, useThemeAttribute } from '../app/playground/theme';
import { connectRunner } from '../app/run/connect';
import { createSimRunner } from '../app/run/runner';
import { linkOfPlayer } from '../app/site/site';
import { createPlayerStore, type PlayerStore } from '../app/store/player-store';
import type { CodeSide } from '../app/store/types';
import { watchOtherTabs } from '../app/store/edits';
import { browserStorage, editStore, type KeyValueStorage } from '../app/store/storage';
import { ErrorBoundary } from '../app/ui/ErrorBoundary';
import { useAfterFirstPaint, useMediaQuery } from '../app/ui/hooks';
import { encodeLink, TARGETS } from '../app/url/link';
import { announceReady, connectBridge } from './bridge';
import type { EmbedParams, Pane } from './params';

/** The namespace of an embed's saved edits: apart from the site's (`codon-lab:v1:`). */
export const EMBED_NAMESPACE = 'codon-lab:embed:v1:';

export interface EmbedProps {
  params: EmbedParams;
  /** Where edits are kept (localStorage by default; a component consumer may pass its own). */
  storage?: KeyValueStorage;
  /** The full tutorial's page (the link opens it); `./` next to embed.html by default. */
  tutorialUrl?: string;
  /** Talk to the parent window by postMessage (the iframe route); off for the component build. */
  bridge?: boolean;
  /** Set data-theme on the document (the iframe route); a component leaves the host page alone. */
  themeDocument?: boolean;
  /** Where the player's shortcuts listen: the whole window (the iframe route) or only inside the player. */
  keys?: 'window' | 'player';
  /** The title's heading level: 1 on its own page (the iframe), 2 inside a host's page (the component). */
  titleLevel?: 1 | 2;
}

/** Makes an embed's store. */
export function createEmbedStore(params: EmbedParams, storage: KeyValueStorage): PlayerStore {
  return createPlayerStore({
    edits: editStore(storage, EMBED_NAMESPACE),
    settings: { theme: params.theme, ...(params.link.locale ? { locale: params.link.locale } : {}) },
  });
}

export function EmbedApp({
  params,
  storage,
  tutorialUrl = './',
  bridge = true,
  themeDocument = true,
  keys = 'window',
  titleLevel = 1,
}: EmbedProps) {
  const [store] = useState(() => createEmbedStore(params, storage ?? browserStorage()));
  const [ui] = useState(createPlayerUi);
  const root = useRef<HTMLDivElement | null>(null);
  const [rootElement, setRootElement] = useState<HTMLDivElement | null>(null);
  const [help, setHelp] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const { locale, themeSetting, motion } = useStore(
    store,
    useShallow((s) => ({ locale: s.locale, themeSetting: s.theme, motion: s.motion })),
  );
  const t = useMemo(() => translator(locale), [locale]);
  const theme = useResolvedTheme(themeSetting);
  const reducedMotion = useReducedMotion(motion);
  useThemeAttribute(themeDocument ? document.documentElement : null, themeSetting);
  useEffect(() => {
    if (themeDocument) document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale, themeDocument]);

  useEffect(() => {
    const runner = createSimRunner();
    const stop = connectRunner(store, runner);
    return () => {
      stop();
      runner.dispose();
    };
  }, [store]);

  const bridgeOptions = useMemo(
    () => ({
      id: params.id,
      origins: params.origins,
      restricted: params.restricted,
      parent: bridge && window.parent !== window ? window.parent : null,
      self: window,
    }),
    [params, bridge],
  );
  // Another tab's (or frame's) save of this program: followed, or asked about (src/app/store/edits.ts).
  useEffect(
    () =>
      storage
        ? undefined
        : watchOtherTabs(window, EMBED_NAMESPACE, (...s) => store.getState().otherTabSaved(...s)),
    [store, storage],
  );

  useEffect(() => {
    if (!bridge) return;
    return connectBridge(store, { ...bridgeOptions, root: root.current });
  }, [store, bridge, bridgeOptions]);

  // Load the program: the link's, else the lesson's first; the link's code is shown without saving it.
  useEffect(() => {
    let live = true;
    const lessonId = params.link.lesson ?? lessons[0]?.id ?? '';
    const programId = params.link.program ?? programsOf(lessonId)[0] ?? '';
    void loadProgram(lessonId, programId).then((program) => {
      if (!live) return;
      if (!program) {
        setMissing(`${lessonId}/${programId}`);
        return;
      }
      const { link } = params;
      store.getState().loadProgram({
        lessonId,
        programId,
        lessonCode: program.code,
        ...(link.target ? { target: link.target } : {}),
        ...(link.leftover ? { leftover: link.leftover } : {}),
        ...(link.code ? { linkCode: link.code } : {}),
        ...(link.step !== undefined ? { step: link.step } : {}),
      });
      if (bridge) announceReady(store, { ...bridgeOptions, root: null });
    });
    return () => {
      live = false;
    };
  }, [store, params, bridge, bridgeOptions]);

  const openHelp = useCallback(() => setHelp(true), []);
  useShortcuts(store, keys === 'window' ? window : rootElement, openHelp, !help);
  const player = useMemo(() => ({ store, ui }), [store, ui]);

  return (
    <PlayerContext.Provider value={player}>
      <div
        ref={(element) => {
          root.current = element;
          setRootElement(element);
        }}
        // embed.html fills the frame its host gives it (720 or 480 px): the focus view fits inside.
        className={bridge ? 'embed embed--fit' : 'embed'}
        data-testid="embed"
      >
        {missing ? (
          <p role="alert">{t('site.not-found', { id: missing })}</p>
        ) : (
          <EmbedBody
            params={params}
            theme={theme}
            reducedMotion={reducedMotion}
            tutorialUrl={tutorialUrl}
            onHelp={openHelp}
            titleLevel={titleLevel}
          />
        )}
        <ShortcutsOverlay open={help} onClose={() => setHelp(false)} t={t} />
      </div>
    </PlayerContext.Provider>
  );
}

interface BodyProps {
  params: EmbedParams;
  theme: 'light' | 'dark' | 'contrast';
  reducedMotion: boolean;
  tutorialUrl: string;
  onHelp: () => void;
  titleLevel: 1 | 2;
}

/** The chosen panes of the playground, and a bar with the target and the way to the full tutorial. */
function EmbedBody({ params, theme, reducedMotion, tutorialUrl, onHelp, titleLevel }: BodyProps) {
  const Title = titleLevel === 1 ? 'h1' : 'h2';
  const t = useT();
  const store = usePlayerStore();
  const live = useAfterFirstPaint();
  usePlaybackClock(store);
  const [view, setView] = useMachineView();
  const wide = useMediaQuery('(min-width: 760px)');
  const { lessonId, programId, target, running } = usePlayer(
    useShallow((s) => ({
      lessonId: s.lessonId,
      programId: s.programId,
      target: s.target,
      running: s.running,
    })),
  );
  const locale = usePlayer((s) => s.locale);
  const [title, setTitle] = useState('');
  useEffect(() => {
    let live = true;
    if (lessonId && programId)
      void loadProgram(lessonId, programId).then((p) => {
        const lesson = findLessonEntry(lessonId);
        const name = p?.title ? localized(p.title, locale) : programId;
        if (live) setTitle(lesson ? `${localized(lesson.title, locale)}: ${name}` : name);
      });
    return () => {
      live = false;
    };
  }, [lessonId, programId, locale]);
  const show = (pane: Pane) => params.panes.includes(pane);
  const fullHref = () => `${tutorialUrl}${encodeLink(linkOfPlayer(store.getState(), { withCode: true }))}`;
  const editor = (side: CodeSide) => (
    <ErrorBoundary name={`editor ${side}`} locale={locale}>
      <EditorPane side={side} live={live} readOnly={params.readOnly} theme={theme} instanceId="embed" />
    </ErrorBoundary>
  );

  return (
    <section
      className={`player embed__player ${wide ? 'embed--wide' : 'embed--narrow'} player--${view}`}
      aria-label={title || t('player.region')}
    >
      <div className="program-bar embed__bar">
        <Title className="program-bar__title embed__title">
          {title}
          {running && <span className="program-bar__running">{t('player.running')}</span>}
        </Title>
        <div className="program-bar__settings">
          <label className="program-bar__field">
            <span>{t('player.target')}</span>
            <select value={target} onChange={(e) => store.getState().setTarget(e.target.value as Target)}>
              {TARGETS.map((value) => (
                <option key={value} value={value}>
                  {t(`player.target.${value}`)}
                </option>
              ))}
            </select>
          </label>
          {tutorialUrl && (
            <a
              className="embed__open"
              href={fullHref()}
              target="_blank"
              rel="noopener"
              onFocus={(e) => (e.currentTarget.href = fullHref())}
              onMouseEnter={(e) => (e.currentTarget.href = fullHref())}
            >
              {t('embed.open-full')}
            </a>
          )}
        </div>
      </div>
      <Notices />
      {show('code') && (
        <ErrorBoundary name="signature strip" locale={locale}>
          <SignatureStrip />
        </ErrorBoundary>
      )}
      {show('code') && (
        <div className="player__code embed__code">
          {editor('cpp')}
          {editor('codon')}
        </div>
      )}
      {(show('controls') || show('narration')) && (
        <div className="player__sticky">
          {show('controls') && (
            <ErrorBoundary name="controls" locale={locale}>
              <Controls onHelp={onHelp} />
            </ErrorBoundary>
          )}
          {show('narration') && (
            <ErrorBoundary name="narration" locale={locale}>
              <Narration />
            </ErrorBoundary>
          )}
        </div>
      )}
      {show('diagram') && (
        <DiagramPane reducedMotion={reducedMotion} view={view} onView={setView} tour={false} />
      )}
      {show('code') && (
        <ErrorBoundary name="findings" locale={locale}>
          <FindingsPanel />
        </ErrorBoundary>
      )}
    </section>
  );
}
