// The "Share / Embed" dialog: a link to the player's exact view, a ready-to-paste iframe snippet of the
// same view for another site's page (embed.html), and the embed's options and postMessage API with a
// copyable example, so a docs author needs nothing else. Loaded only when opened.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../context';
import type { ThemeSetting } from '../store/types';
import { embedSearch, PANES, type Pane } from '../../embed/params';
import { PROTOCOL, PROTOCOL_VERSION } from '../../embed/protocol';
import type { UiKey } from '../../i18n';

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

/** The heights an embed lays itself out for (its focus view fits inside either). */
export const EMBED_HEIGHTS = [720, 480] as const;

/** The iframe snippet for an embed URL. */
export function iframeSnippet(src: string, title: string, height: number = EMBED_HEIGHTS[0]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${escape(src)}" title="${escape(title)}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`;
}

/** A script for the host page: follow the embed's height, log its steps, and drive it. */
export function apiExample(): string {
  return [
    `const frame = document.querySelector('iframe');`,
    `const send = (command) =>`,
    `  frame.contentWindow.postMessage({ protocol: '${PROTOCOL}', version: ${PROTOCOL_VERSION}, ...command }, '*');`,
    `window.addEventListener('message', (event) => {`,
    `  const e = event.data;`,
    `  if (event.source !== frame.contentWindow || e?.protocol !== '${PROTOCOL}') return;`,
    `  if (e.type === 'resize') frame.style.height = e.height + 'px';`,
    `  if (e.type === 'step') console.log('step', e.step, 'of', e.lastStep, e.side, e.line);`,
    `  if (e.type === 'ready') send({ type: 'goto', step: 10 });`,
    `});`,
    `document.querySelector('#arm').onclick = () => send({ type: 'set-target', target: 'aarch64' });`,
  ].join('\n');
}

const COMMANDS: readonly { code: string; key: UiKey }[] = [
  { code: "{type:'step', direction}", key: 'share.cmd.step' },
  { code: "{type:'play'} {type:'pause'}", key: 'share.cmd.play' },
  { code: "{type:'goto', step}", key: 'share.cmd.goto' },
  { code: "{type:'set-target', target}", key: 'share.cmd.set-target' },
  { code: "{type:'set-leftover', leftover}", key: 'share.cmd.set-leftover' },
  { code: "{type:'set-theme', theme}", key: 'share.cmd.set-theme' },
  { code: "{type:'load-code', cpp?, codon?}", key: 'share.cmd.load-code' },
  { code: "{type:'get-state'}", key: 'share.cmd.get-state' },
];
const EVENTS: readonly { code: string; key: UiKey }[] = [
  { code: "{type:'ready', lesson, program}", key: 'share.ev.ready' },
  { code: "{type:'resize', height}", key: 'share.ev.resize' },
  { code: "{type:'step', step, lastStep, side, line}", key: 'share.ev.step' },
  { code: "{type:'run', outcome, target, compiled, diagnostics, steps}", key: 'share.ev.run' },
  { code: "{type:'findings', findings}", key: 'share.ev.findings' },
  { code: "{type:'state', ...}", key: 'share.ev.state' },
];
const OPTIONS: readonly { code: string; key: UiKey }[] = [
  { code: 'panes=code,diagram', key: 'share.opt.panes' },
  { code: 'theme=dark', key: 'share.opt.theme' },
  { code: 'readonly=1', key: 'share.opt.readonly' },
  { code: 'id=first', key: 'share.opt.id' },
  { code: 'origins=https://docs.example', key: 'share.opt.origins' },
  { code: 'lang=zh', key: 'share.opt.lang' },
];

export default function ShareDialog({ url, title, onClose }: ShareDialogProps) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [panes, setPanes] = useState<readonly Pane[]>(PANES);
  const [theme, setTheme] = useState<ThemeSetting>('system');
  const [readOnly, setReadOnly] = useState(false);
  const [height, setHeight] = useState<number>(EMBED_HEIGHTS[0]);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const snippet = useMemo(
    () =>
      url
        ? iframeSnippet(embedUrlOf(url, { panes, theme, readOnly }), `Codon Interop Lab: ${title}`, height)
        : '',
    [url, panes, theme, readOnly, title, height],
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
          <label className="share-dialog__field share-dialog__inline">
            <span>{t('share.height')}</span>
            <select value={height} onChange={(e) => setHeight(Number(e.target.value))}>
              {EMBED_HEIGHTS.map((h) => (
                <option key={h} value={h}>
                  {h} px
                </option>
              ))}
            </select>
          </label>
          <label className="share-dialog__field">
            <span>{t('share.snippet')}</span>
            <textarea readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" onClick={() => void copy(snippet, t('share.snippet'))}>
            {t('share.copy-snippet')}
          </button>
          <p className="share-dialog__help">{t('share.help')}</p>
          <details className="share-dialog__api" data-testid="embed-api">
            <summary>{t('share.api')}</summary>
            <p>{t('share.api-intro')}</p>
            <ApiTable caption={t('share.api-options')} rows={OPTIONS} t={t} />
            <ApiTable caption={t('share.api-commands')} rows={COMMANDS} t={t} />
            <ApiTable caption={t('share.api-events')} rows={EVENTS} t={t} />
            <label className="share-dialog__field">
              <span>{t('share.api-example')}</span>
              <textarea readOnly rows={11} value={apiExample()} onFocus={(e) => e.currentTarget.select()} />
            </label>
            <button type="button" onClick={() => void copy(apiExample(), t('share.api-example'))}>
              {t('share.copy-example')}
            </button>
          </details>
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

function ApiTable({
  caption,
  rows,
  t,
}: {
  caption: string;
  rows: readonly { code: string; key: UiKey }[];
  t: ReturnType<typeof useT>;
}) {
  return (
    <table className="share-dialog__table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <th scope="row">
              <code>{r.code}</code>
            </th>
            <td>{t(r.key)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
