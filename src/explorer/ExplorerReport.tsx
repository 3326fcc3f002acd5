// One report: the two machines side by side in a table (size, triviality, classes, HFA, route),
// what to notice, the byte maps and x86-64's eightbyte story.
import { useId, type ReactNode } from 'react';
import type { Target } from '../sim/abi/index.ts';
import { ByteMap } from './ByteMap.tsx';
import { ClassChip, EightbyteTable } from './EightbyteTable.tsx';
import { Inline } from './Inline.tsx';
import { TARGETS, type Report, type TargetView } from './model.ts';
import { insights, type ExplorerStrings } from './text.ts';

/** A row of the summary; `both` is one cell across the two machines, for what does not depend on the machine. */
function Row({
  label,
  cells,
  both,
  same,
}: {
  label: string;
  cells: Record<Target, ReactNode>;
  both?: ReactNode;
  same?: string;
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {both !== undefined ? (
        <td colSpan={TARGETS.length} className="abi-table__both">
          {both}
          {same && <span className="abi-same">{same}</span>}
        </td>
      ) : (
        TARGETS.map((t) => <td key={t}>{cells[t]}</td>)
      )}
    </tr>
  );
}

/** The views of both machines when both have one. */
function bothViews(report: Report): [TargetView, TargetView] | null {
  const x = report.targets.x86_64;
  const a = report.targets.aarch64;
  return x.ok && a.ok ? [x.view, a.view] : null;
}

function perTarget(
  report: Report,
  s: ExplorerStrings,
  f: (v: TargetView) => ReactNode,
): Record<Target, ReactNode> {
  const out = {} as Record<Target, ReactNode>;
  for (const t of TARGETS) {
    const o = report.targets[t];
    out[t] = o.ok ? f(o.view) : <span className="abi-muted">—</span>;
  }
  return out;
}

function Returned({ view, s }: { view: TargetView; s: ExplorerStrings }) {
  const tone = view.route.kind === 'memory' ? 'memory' : view.route.kind === 'void' ? 'none' : 'registers';
  return (
    <>
      <strong className={`abi-route abi-route--${tone}`}>{s.shortRoute(view.route)}</strong>
      <span className="abi-route__sentence">{s.route(view.route, view.size)}</span>
    </>
  );
}

export function ExplorerReport({ report, s }: { report: Report; s: ExplorerStrings }) {
  const ids = useId();
  const notes = insights(report);
  const x86 = report.targets.x86_64;
  const pair = bothViews(report);
  const trivialCell = (v: TargetView): ReactNode =>
    v.nonTrivial ? (
      <span className="abi-verdict abi-verdict--no">
        <Inline text={s.trivialNo(s.nonTrivial(v.nonTrivial))} />
      </span>
    ) : (
      <span className="abi-verdict abi-verdict--yes">{s.trivialYes}</span>
    );
  const sizeCells = perTarget(report, s, (v) => s.size(v.size, v.align));
  for (const t of TARGETS) {
    const o = report.targets[t];
    if (!o.ok)
      sizeCells[t] = (
        <span className="abi-muted">
          <Inline text={s.notAvailable(s.problem(o.problem))} />
        </span>
      );
  }
  return (
    <div className="abi-explorer__report">
      <div className="abi-explorer__scroll">
        <table className="abi-table abi-table--summary">
          <caption>
            <Inline text={s.summaryCaption(`\`${report.typeName}\``)} />
          </caption>
          <thead>
            <tr>
              <th scope="col">{s.property}</th>
              {TARGETS.map((t) => (
                <th key={t} scope="col">
                  {s.targetName[t]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Row
              label={s.rowSize}
              cells={sizeCells}
              both={
                pair && pair[0].size === pair[1].size && pair[0].align === pair[1].align
                  ? sizeCells.x86_64
                  : undefined
              }
              same={s.sameOnBoth}
            />
            <Row
              label={s.rowTrivial}
              both={
                pair && pair[0].nonTrivialReason === pair[1].nonTrivialReason
                  ? trivialCell(pair[0])
                  : undefined
              }
              same={s.sameOnBoth}
              cells={perTarget(report, s, (v) => trivialCell(v))}
            />
            <Row
              label={s.rowClasses}
              cells={perTarget(report, s, (v) =>
                v.eightbytes === null ? (
                  <span className="abi-muted">{s.classesOnlyX86}</span>
                ) : v.eightbytes.length === 0 ? (
                  s.classList([])
                ) : (
                  <span className="abi-chips">
                    {v.eightbytes.length > 8 && v.eightbytes.every((c) => c === v.eightbytes?.[0]) ? (
                      <>
                        <ClassChip cls={v.eightbytes[0] ?? 'MEMORY'} /> × {v.eightbytes.length}
                      </>
                    ) : (
                      v.eightbytes.map((c, i) => <ClassChip key={i} cls={c} />)
                    )}
                  </span>
                ),
              )}
            />
            <Row
              label={s.rowHfa}
              cells={perTarget(report, s, (v) =>
                v.hfaVerdict === null ? (
                  <span className="abi-muted">{report.isVoid ? '—' : s.hfaOnlyA64}</span>
                ) : (
                  <Inline text={s.hfa(v.hfaVerdict, v.route)} />
                ),
              )}
            />
            <Row
              label={s.rowReturned}
              cells={perTarget(report, s, (v) => (
                <Returned view={v} s={s} />
              ))}
            />
          </tbody>
        </table>
      </div>
      {notes.length > 0 && (
        <section className="abi-explorer__insights" aria-labelledby={`${ids}-notice`}>
          <h4 id={`${ids}-notice`}>{s.insightsHeading}</h4>
          <ul>
            {notes.map((key) => {
              const view = TARGETS.map((t) => report.targets[t]).find((o) => o.ok);
              const size = view?.ok ? view.view.size : 0;
              const a64 = report.targets.aarch64;
              const text =
                key === 'smallButNonTrivial'
                  ? s.insight.smallButNonTrivial(size)
                  : key === 'bigHfa'
                    ? s.insight.bigHfa(a64.ok ? a64.view.size : size)
                    : s.insight[key];
              return (
                <li key={key}>
                  <Inline text={text} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {!report.isVoid && <ByteMap report={report} s={s} headingId={`${ids}-bytes`} />}
      {x86.ok && !report.isVoid && <EightbyteTable view={x86.view} s={s} headingId={`${ids}-eightbytes`} />}
    </div>
  );
}
