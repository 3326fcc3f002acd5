/** Big Codon programs for the parser's tests and for `npm run bench`. */

/** About `bytes` of realistic Codon: functions with loops, lists, pointers and C calls. */
export function bigProgram(bytes: number): string {
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
export const repeatTo1MB = (line: (k: number) => string) => {
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < 1_000_000; k++) {
    const l = line(k);
    parts.push(l);
    size += l.length;
  }
  return parts.join('');
};
