/**
 * Why a class is non-trivial for the purposes of calls, as data rather than a sentence, so the
 * explorer can say it in English and in Chinese. It walks the class the way the ABI module's
 * `nonTrivialReason` does (Itanium C++ ABI 3.1.2.1, the C++ rules for trivial special members), using
 * its exported `effectiveSpecials`; a test checks that the English rendering of this walk is
 * `nonTrivialReason`'s sentence word for word, so the two cannot drift apart.
 */
import { effectiveSpecials, type CType, type EffectiveState, type RecordDecl } from '../sim/abi/index.ts';

export type SpecialWhich = 'copyCtor' | 'moveCtor' | 'dtor';

/** One step down from a class to the subobject whose special member is the non-trivial one. */
export interface NonTrivialStep {
  via: 'base' | 'member' | 'anonymous-member';
  /** The base class's name, or the member's name. */
  name: string;
  /** The subobject's class. */
  className: string;
}

export type NonTrivialCause =
  | { kind: 'user-provided'; which: SpecialWhich; className: string }
  | { kind: 'virtual-functions'; className: string }
  | { kind: 'virtual-base'; className: string }
  | { kind: 'unexplained'; className: string };

export type NonTrivialExplanation =
  | {
      kind: 'special';
      className: string;
      /** The special member that makes the class non-trivial for calls. */
      which: SpecialWhich;
      /** From the class down to the subobject where the cause sits (empty: the class itself). */
      steps: NonTrivialStep[];
      cause: NonTrivialCause;
    }
  | { kind: 'all-deleted'; className: string };

function hasVirtualBases(decl: RecordDecl): boolean {
  return decl.bases.some((b) => b.virtual || hasVirtualBases(b.type.decl));
}

function subobjects(decl: RecordDecl): { decl: RecordDecl; step: Omit<NonTrivialStep, 'className'> }[] {
  const out: { decl: RecordDecl; step: Omit<NonTrivialStep, 'className'> }[] = [];
  for (const b of decl.bases) out.push({ decl: b.type.decl, step: { via: 'base', name: b.type.decl.name } });
  for (const f of decl.fields) {
    let t: CType = f.type;
    while (t.kind === 'array') t = t.element;
    if (t.kind === 'record')
      out.push({
        decl: t.decl,
        step: f.name === '' ? { via: 'anonymous-member', name: '' } : { via: 'member', name: f.name },
      });
  }
  return out;
}

/** The constructor that moving a subobject calls: its move constructor, or its copy constructor when it has none usable. */
function selectedWhich(decl: RecordDecl, which: SpecialWhich): SpecialWhich {
  if (which !== 'moveCtor') return which;
  const m = effectiveSpecials(decl).moveCtor;
  if (m === 'not-declared') return 'copyCtor';
  if (m === 'deleted' && decl.specialMembers.moveCtor !== 'deleted') return 'copyCtor';
  return 'moveCtor';
}

function walk(
  decl: RecordDecl,
  which: SpecialWhich,
  steps: NonTrivialStep[],
): { steps: NonTrivialStep[]; cause: NonTrivialCause } {
  if (decl.specialMembers[which] === 'user-provided')
    return { steps, cause: { kind: 'user-provided', which, className: decl.name } };
  if (which !== 'dtor' && decl.hasVirtualFunctions)
    return { steps, cause: { kind: 'virtual-functions', className: decl.name } };
  if (which !== 'dtor' && hasVirtualBases(decl))
    return { steps, cause: { kind: 'virtual-base', className: decl.name } };
  for (const s of subobjects(decl)) {
    const w = selectedWhich(s.decl, which);
    if (effectiveSpecials(s.decl)[w] === 'non-trivial')
      return walk(s.decl, w, [...steps, { ...s.step, className: s.decl.name }]);
  }
  return { steps, cause: { kind: 'unexplained', className: decl.name } };
}

/** Why `t` is non-trivial for the purposes of calls, or null when it is trivial (or not a class). */
export function explainNonTrivial(t: CType): NonTrivialExplanation | null {
  if (t.kind !== 'record') return null;
  const s = effectiveSpecials(t.decl);
  const className = t.decl.name;
  const order: SpecialWhich[] = ['copyCtor', 'dtor', 'moveCtor'];
  for (const which of order) {
    if (s[which] === 'non-trivial') return { kind: 'special', className, which, ...walk(t.decl, which, []) };
  }
  const gone = (x: EffectiveState): boolean => x === 'deleted' || x === 'not-declared';
  if (gone(s.copyCtor) && gone(s.moveCtor)) return { kind: 'all-deleted', className };
  return null;
}
