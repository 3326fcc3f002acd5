/**
 * AArch64's homogeneous floating-point aggregate rule (AAPCS64 5.9.5), explained: when `hfaOf`
 * says a type is not an HFA, say which part of the rule it breaks. The verdict itself is always
 * the ABI module's (`hfaOf`, `classifyReturn`); this only finds the first reason.
 */
import { floatInfo, hfaOf, layoutOf, type CType, type FloatName } from '../sim/abi/index.ts';

export type HfaVerdict =
  | { kind: 'hfa'; base: FloatName; count: number }
  /** A lone `float`/`double`/`long double`: a scalar, returned in s0/d0/q0, not an aggregate. */
  | { kind: 'scalar-float' }
  /** Not a class, array or complex at all (an integer, a pointer...). */
  | { kind: 'not-aggregate' }
  /** Would be an HFA, but non-trivial for calls: through memory anyway. */
  | { kind: 'non-trivial'; base: FloatName; count: number }
  | { kind: 'non-float'; path: string }
  | { kind: 'mixed'; path: string; first: FloatName; other: FloatName }
  | { kind: 'too-many'; base: FloatName; count: number }
  | { kind: 'padding' }
  | { kind: 'empty' }
  | { kind: 'other' };

function join(prefix: string, sub: string): string {
  if (prefix === '') return sub;
  return sub.startsWith('[') ? prefix + sub : `${prefix}.${sub}`;
}

interface Walk {
  base: FloatName | null;
  count: number;
  nonFloat: string | null;
  mixed: { path: string; other: FloatName } | null;
  /** A union inside: its members overlap, so counting them says nothing (`hfaOf` has the verdict). */
  union: boolean;
}

function visit(t: CType, path: string, w: Walk): void {
  if (w.nonFloat !== null || w.mixed !== null || w.union) return;
  const member = (name: FloatName, n: number): void => {
    if (w.base === null) w.base = name;
    if (w.base !== name) w.mixed = { path, other: name };
    else w.count += n;
  };
  switch (t.kind) {
    case 'float':
      return member(t.name, 1);
    case 'complex':
      return member(t.element.name, 2);
    case 'array':
      if (t.length === 0) return;
      for (let i = 0; i < t.length && w.nonFloat === null && w.mixed === null && !w.union; i++)
        visit(t.element, `${path}[${i}]`, w);
      return;
    case 'record': {
      if (t.decl.tag === 'union') {
        w.union = true;
        return;
      }
      const l = layoutOf(t, 'aarch64');
      if (l.vptrOffset !== null) {
        w.nonFloat = join(path, '_vptr');
        return;
      }
      for (const b of l.bases) visit(b.type, path, w);
      for (const f of l.fields) {
        const p = f.name === '' ? path : join(path, f.name);
        if (f.bitWidth !== undefined) w.nonFloat = p;
        else visit(f.type, p, w);
        if (w.nonFloat !== null || w.mixed !== null) return;
      }
      return;
    }
    default:
      w.nonFloat = path;
  }
}

/** Whether `t` is an HFA on AArch64 and, if not, the first reason. `trivial`: trivial for calls. */
export function explainHfa(t: CType, trivial: boolean): HfaVerdict {
  if (t.kind === 'float') return { kind: 'scalar-float' };
  if (t.kind !== 'record' && t.kind !== 'array' && t.kind !== 'complex') return { kind: 'not-aggregate' };
  const hfa = hfaOf(t);
  if (hfa) return trivial ? { kind: 'hfa', ...hfa } : { kind: 'non-trivial', ...hfa };
  const w: Walk = { base: null, count: 0, nonFloat: null, mixed: null, union: false };
  visit(t, '', w);
  if (w.nonFloat !== null) return { kind: 'non-float', path: w.nonFloat };
  if (w.union) return { kind: 'other' };
  if (w.mixed !== null && w.base !== null)
    return { kind: 'mixed', path: w.mixed.path, first: w.base, other: w.mixed.other };
  if (w.base === null || w.count === 0) return { kind: 'empty' };
  if (w.count > 4) return { kind: 'too-many', base: w.base, count: w.count };
  if (layoutOf(t, 'aarch64').size !== w.count * floatInfo(w.base, 'aarch64').size) return { kind: 'padding' };
  return { kind: 'other' };
}
