import { Label } from './Label.tsx';
import { PX } from './labels.ts';
import type { RegisterBox } from './layout.ts';
import { textWidth } from './text-fit.ts';
import type { SceneRegister } from '../../sim/view/index.ts';

interface RegisterViewProps {
  box: RegisterBox;
  reg: SceneRegister;
  showHex: boolean;
  mismatch: boolean;
  /** The caller reads its result from this register now. */
  readNow?: boolean;
}

/** One register: its name, its value (hex for integers, a double for vector registers), its role on hover. */
export function RegisterView({ box, reg, showHex, mismatch, readNow = false }: RegisterViewProps) {
  const { x, y, w, h } = box;
  const classes = ['md-reg', `md-reg--${reg.kind}`];
  if (reg.written) classes.push('md-reg--written');
  if (reg.inCall) classes.push('md-reg--in-call');
  if (mismatch) classes.push('md-reg--mismatch');
  if (readNow) classes.push('md-reg--read');
  const value = showHex && reg.kind !== 'gp' && reg.kind !== 'sp' ? reg.hex : reg.text;
  return (
    <g
      className={classes.join(' ')}
      data-testid={`reg-${reg.name}`}
      data-reg={reg.name}
      data-value={reg.text}
      data-in-call={reg.inCall ? 'true' : undefined}
      data-read={readNow ? 'true' : undefined}
    >
      <title>{`%${reg.label} = ${reg.text} (${reg.hex}). ${reg.role}`}</title>
      <rect x={x} y={y} width={w} height={h} rx={4} className="md-reg-box" />
      <text x={x + 8} y={y + h / 2 + 4} className="md-reg-name">
        {`%${reg.label}`}
      </text>
      <Label
        x={x + w - 8}
        y={y + h / 2 + 4}
        textAnchor="end"
        className="md-reg-value"
        text={value}
        width={w - 30 - textWidth(`%${reg.label}`, PX.reg)}
        px={PX.reg}
      />
    </g>
  );
}
