// The notices about where the learner's edits are kept: another tab saved this program meanwhile (keep
// mine or use theirs, asked before anything is overwritten), and a save the browser refused (with a
// download of the code, and a warning that leaving loses it when the address cannot carry it either).
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/shallow';
import { usePlayer, usePlayerStore, useT } from '../context';
import { codeFile, downloadText, editsAtRisk } from '../store/unsaved';

/**
 * The rest of what the learner was typing when the question took the focus lands on the question: it
 * must not reach the player's one-key shortcuts (n, f, Space...). Tab and the answers' keys still work.
 */
function swallowTyping(event: KeyboardEvent<HTMLElement>) {
  if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key.length === 1 || event.key === 'Enter' || event.key === 'Backspace') event.preventDefault();
}

export function SaveNotices() {
  const t = useT();
  const store = usePlayerStore();
  const { conflict, saveFailed, atRisk } = usePlayer(
    useShallow((s) => ({
      conflict: s.conflict !== null,
      saveFailed: s.saveFailed && s.codeOrigin !== 'link',
      atRisk: editsAtRisk(s),
    })),
  );
  const id = useId();
  const choice = useRef<HTMLElement | null>(null);
  // The question takes the focus when it appears: on the question, not on a button, so the keystroke the
  // learner was typing chooses nothing; Tab reaches the two answers. After the keystroke's own handling:
  // the editor finishes its input event by taking the focus back.
  useEffect(() => {
    if (!conflict) return;
    const timer = setTimeout(() => choice.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [conflict]);
  const download = () => {
    const s = store.getState();
    const file = codeFile(s.code, s.fileNames, s.lessonId, s.programId);
    downloadText({ document, URL }, file.name, file.text);
  };
  return (
    <>
      {conflict && (
        <section
          ref={choice}
          className="notice notice--warning"
          role="alertdialog"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-body`}
          tabIndex={-1}
          data-testid="edits-conflict"
          onKeyDown={swallowTyping}
        >
          <p id={`${id}-title`}>
            <strong>{t('player.conflict.title')}</strong>
          </p>
          <p id={`${id}-body`}>{t('player.conflict.body')}</p>
          <div className="notice__actions">
            <button type="button" onClick={() => store.getState().resolveConflict('theirs')}>
              {t('player.conflict.theirs')}
            </button>
            <button type="button" onClick={() => store.getState().resolveConflict('mine')}>
              {t('player.conflict.mine')}
            </button>
          </div>
        </section>
      )}
      {saveFailed && (
        <div className="notice notice--warning" role="status" data-testid="save-failed">
          <p>{atRisk ? t('player.saved-failed.too-long') : t('player.saved-failed')}</p>
          <div className="notice__actions">
            <button type="button" onClick={download}>
              {t('player.download-code')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
