/**
 * A list in a condition is its length (list.codon `__bool__`: `__len__() > 0`), not whether it
 * exists. The oracle printed the same for this program (`npm run real`, both targets).
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runProgram } from './index.ts';

const CODON = `xs: List[int] = []
if xs:
    print("nonempty")
else:
    print("empty")
xs.append(1)
print(not xs, bool(xs))
ys = [1.5]
while ys:
    ys.pop()
print(len(ys))
`;

describe('a Codon list as a condition', () => {
  it.each<Target>(['x86_64', 'aarch64'])('is false when empty (%s)', (target) => {
    const s = runProgram({
      cpp: 'extern "C" double twice(double x) { return 2 * x; }\n',
      codon: CODON,
      target,
    }).summary;
    expect(s.outcome).toBe('ok');
    expect(s.stdout).toBe('empty\nFalse True\n0\n');
  });
});
