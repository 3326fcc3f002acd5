import { boundaryCall } from '../trace/tables.ts';
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import type { Leftover } from '../machine/machine.ts';
import { stateAt } from '../trace/reader.ts';
import { TermId, term } from '../trace/terms.ts';
import { runProgram } from './index.ts';

const LIB = 'LIBPATH = "./libfoo.so"\n';

/** Runs a C++ library and a Codon program; returns the run's summary and trace. */
function run(
  cpp: string,
  codon: string,
  opts: { target?: Target; leftover?: Leftover; maxSteps?: number } = {},
) {
  return runProgram({ cpp, codon, ...opts });
}

function expectStdout(
  cpp: string,
  codon: string,
  stdout: string,
  opts: { target?: Target; leftover?: Leftover } = {},
) {
  const r = run(cpp, codon, opts);
  expect(r.summary.diagnostics).toEqual([]);
  expect(r.summary.stdout).toBe(stdout);
  return r.summary;
}

const ARRAY4 = `#include <array>
extern "C" std::array<double, 4> foo() {
  std::array<double, 4> bar;
  bar[0] = 1.5; bar[1] = 2.5; bar[2] = 3.5; bar[3] = 4.5;
  return bar;
}
`;
const CALL_FOO = `${LIB}from C import LIBPATH.foo() -> Ptr[float]\np = foo()\nprint(p[0], p[3])\n`;

describe('scalars across the boundary', () => {
  it('passes ints and doubles in registers both ways', () => {
    expectStdout(
      'extern "C" double scale(double x, long k) { return x * k; }\n',
      `${LIB}from C import LIBPATH.scale(float, int) -> float\nprint(scale(1.5, 4))\n`,
      '6\n',
    );
  });

  it('prints floats as Codon does, with {:g}', () => {
    expectStdout(
      'extern "C" double big() { return 1000000.0; }\n',
      `${LIB}from C import LIBPATH.big() -> float\nprint(big(), 0.1, [0.0] * 2)\n`,
      '1e+06 0.1 [0, 0]\n',
    );
  });
});

describe('the original bug', () => {
  it('writes through the leftover %rdi and returns it in %rax', () => {
    const s = run(ARRAY4, CALL_FOO).summary;
    expect(s.stdout).toBe('1.5 4.5\n');
    expect(s.findings.map((f) => f.kind)).toContain('abi-mismatch');
    expect(s.findings.find((f) => f.kind === 'stray-write')?.objects).toContain('_rtld_global._dl_load_lock');
  });

  it('crashes inside foo when %rdi is zero', () => {
    const s = run(ARRAY4, CALL_FOO, { leftover: 'zero' }).summary;
    expect(s.outcome).toBe('crash');
    expect(s.crash).toMatchObject({
      signal: 'SIGSEGV',
      address: '0x0',
      function: 'foo',
      file: 'lib.cpp',
      line: 4,
    });
  });

  it('corrupts a live Codon object with the gc-object leftover', () => {
    const codon = `${LIB}from C import LIBPATH.foo() -> Ptr[float]\nxs = [1.0, 2.0]\np = foo()\nprint(xs[0])\n`;
    const s = run(ARRAY4, codon, { leftover: 'gc-object' }).summary;
    expect(s.findings.find((f) => f.kind === 'stray-write')?.objects[0]).toMatch(/List\[float\]/);
    // The list's buffer pointer now holds the bits of 3.5: not an address, so reading xs[0] faults.
    expect(s.crash).toMatchObject({ signal: 'SIGSEGV', file: 'main.codon', line: 5 });
  });

  it('writes no memory on AArch64: the array comes back in d0-d3', () => {
    const r = run(ARRAY4, CALL_FOO, { target: 'aarch64' });
    const kinds = r.summary.findings.map((f) => f.kind);
    expect(kinds).toContain('abi-mismatch');
    expect(kinds).not.toContain('stray-write');
  });

  it('records what each side believed for the call diagram', () => {
    const trace = run(ARRAY4, CALL_FOO).trace;
    const call = trace && boundaryCall(trace.boundaryCalls, 0);
    expect(call).toMatchObject({
      symbol: 'foo',
      mismatch: true,
      callerResult: { where: 'rax' },
      calleeResult: { where: term(TermId.inMemory, 'rdi') },
      hiddenPointer: { reg: 'rdi' },
    });
  });
});

