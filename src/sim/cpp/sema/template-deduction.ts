/**
 * Deducing a function template's arguments from a call ([temp.deduct.call], the common forms): the
 * parameter type as written, with stand-ins for the template parameters (a record the mangler
 * knows as `T_`, an array bound or std argument of PARAM_BOUND_BASE + k), is matched against the
 * argument's type, binding each parameter once; a second, different binding is g++'s "deduced
 * conflicting types".
 */
import { dt, type DiagText } from '../../diag';
import type { CType, RecordType } from '../../abi/ctype';
import { PARAM_BOUND_BASE, isParamBound, templateParamIndex } from '../mangle';
import type { Binding, TemplateInfo } from './templates';
import { sameType, typeName } from './types';

/** The class template instance (or stand-in for one inside a signature) a record is, if any. */
export const INSTANCE_OF = new WeakMap<RecordType['decl'], { template: TemplateInfo; bindings: Binding[] }>();

/** Whether a binding is (or holds) a stand-in for a template parameter (inside a signature pattern). */
export function isDependent(b: Binding): boolean {
  if (b.kind === 'value')
    return b.value >= BigInt(PARAM_BOUND_BASE) && b.value < BigInt(PARAM_BOUND_BASE + 256);
  return dependentType(b.type);
}

export function dependentType(t: CType): boolean {
  switch (t.kind) {
    case 'record':
      return (
        templateParamIndex(t) !== null ||
        (INSTANCE_OF.get(t.decl)?.bindings.some(isDependent) ?? false) ||
        (t.decl.std?.args.some((x) => (typeof x === 'number' ? isParamBound(x) : dependentType(x))) ?? false)
      );
    case 'pointer':
      return dependentType(t.pointee);
    case 'reference':
      return dependentType(t.referent);
    case 'array':
      return isParamBound(t.length) || dependentType(t.element);
    default:
      return false;
  }
}

export type Deduced = (Binding | undefined)[];

/** Matches a parameter type as written (with stand-ins) against an argument's type; an error message or null. */
export function match(t: TemplateInfo, p: CType, a: CType, aConst: boolean, out: Deduced): DiagText | null {
  const k = templateParamIndex(p);
  if (k !== null) return bind(t, out, k, { kind: 'type', type: a, const: aConst });
  if (!dependentType(p)) return null;
  switch (p.kind) {
    case 'pointer':
      if (a.kind !== 'pointer') return mismatch(p, a);
      return match(t, p.pointee, a.pointee, Boolean(a.pointeeConst) && !p.pointeeConst, out);
    case 'array': {
      if (a.kind !== 'array') return mismatch(p, a);
      if (p.length >= PARAM_BOUND_BASE) {
        const err = bind(t, out, p.length - PARAM_BOUND_BASE, { kind: 'value', value: BigInt(a.length) });
        if (err) return err;
      } else if (p.length !== a.length) return mismatch(p, a);
      return match(t, p.element, a.element, aConst, out);
    }
    case 'record': {
      if (p.decl.std) return matchStd(t, p, a, out);
      const pi = INSTANCE_OF.get(p.decl);
      const ai = a.kind === 'record' ? INSTANCE_OF.get(a.decl) : undefined;
      if (!pi || !ai || pi.template !== ai.template) return mismatch(p, a);
      for (let j = 0; j < pi.bindings.length; j++) {
        const pb = pi.bindings[j] as Binding;
        const ab = ai.bindings[j] as Binding;
        if (pb.kind === 'type' && ab.kind === 'type') {
          if (pb.const !== ab.const && !dependentType(pb.type)) return mismatch(p, a);
          const err = match(t, pb.type, ab.type, ab.const && !pb.const, out);
          if (err) return err;
        } else if (pb.kind === 'value' && ab.kind === 'value') {
          if (isDependent(pb)) {
            const err = bind(t, out, Number(pb.value) - PARAM_BOUND_BASE, ab);
            if (err) return err;
          } else if (pb.value !== ab.value) return mismatch(p, a);
        }
      }
      return null;
    }
    default:
      return mismatch(p, a);
  }
}

/** `const std::array<T, N>&` against a `std::array<double, 4>`: the arguments pairwise. */
function matchStd(t: TemplateInfo, p: RecordType, a: CType, out: Deduced): DiagText | null {
  const ps = p.decl.std;
  const as = a.kind === 'record' ? a.decl.std : undefined;
  if (!ps || !as || ps.kind !== as.kind || ps.args.length !== as.args.length) return mismatch(p, a);
  for (let j = 0; j < ps.args.length; j++) {
    const x = ps.args[j] as CType | number;
    const y = as.args[j] as CType | number;
    if (typeof x === 'number' || typeof y === 'number') {
      if (typeof x !== 'number' || typeof y !== 'number') return mismatch(p, a);
      if (isParamBound(x)) {
        const err = bind(t, out, x - PARAM_BOUND_BASE, { kind: 'value', value: BigInt(y) });
        if (err) return err;
      } else if (x !== y) return mismatch(p, a);
      continue;
    }
    const err = match(t, x, y, false, out);
    if (err) return err;
  }
  return null;
}

function mismatch(_p: CType, a: CType): DiagText {
  return dt('cpp.deduce.no-arguments', typeName(a));
}

function bind(t: TemplateInfo, out: Deduced, k: number, b: Binding): DiagText | null {
  const prior = out[k];
  if (!prior) {
    out[k] = b;
    return null;
  }
  const same =
    prior.kind === 'type' && b.kind === 'type'
      ? sameType(prior.type, b.type) && prior.const === b.const
      : prior.kind === 'value' && b.kind === 'value' && prior.value === b.value;
  if (same) return null;
  const show = (x: Binding) =>
    x.kind === 'type' ? (x.const ? 'const ' : '') + typeName(x.type) : String(x.value);
  return dt(
    prior.kind === 'type' ? 'cpp.deduce.conflicting-types' : 'cpp.deduce.conflicting-values',
    t.params[k]?.name,
    show(prior),
    show(b),
  );
}
