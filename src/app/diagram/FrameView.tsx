import { Label } from './Label.tsx';
import { boundaryLabel, frameLabel, PX } from './labels.ts';
import type { FrameBand } from './layout.ts';
import type { SceneFrame } from '../../sim/view/index.ts';
import type { Locale } from './strings.ts';

interface FrameViewProps {
  band: FrameBand;
  frame: SceneFrame;
  areaX: number;
  areaW: number;
  locale: Locale;
}

/** A stack frame: a tinted band behind its objects, labelled; across the boundary, a marked line above it. */
export function FrameView({ band, frame, areaX, areaW, locale }: FrameViewProps) {
  const { x, y, w, h } = band;
  const label = frameLabel(frame, locale);
  const classes = ['md-frame', `md-frame--${frame.side}`, frame.alive ? 'md-frame--alive' : 'md-frame--dead'];
  if (frame.current) classes.push('md-frame--current');
  const top = band.boundary ? y + 20 : y;
  return (
    <g className={classes.join(' ')} data-frame={frame.functionName} data-frame-id={frame.id}>
      {band.boundary && (
        <g className="md-boundary" data-testid="call-boundary">
          <line x1={areaX + 8} x2={areaX + areaW - 8} y1={y + 6} y2={y + 6} />
          <Label
            x={areaX + areaW - 10}
            y={y + 18}
            textAnchor="end"
            text={boundaryLabel(frame, locale)}
            width={areaW - 20}
            px={PX.boundary}
          />
        </g>
      )}
      <rect x={x} y={top} width={w} height={h - (top - y)} rx={7} className="md-frame-band" />
      <Label x={x + 8} y={top + 16} className="md-frame-label" text={label} width={w - 12} px={PX.frame} />
    </g>
  );
}
