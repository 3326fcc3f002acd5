/**
 * "Non-trivial for the purposes of calls" (Itanium C++ ABI 3.1.2.1): such a class is passed
 * and returned through memory the caller owns (a hidden pointer), whatever its size, because
 * the copy must happen at a fixed address the constructors and destructor can see.
 *
 * A class is non-trivial for calls when its copy constructor, move constructor or destructor
 * is non-trivial, or when all its copy and move constructors are deleted. Triviality follows
 * the C++ rules: a special member is trivial when it is not user-provided (implicit, or
 * `= default` on its first declaration), the class has no virtual functions or virtual bases,
 * and the member selected for every base and member subobject is trivial too. This is *not*
 * "trivially copyable" (which also looks at assignment operators).
 */
import type { CType, RecordDecl } from './ctype.ts';

/** What a class's copy or move constructor, or destructor, turns out to be once the implicit rules apply. */
export type EffectiveState = 'trivial' | 'non-trivial' | 'deleted' | 'not-declared';

export interface EffectiveSpecials {
  copyCtor: EffectiveState;
  moveCtor: EffectiveState;
  dtor: EffectiveState;
}

/** True when values of `t` can travel in registers as far as the C++ ABI is concerned. */
export function isTrivialForCalls(t: CType): boolean {
  return nonTrivialReason(t) === null;
}

/** Why `t` is non-trivial for the purposes of calls, as a sentence; null when it is trivial. */
export function nonTrivialReason(t: CType): string | null {
  if (t.kind !== 'record') return null;
  const s = effectiveSpecials(t.decl);
  const name = `\`${t.decl.name}\``;
  if (s.copyCtor === 'non-trivial')
    return `${name} has a non-trivial copy constructor (${why(t.decl, 'copyCtor')}).`;
  if (s.dtor === 'non-trivial') return `${name} has a non-trivial destructor (${why(t.decl, 'dtor')}).`;
  if (s.moveCtor === 'non-trivial')
    return `${name} has a non-trivial move constructor (${why(t.decl, 'moveCtor')}).`;
  const gone = (x: EffectiveState): boolean => x === 'deleted' || x === 'not-declared';
  if (gone(s.copyCtor) && gone(s.moveCtor))
    return `${name} has no usable copy or move constructor (all are deleted).`;
  return null;
}

type Which = 'copyCtor' | 'moveCtor' | 'dtor';

const cache = new WeakMap<RecordDecl, { stamp: string; value: EffectiveSpecials }>();

/** The effective copy constructor, move constructor and destructor of a class. */
export function effectiveSpecials(decl: RecordDecl): EffectiveSpecials {
  const sm = decl.specialMembers;
  const stamp = `${decl.fields.length}/${decl.bases.length}/${sm.copyCtor}/${sm.moveCtor}/${sm.dtor}/${sm.copyAssign}/${sm.moveAssign}/${decl.hasVirtualFunctions}`;
  const hit = cache.get(decl);
  if (hit && hit.stamp === stamp) return hit.value;
  const value: EffectiveSpecials = {
    copyCtor: effective(decl, 'copyCtor'),
    moveCtor: effective(decl, 'moveCtor'),
    dtor: effective(decl, 'dtor'),
  };
  cache.set(decl, { stamp, value });
  return value;
}

/** The class types of the direct subobjects whose special members a defaulted one calls. */
function subobjectDecls(decl: RecordDecl): { decl: RecordDecl; what: string }[] {
  const out: { decl: RecordDecl; what: string }[] = [];
  for (const b of decl.bases) out.push({ decl: b.type.decl, what: `base \`${b.type.decl.name}\`` });
  for (const f of decl.fields) {
    let t: CType = f.type;
    while (t.kind === 'array') t = t.element;
    if (t.kind === 'record')
      out.push({ decl: t.decl, what: f.name === '' ? `an anonymous member` : `member \`${f.name}\`` });
  }
  return out;
}

function hasVirtualBases(decl: RecordDecl): boolean {
  return decl.bases.some((b) => b.virtual || hasVirtualBases(b.type.decl));
}

/**
 * Which of a subobject's constructors moving it calls: its move constructor, or its copy
 * constructor when it has none (not declared, or defaulted but deleted, which overload
 * resolution ignores). An explicitly `= delete`d move constructor is chosen, and fails.
 */
function selectedWhich(decl: RecordDecl, which: Which): Which {
  if (which !== 'moveCtor') return which;
  const m = effectiveSpecials(decl).moveCtor;
  if (m === 'not-declared') return 'copyCtor';
  if (m === 'deleted' && decl.specialMembers.moveCtor !== 'deleted') return 'copyCtor';
  return 'moveCtor';
}

function selected(decl: RecordDecl, which: Which): EffectiveState {
  return effectiveSpecials(decl)[selectedWhich(decl, which)];
}

function effective(decl: RecordDecl, which: Which): EffectiveState {
  const sm = decl.specialMembers;
  const declared = sm[which];
  if (declared === 'user-provided') return 'non-trivial';
  if (declared === 'deleted') return which === 'dtor' ? 'trivial' : 'deleted';
  if (declared === 'implicit') {
    if (which === 'copyCtor' && (sm.moveCtor !== 'implicit' || sm.moveAssign !== 'implicit'))
      return 'deleted';
    if (
      which === 'moveCtor' &&
      (sm.copyCtor !== 'implicit' ||
        sm.copyAssign !== 'implicit' ||
        sm.moveAssign !== 'implicit' ||
        sm.dtor !== 'implicit')
    )
      return 'not-declared';
  }
  // Implicit or defaulted: defined as deleted, trivial or non-trivial depending on the subobjects.
  const subs = subobjectDecls(decl);
  if (decl.tag === 'union') {
    // A union's defaulted member is deleted when a variant member's is non-trivial.
    for (const s of subs) if (selected(s.decl, which) !== 'trivial') return 'deleted';
    return 'trivial';
  }
  for (const s of subs) {
    const st = selected(s.decl, which);
    if (st === 'deleted' || st === 'not-declared') return which === 'dtor' ? 'trivial' : 'deleted';
  }
  if (which !== 'dtor' && (decl.hasVirtualFunctions || hasVirtualBases(decl))) return 'non-trivial';
  for (const s of subs) if (selected(s.decl, which) === 'non-trivial') return 'non-trivial';
  return 'trivial';
}

/** A short explanation of why a special member is non-trivial, following bases and members down. */
function why(decl: RecordDecl, which: Which): string {
  const noun =
    which === 'dtor' ? 'destructor' : which === 'copyCtor' ? 'copy constructor' : 'move constructor';
  if (decl.specialMembers[which] === 'user-provided')
    return `\`${decl.name}\` declares a user-provided ${noun}`;
  if (which !== 'dtor' && decl.hasVirtualFunctions) return `\`${decl.name}\` has virtual functions`;
  if (which !== 'dtor' && hasVirtualBases(decl)) return `\`${decl.name}\` has a virtual base`;
  for (const s of subobjectDecls(decl)) {
    const w = selectedWhich(s.decl, which);
    if (effectiveSpecials(s.decl)[w] === 'non-trivial') return `its ${s.what}: ${why(s.decl, w)}`;
  }
  return `\`${decl.name}\``;
}
