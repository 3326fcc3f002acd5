// The layout of the value, byte by byte, on each machine: a drawing (one row per eightbyte, one
// block per member or stretch of padding, labelled with what carries it back) and, for screen
// readers and for exact numbers, one table of every cell on both machines side by side.
import type { CSSProperties } from 'react';
import type { Target } from '../sim/abi/index.ts';
import { MAP_BYTES, TARGETS, type Carrier, type CellView, type Report, type TargetView } from './model.ts';
import { Inline } from './Inline.tsx';
import type { ExplorerStrings } from './text.ts';

/** A colour family per carrier; the words on the block say the same, colour only helps. */
export function carrierTone(c: Carrier): string {
  if (c.kind === 'memory') return 'memory';
  if (c.kind === 'none') return 'none';
  const reg = c.reg;
  if (reg.startsWith('st')) return 'x87';
  const n = Number(reg.replace(/^\D+/, ''));
  if (reg === '%rax' || reg === 'x0') return 'gpr0';
  if (reg === '%rdx' || reg === 'x1') return 'gpr1';
  return `vec${Number.isFinite(n) ? n % 4 : 0}`;
}

function memberLabel(cell: CellView, s: ExplorerStrings): string {
  if (cell.kind === 'padding') return s.padding;
  if (cell.kind === 'vptr') return s.vptr;
  return cell.path === '' ? s.wholeValue : cell.path;
}

function shortCarrier(c: Carrier, s: ExplorerStrings): string {
  if (c.kind === 'register') return c.reg;
  return c.kind === 'memory' ? s.carrier(c) : '—';
}

interface Segment {
  cell: CellView;
  row: number;
  from: number;
  to: number;
  first: boolean;
}

/** Cuts each cell at eightbyte boundaries (a long double or a vector spans two rows). */
function segments(cells: CellView[], limit: number): Segment[] {
  const out: Segment[] = [];
  for (const cell of cells) {
    const end = Math.min(cell.offset + Math.max(cell.size, 1), limit);
    for (let from = cell.offset; from < end;) {
      const row = Math.floor(from / 8);
      const to = Math.min(end, row * 8 + 8);
      out.push({ cell, row, from, to, first: from === cell.offset });
      from = to;
    }
  }
  return out;
}

function MapDrawing({ view, s }: { view: TargetView; s: ExplorerStrings }) {
  const limit = Math.min(view.size, MAP_BYTES);
  const rows = Math.ceil(limit / 8);
  const segs = segments(view.cells, limit);
  // Each eightbyte row is as tall as the union members that overlap in it (usually one lane).
  const lanes = Array.from({ length: rows }, (_, r) =>
    Math.max(1, ...segs.filter((g) => g.row === r).map((g) => g.cell.lane + 1)),
  );
  const start = lanes.map((_, r) => 2 + lanes.slice(0, r).reduce((a, b) => a + b, 0));
  const total = lanes.reduce((a, b) => a + b, 0);
  return (
    <div className="abi-map" aria-hidden="true">
      <div className="abi-map__grid" style={{ '--abi-rows': total } as CSSProperties}>
        {Array.from({ length: 8 }, (_, i) => (
          <span key={`h${i}`} className="abi-map__head" style={{ gridColumn: i + 2, gridRow: 1 }}>
            {i}
          </span>
        ))}
        {lanes.map((n, r) => (
          <span
            key={`g${r}`}
            className="abi-map__gutter"
            style={{ gridColumn: 1, gridRow: `${start[r]} / span ${n}` }}
          >
            +{r * 8}
          </span>
        ))}
        {segs.map((g, i) => {
          const tone = carrierTone(g.cell.carrier);
          const padding = g.cell.kind === 'padding';
          const label = memberLabel(g.cell, s);
          const title = `${label} · ${s.bytes(g.cell.offset, g.cell.offset + g.cell.size)} · ${s.carrier(g.cell.carrier)}`;
          return (
            <span
              key={i}
              className={`abi-map__cell abi-tone--${tone}${padding ? ' abi-map__cell--padding' : ''}${g.first ? '' : ' abi-map__cell--cont'}`}
              style={{
                gridColumn: `${(g.from % 8) + 2} / span ${g.to - g.from}`,
                gridRow: (start[g.row] ?? 2) + g.cell.lane,
              }}
              title={title}
            >
              <span className="abi-map__name">{g.first ? label : '…'}</span>
              <span className="abi-map__carrier">{shortCarrier(g.cell.carrier, s)}</span>
            </span>
          );
        })}
      </div>
    </div>
  );
}

