/**
 * The corpus of refused constructs (issue 13, Diagnostics): each program is valid Codon 0.19 or
 * C++ that g++ 12 compiles, so the simulator may only say it does not model the construct. Each
 * refusal is found when the code is checked (never mid-run), is located at the construct, says
 * "... is not modelled by this simulator" (with what to write instead where there is something),
 * is marked as a refusal (the page links it to "What you can write here"), and is the only
 * diagnostic: no cascade of errors or warnings that blame the learner.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticText, type Diagnostic } from '../diag.ts';
import { untranslatedWords } from '../messages/diag-english.ts';
import { parseCodon } from '../codon/index.ts';
import { parseCpp } from '../cpp/index.ts';
import { runProgram } from '../run/index.ts';
import { CODON_REFUSALS } from './codon-corpus.ts';
import { CPP_REFUSALS } from './cpp-corpus.ts';
import { CPP_NOW_RUNS } from './cpp-now-runs.ts';
import { CODON_NOW_RUNS, CODON_NOW_RUNS_LIB, CODON_COLLECTIONS_RUN } from './codon-now-runs.ts';
import type { Refusal } from './refusal.ts';

/** A C++ library and a Codon caller that both check cleanly, to pair with each refused file. */
const LIB = 'extern "C" double twice(double x) { return 2 * x; }\n';
const MAIN = 'LIB = "./libfoo.so"\nfrom C import LIB.twice(float) -> float\nprint(twice(1.5))\n';

function expectOnlyRefusal(diagnostics: Diagnostic[], r: Refusal, file: string) {
  expect(
    diagnostics.map((d) => `${d.severity} ${d.file} ${d.line}:${d.column} ${d.message}`),
    r.name,
  ).toHaveLength(1);
  const d = diagnostics[0] as Diagnostic;
  expect(d.severity).toBe('error');
  expect(d.file).toBe(file);
  expect(`${d.line}:${d.column}`, r.name).toBe(r.at);
  expect(d.message).toMatch(/ (is|are) not modelled by this simulator/);
  expect(d.message.startsWith(r.what), r.name).toBe(true);
  if (r.instead !== undefined) expect(d.message).toContain(`; ${r.instead}`);
  expect(d.kind, r.name).toBe('not-modelled');
}

/** Refused at check time: the run never starts, so nothing is found half way through it. */
function expectRefusedCodon(r: Refusal) {
  const run = runProgram({ cpp: LIB, codon: r.source, record: 'summary' });
  expect(run.summary.outcome, r.name).toBe('compile-error');
  expectOnlyRefusal(run.diagnostics, r, 'main.codon');
}

function expectRefusedCpp(r: Refusal) {
  const run = runProgram({ cpp: r.source, codon: MAIN, record: 'summary' });
  expect(run.summary.outcome, r.name).toBe('compile-error');
  expectOnlyRefusal(run.diagnostics, r, 'lib.cpp');
}

function expectCleanCodon(source: string) {
  expect(parseCodon(source, 'main.codon').diagnostics.map((d) => d.message)).toEqual([]);
}

function expectCleanCpp(source: string) {
  expect(parseCpp(source, 'lib.cpp').diagnostics.map((d) => d.message)).toEqual([]);
}

describe('Codon constructs the simulator refuses', () => {
  it.each(CODON_REFUSALS.map((r) => [r.name, r] as const))('%s', (_name, r) => expectRefusedCodon(r));
});

describe('C++ constructs the simulator refuses', () => {
  it.each(CPP_REFUSALS.map((r) => [r.name, r] as const))('%s', (_name, r) => expectRefusedCpp(r));
});

