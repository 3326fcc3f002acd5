/**
 * Standard conversions between scalar types ([conv]) and what each cast style allows
 * ([expr.static.cast], [expr.reinterpret.cast], [expr.const.cast], [expr.cast]), with the
 * ranks overload resolution compares: 0 exact match, 1 promotion, 2 conversion.
 */
import { dt, type DiagText } from '../../diag';
import type { CType, PointerType } from '../../abi/ctype';
import type { CastExpr, Expr } from '../ast';
import type { ConstValue } from './consteval';
import { evalConst } from './consteval';
import { cast, toRvalue } from './make';
import { INT_SIZE, isDerivedFrom, isUnsignedInt, promote, sameType, typeName } from './types';

/**
 * How a conversion is requested: implicitly, in a condition (where `explicit operator bool`
 * applies), or by a cast written in the source.
 */
export type ConversionKind = 'implicit' | 'contextual' | 'static' | 'reinterpret' | 'const' | 'c';

export type ConversionResult = { rank: number; expr: Expr } | { error: DiagText };

const STYLE: Record<ConversionKind, CastExpr['style']> = {
  implicit: 'implicit',
  contextual: 'implicit',
  static: 'static',
  reinterpret: 'reinterpret',
  const: 'const',
  c: 'c',
};

/** A null pointer constant: `nullptr`, or an integer literal 0. */
export function isNullPointerConstant(e: Expr): boolean {
  if (e.kind === 'nullptr') return true;
  let x: Expr = e;
  while (x.kind === 'cast' && x.implicit) x = x.operand;
  return x.kind === 'int-literal' && x.value === 0n && x.type.kind === 'int' && x.type.name !== 'bool';
}

function pointerToBase(from: PointerType, to: PointerType): boolean {
  return (
    from.pointee.kind === 'record' &&
    to.pointee.kind === 'record' &&
    isDerivedFrom(from.pointee.decl, to.pointee.decl)
  );
}

/** Converts an expression to a non-class, non-reference type; a cast style widens what is allowed. */
export function convertScalar(e0: Expr, to: CType, kind: ConversionKind = 'implicit'): ConversionResult {
  if (e0.kind === 'error') return { rank: 0, expr: e0 };
  const explicit = kind !== 'implicit' && kind !== 'contextual';
  const style = STYLE[kind];
  if (to.kind === 'void') {
    if (!explicit) return { error: dt('cpp.conv.to-void', typeName(e0.type)) };
    return { rank: 0, expr: cast('to-void', e0, to, { style }) };
  }
  const e = toRvalue(e0);
  const from = e.type;
  const castStyle = explicit ? style : undefined;
  if (from.kind === 'record') return { error: dt('cpp.conv.cannot-convert', typeName(from), typeName(to)) };
  if (from.kind === 'void') return { error: dt('cpp.conv.void-value', typeName(to)) };
  if (sameType(from, to)) return explicit ? made(e, to, castStyle, 'noop', 0) : { rank: 0, expr: e };
  const fromScopedEnum = from.kind === 'enum' && isScopedEnumType(from);
  if (kind === 'reinterpret') return reinterpretConversion(e, from, to, style);
  if (kind === 'const') {
    if (from.kind === 'pointer' && to.kind === 'pointer' && sameType(from.pointee, to.pointee))
      return made(e, to, castStyle, 'pointer', 0);
    return {
      error: dt('cpp.conv.const-cast', typeName(from), typeName(to)),
    };
  }
  switch (to.kind) {
    case 'int': {
      if (to.name === 'bool') {
        if (
          from.kind === 'int' ||
          from.kind === 'float' ||
          from.kind === 'pointer' ||
          (from.kind === 'enum' && (!fromScopedEnum || explicit))
        )
          return made(e, to, castStyle, 'to-bool', 2);
        break;
      }
      if (from.kind === 'int' || (from.kind === 'enum' && (!fromScopedEnum || explicit))) {
        const promoted = promote(from);
        return made(
          e,
          to,
          castStyle,
          'integral',
          promoted.kind === 'int' && promoted.name === to.name ? 1 : 2,
        );
      }
      if (from.kind === 'float') return made(e, to, castStyle, 'float-to-int', 2);
      if (from.kind === 'pointer' && kind === 'c') return made(e, to, castStyle, 'pointer-to-int', 2);
      break;
    }
    case 'enum':
      if (explicit && (from.kind === 'int' || from.kind === 'enum'))
        return made(e, to, castStyle, 'integral', 2);
      if (explicit && from.kind === 'float') return made(e, to, castStyle, 'float-to-int', 2);
      break;
    case 'float':
      if (from.kind === 'float') {
        const promotion = from.name === 'float' && to.name === 'double';
        return made(e, to, castStyle, 'float', promotion ? 1 : 2);
      }
      if (from.kind === 'int' || (from.kind === 'enum' && (!fromScopedEnum || explicit)))
        return made(e, to, castStyle, 'int-to-float', 2);
      break;
    case 'pointer': {
      if (isNullPointerConstant(e)) return made(e, to, castStyle, 'null-to-pointer', 2);
      if (from.kind === 'pointer') return pointerConversion(e, from, to, kind, style);
      if (from.kind === 'int' && kind === 'c') return made(e, to, castStyle, 'int-to-pointer', 2);
      break;
    }
    case 'complex':
      if (from.kind === 'float' || from.kind === 'int')
        return made(e, to, castStyle, from.kind === 'int' ? 'int-to-float' : 'float', 2);
      break;
    default:
      break;
  }
  return { error: dt('cpp.conv.cannot-convert', typeName(from), typeName(to)) };
}

