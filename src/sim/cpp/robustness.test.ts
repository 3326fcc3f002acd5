/**
 * Property-based tests: whatever text it gets, the front end returns (never throws), and every
 * diagnostic points inside the file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diag';
import { parseCpp } from './index';

/** The original bug's library (codon issue #576), as the lessons show it. */
const BUG = `#include <array>
#include <cstdio>

extern "C" {

__attribute__((visibility("default"))) std::array<double, 4> foo() {
    std::array<double, 4> bar;
    bar[0] = 1.5;
    bar[1] = 2.5;
    bar[2] = 3.5;
    bar[3] = 4.5;
    return bar;
}

}
`;

/** The write-up's fixes, one program with all of them. */
const FIXES = `#include <array>
#include <algorithm>
#include <memory>
#include <cstring>
#include <iostream>

extern "C" {

__attribute__((visibility("default"))) double* foo_static() {
    static std::array<double, 4> bar;
    for (int i = 0; i < 4; ++i) bar[i] = 1.5 + i;
    return bar.data();
}

__attribute__((visibility("default"))) void foo_out(double* out) {
    std::array<double, 4> bar{1.5, 2.5, 3.5, 4.5};
    std::copy(bar.begin(), bar.end(), out);
}

void* make() { return new std::array<double, 4>{}; }
void read(void* h, double* out) { auto* a = static_cast<std::array<double, 4>*>(h); std::memcpy(out, a->data(), sizeof(double) * 4); }
void release(void* h) { delete static_cast<std::array<double, 4>*>(h); }

std::shared_ptr<std::array<double, 4>> foo_shared() {
    auto bar = std::make_shared<std::array<double, 4>>();
    (*bar)[0] = 1e6;
    std::cout << (*bar)[0] << std::endl;
    return bar;
}

}
`;

const PROGRAMS = [BUG, FIXES];

/** Checks the invariant: every diagnostic's position lies inside the text. */
function outOfRange(src: string, diags: Diagnostic[]): Diagnostic[] {
  const lines = src.split('\n');
  const inside = (line: number, column: number): boolean =>
    Number.isInteger(line) &&
    Number.isInteger(column) &&
    line >= 1 &&
    line <= lines.length &&
    column >= 1 &&
    column <= (lines[line - 1] ?? '').length + 1;
  return diags.filter(
    (d) =>
      !inside(d.line, d.column) ||
      (d.endLine !== undefined && d.endColumn !== undefined && !inside(d.endLine, d.endColumn)),
  );
}

function assertSound(src: string): void {
  const r = parseCpp(src, 'fuzz.cpp');
  expect(outOfRange(src, r.diagnostics)).toEqual([]);
  for (const d of r.diagnostics) {
    expect(d.file).toBe('fuzz.cpp');
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.message).not.toMatch(/internal error/);
  }
}

const VOCABULARY = [
  ...'int double float char bool void auto const static extern inline constexpr unsigned long short signed struct class union enum namespace using typedef template typename return if else for while do break continue goto switch case default try catch throw new delete sizeof this nullptr true false operator virtual public private protected friend thread_local alignas decltype static_cast reinterpret_cast'.split(
    ' ',
  ),
  ...'std :: array vector shared_ptr unique_ptr make_shared copy cout endl size_t int64_t foo bar baz x y i n data begin end'.split(
    ' ',
  ),
  ...'{ } ( ) [ ] < > << >> <= >= == != = += -= ++ -- -> . , ; : ? ! ~ & && | || ^ * / % + - ... #'.split(
    ' ',
  ),
  '0',
  '1',
  '4',
  '1.5',
  '1e6',
  '0x1F',
  '4ul',
  "'a'",
  '"hi"',
  'extern "C"',
  '__attribute__((packed))',
  '[[nodiscard]]',
  '\n#include <array>\n',
  '\n#define N 4\n',
  '\n#ifdef X\n',
  '\n#endif\n',
  '/*',
  '*/',
  '//',
  '"',
  "'",
  '\\',
  'R"(',
];

const tokenSoup = fc
  .array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(' ', '', '\n', '\t', '  ')), {
    maxLength: 120,
  })
  .map((parts) => parts.map(([t, ws]) => t + ws).join(''));

/** A random edit of a program: delete, duplicate or swap character ranges, or insert a token. */
const mutation = fc.record({
  program: fc.constantFrom(...PROGRAMS),
  edits: fc.array(
    fc.record({
      kind: fc.constantFrom('delete', 'duplicate', 'swap', 'insert'),
      a: fc.nat(),
      b: fc.nat(),
      len: fc.integer({ min: 1, max: 12 }),
      token: fc.constantFrom(...VOCABULARY),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

function applyEdits(
  program: string,
  edits: { kind: string; a: number; b: number; len: number; token: string }[],
): string {
  let s = program;
  for (const e of edits) {
    const n = s.length;
    if (n === 0) return e.token;
    const a = e.a % n;
    const b = e.b % n;
    const end = Math.min(n, a + e.len);
    switch (e.kind) {
      case 'delete':
        s = s.slice(0, a) + s.slice(end);
        break;
      case 'duplicate':
        s = s.slice(0, end) + s.slice(a, end) + s.slice(end);
        break;
      case 'swap': {
        const [x, y] = a < b ? [a, b] : [b, a];
        const xEnd = Math.min(y, x + e.len);
        const yEnd = Math.min(n, y + e.len);
        s = s.slice(0, x) + s.slice(y, yEnd) + s.slice(xEnd, y) + s.slice(x, xEnd) + s.slice(yEnd);
        break;
      }
      default:
        s = s.slice(0, a) + ' ' + e.token + ' ' + s.slice(a);
    }
  }
  return s;
}

describe('the front end never throws and keeps diagnostics inside the file', () => {
  it('accepts the lesson programs without errors', () => {
    for (const p of PROGRAMS)
      expect(parseCpp(p, 'p.cpp').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('on random token soup', () => {
    fc.assert(fc.property(tokenSoup, assertSound), { numRuns: 1500 });
  });

  it('on random edits of lesson programs', () => {
    fc.assert(
      fc.property(mutation, ({ program, edits }) => assertSound(applyEdits(program, edits))),
      { numRuns: 1500 },
    );
  });

  it('on arbitrary strings, including non-ASCII and control characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), assertSound), { numRuns: 500 });
  });

  it('on deep nesting', () => {
    for (const open of ['(', '{', '[', '-', '*', 'if(x)', 'S<', 'namespace a{']) {
      assertSound('int f() { return ' + open.repeat(3000) + ' }');
      assertSound(open.repeat(3000));
    }
  });
});
