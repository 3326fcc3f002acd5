/**
 * A value formatted with a format spec, as Codon 0.19 does it: `x.__format__(spec)` (format.codon)
 * calls lib.cpp `seq_str_int`/`seq_str_float`/`seq_str_str`, which format with the fmt library and
 * the spec `_python_to_fmt_format` built (`FormatSpec.fmt`). fmt's rules: numbers align right and
 * strings left by default, `^` puts the odd fill character on the right, `#x` is `0x`, `#o` is `0`
 * (not Python's `0o`), a negative hex number is `-` and its magnitude, `f`/`e`/`g` round exactly
 * as printf does; then float.__format__ replaces a result of exactly "-nan" by "nan".
 */
import type { FormatSpec } from './ast';
import { formatExp, formatFixed, formatFloatFmtG, signBit } from './format';

function pad(body: string, spec: FormatSpec, numeric: boolean): string {
  const n = spec.width - [...body].length;
  if (n <= 0) return body;
  const align = spec.align ?? (numeric ? '>' : '<');
  const fill = spec.fill;
  if (align === '<') return body + fill.repeat(n);
  if (align === '>') return fill.repeat(n) + body;
  const left = Math.floor(n / 2);
  return fill.repeat(left) + body + fill.repeat(n - left);
}

function signText(negative: boolean, spec: FormatSpec): string {
  if (negative) return '-';
  if (spec.sign === '+') return '+';
  if (spec.sign === ' ') return ' ';
  return '';
}

/** `int.__format__(spec)` (and `Int[N]`'s, which formats `int(self)`). */
export function formatIntSpec(value: bigint, spec: FormatSpec): string {
  const negative = value < 0n;
  const mag = negative ? -value : value;
  const t = spec.type ?? 'd';
  const base = t === 'x' || t === 'X' ? 16 : t === 'o' ? 8 : t === 'b' ? 2 : 10;
  let digits = mag.toString(base);
  if (t === 'X') digits = digits.toUpperCase();
  const prefix = !spec.alternate
    ? ''
    : t === 'x'
      ? '0x'
      : t === 'X'
        ? '0X'
        : t === 'b'
          ? '0b'
          : t === 'o' && mag !== 0n
            ? '0'
            : '';
  return pad(signText(negative, spec) + prefix + digits, spec, true);
}

/** `float.__format__(spec)` for the types `f F e E g G`. */
export function formatFloatSpec(value: number, spec: FormatSpec): string {
  const t = spec.type ?? 'g';
  const p = spec.precision ?? 6;
  const negative = signBit(value);
  const x = Math.abs(value);
  let body: string;
  if (Number.isNaN(value)) body = 'nan';
  else if (!Number.isFinite(value)) body = 'inf';
  else if (t === 'f' || t === 'F') body = formatFixed(x, p);
  else if (t === 'e' || t === 'E') body = formatExp(x, p);
  else body = formatFloatFmtG(x, p);
  if (t === 'F' || t === 'E' || t === 'G') body = body.toUpperCase();
  const out = pad(signText(negative, spec) + body, spec, true);
  return out === '-nan' ? 'nan' : out;
}

/** `str.__format__(spec)`: width and alignment. */
export function formatStrSpec(value: string, spec: FormatSpec): string {
  return pad(value, spec, false);
}
