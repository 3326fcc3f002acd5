import { G, charsFit, type RowBox } from './layout.ts';
import { clip, formatSize, hexAddr } from './format.ts';
import type { Locale } from './strings.ts';
import { strings } from './strings.ts';

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
    const bytes = formatSize(r.end - r.start);
    return (
      <g className="md-row md-row--gap" data-addr={hexAddr(r.start)}>
        <line x1={x} x2={x + w} y1={y} y2={y} className="md-row-rule" />
        <text x={x + 8} y={mid} className="md-row-gap-text">
          {r.kind === 'more' ? t.more(bytes) : `${bytes}`}
        </text>
      </g>
    );
  }
  const c = r.cell;
  const value = showHex ? c.hex : c.text;
  const pathText = c.path === '' ? '' : c.path;
  const valueChars = charsFit(w - 16, 12);
  const shownValue = clip(value, Math.max(8, valueChars - Math.min(pathText.length, 12) - 2));
  const pathChars = Math.max(3, valueChars - shownValue.length - 2 - (c.staleWas !== null ? 0 : 0));
  const classes = ['md-row', 'md-row--cell', `md-cell--${c.kind}`];
  if (c.written) classes.push('md-row--written');
  if (c.read) classes.push('md-row--read');
  if (c.staleWas !== null) classes.push('md-row--changed');
  const title = `${c.path === '' ? '' : `${c.path} = `}${c.text} (${c.kind}, ${c.size} bytes at ${hexAddr(c.addr)}; bytes ${c.hex})${c.staleWas !== null ? `; ${t.was(c.staleWas)}` : ''}`;
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
      <text x={x + 8} y={mid} className="md-cell-path">
        {clip(pathText, Math.min(pathChars, c.staleWas !== null ? 6 : pathChars))}
      </text>
      {c.staleWas !== null && (
        <text x={x + 8 + 7.2 * Math.min(pathText.length, 6) + 8} y={mid} className="md-cell-was">
          {clip(t.was(c.staleWas), 14)}
        </text>
      )}
      <text
        x={x + w - 8}
        y={mid}
        textAnchor="end"
        className={`md-cell-value${showHex ? ' md-cell-value--hex' : ''}`}
      >
        {shownValue}
      </text>
    </g>
  );
}
