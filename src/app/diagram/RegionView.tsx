import type { ReactNode } from 'react';
import { clip, formatSize, hexAddr } from './format.ts';
import { G, charsFit, type AreaBox, type Layout } from './layout.ts';
import type { Scene } from '../../sim/view/index.ts';
import { strings, type Locale } from './strings.ts';

interface RegionViewProps {
  area: AreaBox;
  layout: Layout;
  scene: Scene;
  locale: Locale;
  children: ReactNode;
}

/** A memory area (or the registers) as a labelled region: title, hint, then its frames and objects. */
export function RegionView({ area, layout, scene, locale, children }: RegionViewProps) {
  const t = strings(locale);
  const { x, y, w, h } = area;
  const name = t.area[area.kind];
  const gc = scene.gc;
  const scanned =
    gc !== null && gc.phase === 'mark' ? area.kind !== 'c-heap' && area.kind !== 'gc-heap' : null;
  const gcNote =
    gc === null || gc.phase !== 'mark'
      ? ''
      : scanned === true
        ? t.gcScanned
        : area.kind === 'c-heap'
          ? t.gcNotScanned
          : '';
  const hint = gcNote !== '' ? gcNote : t.areaHint[area.kind];
  const inArea = (yy: number, xx: number) => yy >= y && yy <= y + h && xx >= x && xx <= x + w;
  return (
    <g
      role="region"
      aria-label={name}
      className={`md-area md-area--${area.kind}${scanned === true ? ' md-area--scanned' : ''}${scanned === false && area.kind === 'c-heap' ? ' md-area--not-scanned' : ''}`}
      data-area={area.kind}
    >
      <rect x={x} y={y} width={w} height={h} rx={10} className="md-area-box" />
      <text x={x + G.pad} y={y + 20} className="md-area-title">
        {name}
      </text>
      <text
        x={x + w - G.pad}
        y={y + 20}
        textAnchor="end"
        className={`md-area-hint${gcNote !== '' ? ' md-area-hint--gc' : ''}`}
      >
        {clip(hint, charsFit(w - G.pad * 3 - name.length * 9, 11))}
      </text>
      {area.empty && area.kind !== 'registers' && (
        <text x={x + G.pad} y={y + G.titleH + 16} className="md-area-empty">
          {t.empty}
        </text>
      )}
      {area.subheaders.map((s) => (
        <text key={`${s.y}`} x={x + G.pad} y={s.y} className="md-subhead">
          {clip(s.text, charsFit(w - 2 * G.pad, 11))}
        </text>
      ))}
      {layout.gaps
        .filter((g) => inArea(g.y, g.x))
        .map((g) => (
          <text key={`${g.y}`} x={g.x + g.w / 2} y={g.y + 13} textAnchor="middle" className="md-gap">
            {t.gap(formatSize(g.bytes))}
          </text>
        ))}
      {area.kind === 'stack' && layout.sp !== null && (
        <g className="md-sp" data-testid="stack-pointer">
          <line x1={layout.sp.x} x2={layout.sp.x + layout.sp.w} y1={layout.sp.y} y2={layout.sp.y} />
          <text x={layout.sp.x + layout.sp.w} y={layout.sp.y + 15} textAnchor="end">
            {clip(
              t.sp(scene.target === 'x86_64' ? 'rsp' : 'sp', hexAddr(scene.sp)),
              charsFit(layout.sp.w, 10.5),
            )}
          </text>
        </g>
      )}
      {children}
    </g>
  );
}
