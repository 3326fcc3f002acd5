import { describe, expect, it } from 'vitest';
import { arrayOf, floatType, functionType, intType, pointerTo, referenceTo } from './build.ts';
import { T } from './fixtures/typeKit.ts';
import { typeToString } from './typeToString.ts';

const expectSpelling = (spelling: string) => expect(typeToString(T(spelling)));

describe('typeToString', () => {
  it('spells types as a learner writes them', () => {
    expectSpelling('std::array<double, 4>').toBe('std::array<double, 4>');
    expectSpelling('double*').toBe('double*');
    expectSpelling('const char*').toBe('const char*');
    expectSpelling('int**').toBe('int**');
    expectSpelling('double&').toBe('double&');
    expectSpelling('unsigned long long').toBe('unsigned long long');
    expectSpelling('_Complex double').toBe('_Complex double');
    expectSpelling('std::shared_ptr<std::array<double, 4>>').toBe('std::shared_ptr<std::array<double, 4>>');
    expectSpelling('Dxy').toBe('Dxy');
  });
  it('handles declarators around arrays and functions', () => {
    const d = floatType('double');
    expect(typeToString(arrayOf(d, 4))).toBe('double[4]');
    expect(typeToString(pointerTo(arrayOf(d, 4)))).toBe('double (*)[4]');
    expect(typeToString(pointerTo(functionType(d, [intType('int')])))).toBe('double (*)(int)');
    expect(typeToString(referenceTo(d, true))).toBe('double&&');
    expect(typeToString(pointerTo(pointerTo(intType('char')), true))).toBe('char* const*');
  });
});
