import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, fn } from './test-helpers';

const dir = new URL('./fixtures/', import.meta.url);
const source = readFileSync(new URL('mangling.cpp', dir), 'utf8');
/** `nm --defined-only` of `g++ -std=gnu++17 -c mangling.cpp` (g++ 12.2), library symbols left out. */
const nm = readFileSync(new URL('mangling.nm.txt', dir), 'utf8').split('\n').filter(Boolean);

describe('symbols against g++ 12', () => {
  const c = check(source);

  it('parses the fixture without errors', () => {
    expect(c.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('gives every defined function the symbol g++ emits', () => {
    const ours = c.unit.functions.filter((f) => f.body).map((f) => f.symbol);
    const missing = ours.filter((s) => !nm.includes(s));
    expect(missing).toEqual([]);
  });

  it('produces every symbol g++ emits (base-object C2/D2 variants aside)', () => {
    const ours = new Set(c.unit.functions.map((f) => f.symbol));
    const expected = nm.filter((s) => !/C2E|D2E/.test(s));
    expect(expected.filter((s) => !ours.has(s))).toEqual([]);
  });

  it('uses the plain name for C linkage, in a block, alone and inside a namespace', () => {
    expect(fn(c, 'bug').symbol).toBe('bug');
    expect(fn(c, 'cf').symbol).toBe('cf');
    expect(fn(c, 'ns::cf2').symbol).toBe('cf2');
  });
});

describe('symbols of small cases', () => {
  const sym = (src: string, name: string): string => fn(check(src), name).symbol;

  it('encodes no parameters as v and ignores the return type', () => {
    expect(sym('#include <array>\nstd::array<double, 4> foo() { return {}; }', 'foo')).toBe('_Z3foov');
    expect(sym('double* foo() { return nullptr; }', 'foo')).toBe('_Z3foov');
  });

  it('nests namespaces', () => {
    expect(sym('namespace ns { void foo() {} }', 'ns::foo')).toBe('_ZN2ns3fooEv');
  });

  it('resolves aliases before mangling', () => {
    expect(sym('#include <array>\nusing Vec = std::array<double, 4>;\nvoid take(Vec v) {}', 'take')).toBe(
      '_Z4takeSt5arrayIdLm4EE',
    );
    expect(sym('typedef double real;\nvoid take(real* p) {}', 'take')).toBe('_Z4takePd');
  });

  it('mangles a declaration without a body too', () => {
    expect(sym('int f(int*, char);', 'f')).toBe('_Z1fPic');
  });
});
