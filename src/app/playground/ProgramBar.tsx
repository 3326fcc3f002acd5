// The player's top bar: which program, on which target, with which leftover in the registers; share a
// link to exactly this view; reset the code.
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/shallow';
import type { Target } from '../../sim/abi/ctype';
import type { Leftover } from '../../sim/machine/machine';
import { usePlayer, usePlayerStore, useT } from '../context';
import { lessons } from '../course/course';
import { isCodeEdited } from '../store/code-slice';
import { encodeLink, LEFTOVER_SETTINGS, TARGETS } from '../url/link';

/** The lesson that teaches what a leftover register is; the setting is offered from there on. */
const LEFTOVER_LESSON = '04-abi';

/** Whether a lesson comes before the one that teaches leftovers (a program outside the course: no). */
export function beforeLeftovers(lessonId: string | null): boolean {
  const at = lessons.findIndex((l) => l.id === lessonId);
  const teach = lessons.findIndex((l) => l.id === LEFTOVER_LESSON);
  return at >= 0 && teach >= 0 && at < teach;
}

// The Share / Embed dialog loads when opened: nothing of it is in the first paint.
const ShareDialog = lazy(() => import('./ShareDialog'));

interface ProgramBarProps {
  title: string;
  /** More controls at the end of the bar (the phone's "Edit code"). */
  children?: ReactNode;
  /** Controls on the title's row (the focus view's playback settings). */
  beside?: ReactNode;
  /** The link to this exact view, or null when the code is too long for a link. */
  shareUrl: () => string | null;
}

export function ProgramBar({ title, shareUrl, children, beside }: ProgramBarProps) {
  const t = useT();
  const store = usePlayerStore();
  const { target, leftover, edited, running, lessonId, programId } = usePlayer(
    useShallow((s) => ({
      target: s.target,
      leftover: s.leftover,
      edited: isCodeEdited(s),
      running: s.running,
      lessonId: s.lessonId,
      programId: s.programId,
    })),
  );
  const [shared, setShared] = useState<{ text: string; url: string | null } | null>(null);
  const [embedding, setEmbedding] = useState<{ url: string | null } | null>(null);

  const share = async () => {
    const url = shareUrl();
    if (!url) {
      setShared({ text: t('player.share.too-long'), url: null });
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setShared({ text: t('player.share.copied'), url: null });
    } catch {
      // No clipboard permission (an embed, an old browser): show the link to copy by hand.
      setShared({ text: t('player.share.copy-yourself'), url });
    }
  };

  return (
    <div className="program-bar">
      <h2 className="program-bar__title">
        <span className="program-bar__label">{t('player.program')}</span> {title}
        {running && <span className="program-bar__running">{t('player.running')}</span>}
      </h2>
      {beside}
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
        {!beforeLeftovers(lessonId) && (
          <label className="program-bar__field" title={t('player.leftover.help')}>
            <span>{t('player.leftover')}</span>
            <select
              value={leftover}
              onChange={(e) => store.getState().setLeftover(e.target.value as Leftover)}
            >
              {LEFTOVER_SETTINGS.map((value) => (
                <option key={value} value={value}>
                  {t(`player.leftover.${value}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" onClick={share}>
          {t('player.share')}
        </button>
        <button type="button" aria-haspopup="dialog" onClick={() => setEmbedding({ url: shareUrl() })}>
          {t('share.button')}
        </button>
        {lessonId && programId && (
          <a
            className="program-bar__present"
            href={`present.html${encodeLink({ lesson: lessonId, program: programId, target })}`}
          >
            {t('present.open')}
          </a>
        )}
        <button type="button" onClick={() => store.getState().resetCode()} disabled={!edited}>
          {t('player.reset')}
        </button>
        {children}
      </div>
      <div className="program-bar__share" role="status" aria-live="polite">
        {shared && (
          <>
            {shared.text}
            {shared.url && (
              <input
                className="program-bar__share-url"
                readOnly
                value={shared.url}
                aria-label={t('player.share.copy-yourself')}
                onFocus={(e) => e.currentTarget.select()}
              />
            )}
          </>
        )}
      </div>
      {embedding && (
        <Suspense fallback={null}>
          <ShareDialog url={embedding.url} title={title} onClose={() => setEmbedding(null)} />
        </Suspense>
      )}
    </div>
  );
}
