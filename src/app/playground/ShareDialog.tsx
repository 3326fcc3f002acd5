// The "Share / Embed" dialog: a link to the player's exact view, and a ready-to-paste iframe snippet of the
// same view for another site's page (embed.html; README, "Embed"). Loaded only when opened.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../context';
import type { ThemeSetting } from '../store/types';
import { embedSearch, PANES, type Pane } from '../../embed/params';

export interface ShareDialogProps {
  /** The site link of the view (with its query), or null when the code is too long for a link. */
  url: string | null;
  title: string;
  onClose: () => void;
}

/** The embed page's URL next to the site's page. */
export function embedUrlOf(siteUrl: string, options: Parameters<typeof embedSearch>[1]): string {
  const url = new URL(siteUrl);
  const base = url.pathname.replace(/[^/]*$/, '');
  return `${url.origin}${base}embed.html${embedSearch(url.search, options)}`;
}

/** The iframe snippet for an embed URL. */
export function iframeSnippet(src: string, title: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${escape(src)}" title="${escape(title)}" width="100%" height="720" style="border:0" loading="lazy"></iframe>`;
}

export default function ShareDialog({ url, title, onClose }: ShareDialogProps) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [panes, setPanes] = useState<readonly Pane[]>(PANES);
  const [theme, setTheme] = useState<ThemeSetting>('system');
  const [readOnly, setReadOnly] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const snippet = useMemo(
    () =>
      url ? iframeSnippet(embedUrlOf(url, { panes, theme, readOnly }), `Codon Interop Lab: ${title}`) : '',
    [url, panes, theme, readOnly, title],
  );
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what}: ${t('share.copied')}`);
    } catch {
      setCopied(t('share.copy-failed'));
    }
  };

  return (
    <dialog
      ref={dialog}
      className="share-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={onClose}
    >
      <h2 id={`${id}-title`}>{t('share.title')}</h2>
      {!url ? (
        <p role="alert">{t('player.share.too-long')}</p>
      ) : (
        <>
          <label className="share-dialog__field">
            <span>{t('share.link')}</span>
            <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" onClick={() => void copy(url, t('share.link'))}>
            {t('share.copy-link')}
          </button>
          <fieldset className="share-dialog__options">
            <legend>{t('share.panes')}</legend>
            {PANES.map((pane) => (
              <label key={pane}>
                <input
                  type="checkbox"
                  checked={panes.includes(pane)}
                  disabled={panes.length === 1 && panes.includes(pane)}
                  onChange={(e) =>
                    setPanes(PANES.filter((p) => (p === pane ? e.target.checked : panes.includes(p))))
                  }
                />
                {t(`share.pane.${pane}`)}
              </label>
            ))}
          </fieldset>
          <label className="share-dialog__field share-dialog__inline">
            <span>{t('site.theme')}</span>
            <select value={theme} onChange={(e) => setTheme(e.target.value as ThemeSetting)}>
              {(['system', 'light', 'dark', 'contrast'] as const).map((value) => (
                <option key={value} value={value}>
                  {t(`site.theme.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="share-dialog__inline">
            <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
            {t('share.readonly')}
          </label>
          <label className="share-dialog__field">
            <span>{t('share.snippet')}</span>
            <textarea readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" onClick={() => void copy(snippet, t('share.snippet'))}>
            {t('share.copy-snippet')}
          </button>
          <p className="share-dialog__help">{t('share.help')}</p>
        </>
      )}
      <p role="status" className="share-dialog__status">
        {copied}
      </p>
      <button type="button" className="share-dialog__close" onClick={() => dialog.current?.close()}>
        {t('share.close')}
      </button>
    </dialog>
  );
}
