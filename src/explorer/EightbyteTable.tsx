// x86-64's classification, eightbyte by eightbyte: the class each member brings, the merges, the
// merged class and the final one (classifyReturn's), then the clean-up rule that decided.
import type { EightbyteClass } from '../sim/abi/index.ts';
import type { TargetView } from './model.ts';
import { Inline } from './Inline.tsx';
import type { ExplorerStrings } from './text.ts';

/** Rows drawn before the rest is summarised (a 64-byte value has eight). */
const MAX_ROWS = 8;
/** Members listed per eightbyte before "… and N more" (sixteen chars would be a wall). */
const MAX_CONTRIBUTIONS = 4;

export function ClassChip({ cls }: { cls: EightbyteClass }) {
  return <span className={`abi-chip abi-class--${cls.toLowerCase()}`}>{cls}</span>;
}

export function EightbyteTable({
  view,
  s,
  headingId,
}: {
  view: TargetView;
  s: ExplorerStrings;
  headingId: string;
}) {
  const story = view.x86;
  if (!story) return null;
  const final = view.eightbytes ?? [];
  // At most eight: a value over 64 bytes is MEMORY before any eightbyte is looked at.
  const rows = story.eightbytes.slice(0, MAX_ROWS);
  return (
    <div className="abi-explorer__section">
      <h4 id={headingId}>{s.eightbytesHeading}</h4>
      <p className="abi-explorer__note">{s.eightbytesCaption}</p>
      {rows.length > 0 && (
        <div className="abi-explorer__scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table className="abi-table abi-table--eightbytes">
            <thead>
              <tr>
                <th scope="col">{s.colEightbyte}</th>
                <th scope="col">{s.colContributions}</th>
                <th scope="col">{s.colMerged}</th>
                <th scope="col">{s.colFinal}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => {
                const shown = e.contributions.slice(0, MAX_CONTRIBUTIONS);
                const steps = e.steps.filter((st) => st.rule !== 'same').slice(0, MAX_CONTRIBUTIONS);
                const f = final[e.index];
                return (
                  <tr key={e.index}>
                    <th scope="row" className="abi-num">
                      {s.eightbyteName(e.index, e.from, e.to)}
                    </th>
                    <td>
                      {shown.length === 0 ? (
                        s.onlyPadding
                      ) : (
                        <ul className="abi-list">
                          {shown.map((c, i) => (
                            <li key={i}>
                              {c.path === '' ? s.wholeValue : <code>{c.path}</code>} <ClassChip cls={c.cls} />
                            </li>
                          ))}
                          {e.contributions.length > shown.length && (
                            <li>{s.tooManyContributions(e.contributions.length - shown.length)}</li>
                          )}
                        </ul>
                      )}
                      {steps.length > 0 && (
                        <ul className="abi-list abi-list--steps">
                          {steps.map((st, i) => (
                            <li key={i}>{s.mergeStep(st.before, st.with, st.result, st.rule)}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <ClassChip cls={e.merged} />
                    </td>
                    <td>{f ? <ClassChip cls={f} /> : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="abi-explorer__cleanup">
        <Inline text={s.cleanup(story.cleanup, story.unaligned)} />
      </p>
    </div>
  );
}
