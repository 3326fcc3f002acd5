/**
 * How the view model prints machine values: addresses as hex, cells by their kind (a double, an
 * int, a pointer), raw bytes in memory order. Pure functions, shared by the scene, the diagram, the
 * text view and tests.
 */
import type { Cell } from '../trace/types.ts';

/** An address as the learner sees it in gdb: `0x7ffff7ffd908`. */
export function hexAddr(n: number): string {
  return `0x${Math.max(0, n).toString(16)}`;
}

/** Bytes in memory order, two hex digits each: `00 00 00 00 00 00 f8 3f`. */
export function hexBytes(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** Little-endian unsigned 64-bit value of 8 bytes, exact (as a bigint). */
export function u64(bytes: Uint8Array, offset = 0): bigint {
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(bytes[offset + i] ?? 0);
  return v;
}

/** The 8-byte value as a JS number; exact for every canonical user-space address (below 2^53). */
export function u64Number(bytes: Uint8Array, offset = 0): number {
  const v = u64(bytes, offset);
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : Number.NaN;
}

/** A double the way a learner reads it: short, exact when short, 6 significant digits otherwise. */
export function formatDouble(v: number): string {
  if (Number.isNaN(v)) return signBitSet(v) ? '-nan' : 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const s = String(v);
  if (s.length <= 10) return s;
  const p = v.toPrecision(6);
  // toPrecision keeps trailing zeros in the mantissa (1.50000e+300 -> 1.5e+300); the exponent stays.
  const [mant = '', exp] = p.split('e');
  const m = mant.includes('.') ? mant.replace(/\.?0+$/, '') : mant;
  return exp === undefined ? m : `${m}e${exp}`;
}

function signBitSet(v: number): boolean {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, v);
  return (dv.getUint8(0) & 0x80) !== 0;
}

/** What a cell's bytes mean, by its kind; `bytes` are exactly the cell's bytes. */
export function formatCell(kind: Cell['kind'], bytes: Uint8Array): string {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  switch (kind) {
    case 'float':
      // A NaN's sign is read from the bytes: the x87 "indefinite" NaN prints as -nan.
      if (n === 8 && Number.isNaN(dv.getFloat64(0, true))) return (bytes[7] ?? 0) & 0x80 ? '-nan' : 'nan';
      if (n === 8) return formatDouble(dv.getFloat64(0, true));
      if (n === 4) return formatDouble(Math.fround(dv.getFloat32(0, true)));
      return hexBytes(bytes);
    case 'int':
    case 'uint': {
      const signed = kind === 'int';
      if (n === 1) return String(signed ? dv.getInt8(0) : dv.getUint8(0));
      if (n === 2) return String(signed ? dv.getInt16(0, true) : dv.getUint16(0, true));
      if (n === 4) return String(signed ? dv.getInt32(0, true) : dv.getUint32(0, true));
      if (n === 8) return String(signed ? dv.getBigInt64(0, true) : dv.getBigUint64(0, true));
      return hexBytes(bytes);
    }
    case 'bool':
      return bytes[0] === 0 ? 'false' : bytes[0] === 1 ? 'true' : `true (${bytes[0]})`;
    case 'pointer':
    case 'vptr': {
      if (n !== 8 && n !== 4) return hexBytes(bytes);
      const v = n === 8 ? u64(bytes) : BigInt(dv.getUint32(0, true));
      return v === 0n ? 'NULL' : `0x${v.toString(16)}`;
    }
    case 'padding':
    case 'opaque':
      return n > 8 ? `${hexBytes(bytes.subarray(0, 8))} …` : hexBytes(bytes);
  }
}
