// The page: header, then the course index, a lesson (text beside its player) or a course page. The site's
// stores are made here, once per page; the URL names what is on screen and follows the player.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { translate, translator } from '../i18n';
import { createPlayerUi, PlayerContext } from './context';
import { findLessonEntry, findPageEntry, localized } from './course/course';
import { LessonPage } from './lesson/LessonPage';
import { hrefOf, routeOf, type Route } from './site/routes';
import { CourseIndex } from './site/CourseIndex';
import { Header } from './site/Header';
import { PageView } from './site/Pages';
import { createSite, linkOfPlayer, persistSettings, shareUrl, startRunning } from './site/site';
import { SiteContext, type SiteContextValue } from './site/SiteContext';
import { ShortcutsOverlay } from './playground/ShortcutsOverlay';
import { useShortcuts } from './playground/hooks';
import { useReducedMotion, useResolvedTheme, useThemeAttribute } from './playground/theme';
import { watchOtherTabs } from './store/edits';
import { SITE_NAMESPACE } from './store/storage';
import { guardLeaving, leavingQuestion } from './store/unsaved';
import { scrollToHash } from './url/hash';
import { decodeLink, encodeLink, type LinkProblem } from './url/link';
import { ErrorBoundary } from './ui/ErrorBoundary';

/** How often the address bar may follow the player (browsers throttle faster history updates). */
const URL_UPDATE_MS = 400;

export function App() {
  const [site] = useState(() => createSite(location.search));
  const [ui] = useState(createPlayerUi);
  const { store, progress } = site;
  const [route, setRoute] = useState<Route>(() => routeOf(site.link.state));
  const [problems, setProblems] = useState<LinkProblem[]>(site.link.problems);
  const [help, setHelp] = useState(false);
  const { locale, themeSetting, motion } = useStore(
    store,
    useShallow((s) => ({ locale: s.locale, themeSetting: s.theme, motion: s.motion })),
  );
  const theme = useResolvedTheme(themeSetting);
  const reducedMotion = useReducedMotion(motion);
  const t = useMemo(() => translator(locale), [locale]);

  useEffect(() => startRunning(site), [site]);
  useEffect(() => persistSettings(site), [site]);
  useThemeAttribute(document.documentElement, themeSetting);
  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);

  const navigate = useCallback(
    (next: Route, hash?: string) => {
      const state = store.getState();
      const question = leavingQuestion(state);
      if (question !== null && !window.confirm(translate(state.locale, question))) return;
      history.pushState(null, '', hrefOf(next, hash));
      setRoute(next);
      setProblems([]);
      requestAnimationFrame(() => {
        if (hash) scrollToHash(hash, document);
        else window.scrollTo(0, 0);
      });
    },
    [store],
  );
  useEffect(() => {
    const onPop = () => setRoute(routeOf(decodeLink(location.search).state));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // The address bar follows the player on a lesson (throttled), so a reload or a copied URL reopens it.
  useEffect(() => {
    if (route.kind !== 'lesson') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      timer = undefined;
      const state = store.getState();
      if (state.lessonId !== route.id) return;
      const search = encodeLink(linkOfPlayer(state, { withCode: true, browserLocale: site.browserLocale }));
      if (search !== location.search) history.replaceState(null, '', `${search}${location.hash}`);
    };
    const unsubscribe = store.subscribe((state) => {
      // While playing, the address waits for the pause (stopping is a change too): each replaceState with
      // the program in it cost ~6 ms of main thread, every other step of playback (bench/ui.bench.ts).
      if (state.playing) return;
      timer ??= setTimeout(write, URL_UPDATE_MS);
    });
    return () => {
      unsubscribe();
      if (timer) write();
      clearTimeout(timer);
    };
  }, [store, route, site]);

  // Leaving asks while it would lose code (a link's unkept edits, edits neither stored nor in the address);
  // other tabs' saves of the program on show are followed, or asked about.
  useEffect(() => guardLeaving(window, store), [store]);
  useEffect(
    () => watchOtherTabs(window, SITE_NAMESPACE, (...saved) => store.getState().otherTabSaved(...saved)),
    [store],
  );

  useEffect(() => {
    const name = t('site.name');
    const entry =
      route.kind === 'lesson'
        ? findLessonEntry(route.id)
        : route.kind === 'page'
          ? findPageEntry(route.id)
          : null;
    document.title = entry ? `${localized(entry.title, locale)} · ${name}` : name;
  }, [route, locale, t]);

  const openHelp = useCallback(() => setHelp(true), []);
  useShortcuts(store, window, openHelp, route.kind === 'lesson');

  const siteContext: SiteContextValue = useMemo(
    () => ({ progress, navigate, hrefFor: (r, hash) => hrefOf(r, hash) }),
    [progress, navigate],
  );
  const player = useMemo(() => ({ store, ui }), [store, ui]);
  const share = useCallback(
    () => shareUrl(store.getState(), `${location.origin}${location.pathname}`),
    [store],
  );
  const onLinkProblem = useCallback(
    (program: string) => setProblems((p) => [...p, { kind: 'bad-value', param: `program=${program}` }]),
    [],
  );

  const link =
    site.link.state.lesson && route.kind === 'lesson' && route.id === site.link.state.lesson
      ? site.link.state
      : null;
  return (
    <SiteContext.Provider value={siteContext}>
      <PlayerContext.Provider value={player}>
        <div className={`app app--${route.kind}`}>
          <Header onHelp={openHelp} />
          {problems.length > 0 && (
            <div className="link-problems" role="alert">
              {problems.map((p, i) => (
                <p key={i}>{problemText(p, t)}</p>
              ))}
              <button type="button" onClick={() => setProblems([])}>
                {t('link.dismiss')}
              </button>
            </div>
          )}
          <main id="main" className="app-main" tabIndex={-1}>
            <ErrorBoundary name="page" locale={locale} resetKey={route}>
              {route.kind === 'index' && <CourseIndex />}
              {route.kind === 'page' && <PageView id={route.id} />}
              {route.kind === 'lesson' && (
                <LessonPage
                  key={route.id}
                  lessonId={route.id}
                  link={link}
                  onLinkProblem={onLinkProblem}
                  theme={theme}
                  reducedMotion={reducedMotion}
                  onHelp={openHelp}
                  shareUrl={share}
                />
              )}
            </ErrorBoundary>
          </main>
          <ShortcutsOverlay open={help} onClose={() => setHelp(false)} t={t} />
        </div>
      </PlayerContext.Provider>
    </SiteContext.Provider>
  );
}

function problemText(problem: LinkProblem, t: ReturnType<typeof translator>): string {
  switch (problem.kind) {
    case 'too-long':
      return t('link.too-long');
    case 'malformed-code':
      return t('link.malformed-code');
    case 'newer-version':
      return t('link.newer-version', { version: problem.version });
    case 'bad-value':
      return problem.param.startsWith('program=')
        ? t('link.unknown-program', { program: problem.param.slice('program='.length) })
        : t('link.bad-value', { param: problem.param });
  }
}
