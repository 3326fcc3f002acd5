/**
 * `-Wformat`-style checking of printf calls with a literal format: each conversion against the
 * promoted type of its argument, with g++'s wording. Warnings, as in g++ (the call still runs and
 * prints what the bits say).
 */
import { dt } from '../../diag';
import type { CType } from '../../abi/ctype';
import type { Expr } from '../ast';
import type { Sema } from './context';
import { typeName } from './types';

/** The argument type a conversion expects, as g++ names it, and a test on the promoted argument type. */
function expected(conv: string, length: string): { name: string; ok: (t: CType) => boolean } | null {
  const intOf =
    (names: string[]) =>
    (t: CType): boolean =>
      (t.kind === 'int' && names.includes(t.name)) ||
      (t.kind === 'enum' && names.includes(t.underlying.name));
  switch (conv) {
    case 'd':
    case 'i':
      if (length === 'l') return { name: 'long int', ok: intOf(['long', 'unsigned long']) };
      if (length === 'll') return { name: 'long long int', ok: intOf(['long long', 'unsigned long long']) };
      if (length === 'z') return { name: 'long int', ok: intOf(['long', 'unsigned long']) };
      return { name: 'int', ok: intOf(['int', 'unsigned int']) };
    case 'u':
    case 'x':
    case 'X':
    case 'o':
      if (length === 'l') return { name: 'long unsigned int', ok: intOf(['long', 'unsigned long']) };
      if (length === 'll')
        return { name: 'long long unsigned int', ok: intOf(['long long', 'unsigned long long']) };
      if (length === 'z') return { name: 'size_t', ok: intOf(['long', 'unsigned long']) };
      return { name: 'unsigned int', ok: intOf(['int', 'unsigned int']) };
    case 'c':
      return { name: 'int', ok: intOf(['int', 'unsigned int']) };
    case 'f':
    case 'F':
    case 'e':
    case 'E':
    case 'g':
    case 'G':
    case 'a':
    case 'A':
      if (length === 'L')
        return { name: 'long double', ok: (t) => t.kind === 'float' && t.name === 'long double' };
      return { name: 'double', ok: (t) => t.kind === 'float' && t.name === 'double' };
    case 's':
      return {
        name: 'char*',
        ok: (t) =>
          t.kind === 'pointer' &&
          t.pointee.kind === 'int' &&
          ['char', 'signed char', 'unsigned char'].includes(t.pointee.name),
      };
    case 'p':
      return { name: 'void*', ok: (t) => t.kind === 'pointer' };
    default:
      return null;
  }
}

/** Warns about printf conversions that do not match their arguments (only for a literal format). */
export function checkPrintfFormat(sema: Sema, format: Expr, args: Expr[]): void {
  let f = format;
  while (f.kind === 'cast') f = f.operand;
  if (f.kind !== 'string-literal') return;
  const text = f.value;
  const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?(hh|h|ll|l|L|z|j|t)?([a-zA-Z%])/g;
  let argIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const conv = m[5] ?? '';
    if (conv === '%') continue;
    if (m[2] === '*') argIndex++;
    if (m[3] === '*') argIndex++;
    if (conv === 'n') {
      sema.diags.unsupported(format.span, dt('cpp.sema.printf.printf-s-n-conversion'));
      return;
    }
    const want = expected(conv, m[4] ?? '');
    if (!want) {
      sema.warning(format.span, dt('cpp.sema.printf.unknown-conversion-type-character-in-format', conv));
      return;
    }
    const arg = args[argIndex];
    argIndex++;
    if (!arg) {
      sema.warning(format.span, dt('cpp.sema.printf.format-expects-a-matching-argument', m[0], want.name));
      return;
    }
    if (!want.ok(arg.type))
      sema.warning(
        arg.span,
        dt(
          'cpp.sema.printf.format-expects-an-argument-of-type',
          m[0],
          want.name,
          argIndex + 1,
          typeName(arg.type),
        ),
      );
  }
  if (argIndex < args.length)
    sema.warning(args[argIndex]?.span ?? format.span, dt('cpp.sema.printf.too-many-arguments-for-format'));
}
