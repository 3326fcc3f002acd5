import { SvgDefs } from './SvgDefs.tsx';
import { strings, type Locale } from './strings.ts';

/** A small picture of each legend entry, drawn with the diagram's own classes so it always matches. */
function Swatch({ kind, prefix }: { kind: string; prefix: string }) {
  const box = (cls: string, pattern?: string) => (
    <g className={`md-obj ${cls}`}>
      <rect x={2} y={3} width={40} height={18} rx={4} className="md-obj-box" />
      {pattern !== undefined && (
        <rect x={2} y={3} width={40} height={18} rx={4} fill={`url(#${prefix}-${pattern})`} />
      )}
    </g>
  );
  switch (kind) {
    case 'alive':
      return box('md-obj--alive md-obj--cpp');
    case 'out-of-scope':
      return box('md-obj--out-of-scope', 'hatch');
    case 'freed':
      return box('md-obj--freed', 'cross');
    case 'collected':
      return box('md-obj--collected', 'dots');
    case 'view':
      return box('md-obj--alive md-obj--view md-obj--cpp');
    case 'written':
      return (
        <g className="md-row md-row--written">
          <rect x={2} y={5} width={40} height={14} className="md-row-bg" style={{ animation: 'none' }} />
        </g>
      );
    case 'arrow-valid':
    case 'arrow-dangling': {
      const k = kind === 'arrow-valid' ? 'valid' : 'dangling';
      return (
        <g className={`md-arrow md-arrow--${k}`}>
          <path d="M3,12 L38,12" className="md-arrow-line" markerEnd={`url(#${prefix}-head-${k})`} />
        </g>
      );
    }
    case 'arrow-untyped':
      return (
        <g className="md-arrow md-arrow--valid md-arrow--untyped">
          <path d="M3,12 L38,12" className="md-arrow-line" markerEnd={`url(#${prefix}-head-valid)`} />
        </g>
      );
    case 'read':
      return (
        <g className="md-reg md-reg--read">
          <rect x={2} y={4} width={40} height={16} rx={3} className="md-reg-box" />
        </g>
      );
    case 'gc-marked':
      return box('md-obj--alive md-obj--gc-marked');
    case 'arrow-root':
      return (
        <g className="md-arrow md-arrow--valid md-arrow--root">
          <path d="M3,12 L38,12" className="md-arrow-line" markerEnd={`url(#${prefix}-head-valid)`} />
        </g>
      );
    case 'mismatch':
      return (
        <g className="md-reg md-reg--mismatch">
          <rect x={2} y={4} width={40} height={16} rx={3} className="md-reg-box" />
        </g>
      );
    default:
      return null;
  }
}

/** The legend: every colour, pattern and arrow style the diagram uses, in words. */
export function Legend({ locale, prefix }: { locale: Locale; prefix: string }) {
  const t = strings(locale);
  const p = `${prefix}l`;
  return (
    <details className="md-legend" data-testid="diagram-legend">
      <summary>{t.legend}</summary>
      <svg width="0" height="0" aria-hidden="true" style={{ position: 'absolute' }}>
        <SvgDefs prefix={p} />
      </svg>
      <ul>
        {t.legendItems.map((item) => (
          <li key={item.key}>
            <svg width="44" height="24" aria-hidden="true" className="md-legend__swatch">
              <Swatch kind={item.key} prefix={p} />
            </svg>
            <span>{item.text}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
