/**
 * How Codon 0.19's runtime prints values (not how Python does).
 *
 * - A float prints as the fmt library's `{:g}`: 6 significant digits, trailing zeros dropped,
 *   exponent form outside 1e-4 <= |x| < 1e6 (`default_format(double)` in codon/runtime/lib.cpp,
 *   used by `float.__format__("")`, which `float.__repr__` calls). `1.5`, `6`, `1e+06`, `0.1`.
 *   fmt prints a NaN whose sign bit is set as `-nan`; Codon's `float.__format__`
 *   (stdlib/internal/format.codon) replaces exactly "-nan" by "nan", so `print` always shows `nan`.
 * - Lists print as `[a, b]` with each item's `__repr__` (list.codon); strings inside are quoted.
 * - A `@tuple` class prints as `(x: 1.5, y: 2)` (`__magic__.repr` and `tuple_str` in internal.codon).
 * - A pointer prints as fmt's `fmt::ptr`: `0x` and lower-case hex, `0x0` for null.
 * - `True`/`False`, `None`, ints in decimal.
 * Rounding is exact (the decimal expansion of the double, rounded half to even), as glibc's printf
 * and fmt do.
 */

/** A value to print, as the interpreter hands it over. */
export type PrintValue =
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'str'; value: string }
  | { kind: 'none' }
  | { kind: 'ptr'; address: bigint }
  | { kind: 'list'; items: PrintValue[] }
  | { kind: 'tuple'; fields: { name: string; value: PrintValue }[] };

/** The exact decimal expansion of a finite positive double: value = 0.DIGITS x 10^pointPos. */
function exactDecimal(x: number): { digits: string; pointPos: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mantissa = expBits === 0 ? frac : frac | (1n << 52n);
  const e2 = (expBits === 0 ? 1 : expBits) - 1075;
  if (e2 >= 0) {
    const digits = (mantissa << BigInt(e2)).toString();
    return { digits, pointPos: digits.length };
  }
  const k = -e2;
  const digits = (mantissa * 5n ** BigInt(k)).toString();
  return { digits, pointPos: digits.length - k };
}

/** Rounds a digit string to `p` digits, half to even; may carry into a new leading digit. */
function roundDigits(digits: string, pointPos: number, p: number): { digits: string; pointPos: number } {
  if (digits.length <= p) return { digits: digits.padEnd(p, '0'), pointPos };
  const keep = digits.slice(0, p);
  const rest = digits.slice(p);
  const first = rest.charCodeAt(0) - 48;
  let up = first > 5;
  if (first === 5) {
    const moreThanHalf = /[1-9]/.test(rest.slice(1));
    up = moreThanHalf || (keep.charCodeAt(p - 1) - 48) % 2 === 1;
  }
  if (!up) return { digits: keep, pointPos };
  const bumped = (BigInt(keep) + 1n).toString();
  if (bumped.length > p) return { digits: bumped.slice(0, p), pointPos: pointPos + 1 };
  return { digits: bumped.padStart(p, '0'), pointPos };
}

function stripFraction(s: string): string {
  if (!s.includes('.')) return s;
  return s.replace(/0+$/, '').replace(/\.$/, '');
}

