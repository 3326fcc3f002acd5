/**
 * Indeterminate output (issue 14, section 2): a printed value that depends on bytes the simulator
 * invents is marked in the summary and the trace, with the kind of invented bytes it came from;
 * asking for the marks changes nothing else about the run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { showMarked } from '../trace/indeterminate.ts';
import type { GarbageKind } from '../trace/types.ts';
import { runProgram, type RunInput } from './index.ts';

const LESSONS = join(import.meta.dirname, '../../../content/lessons');

function lesson(
  path: string,
  target: Target = 'x86_64',
  leftover: RunInput['leftover'] = 'runtime-data',
): RunInput {
  return {
    cpp: readFileSync(join(LESSONS, path, 'lib.cpp'), 'utf8'),
    codon: readFileSync(join(LESSONS, path, 'main.codon'), 'utf8'),
    target,
    leftover,
  };
}

/** The run's stdout with its marks shown `«…»`, and each mark's sources. */
function expectMarks(input: RunInput, shown: string, sources: GarbageKind[][]): void {
  const s = runProgram({ ...input, indeterminate: true }).summary;
  expect(showMarked(s.stdout, s.stdoutIndeterminate)).toBe(shown);
  expect(s.stdoutIndeterminate?.map((m) => m.sources)).toEqual(sources);
}

const FREED_AND_UNINIT: RunInput = {
  cpp: `#include <cstdio>
#include <cstdlib>
static double* keep;
extern "C" {
void make() {
    keep = static_cast<double*>(std::malloc(32));
    keep[0] = 1.5;
    keep[1] = 2.5;
    keep[2] = 3.5;
    std::free(keep);
}
double at(long i) { return keep[i]; }
void show() {
    double x;
    std::printf("%g %g\\n", 2.5, x);
}
}
`,
  codon: `LIBPATH = "./libfoo.so"
from C import LIBPATH.make() -> None
from C import LIBPATH.at(int) -> float
from C import LIBPATH.show() -> None

make()
print(at(0), at(2))
show()
`,
};

describe('indeterminate output', () => {
  it('marks a register the callee does not produce: an @tuple of four floats on x86-64', () => {
    expectMarks(lesson('10-traps/programs/array4-tuple'), '4.5 «0» nan nan\n', [['register']]);
  });

  it('leaves AArch64 alone, where the callee does return the four doubles in d0-d3', () => {
    expectMarks(lesson('10-traps/programs/array4-tuple', 'aarch64'), '1.5 2.5 3.5 4.5\n', []);
  });

  it("marks dead stack that print's frames overwrote", () => {
    expectMarks(
      lesson('04-abi/programs/leftovers', 'x86_64', 'stale-stack'),
      '1.5 2.5 3.5 4.5\n1.5 2.5 3.5 4.5\n1.5 2.5 3.5 4.5\n[«6.95336e-310», 1.5, 1.5]\n',
      [['runtime-stack']],
    );
  });

  it("marks dead stack GC_malloc's frames may overwrite (a list comprehension over a dangling pointer)", () => {
    expectMarks(lesson('07-fix-static/programs/exercise-static'), '[«1.5», «2.5», «3.5», «4.5»]\n', [
      ['runtime-stack'],
      ['runtime-stack'],
      ['runtime-stack'],
      ['runtime-stack'],
    ]);
  });

  it('marks collected memory, what free writes back, and an uninitialised local; not the bytes free leaves alone', () => {
    expectMarks(lesson('05-gc/programs/gc-bite'), '1.5\n«1.5»\n', [['freed']]);
    // keep[0] holds glibc's safe-linked tcache pointer now (the chunk's address >> 12, read as a
    // double); keep[2] is a byte free leaves alone.
    expectMarks(FREED_AND_UNINIT, '«4.63444e-310» 3.5\n2.5 «6.95336e-310»\n', [
      ['freed'],
      ['runtime-stack', 'uninitialised'],
    ]);
  });

  it('marks nothing in a run whose output the programs compute', () => {
    expectMarks(lesson('02-the-bug/programs/bug'), '1.5 2.5 3.5 4.5\n'.repeat(3), []);
    expectMarks(lesson('02-the-bug/programs/bug', 'aarch64'), '1.5 2.5 3.5 4.5\n'.repeat(3), []);
  });

  it('changes nothing else: the same summary and trace as a run that does not ask', () => {
    const input = lesson('04-abi/programs/leftovers', 'x86_64', 'stale-stack');
    const plain = runProgram(input);
    const marked = runProgram({ ...input, indeterminate: true });
    const { stdoutIndeterminate, ...rest } = marked.summary;
    expect(stdoutIndeterminate).toHaveLength(1);
    expect(rest).toEqual(plain.summary);
    expect(marked.trace?.stdoutIndeterminate).toEqual(stdoutIndeterminate);
    const { stdoutIndeterminate: _, ...traceRest } = marked.trace ?? {};
    expect(traceRest).toEqual(plain.trace);
    expect(plain.summary.stdoutIndeterminate).toBeUndefined();
  });
});
