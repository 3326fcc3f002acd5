import { CellView } from './CellView.tsx';
import { hexAddr } from './format.ts';
import { Label } from './Label.tsx';
import { badgeWidth, objectBadge, objectSub, PX } from './labels.ts';
import { G, wrapToWidth, type ObjectBox } from './layout.ts';
import type { SceneObject } from '../../sim/view/index.ts';
import { strings, type Locale } from './strings.ts';

interface ObjectViewProps {
  box: ObjectBox;
  object: SceneObject;
  prefix: string;
  showHex: boolean;
  locale: Locale;
  crashHere: boolean;
  /** A comparison's other run differs here. */
  differs?: boolean;
  findingText: string[];
  onSelect?: ((id: number) => void) | undefined;
}

const FILL: Record<string, string> = { 'out-of-scope': 'hatch', freed: 'cross', collected: 'dots' };

/** An object box: name, type, address range, state badge, then one row per cell. */
export function ObjectView({
  box,
  object: o,
  prefix,
  showHex,
  locale,
  crashHere,
  differs = false,
  findingText,
  onSelect,
}: ObjectViewProps) {
  const t = strings(locale);
  const { x, y, w, h } = box;
  const classes = ['md-obj', `md-obj--${o.state}`, `md-obj--${o.side}`];
  if (o.role === 'result-view') classes.push('md-obj--view');
  if (o.role === 'anonymous') classes.push('md-obj--anonymous');
  if (o.role === 'frame-link') classes.push('md-obj--link');
  if (o.written) classes.push('md-obj--written');
  if (o.bornNow) classes.push('md-obj--born-now');
  if (o.diedNow) classes.push('md-obj--died-now');
  if (o.gc !== null) classes.push(`md-obj--gc-${o.gc}`);
  if (crashHere) classes.push('md-obj--crash');
  if (differs) classes.push('md-obj--differs');
  const pattern = FILL[o.state];
  const gcBadge =
    o.gc === 'marked' ? t.gcMarked : o.gc === 'swept' ? t.gcSwept : o.gc === 'unmarked' ? t.gcUnmarked : '';
  const badge = objectBadge(o, locale);
  const badgeW = badgeWidth(badge);
  const range = `${hexAddr(o.addr)}–${hexAddr(o.addr + o.size)}`;
  const sub = objectSub(o, locale);
  const nameW = w - 24 - badgeW - (o.findings.length > 0 ? 26 : 0);
  const label = [
    o.name,
    o.typeName,
    range,
    t.stateLong[o.state],
    o.reusedBy !== null ? t.reusedBy(o.reusedBy) : '',
    gcBadge,
    o.atomic ? t.atomic : '',
    ...findingText,
  ]
    .filter((s) => s !== '')
    .join('; ');
  const interactive = onSelect !== undefined && o.id >= 0;
  return (
    <g
      className={classes.join(' ')}
      id={`${prefix}-${o.key}`}
      data-key={o.key}
      data-object-id={o.id}
      data-state={o.state}
      data-differs={differs ? 'true' : undefined}
      data-addr={hexAddr(o.addr)}
      data-name={o.name}
      role={interactive ? 'button' : 'group'}
      tabIndex={interactive ? 0 : undefined}
      aria-label={label}
      onClick={interactive ? () => onSelect(o.id) : undefined}
      onKeyDown={
        interactive
          ? (e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(o.id);
              }
            }
          : undefined
      }
    >
      <title>{label}</title>
      <rect x={x} y={y} width={w} height={h} rx={5} className="md-obj-box" />
      {pattern !== undefined && (
        <rect
          x={x}
          y={y}
          width={w}
          height={h}
          rx={5}
          fill={`url(#${prefix}-${pattern})`}
          className="md-obj-pattern"
        />
      )}
      <Label x={x + 8} y={y + 16} className="md-obj-name" text={o.name} width={nameW} px={PX.objName} />
      {badge !== '' && (
        <g className={`md-badge md-badge--${badgeKind(o, gcBadge !== '')}`}>
          <rect x={x + w - 4 - badgeW} y={y + 4} width={badgeW} height={16} rx={8} />
          <text x={x + w - 9} y={y + 16} textAnchor="end">
            {badge}
          </text>
        </g>
      )}
      {o.findings.length > 0 && (
        <g className="md-finding-pin" transform={`translate(${x + w - 26 - badgeW}, ${y + 4})`}>
          <path d="M8,0 L16,15 L0,15 z" />
          <text x={8} y={13} textAnchor="middle">
            !
          </text>
        </g>
      )}
      {subLines(sub, w - 16, box.head).map((line, i) => (
        <Label
          key={i}
          x={x + 8}
          y={y + 31 + i * G.subLineH}
          className="md-obj-sub"
          text={line}
          width={w - 16}
          px={PX.objSub}
        />
      ))}
      {box.rows.map((r) => (
        <CellView key={r.row.start} row={r} showHex={showHex} locale={locale} />
      ))}
    </g>
  );
}

/** The header's second line, wrapped into the lines the layout made room for (the last one shortened if need be). */
function subLines(sub: string, width: number, head: number): string[] {
  const room = 1 + Math.max(0, Math.round((head - G.headH) / G.subLineH));
  const lines = wrapToWidth(sub, width, PX.objSub);
  return lines.length <= room ? lines : [...lines.slice(0, room - 1), lines.slice(room - 1).join(' ')];
}

function badgeKind(o: SceneObject, gc: boolean): string {
  if (gc) return `gc-${o.gc ?? ''}`;
  if (o.role === 'anonymous') return 'anonymous';
  if (o.state !== 'alive') return o.state;
  return o.role === 'result-view' ? 'view' : 'new';
}
