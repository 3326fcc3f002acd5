/**
 * Constant evaluation of typed expressions: array bounds, template arguments (`std::array<double, N>`),
 * enumerator values, bit-field widths, `static_assert`, and narrowing checks in braced initialisation.
 *
 * Integers are BigInts wrapped to their type's width. `sizeof` uses the x86-64 layout: both targets
 * are LP64 Linux and agree on the sizes of every type the front end accepts in a constant.
 */
import type { CType, IntName } from '../../abi/ctype';
import type { Expr } from '../ast';
import { sizeOf, alignOf, tryAbi } from './abi';
import { INT_SIZE, isUnsignedInt } from './types';

export type ConstValue = { kind: 'int'; value: bigint } | { kind: 'float'; value: number };

/** Wraps an integer to the width and signedness of an integer type. */
export function wrapInt(value: bigint, name: IntName): bigint {
  if (name === 'bool') return value !== 0n ? 1n : 0n;
  const bits = INT_SIZE[name] * 8;
  return isUnsignedInt(name) ? BigInt.asUintN(bits, value) : BigInt.asIntN(bits, value);
}

function intTypeName(t: CType): IntName | null {
  if (t.kind === 'int') return t.name;
  if (t.kind === 'enum') return t.underlying.name;
  return null;
}

const MAX_DEPTH = 200;

/** The constant value of an expression, or null when it is not a constant expression. */
export function evalConst(e: Expr, depth = 0): ConstValue | null {
  if (depth > MAX_DEPTH) return null;
  const sub = (x: Expr): ConstValue | null => evalConst(x, depth + 1);
  switch (e.kind) {
    case 'int-literal':
    case 'enumerator':
      return { kind: 'int', value: e.value };
    case 'bool-literal':
      return { kind: 'int', value: e.value ? 1n : 0n };
    case 'float-literal':
      return { kind: 'float', value: e.value };
    case 'var-ref': {
      const v = e.variable;
      if (!(v.const || v.constexpr) || !v.init || v.init.kind !== 'expr') return null;
      if (v.type.kind !== 'int' && v.type.kind !== 'enum' && !(v.constexpr && v.type.kind === 'float'))
        return null;
      return sub(v.init.expr);
    }
    case 'sizeof': {
      const r = tryAbi(() => (e.align ? alignOf(e.of, 'x86_64') : sizeOf(e.of, 'x86_64')));
      return r.ok ? { kind: 'int', value: BigInt(r.value) } : null;
    }
    case 'cast':
      return evalCast(e.conversion, sub(e.operand), e.type);
    case 'unary': {
      const v = sub(e.operand);
      if (!v) return null;
      if (e.op === '!') return { kind: 'int', value: truthy(v) ? 0n : 1n };
      if (v.kind === 'float')
        return e.op === '-' ? { kind: 'float', value: -v.value } : e.op === '+' ? v : null;
      const name = intTypeName(e.type) ?? 'int';
      if (e.op === '-') return { kind: 'int', value: wrapInt(-v.value, name) };
      if (e.op === '~') return { kind: 'int', value: wrapInt(~v.value, name) };
      return v;
    }
    case 'logical': {
      const l = sub(e.left);
      if (!l) return null;
      if (e.op === '&&' && !truthy(l)) return { kind: 'int', value: 0n };
      if (e.op === '||' && truthy(l)) return { kind: 'int', value: 1n };
      const r = sub(e.right);
      return r ? { kind: 'int', value: truthy(r) ? 1n : 0n } : null;
    }
    case 'conditional': {
      const c = sub(e.cond);
      if (!c) return null;
      return sub(truthy(c) ? e.then : e.else);
    }
    case 'binary':
      return evalBinary(e.op, sub(e.left), sub(e.right), e.type, e.left.type);
    case 'comma':
      return null;
    default:
      return null;
  }
}

function truthy(v: ConstValue): boolean {
  return v.kind === 'int' ? v.value !== 0n : v.value !== 0;
}

