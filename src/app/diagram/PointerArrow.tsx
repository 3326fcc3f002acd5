import { hexAddr } from './format.ts';
import { roundedPath, type ArrowPath } from './layout.ts';
import type { ScenePointer } from '../../sim/view/index.ts';
import { strings, type Locale } from './strings.ts';

interface PointerArrowProps {
  arrow: ArrowPath;
  pointer: ScenePointer;
  prefix: string;
  sourceName: string;
  targetName: string | null;
  locale: Locale;
  active: boolean;
  /** A root of the collection in progress. */
  root?: boolean;
  onActivate: (key: string | null) => void;
}

const HEAD: Record<string, 'valid' | 'dangling' | 'unowned'> = {
  valid: 'valid',
  'out-of-scope': 'dangling',
  freed: 'dangling',
  collected: 'dangling',
  unmapped: 'dangling',
  unowned: 'unowned',
  code: 'unowned',
};

/** The sentence that explains a pointer (its tooltip, its accessible name, the text view's cell). */
export function pointerSentence(
  p: ScenePointer,
  sourceName: string,
  targetName: string | null,
  locale: Locale,
): string {
  const t = strings(locale);
  const where = targetName !== null ? `${targetName} (${hexAddr(p.target)})` : hexAddr(p.target);
  const now = p.nowOwner !== null ? `; ${t.reusedBy(p.nowOwner)}` : '';
  return `${sourceName} ${t.pointsTo(where)}: ${t.pointer[p.status]}${now}${p.untyped ? `; ${t.untyped}` : ''}`;
}

/** A pointer as an arrow; dangling ones are dashed with a red head and explain themselves on hover and focus. */
export function PointerArrow({
  arrow,
  pointer,
  prefix,
  sourceName,
  targetName,
  locale,
  active,
  root = false,
  onActivate,
}: PointerArrowProps) {
  const head = HEAD[arrow.status] ?? 'valid';
  const d = roundedPath(arrow.points);
  const t = strings(locale);
  const sentence = `${pointerSentence(pointer, sourceName, targetName, locale)}${root ? `; ${t.gcRoot}` : ''}`;
  const end = arrow.points[arrow.points.length - 1] ?? { x: 0, y: 0 };
  return (
    <g
      className={`md-arrow md-arrow--${arrow.status} md-arrow--${head}${active ? ' md-arrow--active' : ''}${root ? ' md-arrow--root' : ''}${pointer.untyped ? ' md-arrow--untyped' : ''}`}
      data-key={arrow.key}
      data-status={arrow.status}
      data-root={root ? 'true' : undefined}
      data-target={hexAddr(pointer.target)}
      data-target-key={arrow.targetKey ?? undefined}
      tabIndex={0}
      role="img"
      aria-label={sentence}
      onFocus={() => onActivate(arrow.key)}
      onBlur={() => onActivate(null)}
      onMouseEnter={() => onActivate(arrow.key)}
      onMouseLeave={() => onActivate(null)}
    >
      <title>{sentence}</title>
      {/* A wide transparent twin makes the thin arrow easy to hover. */}
      <path d={d} className="md-arrow-hit" />
      <path
        d={d}
        className="md-arrow-line"
        markerEnd={arrow.stub ? undefined : `url(#${prefix}-head-${head})`}
      />
      <circle cx={arrow.points[0]?.x ?? 0} cy={arrow.points[0]?.y ?? 0} r={3} className="md-arrow-tail" />
      {arrow.stub && (
        <g className="md-arrow-cross" transform={`translate(${end.x}, ${end.y})`}>
          <path d="M-5,-5 L5,5 M-5,5 L5,-5" />
        </g>
      )}
    </g>
  );
}
