// The `?` overlay: every keyboard shortcut, from the same table the key handler uses.
import { useEffect, useRef } from 'react';
import type { Translate } from '../../i18n';
import { SHORTCUTS } from '../player/keyboard';

export function ShortcutsOverlay({ open, onClose, t }: { open: boolean; onClose: () => void; t: Translate }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <table>
        <tbody>
          {SHORTCUTS.map(({ command, keys }) => (
            <tr key={command}>
              <td>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' + '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(`shortcuts.${command}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="shortcuts__note">{t('shortcuts.note')}</p>
      <form method="dialog">
        <button type="submit" autoFocus>
          {t('shortcuts.close')}
        </button>
      </form>
    </dialog>
  );
}
