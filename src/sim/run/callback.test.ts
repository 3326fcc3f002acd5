/**
 * Callbacks across the boundary (issue 13): C++ function pointers, Codon's `@export`,
 * `f.__raw__()` and `@pure`. The fixtures in fixtures/callbacks/ hold each program with its
 * expected outcome on both targets (what the oracle printed; `npm run test:diff` compares them
 * with the real machine too).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FunctionType, Target } from '../abi/ctype.ts';
import type { FunctionDef } from '../codon/ast.ts';
import { parseCodon } from '../codon/index.ts';
import { formatMessage, formatName, formatText } from '../messages/format.ts';
import { stepView } from '../view/step-view.ts';
import { stateAt, stepCount, stepMessage } from '../trace/reader.ts';
import { frameList } from '../trace/tables.ts';
import type { Trace } from '../trace/types.ts';
import { callbackViews } from './callback.ts';
import { runProgram } from './index.ts';

const TARGETS: readonly Target[] = ['x86_64', 'aarch64'];
const ROOT = join(import.meta.dirname, 'fixtures', 'callbacks');

interface Expected {
  target: Target;
  outcome: string;
  stdout: string;
  findings: string[];
  crash: { signal: string; address: string; line: number } | null;
}

function run(cpp: string, codon: string, target: Target) {
  return runProgram({ cpp, codon, target, record: 'summary' }).summary;
}

describe('callback fixtures run as the real machine ran them', () => {
  for (const name of readdirSync(ROOT).sort()) {
    const dir = join(ROOT, name);
    const cpp = readFileSync(join(dir, 'lib.cpp'), 'utf8');
    const codon = readFileSync(join(dir, 'main.codon'), 'utf8');
    const spec = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as { runs: Expected[] };
    for (const r of spec.runs)
      it(`${name} on ${r.target}`, () => {
        const s = run(cpp, codon, r.target);
        expect(s.diagnostics).toEqual([]);
        expect(s.outcome).toBe(r.outcome);
        expect(s.stdout).toBe(r.stdout);
        expect(s.findings.map((f) => f.kind)).toEqual(r.findings);
        if (r.crash === null) expect(s.crash ?? null).toBeNull();
        else
          expect(s.crash).toMatchObject({
            signal: r.crash.signal,
            address: r.crash.address,
            line: r.crash.line,
          });
      });
  }
});

const TWICE = `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float
print(twice(1.5))
`;

function expectRefused(cpp: string, codon: string, at: string, what: string) {
  const s = run(cpp, codon, 'x86_64');
  expect(s.outcome).toBe('compile-error');
  expect(s.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
    expect.stringMatching(new RegExp(`^${at} .*${what}.* is not modelled by this simulator`)),
  ]);
}

describe('calls through C++ function pointers', () => {
  it('declare a pointer to a function returning a class (`P (*f)(double)`) but refuse its call, located', () => {
    expectRefused(
      `struct P { double a, b; };
static P mk(double x) { return P{x, x}; }
extern "C" double twice(double x) { P (*f)(double) = mk; return f(x).a; }
`,
      TWICE,
      '3:65',
      'passes or returns a class',
    );
  });

  it('read a callee’s stack arguments where each target puts them (AArch64: at sp, nothing pushed; oracle 385 385)', () => {
    const cpp = `#include <cstdint>
static int64_t w(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f, int64_t g, int64_t h, int64_t i, int64_t j) {
    return a + 2*b + 3*c + 4*d + 5*e + 6*f + 7*g + 8*h + 9*i + 10*j;
}
extern "C" int64_t direct() { return w(1, 2, 3, 4, 5, 6, 7, 8, 9, 10); }
extern "C" int64_t viaptr() { auto f = w; return f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10); }
`;
    const codon = `LIB = "./libfoo.so"
from C import LIB.direct() -> int
from C import LIB.viaptr() -> int
print(direct(), viaptr())
`;
    for (const target of TARGETS) expect(run(cpp, codon, target).stdout, target).toBe('385 385\n');
  });

  it('pass eight integers, two of them on the stack', () => {
    const cpp = `static long sum8(long a, long b, long c, long d, long e, long f, long g, long h) { return a+b+c+d+e+f+g+h; }
extern "C" double twice(double x) {
    long (*f)(long, long, long, long, long, long, long, long) = sum8;
    return x * f(1, 2, 3, 4, 5, 6, 7, 8);
}
`;
    for (const target of TARGETS) expect(run(cpp, TWICE, target).stdout, target).toBe('54\n');
  });
});

describe('f.__raw__() in the checker', () => {
  const LIB = `extern "C" double twice(double x) { return 2 * x; }\n`;
  it('takes no arguments', () => {
    const s = run(LIB, `def f(x: int) -> int:\n    return x\np = f.__raw__(1)\n`, 'x86_64');
    expect(s.diagnostics.map((d) => d.message).join('\n')).toContain('__raw__');
    expect(s.outcome).toBe('compile-error');
  });

  it('of a function taking a str is refused as not modelled, where it is written', () => {
    expectRefused(
      LIB,
      `def f(s: str) -> int:\n    return len(s)\np = f.__raw__()\n`,
      '3:5',
      '`f.__raw__\\(\\)`',
    );
  });

  it('is a cobj', () => {
    const s = run(
      LIB,
      `def f(x: int) -> int:\n    return x\np = f.__raw__()\nprint(p == cobj())\n`,
      'x86_64',
    );
    expect(s.diagnostics).toEqual([]);
    expect(s.stdout).toBe('False\n');
  });
});

describe('@export', () => {
  it('of a generic function is Codon’s own error (FN_REALIZE_BUILTIN), said once, at the def', () => {
    const s = run('', '@export\ndef foo(n):\n    return n * n\nprint(foo(3))\n', 'x86_64');
    expect(s.outcome).toBe('compile-error');
    expect(s.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '2:1 builtin, exported and external functions cannot be generic.',
    ]);
  });
});

describe('@pure', () => {
  it('on a static @C import changes nothing in the default build (oracle: 9 5 on both targets)', () => {
    const codon = `LIB = "./libfoo.so"
from C import LIB.twice(float) -> float

@pure
@C
def strlen(s: cobj) -> int:
    pass

@pure
def square(x: float) -> float:
    return x * x

print(square(twice(1.5)), strlen("hello".c_str()))
`;
    for (const target of TARGETS) {
      const s = run(`extern "C" double twice(double x) { return 2 * x; }\n`, codon, target);
      expect(s.diagnostics, target).toEqual([]);
      expect(s.stdout, target).toBe('9 5\n');
    }
  });
});

describe('the callback ABI check compares the pointer type with the Codon signature', () => {
  const def = (src: string) => {
    const { module } = parseCodon(src, 'main.codon');
    return module.body.find((s) => s.kind === 'def') as FunctionDef;
  };
  const dd: FunctionType = {
    kind: 'function',
    returnType: { kind: 'float', name: 'double' },
    params: [{ kind: 'float', name: 'double' }],
    variadic: false,
  };
  const ll: FunctionType = {
    kind: 'function',
    returnType: { kind: 'int', name: 'long' },
    params: [{ kind: 'int', name: 'long' }],
    variadic: false,
  };
  const half = def('def half(x: float) -> float:\n    return x / 2.0\n');
  const triple = def('def triple(x: int) -> int:\n    return 3 * x\n');

  it('agrees where the registers and meanings agree, on both targets', () => {
    for (const t of TARGETS) {
      expect(callbackViews(half, dd, t).cmp, t).toMatchObject({ abiMismatch: false, typeMismatch: false });
      expect(callbackViews(triple, ll, t).cmp, t).toMatchObject({ abiMismatch: false, typeMismatch: false });
    }
  });

  it('says where an int callback and a double pointer put the values', () => {
    expect(callbackViews(triple, dd, 'x86_64').cmp.details.map((d) => formatText(d))).toEqual([
      'argument 1: caller puts it in xmm0, callee reads rdi',
      'result: callee returns it in rax, caller reads xmm0',
    ]);
    expect(callbackViews(triple, dd, 'aarch64').cmp.abiMismatch).toBe(true);
  });
});

describe('a callback on the machine', () => {
  const dir = join(ROOT, 'export-apply');
  const cpp = readFileSync(join(dir, 'lib.cpp'), 'utf8');
  const codon = readFileSync(join(dir, 'main.codon'), 'utf8');
  const regionAt = (trace: Trace, addr: number) => {
    const region = trace.regions.find((r) => addr >= r.start && addr < r.end);
    return region === undefined ? 'unmapped' : formatName(region.name);
  };
  const u64 = (b: Uint8Array) => Number(new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true));

  for (const target of TARGETS)
    it(`pushes the Codon frame above the C++ caller's, returning into libfoo.so, x in ${target === 'x86_64' ? 'xmm0' : 'd0'} (${target})`, () => {
      const trace = runProgram({ cpp, codon, target }).trace as Trace;
      let step = -1;
      for (let s = 0; s < stepCount(trace) && step < 0; s++) {
        const msg = stepMessage(trace, s);
        if (msg.id === 'codon.callback' && msg.params[0] === 'half') step = s;
      }
      expect(step).toBeGreaterThan(0);
      const frames = frameList(trace.frames);
      const half = frames.find((f) => f.functionName === 'half');
      const apply = frames.find((f) => f.id === half?.parent);
      expect(apply).toMatchObject({ functionName: 'apply', side: 'cpp' });
      expect(half?.side).toBe('codon');
      expect(half?.entrySp ?? 0).toBeLessThanOrEqual(apply?.low ?? 0);
      const state = stateAt(trace, step);
      const arg = state.register(target === 'x86_64' ? 'xmm0' : 'v0');
      expect(new DataView(arg.buffer, arg.byteOffset, 8).getFloat64(0, true)).toBe(5);
      const returnAddress =
        target === 'x86_64' ? Number(state.readUint64(half?.entrySp ?? 0)) : u64(state.register('x30'));
      expect(regionAt(trace, returnAddress)).toBe('libfoo.so text');
    });
});

describe('callbacks read in both languages', () => {
  const LATIN_WORDS = /[A-Za-z]{3,}(?:\s+[A-Za-z]{2,}){2,}/;
  for (const name of readdirSync(ROOT).sort())
    it(`${name}: every step has its view, and every finding and narration is in Chinese`, () => {
      const dir = join(ROOT, name);
      const trace = runProgram({
        cpp: readFileSync(join(dir, 'lib.cpp'), 'utf8'),
        codon: readFileSync(join(dir, 'main.codon'), 'utf8'),
        target: 'x86_64',
      }).trace as Trace;
      for (let s = 0; s < stepCount(trace); s++) {
        expect(stepView(trace, s, undefined, 'zh').step).toBe(s);
        const zh = formatMessage(stepMessage(trace, s), 'zh');
        expect(LATIN_WORDS.test(zh) ? zh : '').toBe('');
      }
      for (const f of trace.findings) {
        const zh = formatMessage(f.message, 'zh');
        expect(LATIN_WORDS.test(zh) ? zh : '').toBe('');
      }
    });
});