/** A conversion node and its rank (a module-level helper: conversions are the hottest path). */
function made(
  e: Expr,
  to: CType,
  style: CastExpr['style'] | undefined,
  conv: CastExpr['conversion'],
  rank: number,
): ConversionResult {
  return { rank, expr: cast(conv, e, to, style ? { style } : {}) };
}

function isScopedEnumType(t: CType): boolean {
  return t.kind === 'enum' && scopedEnums.has(t);
}

/**
 * The scoped enums (`enum class`), registered by the declaration pass: the type model's EnumType
 * does not say whether an enum is scoped (requested as a field), and scoped enums do not convert
 * implicitly. Keyed by the EnumType object the declaration created.
 */
export const scopedEnums = new WeakSet<CType>();

function pointerConversion(
  e: Expr,
  from: PointerType,
  to: PointerType,
  kind: ConversionKind,
  style: CastExpr['style'],
): ConversionResult {
  const explicit = kind !== 'implicit' && kind !== 'contextual';
  const mk = (conv: CastExpr['conversion'], rank: number): ConversionResult => ({
    rank,
    expr: cast(conv, e, to, explicit ? { style } : {}),
  });
  const dropsConst = Boolean(from.pointeeConst) && !to.pointeeConst;
  if (dropsConst && kind !== 'c') {
    return {
      error: dt('cpp.conv.drops-const', typeName(from), typeName(to)),
    };
  }
  if (sameType(from.pointee, to.pointee)) return mk('pointer', 0);
  if (to.pointee.kind === 'void' && from.pointee.kind !== 'function') return mk('pointer', 2);
  if (pointerToBase(from, to) && to.pointee.kind === 'record') {
    return {
      rank: 2,
      expr: cast('derived-to-base', e, to, { ...(explicit ? { style } : {}), base: to.pointee.decl }),
    };
  }
  if (from.pointee.kind === 'void' && (kind === 'static' || kind === 'c')) return mk('pointer', 2);
  if (kind === 'c') return mk('pointer', 2);
  if (kind === 'static' && pointerToBase(to, from))
    return {
      error: dt('cpp.conv.base-to-derived'),
    };
  return {
    error: dt(
      kind === 'static' ? 'cpp.conv.cannot-static-cast' : 'cpp.conv.cannot-convert',
      typeName(from),
      typeName(to),
    ),
  };
}

function reinterpretConversion(e: Expr, from: CType, to: CType, style: CastExpr['style']): ConversionResult {
  const mk = (conv: CastExpr['conversion']): ConversionResult => ({
    rank: 2,
    expr: cast(conv, e, to, { style }),
  });
  if (from.kind === 'pointer' && to.kind === 'pointer') {
    if (from.pointeeConst && !to.pointeeConst)
      return { error: dt('cpp.conv.reinterpret-const', typeName(from), typeName(to)) };
    return mk('pointer');
  }
  if (from.kind === 'pointer' && to.kind === 'int') {
    if (INT_SIZE[to.name] < 8) return { error: dt('cpp.conv.pointer-fit', typeName(to)) };
    return mk('pointer-to-int');
  }
  if ((from.kind === 'int' || from.kind === 'enum') && to.kind === 'pointer') return mk('int-to-pointer');
  return { error: dt('cpp.conv.invalid-reinterpret', typeName(from), typeName(to)) };
}

/** The range of values of an integer type. */
function intRange(t: CType): [bigint, bigint] | null {
  const name = t.kind === 'int' ? t.name : t.kind === 'enum' ? t.underlying.name : null;
  if (!name) return null;
  if (name === 'bool') return [0n, 1n];
  const bits = BigInt(INT_SIZE[name] * 8);
  return isUnsignedInt(name) ? [0n, (1n << bits) - 1n] : [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
}

const FLOAT_ORDER = ['float', 'double', 'long double'];

/**
 * Whether converting `src` to `to` inside braces is narrowing ([dcl.init.list]): an error in
 * list-initialisation. Constants that fit are not narrowing.
 */
export function isNarrowing(src: Expr, to: CType): boolean {
  const from = src.type;
  const value: ConstValue | null = evalConst(toRvalue(src));
  if (from.kind === 'float' && (to.kind === 'int' || to.kind === 'enum')) return true;
  if (from.kind === 'float' && to.kind === 'float') {
    if (FLOAT_ORDER.indexOf(from.name) <= FLOAT_ORDER.indexOf(to.name)) return false;
    if (value?.kind === 'float')
      return (
        to.name === 'float' && Number.isFinite(value.value) && Math.abs(value.value) > 3.4028234663852886e38
      );
    return true;
  }
  if ((from.kind === 'int' || from.kind === 'enum') && to.kind === 'float') {
    if (value?.kind === 'int') {
      const n = Number(value.value);
      const back = to.name === 'float' ? Math.fround(n) : n;
      return BigInt(Math.trunc(back)) !== value.value;
    }
    return true;
  }
  if ((from.kind === 'int' || from.kind === 'enum') && (to.kind === 'int' || to.kind === 'enum')) {
    if (to.kind === 'int' && to.name === 'bool' && from.kind === 'int' && from.name !== 'bool') {
      return !(value?.kind === 'int' && (value.value === 0n || value.value === 1n));
    }
    const fr = intRange(from);
    const tr = intRange(to);
    if (!fr || !tr) return false;
    if (fr[0] >= tr[0] && fr[1] <= tr[1]) return false;
    if (value?.kind === 'int') return value.value < tr[0] || value.value > tr[1];
    return true;
  }
  return false;
}