describe('fixes', () => {
  it('static storage: the pointer leads into static data and stays valid', () => {
    const cpp = `#include <array>
extern "C" double* foo() {
  static std::array<double, 4> bar;
  bar[0] = 1.5; bar[1] = 2.5; bar[2] = 3.5; bar[3] = 4.5;
  return bar.data();
}
`;
    const s = expectStdout(cpp, CALL_FOO, '1.5 4.5\n');
    expect(s.findings).toEqual([]);
  });

  it('a non-static local behind .data() dangles once foo returns', () => {
    const cpp = `#include <array>
extern "C" double* foo() {
  std::array<double, 4> bar;
  bar[0] = 1.5; bar[1] = 2.5; bar[2] = 3.5; bar[3] = 4.5;
  return bar.data();
}
`;
    const s = run(cpp, CALL_FOO).summary;
    expect(s.findings.map((f) => f.kind)).toContain('dangling-read');
  });

  it('an out-parameter filled into Ptr[float](4)', () => {
    const cpp = `#include <array>
#include <algorithm>
extern "C" void foo(double* out) {
  std::array<double, 4> bar = {1.5, 2.5, 3.5, 4.5};
  std::copy(bar.begin(), bar.end(), out);
}
`;
    const codon = `${LIB}from C import LIBPATH.foo(Ptr[float]) -> None\nbuf = Ptr[float](4)\nfoo(buf)\nprint(buf[0], buf[3])\n`;
    expect(expectStdout(cpp, codon, '1.5 4.5\n').findings).toEqual([]);
  });

  it("the write-up's foo(out) with a list does not compile", () => {
    const cpp = 'extern "C" void foo(double* out) { out[0] = 1.5; }\n';
    const codon = `${LIB}from C import LIBPATH.foo(Ptr[float]) -> None\nout = [0.0] * 4\nfoo(out)\n`;
    const r = run(cpp, codon);
    expect(r.summary.outcome).toBe('compile-error');
    expect(r.summary.diagnostics[0]).toMatchObject({ file: 'main.codon', line: 4 });
  });
});

describe('bounds', () => {
  it('ends an endless loop at the step budget', () => {
    const r = run(
      'extern "C" void f() {}\n',
      `${LIB}from C import LIBPATH.f() -> None\nwhile True:\n    f()\n`,
      {
        maxSteps: 500,
      },
    );
    expect(r.summary.outcome).toBe('step-limit');
    expect(r.summary.steps).toBe(500);
  });

  it('overflows the simulated stack on endless recursion', () => {
    const cpp = 'extern "C" long down(long n) { return down(n + 1) + 1; }\n';
    const r = run(cpp, `${LIB}from C import LIBPATH.down(int) -> int\nprint(down(0))\n`, {
      maxSteps: 1_000_000,
    });
    expect(r.summary.outcome).toBe('crash');
    expect(r.summary.crash?.signal).toBe('SIGSEGV');
  });

  it('keeps output printed before a crash', () => {
    const s = run(ARRAY4, `${LIB}from C import LIBPATH.foo() -> Ptr[float]\nprint("before")\np = foo()\n`, {
      leftover: 'zero',
    }).summary;
    expect(s.outcome).toBe('crash');
    expect(s.stdout).toBe('before\n');
  });

  it('reports a missing symbol as the CError Codon raises at the import', () => {
    const cpp = '#include <array>\nstd::array<double, 4> foo() { return {}; }\n';
    const s = run(cpp, CALL_FOO).summary;
    expect(s.outcome).toBe('runtime-error');
    expect(s.error).toMatchObject({ type: 'CError', message: './libfoo.so: undefined symbol: foo', line: 2 });
  });
});

describe('the trace', () => {
  it('can be scrubbed to any step, with stdout as it was then', () => {
    const trace = run(
      ARRAY4,
      `${LIB}from C import LIBPATH.foo() -> Ptr[float]\nprint(1)\np = foo()\nprint(2)\n`,
    ).trace;
    if (trace === null) throw new Error('no trace');
    const last = trace.steps.count - 1;
    expect(stateAt(trace, last).stdout).toBe('1\n2\n');
    expect(stateAt(trace, 0).stdout).toBe('');
  });
});

