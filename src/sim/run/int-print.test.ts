/**
 * How a Codon integer prints (format.codon: `int`/`Int[N]` through lib.cpp `seq_str_int`, `UInt[N]`
 * through `seq_str_uint`, both fmt's `{}`): every digit of the value, a u64 unsigned. The fixtures in
 * fixtures/ints/ hold each program with the stdout the oracle printed on both targets (`npm run
 * test:diff` compares them with the real machine too).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { intText } from './codon-interp/display.ts';
import { intBytes, words64 } from '../machine/memory.ts';
import { runProgram } from './index.ts';

const ROOT = join(import.meta.dirname, 'fixtures', 'ints');

interface Expected {
  target: Target;
  outcome: string;
  stdout: string;
}

function expectDigits(v: number, text: string): void {
  expect(intText(v)).toBe(text);
}

describe('integer fixtures print as the real machine printed them', () => {
  for (const name of readdirSync(ROOT).sort()) {
    const dir = join(ROOT, name);
    const cpp = readFileSync(join(dir, 'lib.cpp'), 'utf8');
    const codon = readFileSync(join(dir, 'main.codon'), 'utf8');
    const spec = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as { runs: Expected[] };
    for (const r of spec.runs)
      it(`${name} on ${r.target}`, () => {
        const s = runProgram({ cpp, codon, target: r.target, record: 'summary' }).summary;
        expect(s.diagnostics).toEqual([]);
        expect(s.outcome).toBe(r.outcome);
        expect(s.stdout).toBe(r.stdout);
      });
  }
});

describe('the digits of an integer held as a double', () => {
  it('prints every digit the double holds, as seq_str_int does, not JavaScript’s shortest form', () => {
    expectDigits(2 ** 62, '4611686018427387904');
    expectDigits(2 ** 64 - 2048, '18446744073709549568');
    expectDigits(-(2 ** 63), '-9223372036854775808');
  });

  it('small integers print as they always did', () => {
    expectDigits(0, '0');
    expectDigits(-14, '-14');
    expectDigits(2 ** 53 - 1, '9007199254740991');
  });
});

describe('a 64-bit word written from a double', () => {
  it('2^64 (a u64 near 2^64 that lost its low bits) is written as all ones, not wrapped to 0', () => {
    expect(words64(2 ** 64)).toEqual([0xffffffff, 0xffffffff]);
    expect([...intBytes(2 ** 64, 8)]).toEqual(new Array(8).fill(0xff));
  });

  it('negative values are two’s complement and in-range values are their own bits', () => {
    expect(words64(-14)).toEqual([0xfffffff2, 0xffffffff]);
    expect(words64(2 ** 63)).toEqual([0, 0x80000000]);
    expect(words64(2 ** 32 + 5)).toEqual([5, 1]);
  });
});
