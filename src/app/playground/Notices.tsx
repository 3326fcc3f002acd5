// Notices above the editors: a shared link's code (keep it or go back to mine), "Undo" after a reset or a
// solution, code that does not compile, where the edits are kept (SaveNotices), a simulator failure.
import { useShallow } from 'zustand/shallow';
import { usePlayer, usePlayerStore, useT } from '../context';
import { isTraceCurrent } from '../store/selectors';
import { SaveNotices } from './SaveNotices';

export function Notices() {
  const t = useT();
  const store = usePlayerStore();
  const { codeOrigin, replaced, runError, verdict, current, running, hasTrace } = usePlayer(
    useShallow((s) => ({
      codeOrigin: s.codeOrigin,
      replaced: s.replaced,
      runError: s.runError,
      verdict: s.verdict,
      current: isTraceCurrent(s),
      running: s.running,
      hasTrace: s.trace !== null,
    })),
  );
  const compileError = verdict !== null && verdict.outcome === 'compile-error';
  return (
    <div className="notices">
      {codeOrigin === 'link' && (
        <div className="notice notice--link" role="region" aria-label={t('player.share')}>
          <p>{t('player.link-code')}</p>
          <div className="notice__actions">
            <button type="button" onClick={() => store.getState().keepLinkCode()}>
              {t('player.link-keep')}
            </button>
            <button type="button" onClick={() => store.getState().discardLinkCode()}>
              {t('player.link-discard')}
            </button>
          </div>
        </div>
      )}
      {replaced && (
        <div className="notice notice--replaced" role="status">
          <p>{t(`player.replaced.${replaced.reason}`)}</p>
          <div className="notice__actions">
            <button type="button" onClick={() => store.getState().undoReplace()}>
              {t('player.undo')}
            </button>
            <button
              type="button"
              aria-label={t('link.dismiss')}
              onClick={() => store.getState().dismissReplaced()}
            >
              ×
            </button>
          </div>
        </div>
      )}
      {compileError && hasTrace && !current && (
        <p className="notice notice--stale">{running ? t('player.stale-running') : t('player.stale')}</p>
      )}
      <SaveNotices />
      {runError && (
        <div className="notice notice--error" role="alert">
          <p>{t('player.run-failed')}</p>
          <textarea readOnly rows={4} value={runError} aria-label="report" />
        </div>
      )}
    </div>
  );
}
