import { describe, expect, it } from 'vitest';
import { T } from './fixtures/typeKit.ts';
import { effectiveSpecials, isTrivialForCalls, nonTrivialReason } from './trivial.ts';

/** `expectTrivialForCalls('struct S { ~S(); };', 'S').toBe(false)`. */
const expectTrivialForCalls = (type: string, decls?: string) => expect(isTrivialForCalls(T(type, decls)));
const reason = (type: string, decls?: string): string | null => nonTrivialReason(T(type, decls));

describe('non-trivial for the purposes of calls (Itanium C++ ABI 3.1.2.1)', () => {
  it('scalars, pointers and plain aggregates are trivial', () => {
    for (const t of [
      'int',
      'double',
      'const char*',
      'double&',
      'Dxy',
      'PackedCD',
      'Bits',
      'Empty',
      'UDoubleArr',
    ])
      expectTrivialForCalls(t).toBe(true);
  });
  it('a user-provided destructor, copy or move constructor makes a class non-trivial', () => {
    expectTrivialForCalls('WithDtor').toBe(false);
    expectTrivialForCalls('UserCopy').toBe(false);
    expectTrivialForCalls('UserMove').toBe(false);
    expect(reason('WithDtor')).toMatch(/non-trivial destructor .*user-provided destructor/);
  });
  it('`= default` on the first declaration keeps it trivial', () => {
    expectTrivialForCalls('DefaultedDtor').toBe(true);
    expectTrivialForCalls('DefaultedCopy').toBe(true);
  });
  it('only assignment operators being user-provided does not matter (this is not "trivially copyable")', () => {
    expectTrivialForCalls('A', 'struct A { int x; A& operator=(const A&); };').toBe(true);
  });
  it('all copy and move constructors deleted makes it non-trivial; one usable is enough', () => {
    expectTrivialForCalls('NoCopyNoMove').toBe(false);
    expect(reason('NoCopyNoMove')).toMatch(/no usable copy or move constructor/);
    expectTrivialForCalls('DeletedCopyOnly').toBe(true);
    // Declaring only a deleted copy constructor suppresses the implicit move constructor.
    expectTrivialForCalls('C', 'struct C { int x; C(const C&) = delete; };').toBe(false);
  });
  it('virtual functions and virtual bases make the copy constructor non-trivial', () => {
    expectTrivialForCalls('Virt').toBe(false);
    expectTrivialForCalls('DerivedVirt').toBe(false);
    expectTrivialForCalls('VDerived').toBe(false);
    expect(reason('VDerived')).toMatch(/virtual base/);
  });
  it('follows bases and members, and says which one', () => {
    expectTrivialForCalls('HasString').toBe(false);
    expect(reason('HasString')).toMatch(/member `s`/);
    expectTrivialForCalls('D', 'struct D : WithDtor { };').toBe(false);
    expect(reason('D', 'struct D : WithDtor { };')).toMatch(/base `WithDtor`/);
    expectTrivialForCalls('Arr', 'struct Arr { WithDtor a[2]; };').toBe(false);
  });
  it('a union with a non-trivial member has its copy constructor deleted', () => {
    const decls = 'union U { int i; std::string s; ~U(); };';
    expect(effectiveSpecials((T('U', decls) as { kind: 'record'; decl: never }).decl).copyCtor).toBe(
      'deleted',
    );
    expectTrivialForCalls('U', decls).toBe(false);
  });
  it('an implicit copy constructor is deleted when a move constructor is declared', () => {
    const decls = 'struct M { int x; M(M&&) = default; };';
    expect(effectiveSpecials((T('M', decls) as { kind: 'record'; decl: never }).decl)).toEqual({
      copyCtor: 'deleted',
      moveCtor: 'trivial',
      dtor: 'trivial',
    });
    expectTrivialForCalls('M', decls).toBe(true);
  });
});