interface Row {
  key: string;
  offset: number;
  size: number;
  cell: CellView;
  carriers: Partial<Record<Target, Carrier>>;
}

/** One row per cell, the two machines' carriers side by side (a cell laid out differently gets its own row). */
function combinedRows(report: Report): Row[] {
  const rows = new Map<string, Row>();
  for (const target of TARGETS) {
    const o = report.targets[target];
    if (!o.ok) continue;
    for (const cell of o.view.cells) {
      const key = `${cell.offset}/${cell.size}/${cell.path}/${cell.bitOffset ?? ''}`;
      const row = rows.get(key) ?? { key, offset: cell.offset, size: cell.size, cell, carriers: {} };
      row.carriers[target] = cell.carrier;
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.offset - b.offset || b.size - a.size);
}

/** The byte maps of both machines and the table of cells. */
export function ByteMap({ report, s, headingId }: { report: Report; s: ExplorerStrings; headingId: string }) {
  const views = TARGETS.flatMap((t) => {
    const o = report.targets[t];
    return o.ok ? [o.view] : [];
  });
  const rows = combinedRows(report);
  const biggest = views.reduce((m, v) => (v.totalCells > v.cells.length ? v : m), views[0]);
  return (
    <div className="abi-explorer__section">
      <h4 id={headingId}>{s.bytesHeading}</h4>
      <p className="abi-explorer__note">{s.mapLegend}</p>
      <div className="abi-explorer__maps">
        {views.map((v) => (
          <figure
            key={v.target}
            className="abi-explorer__map"
            aria-label={s.mapLabel(s.targetName[v.target])}
          >
            <figcaption>{s.targetName[v.target]}</figcaption>
            <MapDrawing view={v} s={s} />
          </figure>
        ))}
      </div>
      {biggest && biggest.totalCells > biggest.cells.length && (
        <p className="abi-explorer__note">
          {s.moreCells(biggest.cells.length, biggest.totalCells, biggest.size)}
        </p>
      )}
      {/* Focusable, so a keyboard can scroll the table sideways on a narrow screen. */}
      <div
        className="abi-explorer__scroll"
        tabIndex={0}
        role="region"
        aria-labelledby={`${headingId}-caption`}
      >
        <table className="abi-table abi-table--cells">
          <caption id={`${headingId}-caption`}>
            <Inline text={s.bytesCaption(`\`${report.typeName}\``)} />
          </caption>
          <thead>
            <tr>
              <th scope="col">{s.colBytes}</th>
              <th scope="col">{s.colMember}</th>
              {TARGETS.map((t) => (
                <th key={t} scope="col">
                  {s.targetName[t]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={r.cell.kind === 'padding' ? 'abi-table__padding' : undefined}>
                <td className="abi-num">
                  {s.bytes(r.offset, r.offset + r.size)}
                  {r.cell.bitWidth !== undefined && (
                    <span className="abi-sub"> {s.bits(r.cell.bitOffset ?? 0, r.cell.bitWidth)}</span>
                  )}
                </td>
                <th scope="row">
                  <code>{memberLabel(r.cell, s)}</code>
                  {r.cell.typeName && (
                    <span className="abi-sub abi-type">
                      {' '}
                      <code>{r.cell.typeName}</code>
                    </span>
                  )}
                </th>
                {TARGETS.map((t) => {
                  const c = r.carriers[t];
                  return (
                    <td key={t}>
                      {c ? (
                        <span className={`abi-chip abi-tone--${carrierTone(c)}`}>{s.carrier(c)}</span>
                      ) : (
                        '—'
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