describe('the corpus', () => {
  it('is large enough to mean something, and names each construct once', () => {
    expect(CODON_REFUSALS.length).toBeGreaterThanOrEqual(40);
    expect(CPP_REFUSALS.length).toBeGreaterThanOrEqual(25);
    for (const corpus of [CODON_REFUSALS, CPP_REFUSALS]) {
      const names = corpus.map((r) => r.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  // Opt-in (it runs g++ once over every C++ entry, for seconds): SIM_GPP=1 npx vitest run src/sim/refusals
  // (timeout 0: no wall-clock bound, the machine may be busy).
  it.runIf(process.env.SIM_GPP === '1')('holds only C++ that g++ 12 compiles', { timeout: 0 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'refusals-'));
    try {
      const files = CPP_REFUSALS.map((r, i) => {
        const f = join(dir, `r${i}.cpp`);
        writeFileSync(f, r.source);
        return f;
      });
      // Throws (failing the test) with g++'s messages if any entry does not compile.
      execFileSync('g++', ['-std=gnu++17', '-fsyntax-only', ...files], { stdio: 'pipe' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what this corpus once refused and the simulator now runs', () => {
  for (const { name, source, stdout } of CPP_NOW_RUNS) {
    it(`${name}: runs on both targets and prints ${JSON.stringify(stdout)}, as g++ 12 builds it`, () => {
      for (const target of ['x86_64', 'aarch64'] as const) {
        const run = runProgram({ cpp: source, codon: MAIN, target, record: 'summary' });
        expect(
          run.diagnostics.filter((d) => d.severity === 'error'),
          `${name} ${target}`,
        ).toEqual([]);
        expect(run.summary.outcome, `${name} ${target}`).toBe('ok');
        expect(run.summary.stdout, `${name} ${target}`).toBe(stdout);
      }
    });
  }
});

describe('Codon this corpus once refused and the simulator now runs', () => {
  for (const { name, source, stdout } of CODON_NOW_RUNS) {
    it(`${name}: runs on both targets and prints ${JSON.stringify(stdout)}, as the oracle does`, () => {
      for (const target of ['x86_64', 'aarch64'] as const) {
        const run = runProgram({ cpp: CODON_NOW_RUNS_LIB, codon: source, target, record: 'summary' });
        expect(run.diagnostics, `${name} ${target}`).toEqual([]);
        expect(run.summary.outcome, `${name} ${target}`).toBe('ok');
        expect(run.summary.stdout, `${name} ${target}`).toBe(stdout);
      }
    });
  }
});

describe('dicts, sets, tuples and enumerate (issue 13), in khash order', () => {
  for (const { name, source, stdout } of CODON_COLLECTIONS_RUN) {
    it(`${name}: prints ${JSON.stringify(stdout)} on both targets`, () => {
      for (const target of ['x86_64', 'aarch64'] as const) {
        const run = runProgram({ cpp: CODON_NOW_RUNS_LIB, codon: source, target, record: 'summary' });
        expect(run.diagnostics, `${name} ${target}`).toEqual([]);
        expect(run.summary.stdout, `${name} ${target}`).toBe(stdout);
        if (name.includes('KeyError')) {
          expect(run.summary.outcome, `${name} ${target}`).toBe('runtime-error');
          expect(run.summary.error, `${name} ${target}`).toMatchObject({
            type: 'KeyError',
            message: 'nope',
            line: 3,
          });
        } else expect(run.summary.outcome, `${name} ${target}`).toBe('ok');
      }
    });
  }
});

describe('what was once refused, or blamed on the learner, and is fine', () => {
  it("reads `ptr` as Codon's own alias of `Ptr` (stdlib/internal/types/ptr.codon: `ptr = Ptr`)", () => {
    expectCleanCodon('x = ptr[float](3)\nx[0] = 1.5\nprint(x[0])\n');
    expectCleanCodon('def first(p: ptr[float]) -> float:\n    return p[0]\nprint(first(Ptr[float](1)))\n');
  });

  it('imports `from C import f` as `f() -> None`, as Codon 0.19 does (grammar.peg from_id)', () => {
    expectCleanCodon('LIB = "./libfoo.so"\nfrom C import LIB.hello\nhello()\n');
    expectCleanCodon('from C import hello as hi\nhi()\n');
  });

  it('converts a pointer through bytes, as Codon 0.19 allows from any pointer', () => {
    expectCleanCodon('x = Ptr[float](1)\nb = Ptr[byte](x)\nprint(b[0])\n');
  });

  it('lets `main` end without a return, as C++ does (g++ -Wall says nothing)', () => {
    expectCleanCpp('#include <cstdio>\nint main() {\n    printf("hi\\n");\n}\n');
  });

  it('takes std::max by value', () => {
    expectCleanCpp(
      '#include <algorithm>\ndouble f(double a, double b) {\n    double m = std::max(a, b);\n    return m;\n}\n',
    );
  });

  it('says a mistyped name is not defined, with the hint to import a C function', () => {
    const d = parseCodon('print(twice(1.5))\n', 'main.codon').diagnostics;
    expect(d.map((x) => x.message)).toEqual([
      "name 'twice' is not defined. If twice is a C function, import it first: `from C import LIB.twice(...) -> ...`.",
    ]);
    expect(d[0]?.kind).toBeUndefined();
  });

  it("says __ptr__ of an expression in Codon 0.19's words (CALL_PTR_VAR, codon/compiler/error.h)", () => {
    const d = parseCodon('a = [1]\np = __ptr__(a[0])\n', 'main.codon').diagnostics;
    expect(d.map((x) => x.message)).toEqual([
      '__ptr__() only takes identifiers or tuple fields as arguments: write the name of a variable, e.g. `__ptr__(x)`.',
    ]);
  });
});

/**
 * Issue 15, "Chinese everywhere": each refusal is a message id with parameters, and its Chinese text
 * has no English prose left outside code (the refused construct's spelling stays as written).
 */
describe('the refusals in Chinese', () => {
  const zhOf = (ds: Diagnostic[]) => ds.map((d) => [d.text !== undefined, diagnosticText(d, 'zh')] as const);
  const expectChinese = (name: string, ds: Diagnostic[]) => {
    for (const [translated, text] of zhOf(ds)) {
      expect(translated, `${name}: ${text}`).toBe(true);
      expect(untranslatedWords(text), `${name}: ${text}`).toEqual([]);
      expect(text, name).toMatch(/本模拟器不模拟/);
    }
  };
  it.each(CODON_REFUSALS.map((r) => [r.name, r] as const))('%s', (name, r) =>
    expectChinese(name, runProgram({ cpp: LIB, codon: r.source, record: 'summary' }).diagnostics),
  );
  it.each(CPP_REFUSALS.map((r) => [r.name, r] as const))('%s', (name, r) =>
    expectChinese(name, runProgram({ cpp: r.source, codon: MAIN, record: 'summary' }).diagnostics),
  );
});