function evalCast(conv: string, v: ConstValue | null, to: CType): ConstValue | null {
  if (!v) return null;
  switch (conv) {
    case 'lvalue-to-rvalue':
    case 'noop':
      return v;
    case 'integral': {
      const name = intTypeName(to);
      return name && v.kind === 'int' ? { kind: 'int', value: wrapInt(v.value, name) } : null;
    }
    case 'int-to-float':
      if (v.kind !== 'int') return null;
      return {
        kind: 'float',
        value: to.kind === 'float' && to.name === 'float' ? Math.fround(Number(v.value)) : Number(v.value),
      };
    case 'float-to-int': {
      const name = intTypeName(to);
      if (!name || v.kind !== 'float' || !Number.isFinite(v.value)) return null;
      return { kind: 'int', value: wrapInt(BigInt(Math.trunc(v.value)), name) };
    }
    case 'float':
      if (v.kind !== 'float') return null;
      return {
        kind: 'float',
        value: to.kind === 'float' && to.name === 'float' ? Math.fround(v.value) : v.value,
      };
    case 'to-bool':
      return { kind: 'int', value: truthy(v) ? 1n : 0n };
    default:
      return null;
  }
}

function evalBinary(
  op: string,
  l: ConstValue | null,
  r: ConstValue | null,
  type: CType,
  operandType: CType,
): ConstValue | null {
  if (!l || !r) return null;
  if (l.kind === 'float' || r.kind === 'float') {
    const a = l.kind === 'float' ? l.value : Number(l.value);
    const b = r.kind === 'float' ? r.value : Number(r.value);
    const cmp = (x: boolean): ConstValue => ({ kind: 'int', value: x ? 1n : 0n });
    const round = (x: number): number =>
      type.kind === 'float' && type.name === 'float' ? Math.fround(x) : x;
    switch (op) {
      case '+':
        return { kind: 'float', value: round(a + b) };
      case '-':
        return { kind: 'float', value: round(a - b) };
      case '*':
        return { kind: 'float', value: round(a * b) };
      case '/':
        return { kind: 'float', value: round(a / b) };
      case '==':
        return cmp(a === b);
      case '!=':
        return cmp(a !== b);
      case '<':
        return cmp(a < b);
      case '>':
        return cmp(a > b);
      case '<=':
        return cmp(a <= b);
      case '>=':
        return cmp(a >= b);
      default:
        return null;
    }
  }
  const a = l.value;
  const b = r.value;
  const name = intTypeName(type) ?? 'int';
  const opName = intTypeName(operandType) ?? 'int';
  const unsignedCmp = isUnsignedInt(opName);
  const cmpA = unsignedCmp ? wrapInt(a, opName) : a;
  const cmpB = unsignedCmp ? wrapInt(b, opName) : b;
  const cmp = (x: boolean): ConstValue => ({ kind: 'int', value: x ? 1n : 0n });
  const w = (x: bigint): ConstValue => ({ kind: 'int', value: wrapInt(x, name) });
  switch (op) {
    case '+':
      return w(a + b);
    case '-':
      return w(a - b);
    case '*':
      return w(a * b);
    case '/':
      return b === 0n ? null : w(a / b);
    case '%':
      return b === 0n ? null : w(a % b);
    case '&':
      return w(a & b);
    case '|':
      return w(a | b);
    case '^':
      return w(a ^ b);
    case '<<':
      return b < 0n || b >= BigInt(INT_SIZE[name] * 8) ? null : w(a << b);
    case '>>':
      return b < 0n || b >= BigInt(INT_SIZE[name] * 8) ? null : w(a >> b);
    case '==':
      return cmp(cmpA === cmpB);
    case '!=':
      return cmp(cmpA !== cmpB);
    case '<':
      return cmp(cmpA < cmpB);
    case '>':
      return cmp(cmpA > cmpB);
    case '<=':
      return cmp(cmpA <= cmpB);
    case '>=':
      return cmp(cmpA >= cmpB);
    default:
      return null;
  }
}

/** The value of an integral constant expression, or null. */
export function evalInt(e: Expr): bigint | null {
  const v = evalConst(e);
  if (!v) return null;
  return v.kind === 'int' ? v.value : null;
}
