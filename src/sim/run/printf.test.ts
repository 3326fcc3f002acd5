import { describe, expect, it } from 'vitest';
import { formatPrintf, formatStreamDouble } from './printf.ts';
import { Ref } from './values.ts';

const fmt = (f: string, ...args: (number | Ref)[]) => formatPrintf(f, args, [], () => 'text');

describe('printf', () => {
  it.each([
    ['%d', [42], '42'],
    ['%5d|', [42], '   42|'],
    ['%-5d|', [42], '42   |'],
    ['%05d', [-42], '-0042'],
    ['%x %X %#x', [255, 255, 255], 'ff FF 0xff'],
    ['%f', [1.5], '1.500000'],
    ['%.2f', [2.345], '2.35'],
    ['%g %g %g', [1.5, 1e6, 0.0001], '1.5 1e+06 0.0001'],
    ['%e', [1234.5], '1.234500e+03'],
    ['%c%c', [104, 105], 'hi'],
    ['100%%', [], '100%'],
  ] as [string, number[], string][])('%s', (f, args, out) => {
    expect(fmt(f, ...args)).toBe(out);
  });

  it('prints pointers as glibc does, (nil) for null', () => {
    expect(fmt('%p %p', new Ref(0x7ffff7ffd908, -1), new Ref(0, -1))).toBe('0x7ffff7ffd908 (nil)');
  });

  it('prints a negative NaN as -nan, as glibc does', () => {
    expect(fmt('%f %g', -NaN, -NaN)).toBe('-nan -nan');
  });

  it('formats a double for std::cout like %g', () => {
    expect(formatStreamDouble(2.5)).toBe('2.5');
    expect(formatStreamDouble(1234567)).toBe('1.23457e+06');
  });
});