describe('each kind of finding, from real programs', () => {
  const kindsOf = (cpp: string, codon: string) => run(cpp, codon).summary.findings.map((f) => f.kind);

  it('use-after-free: reading a block after free', () => {
    const cpp = `#include <cstdlib>
extern "C" double after_free() {
  double* p = (double*)malloc(sizeof(double));
  *p = 1.5;
  free(p);
  return *p;
}
`;
    expect(
      kindsOf(cpp, `${LIB}from C import LIBPATH.after_free() -> float\nprint(after_free())\n`),
    ).toContain('use-after-free');
  });

  it('leak: a block nobody can reach at exit', () => {
    const cpp = 'extern "C" void lose() { double* p = new double[4]; p[0] = 1.0; }\n';
    const s = run(cpp, `${LIB}from C import LIBPATH.lose() -> None\nlose()\n`).summary;
    expect(s.findings).toMatchObject([{ kind: 'leak', file: 'lib.cpp', line: 1 }]);
  });

  it('no leak for a block a global still points to (LeakSanitizer calls it reachable)', () => {
    const cpp = 'double* kept;\nextern "C" void keep() { kept = new double[4]; }\n';
    expect(kindsOf(cpp, `${LIB}from C import LIBPATH.keep() -> None\nkeep()\n`)).toEqual([]);
  });

  it('uninitialized-read: a local read before any store', () => {
    const cpp = 'extern "C" double garbage() { double x; return x; }\n';
    expect(kindsOf(cpp, `${LIB}from C import LIBPATH.garbage() -> float\nprint(garbage())\n`)).toContain(
      'uninitialized-read',
    );
  });

  it('type-mismatch: a list object passed where C expects double*', () => {
    const cpp = 'extern "C" void fill(double* out) { out[0] = 1.5; }\n';
    const codon = `${LIB}from C import LIBPATH.fill(List[float]) -> None\nxs = [0.0] * 4\nfill(xs)\n`;
    expect(kindsOf(cpp, codon)).toContain('type-mismatch');
  });

  it('double-free ends the run with SIGABRT, as glibc does', () => {
    const cpp = '#include <cstdlib>\nextern "C" void twice() { void* p = malloc(8); free(p); free(p); }\n';
    const s = run(cpp, `${LIB}from C import LIBPATH.twice() -> None\ntwice()\n`).summary;
    expect(s.findings.map((f) => f.kind)).toEqual(['double-free']);
    expect(s.crash).toMatchObject({ signal: 'SIGABRT', line: 2 });
  });
});

describe('shared_ptr assignment (libstdc++: copy or move into a temporary, then swap)', () => {
  const lib = (body: string, result: string) => `#include <memory>
extern "C" long count() {
${body}
  return ${result};
}
`;
  const main = `${LIB}from C import LIBPATH.count() -> int\nprint(count())\n`;
  const TWO = `  std::shared_ptr<double> a = std::make_shared<double>(1.5);
  std::shared_ptr<double> b = std::make_shared<double>(2.5);`;

  it('copying shares the source and releases what the target held', () => {
    const s = run(lib(`${TWO}\n  a = b;`, 'b.use_count() * 10 + a.use_count()'), main).summary;
    expect(s.stdout).toBe('22\n');
    expect(s.findings).toEqual([]);
  });

  it('moving empties the source and releases what the target held', () => {
    const s = run(lib(`${TWO}\n  a = std::move(b);`, 'b.use_count() * 10 + a.use_count()'), main).summary;
    expect(s.stdout).toBe('1\n');
    expect(s.findings).toEqual([]);
  });

  it('assigning a shared_ptr to itself changes nothing', () => {
    const s = run(lib(`${TWO}\n  a = a;`, 'a.use_count()'), main).summary;
    expect(s.stdout).toBe('1\n');
    expect(s.findings).toEqual([]);
  });

  it('deletes what a separate control block owns when the last owner goes', () => {
    const body = '  std::shared_ptr<double> a(new double(1.5));\n  std::shared_ptr<double> b = a;';
    const s = run(lib(body, 'a.use_count()'), main).summary;
    expect(s.stdout).toBe('2\n');
    expect(s.findings).toEqual([]);
  });
});
