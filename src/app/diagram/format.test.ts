import { describe, expect, it } from 'vitest';
import { clip, formatCell, formatDouble, formatSize, hexAddr, hexBytes } from './format.ts';

const f64 = (v: number) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, v, true);
  return b;
};
const u64le = (v: bigint) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, v, true);
  return b;
};

describe('values as a learner reads them', () => {
  it('prints doubles short and keeps the exponent of tiny stale values', () => {
    expect(formatDouble(1.5)).toBe('1.5');
    expect(formatDouble(6.95336e-310)).toBe('6.95336e-310');
    expect(formatDouble(1.5e300)).toBe('1.5e+300');
    expect(formatDouble(Number.NaN)).toBe('nan');
    expect(formatCell('float', Uint8Array.of(0, 0, 0, 0, 0, 0, 0xf8, 0xff))).toBe('-nan');
  });

  it('reads a cell by its kind: the same eight bytes as a double, an int and a pointer', () => {
    const bytes = f64(4.5);
    expect(formatCell('float', bytes)).toBe('4.5');
    expect(formatCell('uint', bytes)).toBe('4616752568008179712');
    expect(formatCell('pointer', bytes)).toBe('0x4012000000000000');
    expect(formatCell('int', bytes.subarray(4, 8))).toBe('1074921472');
  });

  it('shows a null pointer as NULL and raw bytes in memory order', () => {
    expect(formatCell('pointer', new Uint8Array(8))).toBe('NULL');
    expect(hexBytes(f64(1.5))).toBe('00 00 00 00 00 00 f8 3f');
    expect(formatCell('pointer', u64le(0x7ffff7ffd908n))).toBe('0x7ffff7ffd908');
    expect(hexAddr(0x7ffff7ffd908)).toBe('0x7ffff7ffd908');
  });

  it('sizes and clipping', () => {
    expect(formatSize(32)).toBe('32 bytes');
    expect(formatSize(8960)).toBe('8.8 KiB');
    expect(clip('_rtld_global._dl_load_lock', 10)).toBe('_rtld_glo…');
    expect(clip('bar', 10)).toBe('bar');
  });
});