/** C's and fmt's `%g` / `{:g}` with the given precision (default 6), `-nan` included. */
export function formatFloatFmtG(x: number, precision = 6): string {
  const p = precision === 0 ? 1 : precision;
  const negative = x < 0 || Object.is(x, -0) || (Number.isNaN(x) && nanSignBit(x));
  const sign = negative ? '-' : '';
  if (Number.isNaN(x)) return `${sign}nan`;
  if (!Number.isFinite(x)) return `${sign}inf`;
  if (x === 0) return `${sign}0`;
  const exact = exactDecimal(Math.abs(x));
  const { digits, pointPos } = roundDigits(exact.digits, exact.pointPos, p);
  const exp = pointPos - 1;
  if (exp < p && exp >= -4) {
    let fixed: string;
    if (pointPos <= 0) fixed = `0.${'0'.repeat(-pointPos)}${digits}`;
    else if (pointPos >= digits.length) fixed = digits + '0'.repeat(pointPos - digits.length);
    else fixed = `${digits.slice(0, pointPos)}.${digits.slice(pointPos)}`;
    return sign + stripFraction(fixed);
  }
  const mantissa = stripFraction(`${digits[0]}.${digits.slice(1)}`);
  const e = Math.abs(exp).toString().padStart(2, '0');
  return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${e}`;
}

/** The sign bit of a NaN (JS keeps NaN payloads through typed arrays, not through arithmetic). */
function nanSignBit(x: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return (view.getUint8(0) & 0x80) !== 0;
}

/** How Codon prints a float: fmt's `{:g}`, with "-nan" shown as "nan". */
export function formatFloat(x: number): string {
  const s = formatFloatFmtG(x);
  return s === '-nan' ? 'nan' : s;
}

/** The UTF-8 bytes of one code point. */
function utf8(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/**
 * Codon's `str.__repr__` (stdlib/internal/str.codon): single quotes unless the text holds a single
 * quote and no double; `\n`, `\r`, `\t`, `\\` and the quote escaped; every other byte outside
 * 32..126 as `\xhh` (Codon strings are bytes, so `é` shows as `\xc3\xa9`).
 */
function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const simple: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (simple[ch]) out += simple[ch];
    else if (ch === quote) out += '\\' + ch;
    else if (cp >= 32 && cp <= 126) out += ch;
    else for (const b of utf8(cp)) out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return out + quote;
}

/** A value as `print` shows it (`repr` true: as shown inside a list or a tuple). */
export function formatValue(v: PrintValue, repr = false): string {
  switch (v.kind) {
    case 'int':
      return v.value.toString();
    case 'float':
      return formatFloat(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'str':
      return repr ? strRepr(v.value) : v.value;
    case 'none':
      return 'None';
    case 'ptr':
      return `0x${BigInt.asUintN(64, v.address).toString(16)}`;
    case 'list':
      return `[${v.items.map((item) => formatValue(item, true)).join(', ')}]`;
    case 'tuple':
      return `(${v.fields.map((f) => `${f.name}: ${formatValue(f.value, true)}`).join(', ')})`;
  }
}

/** What `print(*values, sep=sep, end=end)` writes. */
export function formatPrint(values: PrintValue[], sep = ' ', end = '\n'): string {
  return values.map((v) => formatValue(v)).join(sep) + end;
}

/** Rounds the exact expansion to `p` significant digits, `p` possibly 0 or negative (everything rounds away). */
function roundTo(x: number, p: number): { digits: string; pointPos: number } {
  const exact = exactDecimal(x);
  const pad = p < 1 ? 1 - p : 0;
  const r = roundDigits('0'.repeat(pad) + exact.digits, exact.pointPos + pad, p + pad);
  // Drop the zeros put in front (a carry may have turned the first into a 1).
  let { digits, pointPos } = r;
  while (digits.length > 1 && digits[0] === '0') {
    digits = digits.slice(1);
    pointPos--;
  }
  return { digits, pointPos };
}

/** printf's and fmt's `%.Nf` of a finite non-negative double, exactly rounded (half to even). */
export function formatFixed(x: number, precision: number): string {
  if (x === 0) return precision > 0 ? `0.${'0'.repeat(precision)}` : '0';
  const exact = exactDecimal(x);
  const { digits, pointPos } = roundTo(x, exact.pointPos + precision);
  // value = 0.DIGITS x 10^pointPos; write it with `precision` decimals.
  const all = pointPos >= 0 ? digits : '0'.repeat(-pointPos) + digits;
  const intLen = Math.max(pointPos, 0);
  const padded = all.padEnd(intLen + precision, '0');
  const int = padded.slice(0, intLen).replace(/^0+(?=.)/, '') || '0';
  const frac = padded.slice(intLen, intLen + precision);
  return precision > 0 ? `${int}.${frac}` : int;
}

/** printf's and fmt's `%.Ne` of a finite non-negative double. */
export function formatExp(x: number, precision: number): string {
  if (x === 0) return `${precision > 0 ? `0.${'0'.repeat(precision)}` : '0'}e+00`;
  const { digits, pointPos } = roundTo(x, precision + 1);
  const d = digits.padEnd(precision + 1, '0');
  const exp = pointPos - 1;
  const mant = precision > 0 ? `${d[0]}.${d.slice(1, precision + 1)}` : (d[0] as string);
  return `${mant}e${exp < 0 ? '-' : '+'}${Math.abs(exp).toString().padStart(2, '0')}`;
}

/** Whether a double's sign bit is set (so -0.0 and a negative NaN print a `-`). */
export function signBit(x: number): boolean {
  return x < 0 || Object.is(x, -0) || (Number.isNaN(x) && nanSignBit(x));
}
