/**
 * The simulator's side of each listed simplification (docs/SIMULATOR.md#simplifications,
 * oracle/simplifications.json), pinned: if one of these changes, the rule was modelled (drop its
 * entry) or broke. Beside each, the oracle's value for the same program (seed 14 of
 * `npm run test:diff:gen`) and the matcher the generated-program tally applies to the pair.
 */
import { describe, expect, it } from 'vitest';
import { explain, loadSimplifications, type MatchContext } from '../../../oracle/simplify';
import type { Disagreement } from '../../../oracle/compare';
import { runProgram } from './index.ts';

const HEAD = 'LIBPATH = "./libfoo.so"\n';
const LIST = loadSimplifications();

interface Case {
  rule: string;
  target: 'x86_64' | 'aarch64';
  cpp: string;
  codon: string;
  field: string;
  oracle: string;
  sim: string;
}

const CASES: Case[] = [
  {
    // g++ -O0 narrows the arithmetic: `movzbl -4(%rbp), %edx` ... `addl $66, %eax`: 224 * 3 + 66.
    rule: 'narrow-int-result',
    target: 'x86_64',
    cpp: `#include <cstdint>\nextern "C" {\nunsigned char f(signed char a) {\n    return (unsigned char)(a * 3 + -190);\n}\n}\n`,
    codon: `${HEAD}from C import LIBPATH.f(int) -> int\n\nprint(f(300))\nprint(f(300000))\n`,
    field: 'stdout',
    oracle: '198\n738\n',
    sim: '198\n226\n',
  },
  {
    // 2^64 - 5 is a JS number: it rounds to 2^64 before the multiplication.
    rule: 'int64-precision',
    target: 'x86_64',
    cpp: `#include <cstdint>\nextern "C" {\nlong long f(unsigned long a) {\n    return (long long)(a * 3 + 0);\n}\n}\n`,
    codon: `${HEAD}from C import LIBPATH.f(int) -> int\n\nprint(f(-5))\nprint(f(-5000))\n`,
    field: 'stdout',
    oracle: '-15\n-15000\n',
    sim: '0\n-12288\n',
  },
  {
    // u64(-86) is 2^64 - 86, which rounds to 2^64: the `short` parameter reads 0 (seed 602219592).
    rule: 'int64-precision',
    target: 'x86_64',
    cpp: `#include <cstdint>\nextern "C" {\nunsigned char f(short a) {\n    return (unsigned char)(a * 3 + 68);\n}\n}\n`,
    codon: `${HEAD}from C import LIBPATH.f(u64) -> u32\n\nprint(f(u64(-86)))\nprint(f(u64(-86000)))\n`,
    field: 'stdout',
    oracle: '196418\n135284\n',
    sim: '68\n68\n',
  },
  {
    // x0 holds 2.1's bits, 0x4000cccccccccccd, which the Codon int prints exactly for real; the
    // simulator's double keeps 53 of its bits (2.0's bits, 2^62, a double holds exactly: agree).
    rule: 'int64-precision',
    target: 'aarch64',
    cpp: `#include <cstdint>\nstruct S {\n    double m0;\n    int64_t m1;\n};\n\nextern "C" {\nS f() {\n    S s;\n    s.m0 = 2.1;\n    s.m1 = 3;\n    return s;\n}\n}\n`,
    codon: `${HEAD}\n@tuple\nclass R:\n    f0: float\n    f1: int\n\nfrom C import LIBPATH.f() -> R\n\nr = f()\nprint(r.f0, r.f1)\n`,
    field: 'stdout',
    oracle: '2.1 4611911198408756429\n',
    sim: '2.1 4611911198408756224\n',
  },
  {
    // rax is the hidden pointer, _rtld_global._dl_load_lock: 0x7ffff7ffda28 for real, the
    // simulator's plan puts it elsewhere. (rdx and rcx are registers the callee never set.)
    rule: 'printed-address',
    target: 'x86_64',
    cpp: `#include <cstdint>\nstruct S {\n    int64_t m0;\n    int64_t m1;\n    int64_t m2;\n};\n\nextern "C" {\nS f() {\n    S s;\n    s.m0 = 1.5;\n    s.m1 = 2.5;\n    s.m2 = 3.5;\n    return s;\n}\n}\n`,
    codon: `${HEAD}\n@tuple\nclass R:\n    f0: int\n\nfrom C import LIBPATH.f() -> R\n\nr = f()\nprint(r.f0)\n`,
    field: 'stdout',
    oracle: '140737354127912\n',
    sim: '140737354127624\n',
  },
  {
    // llc gives g `sub sp, sp, #32; str x30, [sp, #16]`, `a` in the hole beside x30 (sp+24) and z at
    // sp+8: the NUL after 16 bytes lands on z, stored again after the call (16 + 3). The simulator
    // lays a and z out below x30 in order, so the NUL zeroes a's low byte (16 + 0).
    rule: 'codon-frame-slots',
    target: 'aarch64',
    cpp: `#include <cstring>\nextern "C" long f() {\n    char buf[8];\n    strcpy(buf, "a string much lo");\n    return (long)strlen(buf);\n}\n`,
    codon: `${HEAD}from C import LIBPATH.f() -> int\n\ndef g(a: int) -> int:\n    z = f()\n    return z + a\n\nprint(g(3))\n`,
    field: 'stdout',
    oracle: '19\n',
    sim: '16\n',
  },
];

