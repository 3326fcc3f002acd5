import type { ReactNode } from 'react';
import { Label } from './Label.tsx';
import { areaHint, gapLabel, PX, spLabel } from './labels.ts';
import { G, type AreaBox, type Layout } from './layout.ts';
import { textWidth } from './text-fit.ts';
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
  const hint = areaHint(area.kind, scene, locale);
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
      <Label
        x={x + w - G.pad}
        y={y + 20}
        textAnchor="end"
        className={`md-area-hint${hint.gc ? ' md-area-hint--gc' : ''}`}
        text={hint.text}
        width={w - G.pad * 3 - textWidth(name, PX.areaTitle)}
        px={PX.areaHint}
      />
      {area.empty && area.kind !== 'registers' && (
        <text x={x + G.pad} y={y + G.titleH + 16} className="md-area-empty">
          {t.empty}
        </text>
      )}
      {area.subheaders.map((s) => (
        <Label
          key={`${s.y}`}
          x={x + G.pad}
          y={s.y}
          className="md-subhead"
          text={s.text}
          width={w - 2 * G.pad}
          px={PX.subhead}
        />
      ))}
      {layout.gaps
        .filter((g) => inArea(g.y, g.x))
        .map((g) => (
          <text key={`${g.y}`} x={g.x + g.w / 2} y={g.y + 13} textAnchor="middle" className="md-gap">
            {gapLabel(g.bytes, locale)}
          </text>
        ))}
      {area.kind === 'stack' && layout.sp !== null && (
        <g className="md-sp" data-testid="stack-pointer">
          <line x1={layout.sp.x} x2={layout.sp.x + layout.sp.w} y1={layout.sp.y} y2={layout.sp.y} />
          <Label
            x={layout.sp.x + layout.sp.w}
            y={layout.sp.y + 15}
            textAnchor="end"
            text={spLabel(scene, locale)}
            width={layout.sp.w}
            px={PX.sp}
          />
        </g>
      )}
      {children}
    </g>
  );
}
