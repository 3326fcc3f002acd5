// The layout of the value, byte by byte, on each machine: a drawing (one row per eightbyte, one
// block per member or stretch of padding, labelled with what carries it back) and, for screen
// readers and for exact numbers, one table of every cell on both machines side by side.
import type { CSSProperties } from 'react';
import type { Target } from '../sim/abi/index.ts';
import { MAP_BYTES, TARGETS, type Carrier, type CellView, type Report, type TargetView } from './model.ts';
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
  const lanes = view.lanes;
  const segs = segments(view.cells, limit);
  return (
    <div className="abi-map" aria-hidden="true">
      <div className="abi-map__grid" style={{ '--abi-rows': rows * lanes } as CSSProperties}>
        {Array.from({ length: 8 }, (_, i) => (
          <span key={`h${i}`} className="abi-map__head" style={{ gridColumn: i + 2, gridRow: 1 }}>
            {i}
          </span>
        ))}
        {Array.from({ length: rows }, (_, r) => (
          <span
            key={`g${r}`}
            className="abi-map__gutter"
            style={{ gridColumn: 1, gridRow: `${r * lanes + 2} / span ${lanes}` }}
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
                gridRow: g.row * lanes + g.cell.lane + 2,
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
    <section className="abi-explorer__section" aria-labelledby={headingId}>
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
      <div className="abi-explorer__scroll">
        <table className="abi-table abi-table--cells">
          <caption>{s.bytesCaption(report.typeName)}</caption>
          <thead>
            <tr>
              <th scope="col">{s.colBytes}</th>
              <th scope="col">{s.colMember}</th>
              <th scope="col">{s.colType}</th>
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
                </th>
                <td>{r.cell.typeName ? <code>{r.cell.typeName}</code> : '—'}</td>
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
    </section>
  );
}
