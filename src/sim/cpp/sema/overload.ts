/**
 * Overload resolution ([over.match]), simplified to what the lessons need: viable candidates by
 * arity (default arguments and `...` included), each argument ranked exact match (0), promotion
 * (1), standard conversion (2), user-defined conversion or braced list (3), ellipsis (4); the best
 * candidate must be at least as good for every argument and better for one.
 */
import { dt, type Msg } from '../../diag';
import type { CType } from '../../abi/ctype';
import type { Span } from '../../diag';
import type { Expr, FunctionDecl, Init } from '../ast';
import type { InitListSyntax } from '../syntax';
import type { Sema } from './context';
import { convertScalar } from './conversions';
import { initFromArg, recordInfo, type InitArg } from './init';
import { toRvalue } from './make';
import { isDerivedFrom, promote, sameRecord, sameType, typeName, type RefType } from './types';

const NOT_VIABLE = Infinity;

function isList(a: InitArg): a is InitListSyntax {
  return a.kind === 'init-list' && !('type' in a);
}

/**
 * How well an argument matches a parameter type (lower is better; Infinity: no conversion).
 * `userConversion` is false inside a converting constructor's own parameter: a user-defined
 * conversion sequence holds at most one user-defined conversion ([over.best.ics]/4), which also
 * keeps `S(const S&)` from being tried inside itself.
 */
export function argumentRank(sema: Sema, a: InitArg, param: CType, userConversion = true): number {
  if (isList(a))
    return param.kind === 'record' || param.kind === 'array' || a.items.length <= 1 ? 3 : NOT_VIABLE;
  const e = a;
  if (e.kind === 'error') return 0;
  if (param.kind === 'reference') {
    const ref = param as RefType;
    const T = ref.referent;
    const related =
      sameType(e.type, T) ||
      (e.type.kind === 'record' && T.kind === 'record' && isDerivedFrom(e.type.decl, T.decl));
    if (related) {
      const derived = !sameType(e.type, T) ? 2 : 0;
      if (e.category === 'lvalue') {
        if (ref.rvalue) return NOT_VIABLE;
        if (e.isConst && !ref.referentConst) return NOT_VIABLE;
        return derived + (ref.referentConst && !e.isConst ? 0.1 : 0);
      }
      if (ref.rvalue) return derived;
      return ref.referentConst ? derived + 0.2 : NOT_VIABLE;
    }
    if (!ref.referentConst && !ref.rvalue) return NOT_VIABLE;
    return argumentRank(sema, e, T, userConversion);
  }
  if (param.kind === 'record') {
    if (e.type.kind === 'record' && sameRecord(e.type.decl, param.decl)) return 0;
    if (e.type.kind === 'record' && isDerivedFrom(e.type.decl, param.decl)) return 2;
    if (param.decl.std) {
      const k = param.decl.std.kind;
      if ((k === 'shared_ptr' || k === 'unique_ptr') && e.kind === 'nullptr') return 3;
      return NOT_VIABLE;
    }
    if (!userConversion) return NOT_VIABLE;
    const info = recordInfo(sema, param);
    const converting = info?.methods.some(
      (f) =>
        f.method?.kind === 'constructor' &&
        !f.method.explicit &&
        f.params.length >= 1 &&
        f.defaultArgs.slice(1).every((d) => d !== null) &&
        argumentRank(sema, e, f.params[0]?.type as CType, false) < 3,
    );
    return converting ? 3 : NOT_VIABLE;
  }
  if (e.type.kind === 'record') return NOT_VIABLE;
  const r = convertScalar(e, param);
  if ('error' in r) return NOT_VIABLE;
  // An integral promotion of an lvalue still counts as a promotion.
  if (r.rank === 2 && param.kind === 'int') {
    const p = promote(toRvalue(e).type);
    if (p.kind === 'int' && p.name === param.name) return 1;
  }
  return r.rank;
}

interface Ranked {
  fn: FunctionDecl;
  ranks: number[];
}

function better(a: Ranked, b: Ranked): boolean {
  let strictly = false;
  for (let k = 0; k < a.ranks.length; k++) {
    const x = a.ranks[k] as number;
    const y = b.ranks[k] as number;
    if (x > y) return false;
    if (x < y) strictly = true;
  }
  return strictly;
}

function argTypes(args: InitArg[]): string {
  return args.map((a) => (isList(a) ? '{...}' : typeName((a as Expr).type))).join(', ');
}

export interface CallSite {
  /** The function's name, for messages. */
  name: string;
  span: Span;
  /** Do not report when nothing matches (the caller tries something else). */
  quiet?: boolean;
  /** The arguments come from a braced list (constructor call by list-initialisation). */
  list?: boolean;
}

/**
 * Picks the best candidate for the arguments and initialises its parameters (missing ones from
 * default arguments, extra ones through `...` with the default argument promotions).
 */
