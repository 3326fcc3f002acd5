// The playground: the program bar, the two editors, the stepping controls and narration, the machine
// diagram, the output and the findings. Each part sits in its own error boundary. The layout adapts:
// side by side on wide screens (resizable), stacked on narrow ones, read-only code on phones.
import { useEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { usePlayer, usePlayerStore, useT } from '../context';
import type { CodeSide } from '../store/types';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useAfterFirstPaint, type PageLayout } from '../ui/hooks';
import { Splitter } from '../ui/Splitter';
import { useStoredFraction } from '../ui/useStoredFraction';
import { Controls, PlaybackSettings } from './Controls';
import { DiagramPane, useMachineView } from './DiagramPane';
import { EditorPane } from './EditorPane';
import { FindingsPanel } from './FindingsPanel';
import { usePlaybackClock } from './hooks';
import { Narration } from './Narration';
import { Notices } from './Notices';
import { OutputPanel } from './OutputPanel';
import { ProgramBar } from './ProgramBar';
import { SignatureStrip } from './SignatureStrip';
import './focus.css';
import type { ResolvedTheme } from './theme';

export interface PlayerViewProps {
  title: string;
  layout: PageLayout;
  theme: ResolvedTheme;
  reducedMotion: boolean;
  /** Unique per player on the page (names the editors' models). */
  instanceId: string;
  /** The editor shown first when they are stacked. */
  focus?: CodeSide;
  shareUrl: () => string | null;
  onHelp: () => void;
  /** Receives the element where a lesson's Predict shows the question the player stopped at. */
  pendingRef?: (element: HTMLElement | null) => void;
}

export function PlayerView({
  title,
  layout,
  theme,
  reducedMotion,
  instanceId,
  focus,
  shareUrl,
  onHelp,
  pendingRef,
}: PlayerViewProps) {
  const t = useT();
  const store = usePlayerStore();
  const locale = usePlayer((s) => s.locale);
  const live = useAfterFirstPaint();
  usePlaybackClock(store);
  const [editOnPhone, setEditOnPhone] = useState(false);
  const [view, setView] = useMachineView();
  const [editorSplit, setEditorSplit] = useStoredFraction('editors', 0.55);
  const [codeHeight, setCodeHeight] = useStoredFraction('code-height', 0.32);
  const root = useRef<HTMLElement>(null);
  const sticky = useRef<HTMLDivElement>(null);
  useStickyHeight(root, sticky, view);
  const readOnly = layout === 'phone' && !editOnPhone;
  const order: CodeSide[] = focus === 'codon' ? ['codon', 'cpp'] : ['cpp', 'codon'];
  const editor = (side: CodeSide) => (
    <ErrorBoundary name={`editor ${side}`} locale={locale}>
      <EditorPane
        side={side}
        live={live}
        readOnly={readOnly}
        theme={theme}
        instanceId={instanceId}
        wrap={view === 'focus'}
      />
    </ErrorBoundary>
  );
  const style = {
    '--editor-split': `${editorSplit * 100}%`,
    '--code-height': `${Math.round(codeHeight * 100)}vh`,
  } as CSSProperties;

  // Output and findings: inside the focus view (one screen), below the whole machine otherwise.
  const panels = (
    <div className="player__panels">
      <ErrorBoundary name="output" locale={locale}>
        <OutputPanel />
      </ErrorBoundary>
      <ErrorBoundary name="findings" locale={locale}>
        <FindingsPanel compact={view === 'focus'} />
      </ErrorBoundary>
    </div>
  );

  return (
    <section
      ref={root}
      className={`player player--${layout} player--${view}`}
      aria-label={t('player.region')}
      data-testid="player"
      style={style}
    >
      <ErrorBoundary name="program bar" locale={locale}>
        <ProgramBar
          title={title}
          shareUrl={shareUrl}
          beside={layout !== 'phone' && view === 'focus' ? <PlaybackSettings onHelp={onHelp} /> : null}
        >
          {layout === 'phone' && (
            <button
              type="button"
              className="player__edit-toggle"
              aria-pressed={editOnPhone}
              onClick={() => setEditOnPhone((v) => !v)}
            >
              {t('player.edit-on-phone')}
            </button>
          )}
        </ProgramBar>
      </ErrorBoundary>
      <Notices />
      <ErrorBoundary name="signature strip" locale={locale}>
        <SignatureStrip />
      </ErrorBoundary>
      <div className="player__code">
        {editor(order[0] as CodeSide)}
        {layout === 'wide' && (
          <Splitter
            orientation="vertical"
            value={editorSplit}
            onChange={setEditorSplit}
            label={t('player.resize-editors')}
            min={0.25}
            max={0.75}
          />
        )}
        {editor(order[1] as CodeSide)}
      </div>
      {layout === 'wide' && view === 'whole' && (
        <Splitter
          orientation="horizontal"
          value={codeHeight}
          onChange={(v) => setCodeHeight(v)}
          label={t('player.resize-code')}
          min={0.15}
          max={0.7}
          container={() => document.documentElement}
        />
      )}
      <div className="player__machine">
        <div ref={pendingRef} className="pending-slot" />
        <div ref={sticky} className="player__sticky">
          <ErrorBoundary name="controls" locale={locale}>
            <Controls onHelp={onHelp} settings={layout !== 'phone' && view === 'whole'} />
          </ErrorBoundary>
          <ErrorBoundary name="narration" locale={locale}>
            <Narration />
          </ErrorBoundary>
        </div>
        <DiagramPane
          reducedMotion={reducedMotion}
          view={view}
          onView={setView}
          focusAside={view === 'focus' ? panels : undefined}
        />
        {view === 'whole' && panels}
        {layout === 'phone' && <PlaybackSettings onHelp={onHelp} />}
      </div>
    </section>
  );
}

/**
 * Keeps the sticky controls from hiding what the page scrolls to: their height becomes the scroll
 * container's `scroll-padding-top` (`-bottom` on a phone, where they stick to the bottom), so a deep link, the switch to the whole machine, scrollIntoView and
 * the browser's own scrolling to a focused element (Tab) all stop below the controls instead of under
 * them. Only the whole-machine view has sticky controls; the focus view fits the screen.
 */
function useStickyHeight(
  root: RefObject<HTMLElement | null>,
  sticky: RefObject<HTMLElement | null>,
  view: string,
) {
  useEffect(() => {
    const host = root.current;
    const bar = sticky.current;
    if (host === null || bar === null || typeof ResizeObserver === 'undefined') return;
    // The lesson page's player column scrolls on its own on a wide screen; elsewhere the page does.
    const page = document.documentElement;
    const column = host.closest<HTMLElement>('.lesson-layout__player');
    const scroller = () =>
      column !== null && /(auto|scroll)/.test(getComputedStyle(column).overflowY) ? column : page;
    // A wide screen sticks the controls to the top; a phone to the bottom.
    let padded: { el: HTMLElement; side: string } | null = null;
    const update = () => {
      const style = getComputedStyle(bar);
      const side =
        style.position !== 'sticky'
          ? null
          : style.top === '0px'
            ? 'scroll-padding-top'
            : style.bottom === '0px'
              ? 'scroll-padding-bottom'
              : null;
      padded?.el.style.removeProperty(padded.side);
      padded = side === null ? null : { el: scroller(), side };
      padded?.el.style.setProperty(padded.side, `${Math.ceil(bar.offsetHeight) + 6}px`);
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(bar);
    ro.observe(host);
    return () => {
      ro.disconnect();
      padded?.el.style.removeProperty(padded.side);
    };
  }, [root, sticky, view]);
}
