// The rows of an object the step touches, as the focus view and the presenter's stage show them:
// each cell's path, address and value, the ones this step writes or reads marked, and the bytes
// between them folded into one row.
import { translate } from '../../i18n';
import type { FocusObject } from './focus.ts';
import { hexAddr } from './format.ts';
import { strings, type Locale } from './strings.ts';

export function ObjectCells({
  focus,
  locale,
  showWas,
  repeatName = true,
}: {
  focus: FocusObject;
  locale: Locale;
  /** Also say what a stale cell held before (the focus view; the stage has no room for it). */
  showWas: boolean;
  /**
   * Name a row that is the whole object (a pointer, a return address) by the object's name again; the
   * stage, whose card header already names it, leaves that out and keeps the row on one line.
   */
  repeatName?: boolean;
}) {
  const t = strings(locale);
  const o = focus.object;
  return (
    <table className="focus-obj__cells">
      <tbody>
        {focus.rows.map(({ row, touched }) =>
          row.cell === null ? (
            <tr key={row.start} className="focus-obj__gap">
              <td colSpan={3}>{translate(locale, 'focus.bytes-not-shown', { n: row.end - row.start })}</td>
            </tr>
          ) : (
            <tr key={row.start} className={touched ? `focus-obj__${touched}` : undefined}>
              {(row.cell.path !== '' || repeatName) && <th scope="row">{row.cell.path || o.name}</th>}
              <td>
                <code>{hexAddr(row.cell.addr)}</code>
              </td>
              <td>
                <code>{row.cell.text}</code>
                {touched && (
                  <span className="focus-obj__mark">
                    {' '}
                    ← {translate(locale, touched === 'written' ? 'focus.written' : 'focus.read')}
                  </span>
                )}
                {showWas && row.cell.staleWas !== null && (
                  <span className="focus__muted focus-obj__was"> {t.was(row.cell.staleWas)}</span>
                )}
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
