/**
 * Sizes, alignments and representations of the scalar types on the two LP64 Linux targets,
 * as g++ 12 defines them (checked by the fixtures in `fixtures/`).
 *
 * The two targets differ in three places that matter here: plain `char` is signed on x86-64
 * and unsigned on AArch64; `wchar_t` is `int` on x86-64 and `unsigned int` on AArch64; and
 * `long double` is the x87 80-bit format (10 value bytes in a 16-byte, 16-aligned slot) on
 * x86-64 but IEEE binary128 (all 16 bytes) on AArch64.
 */
import type { FloatName, IntName, Target } from './ctype.ts';

export interface IntInfo {
  size: number;
  align: number;
  signed: boolean;
}

const INT_SIZES: Record<IntName, number> = {
  bool: 1,
  char: 1,
  'signed char': 1,
  'unsigned char': 1,
  short: 2,
  'unsigned short': 2,
  int: 4,
  'unsigned int': 4,
  long: 8,
  'unsigned long': 8,
  'long long': 8,
  'unsigned long long': 8,
  __int128: 16,
  'unsigned __int128': 16,
  char16_t: 2,
  char32_t: 4,
  wchar_t: 4,
};

/** Size, alignment and signedness of a fundamental integer type. */
export function intInfo(name: IntName, target: Target): IntInfo {
  const size = INT_SIZES[name];
  let signed: boolean;
  if (name === 'char' || name === 'wchar_t') signed = target === 'x86_64';
  else if (name === 'bool' || name === 'char16_t' || name === 'char32_t') signed = false;
  else signed = !name.startsWith('unsigned');
  return { size, align: size, signed };
}

export interface FloatInfo {
  size: number;
  align: number;
  /** Bytes that hold the value (10 for the x87 format; the rest of the slot is padding). */
  valueSize: number;
}

/** Size, alignment and value bytes of a floating-point type. */
export function floatInfo(name: FloatName, target: Target): FloatInfo {
  if (name === 'float') return { size: 4, align: 4, valueSize: 4 };
  if (name === 'double') return { size: 8, align: 8, valueSize: 8 };
  return { size: 16, align: 16, valueSize: target === 'x86_64' ? 10 : 16 };
}

/** Pointers (and references, which are stored as pointers) are 8 bytes on both targets. */
export const POINTER_SIZE = 8;
