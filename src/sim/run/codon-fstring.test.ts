/**
 * Everyday Python around the foreign calls (issue 13): f-strings with format specs, `+` on strings,
 * `str(x)`. The expected outputs are what the oracle (`npm run real`: the program lowered as Codon
 * 0.19 lowers it, with lib.cpp's `seq_str_*` formatting through the real printf) printed on both
 * targets; the simulator formats with its own code (src/sim/codon/format-spec.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runProgram } from './index.ts';
import { parseFormatSpec } from '../codon/fstring.ts';
import { formatFloatSpec, formatIntSpec, formatStrSpec } from '../codon/format-spec.ts';

const TARGETS: readonly Target[] = ['x86_64', 'aarch64'];

const LIB = `extern "C" double twice(double x) { return 2 * x; }
extern "C" long mix(long a) { return a * 37 - 1000; }
`;

function expectRuns(codon: string, stdout: string) {
  for (const target of TARGETS) {
    const s = runProgram({ cpp: LIB, codon, target, record: 'summary' }).summary;
    expect(s.diagnostics, target).toEqual([]);
    expect(s.outcome, target).toBe('ok');
    expect(s.stdout, target).toBe(stdout);
  }
}

function spec(text: string) {
  const s = parseFormatSpec(text);
  if (s === null) throw new Error(`spec ${text} not modelled`);
  return s;
}

describe('f-strings, string + and str() around foreign calls', () => {
  it('print what npm run real printed for the same program on both targets', () => {
    expectRuns(
      `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float
from C import LIB.mix(int) -> int

def label(i: int) -> str:
    return "item " + str(i) + ":"

for i in range(4):
    y = twice(float(i) + 0.125)
    n = mix(i)
    print(f"{label(i)} {y:.3f} {y:g} {y:e} {y:>10.2f}| {n:x} {n:#X} {n:+d} {n:8d}|{n:<6}|{n:^7o}|")
    print(f"{y=} {n=} {i32(n):b} {u16(n):x} {label(i):>12}|", str(y) + "/" + str(n))
s = "ab"
s += f"{twice(0.1):.17g}|{twice(1e300) * 10.0:f}|{-twice(0.0):F}|{twice(-1e-7):G}"
print(s, len(s), str(), str([1.5, 2.0]), str(True))
`,
      'item 0: 0.250 0.25 2.500000e-01       0.25| -3e8 -0X3E8 -1000    -1000|-1000 | -1750 |\ny=0.25 n=-1000 -1111101000 fc18      item 0:| 0.25/-1000\nitem 1: 2.250 2.25 2.250000e+00       2.25| -3c3 -0X3C3 -963     -963|-963  | -1703 |\ny=2.25 n=-963 -1111000011 fc3d      item 1:| 2.25/-963\nitem 2: 4.250 4.25 4.250000e+00       4.25| -39e -0X39E -926     -926|-926  | -1636 |\ny=4.25 n=-926 -1110011110 fc62      item 2:| 4.25/-926\nitem 3: 6.250 6.25 6.250000e+00       6.25| -379 -0X379 -889     -889|-889  | -1571 |\ny=6.25 n=-889 -1101111001 fc87      item 3:| 6.25/-889\nab0.20000000000000001|20000000000000001050095205104088404974089371622163183098317082310236049159778163915727427501608957280874088876657677563538850464707208611512895843695734139656967744018531516074756604675895761801187379064699415998901622380779352817601493054855602849891585175776401136856762313389443927737309188010803200.000000|-0.000000|-2E-07 348  [1.5, 2] True\n',
    );
  });

  it("keep a field's `!r` (repr) for the simulator", () => {
    expectRuns('s = "a\'b"\nprint(f"{s!r} {s!s} {s!r:>8}|")\n', `"a'b" a'b    "a'b"|\n`);
  });
});

describe('format specs as Codon hands them to fmt (format.codon _python_to_fmt_format)', () => {
  it('keeps fill and align, and reads a leading 0 as part of the width', () => {
    expect(spec('*^9.2e').fmt).toBe('*^9.2e');
    expect(spec('08.3f').fmt).toBe('8.3f');
    expect(formatFloatSpec(2.5, spec('08.3f'))).toBe('   2.500');
  });

  it('refuses what Codon raises NotImplementedError for or turns into a locale', () => {
    for (const s of ['=8d', 'z.2f', '_d', ',d', '.f', 'c', '8.2%']) expect(parseFormatSpec(s), s).toBeNull();
  });

  it('formats integers as fmt does: sign and magnitude in every base, #o is 0', () => {
    expect(formatIntSpec(-255n, spec('#x'))).toBe('-0xff');
    expect(formatIntSpec(8n, spec('#o'))).toBe('010');
    expect(formatIntSpec(5n, spec('+05d'))).toBe('   +5');
    expect(formatIntSpec(-9223372036854775808n, spec('x'))).toBe('-8000000000000000');
  });

  it('rounds floats exactly, half to even, as printf does', () => {
    expect(formatFloatSpec(0.125, spec('.2f'))).toBe('0.12');
    expect(formatFloatSpec(0.375, spec('.2f'))).toBe('0.38');
    expect(formatFloatSpec(0.996, spec('.2f'))).toBe('1.00');
    expect(formatFloatSpec(0.006, spec('.2f'))).toBe('0.01');
    expect(formatFloatSpec(1e-7, spec('.3e'))).toBe('1.000e-07');
    expect(formatFloatSpec(-0, spec('f'))).toBe('-0.000000');
    expect(formatFloatSpec(Number.NaN, spec('f'))).toBe('nan');
    expect(formatFloatSpec(Number.POSITIVE_INFINITY, spec('+F'))).toBe('+INF');
    expect(formatStrSpec('ab', spec('^5'))).toBe(' ab  ');
  });
});
