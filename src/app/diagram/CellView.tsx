import { G, type RowBox } from './layout.ts';
import { hexAddr } from './format.ts';
import { Label } from './Label.tsx';
import { gapLabel, PX } from './labels.ts';
import type { Locale } from './strings.ts';
import { strings } from './strings.ts';
import { textWidth } from './text-fit.ts';

interface CellViewProps {
  row: RowBox;
  showHex: boolean;
  locale: Locale;
}

/** One row of an object box: a cell's path and value (or its raw bytes), a run of bytes, or "n more". */
export function CellView({ row, showHex, locale }: CellViewProps) {
  const t = strings(locale);
  const { x, y, w, h } = row;
  const r = row.row;
  const mid = y + Math.min(h, G.rowH) / 2 + 4;
  if (r.kind !== 'cell' || r.cell === null) {
    const text =
      r.kind === 'more' ? gapLabel(r.end - r.start, locale, true) : gapLabel(r.end - r.start, locale);
    return (
      <g className="md-row md-row--gap" data-addr={hexAddr(r.start)}>
        <line x1={x} x2={x + w} y1={y} y2={y} className="md-row-rule" />
        <Label x={x + 8} y={mid} className="md-row-gap-text" text={text} width={w - 16} px={PX.gap} />
      </g>
    );
  }
  const c = r.cell;
  const value = showHex ? c.hex : c.text;
  const pathText = c.path === '' ? '' : c.path;
  // The value first (it is what the row is about), then the path, then what it was, in what is left.
  const was = c.staleWas !== null ? t.was(c.staleWas) : '';
  const inner = w - 16;
  const valueW = Math.min(textWidth(value, PX.cell), Math.max(inner - 40, inner * 0.6));
  const pathW = Math.min(textWidth(pathText, PX.cell), inner - valueW - 12);
  const wasX = x + 8 + pathW + 8;
  const wasW = inner - valueW - pathW - 20;
  const classes = ['md-row', 'md-row--cell', `md-cell--${c.kind}`];
  if (c.written) classes.push('md-row--written');
  if (c.read) classes.push('md-row--read');
  if (c.staleWas !== null) classes.push('md-row--changed');
  const title = `${t.cellTitle(c.path, c.text, t.cellKind[c.kind], c.size, hexAddr(c.addr), c.hex)}${c.staleWas !== null ? `; ${t.was(c.staleWas)}` : ''}`;
  return (
    <g
      className={classes.join(' ')}
      data-addr={hexAddr(c.addr)}
      data-written={c.written ? 'true' : undefined}
      data-value={c.text}
    >
      <title>{title}</title>
      <rect x={x + 1} y={y} width={w - 2} height={h} className="md-row-bg" />
      <line x1={x} x2={x + w} y1={y} y2={y} className="md-row-rule" />
      <Label x={x + 8} y={mid} className="md-cell-path" text={pathText} width={pathW} px={PX.cell} />
      {was !== '' && wasW > 12 && (
        <Label x={wasX} y={mid} className="md-cell-was" text={was} width={wasW} px={PX.was} />
      )}
      <Label
        x={x + w - 8}
        y={mid}
        textAnchor="end"
        className={`md-cell-value${showHex ? ' md-cell-value--hex' : ''}`}
        text={value}
        width={valueW}
        px={PX.cell}
      />
    </g>
  );
}
