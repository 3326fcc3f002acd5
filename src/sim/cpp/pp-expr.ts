/**
 * Evaluates the condition of an `#if`/`#elif` directive: integer arithmetic, comparisons,
 * `&&`/`||`/`!`, `defined NAME`/`defined(NAME)`, and object-like macros. Unknown identifiers are 0,
 * as in C++.
 */
import { dt } from '../diag';
import type { Msg } from '../diag';
import type { Token } from './token';

const MAX_DEPTH = 64;
/** Tokens an `#if` condition may expand to (a macro doubling on each level is shallow but huge). */
const MAX_CONDITION_TOKENS = 100_000;

/** Returns the truth of the condition; reports a problem through `error` and yields false. */
export function evalPpCondition(
  tokens: Token[],
  defined: (name: string) => boolean,
  macroBody: (name: string) => Token[] | undefined,
  error: (message: Msg) => void,
): boolean {
  const budget = { left: MAX_CONDITION_TOKENS };
  const toks = expand(tokens, defined, macroBody, new Set(), 0, budget);
  let i = 0;
  let failed = false;
  if (budget.left < 0) {
    error(dt('cpp.pp-expr.the-condition-s-macros-expand-to', MAX_CONDITION_TOKENS.toLocaleString('en')));
    return false;
  }
  const fail = (message: Msg): bigint => {
    if (!failed) error(message);
    failed = true;
    i = toks.length;
    return 0n;
  };
  const peek = (): string => toks[i]?.text ?? '';

  const binaryLevels: string[][] = [
    ['||'],
    ['&&'],
    ['|'],
    ['^'],
    ['&'],
    ['==', '!='],
    ['<', '>', '<=', '>='],
    ['<<', '>>'],
    ['+', '-'],
    ['*', '/', '%'],
  ];

  const primary = (depth: number): bigint => {
    if (depth > MAX_DEPTH) return fail(dt('cpp.pp-expr.if-condition-is-nested-too-deeply'));
    const t = toks[i];
    if (!t) return fail(dt('cpp.pp-expr.if-condition-ends-unexpectedly'));
    i++;
    if (t.text === '(') {
      const v = conditional(depth + 1);
      if (peek() !== ')') return fail(dt('cpp.pp-expr.missing-in-if-condition'));
      i++;
      return v;
    }
    if (t.text === '!') return primary(depth + 1) === 0n ? 1n : 0n;
    if (t.text === '-') return -primary(depth + 1);
    if (t.text === '+') return primary(depth + 1);
    if (t.text === '~') return ~primary(depth + 1);
    if (t.value?.kind === 'int') return t.value.value;
    if (t.value?.kind === 'char') return BigInt(t.value.value);
    if (t.kind === 'ident' || t.kind === 'keyword') return t.text === 'true' ? 1n : 0n;
    return fail(dt('cpp.pp-expr.cannot-appear-in-an-if-condition', t.text));
  };

  const binary = (level: number, depth: number): bigint => {
    const ops = binaryLevels[level];
    if (!ops) return primary(depth);
    let left = binary(level + 1, depth);
    while (ops.includes(peek())) {
      const op = peek();
      i++;
      const right = binary(level + 1, depth);
      left = applyBinary(op, left, right, fail);
    }
    return left;
  };

  const conditional = (depth: number): bigint => {
    if (depth > MAX_DEPTH) return fail(dt('cpp.pp-expr.if-condition-is-nested-too-deeply'));
    const c = binary(0, depth);
    if (peek() !== '?') return c;
    i++;
    const a = conditional(depth + 1);
    if (peek() !== ':') return fail(dt('cpp.pp-expr.missing-in-if-condition-2'));
    i++;
    const b = conditional(depth + 1);
    return c !== 0n ? a : b;
  };

  const v = conditional(0);
  if (i < toks.length) fail(dt('cpp.pp-expr.unexpected-in-if-condition', peek()));
  return !failed && v !== 0n;
}

function applyBinary(op: string, a: bigint, b: bigint, fail: (m: Msg) => bigint): bigint {
  const bool = (x: boolean): bigint => (x ? 1n : 0n);
  switch (op) {
    case '||':
      return bool(a !== 0n || b !== 0n);
    case '&&':
      return bool(a !== 0n && b !== 0n);
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case '&':
      return a & b;
    case '==':
      return bool(a === b);
    case '!=':
      return bool(a !== b);
    case '<':
      return bool(a < b);
    case '>':
      return bool(a > b);
    case '<=':
      return bool(a <= b);
    case '>=':
      return bool(a >= b);
    case '<<':
      return b < 0n || b > 63n ? 0n : BigInt.asIntN(64, a << b);
    case '>>':
      return b < 0n || b > 63n ? 0n : a >> b;
    case '+':
      return BigInt.asIntN(64, a + b);
    case '-':
      return BigInt.asIntN(64, a - b);
    case '*':
      return BigInt.asIntN(64, a * b);
    case '/':
    case '%':
      if (b === 0n) return fail(dt('cpp.pp-expr.division-by-zero-in-if-condition'));
      return op === '/' ? a / b : a % b;
    default:
      return fail(dt('cpp.pp-expr.cannot-appear-in-an-if-condition', op));
  }
}

/** Replaces `defined X` by 0/1 and expands object-like macros. */
function expand(
  tokens: Token[],
  defined: (name: string) => boolean,
  macroBody: (name: string) => Token[] | undefined,
  hide: Set<string>,
  depth: number,
  budget: { left: number },
): Token[] {
  const out: Token[] = [];
  const one = (t: Token, v: boolean): Token => ({
    ...t,
    kind: 'int',
    text: v ? '1' : '0',
    value: { kind: 'int', value: v ? 1n : 0n, unsigned: false, longs: 0, decimal: true },
  });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (--budget.left < 0) return out;
    if (t.text === 'defined') {
      let j = i + 1;
      const paren = tokens[j]?.text === '(';
      if (paren) j++;
      const name = tokens[j];
      if (paren && tokens[j + 1]?.text !== ')') {
        out.push({ ...t, kind: 'punct', text: '#bad-defined' });
        i = j;
        continue;
      }
      out.push(one(t, name ? defined(name.text) : false));
      i = paren ? j + 1 : j;
      continue;
    }
    const body = t.kind === 'ident' && !hide.has(t.text) && depth < 32 ? macroBody(t.text) : undefined;
    if (body) {
      const inner = new Set(hide);
      inner.add(t.text);
      // A loop, not push(...spread): an expansion near the budget would overflow the argument list.
      for (const x of expand(body, defined, macroBody, inner, depth + 1, budget)) out.push(x);
      continue;
    }
    out.push(t);
  }
  return out;
}
