/**
 * A list comprehension's variable is a local of its function, allocated at entry with the others
 * (Codon lowers a comprehension inline; LLVMVisitor allocates every variable of a function in its
 * entry block, codon/cir/llvm/llvisitor.cpp). Found by `npm run test:diff:others` on lesson 7 with
 * `static` removed: the simulator pushed `j` when the comprehension ran, below the frame, onto the
 * dead `bar` of the call before, so `bar_ptr[3]` read back `j`'s 3 (1.4822e-323) where the real
 * run (AArch64, qemu) reads what the list's allocation left there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatName } from '../messages/format.ts';
import { frameList, objectList } from '../trace/tables.ts';
import { runProgram } from './index.ts';

const FIX = join(import.meta.dirname, '../../../content/lessons/07-fix-static/programs/fix-static');
const cpp = readFileSync(join(FIX, 'lib.cpp'), 'utf8').replace(
  '    static std::array<double, 4> bar;',
  '    std::array<double, 4> bar;',
);
const codon = readFileSync(join(FIX, 'main.codon'), 'utf8');

function run() {
  const r = runProgram({ cpp, codon, target: 'aarch64', leftover: 'runtime-data', indeterminate: true });
  if (r.trace === null) throw new Error('no trace');
  return r;
}

describe("a comprehension's variable", () => {
  it("lives in its function's frame from entry, above every callee frame", () => {
    const t = run().trace!;
    const runFrame = frameList(t.frames).find((f) => f.functionName === 'run')!;
    const j = objectList(t.objects).find((o) => formatName(o.name) === 'j')!;
    expect(j.born).toBeLessThanOrEqual(runFrame.enterStep + 1);
    for (const f of frameList(t.frames).filter((x) => x.functionName === 'foo'))
      expect(f.entrySp).toBeLessThanOrEqual(j.addr);
  });

  it('is not what a dangling pointer into the dead callee frame reads: every value read is indeterminate, as the real run shows', () => {
    const s = run().summary;
    // oracle (AArch64): [1.8037e-312, 1.80392e-312, 1.80392e-312, 1.8037e-312] on both lines.
    expect(s.stdout).not.toContain('1.4822e-323');
    const marked = s.stdoutIndeterminate?.length;
    expect(marked).toBe(8);
  });
});