export function resolveCall(
  sema: Sema,
  candidates: FunctionDecl[],
  args: InitArg[],
  site: CallSite,
): { fn: FunctionDecl; args: Init[] } | null {
  if (args.some((a) => !isList(a) && (a as Expr).kind === 'error')) return null;
  const ranked: Ranked[] = [];
  for (const fn of candidates) {
    const n = fn.params.length;
    const required = fn.defaultArgs.findIndex((d) => d !== null);
    const minArgs = required < 0 ? n : required;
    if (args.length < minArgs || (args.length > n && !fn.variadic)) continue;
    const ranks: number[] = [];
    let viable = true;
    args.forEach((a, k) => {
      const p = fn.params[k];
      const r = p ? argumentRank(sema, a, p.type) : isList(a) ? NOT_VIABLE : 4;
      if (r === NOT_VIABLE) viable = false;
      ranks.push(r);
    });
    if (viable) ranked.push({ fn, ranks });
  }
  if (ranked.length === 0) {
    if (!site.quiet) {
      const sigs = candidates.map((f) => `${f.name}(${f.params.map((p) => typeName(p.type)).join(', ')})`);
      const one = candidates.length === 1 ? candidates[0] : undefined;
      if (
        one &&
        (args.length < one.defaultArgs.findIndex((d) => d !== null) || args.length > one.params.length) &&
        !one.variadic
      ) {
        const min = one.defaultArgs.findIndex((d) => d !== null);
        const need = min < 0 ? one.params.length : min;
        sema.error(
          site.span,
          dt(
            'cpp.sema.overload.takes-argument-but-given',
            site.name,
            need === one.params.length ? need : dt('cpp.range-to', need, one.params.length),
            dt(one.params.length === 1 ? 'codon.empty' : 'codon.plural-s'),
            args.length,
            dt(args.length === 1 ? 'cpp.was' : 'cpp.were'),
          ),
        );
      } else if (one) {
        const bad = args.findIndex(
          (a, k) => argumentRank(sema, a, one.params[k]?.type as CType) === NOT_VIABLE,
        );
        const a = args[bad];
        const p = one.params[bad];
        if (a && p && !isList(a)) {
          sema.error(
            a.span,
            dt(
              'cpp.sema.overload.cannot-convert-to-for-argument-of',
              typeName((a as Expr).type),
              typeName(p.type),
              bad + 1,
              site.name,
            ),
          );
        } else
          sema.error(
            site.span,
            dt('cpp.sema.overload.no-matching-function-for-call-to', site.name, argTypes(args)),
          );
      } else {
        sema.error(
          site.span,
          dt(
            'cpp.sema.overload.no-matching-function-for-call-to-2',
            site.name,
            argTypes(args),
            sigs.join(', '),
          ),
        );
      }
    }
    return null;
  }
  const best = ranked.filter((r) => ranked.every((o) => o === r || !better(o, r)));
  const winner = best.length === 1 ? best[0] : best.find((r) => best.every((o) => o === r || better(r, o)));
  if (!winner) {
    if (!site.quiet)
      sema.error(
        site.span,
        dt(
          'cpp.sema.overload.the-call-is-ambiguous-match-equally',
          site.name,
          argTypes(args),
          best
            .map((r) => `${r.fn.name}(${r.fn.params.map((p) => typeName(p.type)).join(', ')})`)
            .join(' and '),
        ),
      );
    return null;
  }
  const fn = winner.fn;
  if (fn.deleted) {
    sema.error(site.span, dt('cpp.sema.overload.is-deleted-and-cannot-be-called', site.name));
    return null;
  }
  const inits: Init[] = [];
  let ok = true;
  args.forEach((a, k) => {
    const p = fn.params[k];
    const what = dt('cpp.ctx.argument-of', k + 1, site.name);
    if (p) {
      const init = initFromArg(sema, p.type, a, { what, span: a.span, argument: true });
      if (!init) ok = false;
      else inits.push(init);
      return;
    }
    const v = variadicArg(sema, a as Expr, what);
    if (!v) ok = false;
    else inits.push(v);
  });
  for (let k = args.length; k < fn.params.length; k++) {
    const d = fn.defaultArgs[k];
    if (!d) return null;
    inits.push(d);
  }
  return ok ? { fn, args: inits } : null;
}

/**
 * An argument passed through `...`: the default argument promotions apply (float becomes double,
 * small integers int); class objects are not modelled through `...`.
 */
export function variadicArg(sema: Sema, e: Expr, what: Msg): Init | null {
  if (e.kind === 'error') return null;
  if (e.type.kind === 'record') {
    sema.error(e.span, dt('cpp.sema.overload.passing-a-object-through-is-not', typeName(e.type), what));
    return null;
  }
  const r = toRvalue(e);
  let target: CType = r.type;
  if (target.kind === 'float' && target.name === 'float') target = { kind: 'float', name: 'double' };
  else if (target.kind === 'int' || target.kind === 'enum') target = promote(target);
  if (target.kind === 'void') {
    sema.error(e.span, dt('cpp.sema.overload.a-void-value-cannot-be-passed', what));
    return null;
  }
  const c = convertScalar(r, target);
  if ('error' in c) {
    sema.error(e.span, dt('cpp.sema.overload.msg', c.error, what));
    return null;
  }
  return { kind: 'expr', expr: c.expr, span: e.span };
}
