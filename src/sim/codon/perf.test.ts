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

/** `line` repeated to about 1 MB. */
const repeatTo1MB = (line: (k: number) => string) => {
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < 1_000_000; k++) {
    const l = line(k);
    parts.push(l);
    size += l.length;
  }
  return parts.join('');
};

describe('speed', () => {
  // Alone on the machine this takes about 350 ms; the bound leaves room for a loaded CI box
  // (the whole suite runs files in parallel on two cores).
  it('parses and type-checks a 1 MB program in under a second (two on a loaded machine)', () => {
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
    expect(best).toBeLessThan(2000);
  }, 30_000);

  it.each([
    ['70,000 undefined names', repeatTo1MB((k) => `a${k} = b${k}\n`)],
    ['125,000 syntax errors', repeatTo1MB(() => 'x = 1 +\n')],
    [
      'a 30,000-function call chain',
      repeatTo1MB((k) => `def f${k}(a: int) -> int:\n    return f${k + 1}(a)\n`),
    ],
    ['a 300,000-item list', `x = [${'1, '.repeat(300_000)}]\n`],
    ['an unclosed string', `"${'a'.repeat(1_000_000)}`],
  ])(
    'stays fast and bounded on 1 MB of %s',
    (_name, src) => {
      const t0 = performance.now();
      const r = parseCodon(src, 'big.codon');
      const ms = performance.now() - t0;
      console.log(`parseCodon on ${_name}: ${ms.toFixed(0)} ms, ${r.diagnostics.length} diagnostics`);
      expect(r.diagnostics.length).toBeLessThanOrEqual(201);
      expect(ms).toBeLessThan(5000);
    },
    30_000,
  );

  it('cuts the diagnostics at 200, with a note saying how many more there are', () => {
    const src = Array.from({ length: 300 }, (_, k) => `a${k} = b${k}\n`).join('');
    const r = parseCodon(src, 'x.codon');
    expect(r.diagnostics).toHaveLength(201);
    expect(r.diagnostics[200]).toMatchObject({
      severity: 'note',
      message: expect.stringMatching(/^\d+ more problems are not shown/),
    });
  });
});