function simRun(c: Case) {
  return runProgram({
    cpp: c.cpp,
    codon: c.codon,
    target: c.target,
    leftover: 'runtime-data',
    maxSteps: 20_000,
  }).summary;
}

function ctxOf(c: Case, findings: string[]): MatchContext {
  return { cpp: c.cpp, codon: c.codon, target: c.target, simFindings: findings };
}

function disagreement(c: Case): Disagreement {
  const shown = (x: string) => (c.field === 'stdout' ? JSON.stringify(x) : x);
  return { key: 'k', field: c.field, oracle: shown(c.oracle), sim: shown(c.sim) };
}

describe('each listed simplification: the simulator’s side, and the rule that explains it', () => {
  it('lists every rule once, each with its docs entry', () => {
    const rules = LIST.map((s) => s.rule);
    expect(new Set(rules).size).toBe(rules.length);
    for (const s of LIST) expect(s.doc).toBe(`docs/SIMULATOR.md#${s.rule}`);
  });

  it.each(CASES.map((c) => [c.rule, c.target, c] as const))('%s (%s)', (rule, _target, c) => {
    const s = simRun(c);
    const got = c.field === 'stdout' ? s.stdout : s.outcome + (s.crash ? ` ${s.crash.signal}` : '');
    expect(got).toBe(c.sim);
    expect(
      explain(
        LIST,
        ctxOf(
          c,
          s.findings.map((f) => f.kind),
        ),
        disagreement(c),
      ),
    ).toEqual([rule]);
  });
});

describe('the matchers explain no more than their rule', () => {
  const narrow = CASES[0] as Case;
  it('a stdout word no rule explains leaves the disagreement unlisted', () => {
    const d: Disagreement = { key: 'k', field: 'stdout', oracle: '"198\\n739\\n"', sim: '"198\\n226\\n"' };
    expect(explain(LIST, ctxOf(narrow, []), d)).toBeNull();
  });
  it('different lines or words are never explained word by word', () => {
    const d: Disagreement = { key: 'k', field: 'stdout', oracle: '"198\\n"', sim: '"198\\n226\\n"' };
    expect(explain(LIST, ctxOf(narrow, []), d)).toBeNull();
  });
  it('the narrow-result rule is for the widths its target leaves unspecified (AArch64: 32 bits only)', () => {
    expect(explain(LIST, { ...ctxOf(narrow, []), target: 'aarch64' }, disagreement(narrow))).toBeNull();
  });
  it('a small value and an address are not two addresses', () => {
    const d: Disagreement = {
      key: 'k',
      field: 'stdout',
      oracle: '"140737354127912 1\\n"',
      sim: '"140737354127624 0\\n"',
    };
    expect(explain(LIST, ctxOf(CASES.find((x) => x.rule === 'printed-address') as Case, []), d)).toBeNull();
  });
  it('a word the simulator marks indeterminate matches any real word, but the rest still needs a rule', () => {
    const marked = (sim: string): Disagreement => ({
      key: 'k',
      field: 'stdout',
      oracle: JSON.stringify('140737354127912 1 93824992252320\n'),
      sim: JSON.stringify(sim),
    });
    // The address is the printed-address rule; the two marked words are the marks' work.
    expect(
      explain(
        LIST,
        ctxOf(CASES.find((x) => x.rule === 'printed-address') as Case, []),
        marked('140737354127624 «0» «0»\n'),
      ),
    ).toEqual(['printed-address']);
    // Unmarked, the small value stays unexplained.
    expect(
      explain(
        LIST,
        ctxOf(CASES.find((x) => x.rule === 'printed-address') as Case, []),
        marked('140737354127624 0 «0»\n'),
      ),
    ).toBeNull();
  });
  it('the Codon frame-slots rule is for AArch64 runs with a stray write from a local array', () => {
    const c = CASES.find((x) => x.rule === 'codon-frame-slots') as Case;
    const findings = ['stray-write'];
    expect(explain(LIST, ctxOf(c, findings), disagreement(c))).toEqual([c.rule]);
    expect(explain(LIST, { ...ctxOf(c, findings), target: 'x86_64' }, disagreement(c))).toBeNull();
    expect(explain(LIST, ctxOf(c, []), disagreement(c))).toBeNull();
    const noArray = { ...c, cpp: 'extern "C" long f() {\n    long x = 1;\n    return x;\n}\n' };
    expect(explain(LIST, ctxOf(noArray, findings), disagreement(noArray))).toBeNull();
    const leftover: Disagreement = {
      key: 'k',
      field: 'leftover-at-first-call',
      oracle: 'runtime',
      sim: 'stack',
    };
    expect(explain(LIST, ctxOf(c, findings), leftover)).toBeNull();
  });
});
