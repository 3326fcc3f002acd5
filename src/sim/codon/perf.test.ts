import { describe, expect, it } from 'vitest';
import { parseCodon } from './index';

/** About `bytes` of realistic Codon: functions with loops, lists, pointers and C calls. */
function bigProgram(bytes: number): string {
  const parts = ['LIB = "./libfoo.so"\nfrom C import LIB.fill(Ptr[float], int) -> None\n'];
  let size = parts[0]?.length ?? 0;
  for (let k = 0; size < bytes; k++) {
    const fn = `
def work_${k}(n: int, scale: float) -> float:
    out = [0.0] * n
    fill(out.arr.ptr, n)
    buf = Ptr[float](n)
    total = 0.0
    for i in range(n):
        buf[i] = out[i] * scale + i / 2
        if buf[i] > 10.0 and i % 3 == 0:
            total += buf[i] ** 2
        elif i < 2:
            continue
        else:
            total -= 1
    vals = [buf[j] for j in range(n) if j > 0]
    while len(vals) > 0 and total < 1e6:
        vals.append(total)
        total = total * 2 + 1
    return total

print(work_${k}(8, 1.5))
`;
    parts.push(fn);
    size += fn.length;
  }
  return parts.join('');
}

describe('speed', () => {
  it('parses and type-checks a 1 MB program in well under a second', () => {
    const src = bigProgram(1_000_000);
    let best = Infinity;
    let diagnostics = -1;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      const r = parseCodon(src, 'big.codon');
      best = Math.min(best, performance.now() - t0);
      diagnostics = r.diagnostics.length;
    }
    console.log(
      `parseCodon: ${(src.length / 1e6).toFixed(2)} MB, ${src.split('\n').length} lines in ${best.toFixed(0)} ms (best of 3)`,
    );
    expect(diagnostics).toBe(0);
    expect(best).toBeLessThan(1000);
  }, 30_000);
});
