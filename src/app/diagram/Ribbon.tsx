import { useMemo } from 'react';
import { RIBBON, ribbonRows } from './ribbon-rows.ts';
import { Label } from './Label.tsx';
import { PX } from './labels.ts';
import { textWidth } from './text-fit.ts';
import type { Trace } from '../../sim/trace/types.ts';
import { strings, type Locale } from './strings.ts';
import { scaled } from './StepView.tsx';
import { SvgDefs } from './SvgDefs.tsx';
import { boundaryCallList, objectList } from '../../sim/trace/tables.ts';
import { stepCount } from '../../sim/trace/reader.ts';

interface RibbonProps {
  trace: Trace;
  step: number;
  prefix: string;
  locale: Locale;
  /** A phone-sized container: a shorter plot and labels. */
  narrow?: boolean;
  /** The container's width (0: unknown): the plot narrows to it, so the ribbon is drawn at natural size. */
  room?: number;
  /** Drawn this many times its natural size (the presenter's 5/3). */
  scale?: number;
}

/**
 * The lifetime ribbon: one line per object across the run, solid while alive, hatched after its
 * lifetime ends (diagonal for out of scope, crossed for freed, dotted for collected), with the
 * current step marked. Object lines come in the order of their birth.
 */
export function Ribbon({ trace, step, prefix, locale, narrow = false, room = 0, scale = 1 }: RibbonProps) {
  const t = strings(locale);
  const n = Math.max(1, stepCount(trace));
  // Once per trace, not per step: a long run has tens of thousands of objects to sort.
  const rows = useMemo(() => ribbonRows(objectList(trace.objects), n, locale), [trace, n, locale]);
  // A desktop gives every name its room; a phone shortens them (each keeps its whole name as a tooltip).
  const labelW = useMemo(
    () => (narrow ? 120 : Math.max(RIBBON.labelW, ...rows.map((r) => textWidth(r.name, PX.ribbon) + 12))),
    [narrow, rows],
  );
  // The plot takes what the labels leave of the container (never scaled down: its labels stay 12 px).
  const plotW = narrow ? 220 : room > 0 ? Math.max(240, Math.min(640, room - labelW - 12)) : 640;
  const sx = (s: number) => labelW + (s / n) * plotW;
  const height = rows.length * RIBBON.rowH + 22;
  const width = labelW + plotW + 10;
  const calls = boundaryCallList(trace.boundaryCalls);
  return (
    <figure className="md-ribbon" aria-label={t.ribbon}>
      <figcaption className="md-ribbon__title">{t.ribbon}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={scaled(width, scale)}
        height={scaled(height, scale)}
        className="md-ribbon__svg"
        role="img"
        aria-label={rows
          .map(
            (r) =>
              `${r.name}: ${t.lifetime(r.born, r.end >= n ? -1 : r.end)}${r.deathKind !== null ? ` (${t.state[r.deathKind]})` : ''}`,
          )
          .join('; ')}
      >
        <SvgDefs prefix={`${prefix}r`} />
        {calls.map((c) => (
          <rect
            key={c.id}
            x={sx(c.step)}
            y={0}
            width={Math.max(2, sx(c.returnStep < 0 ? n : c.returnStep + 1) - sx(c.step))}
            height={height - 18}
            className="md-ribbon__call"
          />
        ))}
        {rows.map((r) => {
          const alive = step >= r.born && step < r.end;
          const deadFrom = r.end < n ? r.end : null;
          const pattern = r.deathKind === 'freed' ? 'cross' : r.deathKind === 'collected' ? 'dots' : 'hatch';
          return (
            <g
              key={r.objectId}
              className={`md-ribbon__row md-ribbon__row--${r.side}${alive ? ' md-ribbon__row--now' : ''}`}
            >
              <Label
                x={labelW - 6}
                y={r.y + 12}
                textAnchor="end"
                className="md-ribbon__label"
                text={r.name}
                width={labelW - 10}
                px={PX.ribbon}
              />
              <rect
                x={sx(r.born)}
                y={r.y + 4}
                width={Math.max(2, sx(r.end) - sx(r.born))}
                height={9}
                rx={3}
                className="md-ribbon__alive"
              />
              {deadFrom !== null && step >= deadFrom && (
                <rect
                  x={sx(deadFrom)}
                  y={r.y + 4}
                  width={Math.max(2, sx(step + 1) - sx(deadFrom))}
                  height={9}
                  fill={`url(#${prefix}r-${pattern})`}
                  className={`md-ribbon__dead md-ribbon__dead--${r.deathKind ?? 'out-of-scope'}`}
                />
              )}
            </g>
          );
        })}
        <line x1={sx(step + 0.5)} x2={sx(step + 0.5)} y1={0} y2={height - 16} className="md-ribbon__now" />
        <text x={sx(step + 0.5)} y={height - 4} textAnchor="middle" className="md-ribbon__now-label">
          {t.ribbonNow}
        </text>
      </svg>
    </figure>
  );
}
