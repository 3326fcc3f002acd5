/**
 * C's printf formatting for the conversions lessons use (%d %i %u %ld %lld %zu %x %p %f %e %g %s %c
 * %%, with flags, width and precision), and the default std::ostream formatting of a double
 * (like %g with precision 6).
 */
import type { CType } from '../abi/ctype.ts';
import { formatFloatFmtG } from '../codon/format.ts';
import { Ref, num, type Val } from './values.ts';

/** `%g` as C formats it (the same digits as fmt's `{:g}`, which the Codon front end implements exactly). */
export function formatG(x: number, precision = 6, upper = false): string {
  const s = formatFloatFmtG(x, precision);
  return upper ? s.toUpperCase() : s;
}

/** True when a NaN has its sign bit set (the x87 "indefinite" NaN prints as -nan). */
export function signOfNaN(x: number): boolean {
  const f = new Float64Array([x]);
  return (new Uint32Array(f.buffer)[1] as number) >>> 31 === 1;
}

/** std::cout << double: the default stream formatting, %g with precision 6. */
export function formatStreamDouble(x: number): string {
  return formatG(x, 6);
}

/** Formats a printf call. `args` are the promoted variadic values with their types. */
export function formatPrintf(
  fmt: string,
  args: Val[],
  types: CType[],
  readString: (p: Ref) => string,
): string {
  let out = '';
  let ai = 0;
  const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?(hh|h|ll|l|z|j|t|L)?([diouxXeEfFgGcspn%])/g;
  let last = 0;
  for (let m = re.exec(fmt); m !== null; m = re.exec(fmt)) {
    out += fmt.slice(last, m.index);
    last = re.lastIndex;
    const [, flags = '', widthS, precS, , conv] = m;
    if (conv === '%') {
      out += '%';
      continue;
    }
    const width = widthS === '*' ? num(args[ai++] ?? 0) : widthS === undefined ? 0 : Number(widthS);
    const prec = precS === '*' ? num(args[ai++] ?? 0) : precS === undefined ? undefined : Number(precS);
    const arg = args[ai];
    const type = types[ai];
    ai++;
    let s: string;
    switch (conv) {
      case 'd':
      case 'i':
        s = String(Math.trunc(num(arg ?? 0)));
        if (flags.includes('+') && !s.startsWith('-')) s = '+' + s;
        break;
      case 'u':
        s = String(
          Math.trunc(num(arg ?? 0)) >>> 0 === num(arg ?? 0)
            ? num(arg ?? 0)
            : BigInt.asUintN(64, BigInt(Math.trunc(num(arg ?? 0)))),
        );
        break;
      case 'x':
      case 'X':
      case 'o': {
        const v = BigInt.asUintN(64, BigInt(Math.trunc(num(arg ?? 0))));
        s = v.toString(conv === 'o' ? 8 : 16);
        if (conv === 'X') s = s.toUpperCase();
        if (flags.includes('#') && v !== 0n) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s;
        break;
      }
      case 'p':
        s = num(arg ?? 0) === 0 ? '(nil)' : '0x' + num(arg ?? 0).toString(16);
        break;
      case 'f':
      case 'F': {
        const v = num(arg ?? 0);
        s = Number.isNaN(v)
          ? signOfNaN(v)
            ? '-nan'
            : 'nan'
          : Number.isFinite(v)
            ? v.toFixed(prec ?? 6)
            : v < 0
              ? '-inf'
              : 'inf';
        if (flags.includes('+') && v >= 0) s = '+' + s;
        break;
      }
      case 'e':
      case 'E': {
        const v = num(arg ?? 0);
        const t = v.toExponential(prec ?? 6);
        const [mant, e] = t.split('e') as [string, string];
        const n = Number(e);
        s = `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
        if (conv === 'E') s = s.toUpperCase();
        break;
      }
      case 'g':
      case 'G':
        s = formatG(num(arg ?? 0), prec ?? 6, conv === 'G');
        if (flags.includes('+') && num(arg ?? 0) >= 0) s = '+' + s;
        break;
      case 'c':
        s = String.fromCharCode(num(arg ?? 0) & 0xff);
        break;
      case 's': {
        const p = arg instanceof Ref ? arg : new Ref(num(arg ?? 0), -1);
        s = p.addr === 0 ? '(null)' : readString(p);
        if (prec !== undefined) s = s.slice(0, prec);
        break;
      }
      default:
        s = '';
    }
    void type;
    if (s.length < width) {
      const pad = width - s.length;
      if (flags.includes('-')) s = s + ' '.repeat(pad);
      else if (flags.includes('0') && conv !== 's' && conv !== 'c') {
        const sign = /^[-+]/.test(s) ? (s[0] as string) : '';
        s = sign + '0'.repeat(pad) + s.slice(sign.length);
      } else s = ' '.repeat(pad) + s;
    }
    out += s;
  }
  return out + fmt.slice(last);
}
