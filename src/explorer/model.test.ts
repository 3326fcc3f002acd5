import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { T } from '../sim/abi/fixtures/typeKit.ts';
import { classifyReturn, nonTrivialReason, type Target } from '../sim/abi/index.ts';
import { parseCpp } from '../sim/cpp/index.ts';
import { EXAMPLES } from './examples.ts';
import { analyse, TARGETS, type Problem, type Report, type TargetView } from './model.ts';
import { nonTrivialEn } from './text-en.ts';
import { insights, routeRegisters, STRINGS } from './text.ts';

// ------------------------------------------------------------------ helpers

function report(type: string, definitions = ''): Report {
  const a = analyse({ type, definitions });
  if (!a.ok) throw new Error(`expected ${type} to be explored, got ${JSON.stringify(a.problems)}`);
  return a.report;
}

function view(type: string, target: Target, definitions = ''): TargetView {
  const o = report(type, definitions).targets[target];
  if (!o.ok) throw new Error(`expected ${type} to have a view on ${target}: ${o.problem.detail}`);
  return o.view;
}

function problems(type: string, definitions = ''): Problem[] {
  const a = analyse({ type, definitions });
  if (a.ok) throw new Error(`expected problems for ${JSON.stringify(type)}`);
  return a.problems;
}

/** Where the value travels in a few characters: `%xmm0,%xmm1`, `memory(%rdi)`, `d0,d1,d2`. */
function where(v: TargetView): string {
  return v.route.kind === 'memory' ? `memory(${v.route.addressIn})` : routeRegisters(v.route).join(',');
}

function expectWhere(type: string, x86: string, a64: string, definitions = ''): void {
  expect(where(view(type, 'x86_64', definitions)), `${type} on x86-64`).toBe(x86);
  expect(where(view(type, 'aarch64', definitions)), `${type} on AArch64`).toBe(a64);
}

// ------------------------------------------------------------------ the examples

describe('the one-click examples', () => {
  it.each(EXAMPLES.map((e) => [e.label, e] as const))('%s: the convention is classifyReturn’s', (_, e) => {
    const r = report(e.type, e.definitions);
    const t = T(e.type, e.definitions || undefined);
    for (const target of TARGETS) {
      const o = r.targets[target];
      expect(o.ok).toBe(true);
      if (!o.ok) continue;
      const c = classifyReturn(t, target);
      expect(o.view.convention).toBe(c.convention);
      expect(o.view.size).toBe(c.size);
      expect(o.view.align).toBe(c.align);
      expect(o.view.trivial).toBe(c.trivialForCalls);
      expect(o.view.route.kind === 'memory').toBe(c.indirect);
      expect(routeRegisters(o.view.route).length).toBe(c.parts.length);
      if (target === 'x86_64') expect(o.view.eightbytes).toEqual(c.eightbytes);
    }
  });

  // What g++ 12.2 -O2 did with `T f(const T* p) { return *p; }` on x86-64 and aarch64-linux-gnu
  // (the registers its code fills before `ret`, or the address register it stores through).
  it('match what g++ 12 does on both machines', () => {
    expectWhere('double', '%xmm0', 'd0');
    expectWhere('std::array<double, 2>', '%xmm0,%xmm1', 'd0,d1');
    expectWhere('std::array<double, 4>', 'memory(%rdi)', 'd0,d1,d2,d3');
    expectWhere('std::array<float, 4>', '%xmm0,%xmm1', 's0,s1,s2,s3');
    expectWhere('Vec3', 'memory(%rdi)', 'd0,d1,d2', 'struct Vec3 { double x, y, z; };');
    expectWhere('std::pair<int, double>', '%rax,%xmm0', 'x0,x1');
    expectWhere('std::complex<double>', '%xmm0,%xmm1', 'd0,d1');
    expectWhere('std::shared_ptr<std::array<double, 4>>', 'memory(%rdi)', 'memory(x8)');
    expectWhere('std::unique_ptr<double>', 'memory(%rdi)', 'memory(x8)');
    expectWhere('std::string_view', '%rax,%rdx', 'x0,x1');
    expectWhere('long double', 'st0', 'q0');
  });
});

// ------------------------------------------------------------------ lesson 6's table

interface TableRow {
  type: string;
  size: number;
  x86: string;
  a64: string;
}

/** The rows of the table under "Explored with a real compiler" in lesson 6. */
function lessonTable(locale: 'en' | 'zh'): TableRow[] {
  const text = readFileSync(
    new URL(`../../content/lessons/06-abi-explorer/${locale}.mdx`, import.meta.url),
    'utf8',
  );
  const rows = text.split('\n').filter((l) => /^\| `/.test(l));
  return rows.map((line) => {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const [type = '', size = '', x86 = '', a64 = ''] = cells;
    return {
      type: type.replace(/^`|`$/g, ''),
      size: Number(size),
      x86: registersIn(x86),
      a64: registersIn(a64),
    };
  });
}

/** `%xmm0`, `%xmm1` -> `%xmm0,%xmm1`; `d0` to `d3` -> `d0,d1,d2,d3`; memory (`x8`) -> `memory(x8)`. */
function registersIn(cell: string): string {
  const names = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
  if (/^(memory|内存)/.test(cell)) return `memory(${names[0]})`;
  const range = cell.match(/`([a-z])(\d)` (?:to|到) `\1(\d)`/);
  if (range) {
    const [, prefix, from, to] = range;
    return Array.from(
      { length: Number(to) - Number(from) + 1 },
      (_, i) => `${prefix}${Number(from) + i}`,
    ).join(',');
  }
  return names.join(',');
}

/** A table row's type as the explorer's two fields (an unnamed struct gets a name and a definition). */
function asInput(type: string): { type: string; definitions: string } {
  const m = type.match(/^struct (\{.*\})$/);
  return m ? { type: 'Row', definitions: `struct Row ${m[1]};` } : { type, definitions: '' };
}

describe("lesson 6's table", () => {
  for (const locale of ['en', 'zh'] as const) {
    const rows = lessonTable(locale);
    it(`(${locale}) has its rows`, () => expect(rows.length).toBeGreaterThanOrEqual(13));
    it.each(rows.map((r) => [r.type, r] as const))(
      `(${locale}) %s: the explorer says what the table says`,
      (_, row) => {
        const input = asInput(row.type);
        expect(view(input.type, 'x86_64', input.definitions).size).toBe(row.size);
        expectWhere(input.type, row.x86, row.a64, input.definitions);
      },
    );
  }
});

// ------------------------------------------------------------------ the explanations agree with the classifier

const EXPLAINED: [string, string][] = [
  ...EXAMPLES.map((e): [string, string] => [e.type, e.definitions]),
  ['std::array<double, 3>', ''],
  ['std::array<double, 5>', ''],
  ['std::optional<double>', ''],
  ['std::tuple<int, double>', ''],
  ['std::string', ''],
  ['std::vector<double>', ''],
  ['__int128', ''],
  ['__m128', ''],
  ['int&', ''],
  ['char*', ''],
  ['P', 'struct P { float a; double b; };'],
  ['F3', 'struct F3 { float a, b, c; };'],
  ['Mix', 'struct Mix { float f; int i; double d; };'],
  ['Bits', 'struct Bits { int a : 3; int b : 5; double d; };'],
  ['Packed', 'struct __attribute__((packed)) Packed { char c; double d; };'],
  ['M', 'struct M { double a; long double b; };'],
  ['U', 'union U { double d; long l; };'],
  ['V', 'struct V { virtual void f(); double d; };'],
  ['D', 'struct D { D(const D&) = delete; D(D&&) = delete; double x; };'],
  ['W', 'struct Inner { ~Inner(); }; struct W { Inner i; double x; };'],
  ['Dflt', 'struct Dflt { Dflt(const Dflt&) = default; double x; };'],
  ['E', 'struct E {};'],
  ['Big', 'struct Big { double d[9]; };'],
  ['Color', 'enum Color { Red, Green };'],
];

describe('the explanations agree with the ABI module', () => {
  it.each(EXPLAINED)('%s: the eightbyte walk ends where classifyReturn does', (type, definitions) => {
    const x = view(type, 'x86_64', definitions);
    const final = x.eightbytes ?? [];
    const story = x.x86;
    expect(story).not.toBeNull();
    if (!story) return;
    if (story.cleanup === null) expect(story.eightbytes.map((e) => e.merged)).toEqual(final);
    else if (story.cleanup === 'sseup-to-sse') expect(final).not.toContain('SSEUP');
    else if (story.cleanup === 'complex-x87') expect(final).toEqual(['COMPLEX_X87']);
    else expect(final.every((c) => c === 'MEMORY')).toBe(true);
    if (final.includes('MEMORY')) expect(story.cleanup).not.toBeNull();
  });

  it.each(EXPLAINED)(
    '%s: the HFA verdict is hfaOf’s, and the non-trivial reason is nonTrivialReason’s',
    (type, definitions) => {
      const r = report(type, definitions);
      for (const target of TARGETS) {
        const o = r.targets[target];
        if (!o.ok) continue;
        const v = o.view;
        expect(v.nonTrivial === null).toBe(v.trivial);
        if (v.nonTrivial) expect(nonTrivialEn(v.nonTrivial)).toBe(v.nonTrivialReason);
        if (target === 'aarch64') {
          expect(v.hfaVerdict?.kind === 'hfa', `${type} is an HFA?`).toBe(v.hfa !== null);
          if (v.hfaVerdict?.kind === 'hfa') expect(v.hfaVerdict).toMatchObject(v.hfa ?? {});
          if (v.hfa) expect(routeRegisters(v.route)).toHaveLength(v.hfa.count);
        }
      }
    },
  );

  it('says why an HFA is not one', () => {
    expect(view('P', 'aarch64', 'struct P { float a; double b; };').hfaVerdict).toEqual({
      kind: 'mixed',
      path: 'b',
      first: 'float',
      other: 'double',
    });
    expect(view('std::pair<int, double>', 'aarch64').hfaVerdict).toEqual({
      kind: 'non-float',
      path: 'first',
    });
    expect(view('std::array<double, 5>', 'aarch64').hfaVerdict).toEqual({
      kind: 'too-many',
      base: 'double',
      count: 5,
    });
    expect(view('double', 'aarch64').hfaVerdict).toEqual({ kind: 'scalar-float' });
    expect(view('std::array<double, 4>', 'aarch64').hfaVerdict).toEqual({
      kind: 'hfa',
      base: 'double',
      count: 4,
    });
  });

  it('explains the merges inside one eightbyte and the clean-up', () => {
    const mix = view('Mix', 'x86_64', 'struct Mix { float f; int i; double d; };').x86;
    expect(mix?.eightbytes[0]?.contributions).toEqual([
      { path: 'f', cls: 'SSE' },
      { path: 'i', cls: 'INTEGER' },
    ]);
    expect(mix?.eightbytes[0]?.steps).toEqual([
      { before: 'SSE', with: 'INTEGER', result: 'INTEGER', rule: 'integer', path: 'i' },
    ]);
    expect(view('std::array<double, 4>', 'x86_64').x86?.cleanup).toBe('more-than-two');
    expect(view('std::array<double, 4>', 'x86_64').x86?.eightbytes.map((e) => e.merged)).toEqual([
      'SSE',
      'SSE',
      'SSE',
      'SSE',
    ]);
    const sp = view('std::shared_ptr<std::array<double, 4>>', 'x86_64');
    expect(sp.x86?.cleanup).toBe('non-trivial');
    // By its contents alone it would be two INTEGER eightbytes: two pointers, %rax and %rdx.
    expect(sp.x86?.eightbytes.map((e) => e.merged)).toEqual(['INTEGER', 'INTEGER']);
    expect(
      view('Packed', 'x86_64', 'struct __attribute__((packed)) Packed { char c; double d; };').x86,
    ).toMatchObject({
      cleanup: 'unaligned',
      unaligned: ['d'],
    });
  });

  it('follows the non-trivial reason down to the member that causes it, in both languages', () => {
    const sp = view('std::shared_ptr<std::array<double, 4>>', 'x86_64');
    expect(sp.nonTrivialReason).toBe(nonTrivialReason(T('std::shared_ptr<std::array<double, 4>>')));
    expect(sp.nonTrivial).toMatchObject({
      kind: 'special',
      which: 'copyCtor',
      steps: [{ via: 'base' }, { via: 'member', name: '_M_refcount' }],
      cause: { kind: 'user-provided', className: 'std::__shared_count<>' },
    });
    const zh = sp.nonTrivial ? STRINGS.zh.nonTrivial(sp.nonTrivial) : '';
    expect(zh).toContain('拷贝构造函数是非平凡的');
    expect(zh).toContain('成员 `_M_refcount`');
    expect(zh).toContain('`std::__shared_count<>` 有用户提供的拷贝构造函数');
  });
});

// ------------------------------------------------------------------ the byte map

describe('the byte map', () => {
  it('covers every byte of a small value, padding included, and says which register carries it', () => {
    const v = view('std::pair<int, double>', 'x86_64');
    expect(v.cells.map((c) => [c.path, c.offset, c.size, c.kind])).toEqual([
      ['first', 0, 4, 'int'],
      ['(padding)', 4, 4, 'padding'],
      ['second', 8, 8, 'float'],
    ]);
    expect(
      v.cells.map((c) =>
        c.carrier.kind === 'register' ? `${c.carrier.reg}+${c.carrier.regByte}` : c.carrier.kind,
      ),
    ).toEqual(['%rax+0', '%rax+4', '%xmm0+0']);
    const floats = view('std::array<float, 4>', 'x86_64').cells.map((c) =>
      c.carrier.kind === 'register' ? `${c.carrier.reg}+${c.carrier.regByte}` : c.carrier.kind,
    );
    expect(floats).toEqual(['%xmm0+0', '%xmm0+4', '%xmm1+0', '%xmm1+4']);
    // Two floats share each register; the words say which half.
    const second = view('std::array<float, 4>', 'x86_64').cells[1];
    expect(second && STRINGS.en.carrier(second.carrier)).toBe('%xmm0, bytes 4–7');
    expect(second && STRINGS.zh.carrier(second.carrier)).toBe('%xmm0 的第 4–7 字节');
    const whole = view('double', 'x86_64').cells[0];
    expect(whole && STRINGS.en.carrier(whole.carrier)).toBe('%xmm0');
  });

  it('names members of an anonymous union as the layout does', () => {
    const s = view('std::string', 'x86_64');
    const paths = s.x86?.eightbytes.flatMap((e) => e.contributions.map((c) => c.path)) ?? [];
    for (const p of paths) expect(s.cells.map((c) => c.path)).toContain(p);
  });

  it('marks memory for values returned through memory and nothing for the x87 padding', () => {
    expect(view('std::array<double, 4>', 'x86_64').cells.every((c) => c.carrier.kind === 'memory')).toBe(
      true,
    );
    expect(view('long double', 'x86_64').cells.map((c) => c.carrier.kind)).toEqual(['register', 'none']);
  });

  it('puts overlapping union members on separate lanes', () => {
    const u = view('U', 'x86_64', 'union U { double d; long l; };');
    expect(u.lanes).toBe(2);
    expect(u.cells.map((c) => c.lane)).toEqual([0, 1]);
  });

  it('draws the first 64 bytes of a large value and counts the rest', () => {
    const v = view('std::array<double, 100>', 'x86_64');
    expect(v.cells).toHaveLength(8);
    expect(v.totalCells).toBe(100);
  });
});

// ------------------------------------------------------------------ what to notice

describe('insights', () => {
  it('are computed from the two reports', () => {
    expect(insights(report('std::array<double, 4>'))).toEqual(['disagree', 'bigHfa', 'codon']);
    expect(insights(report('std::array<double, 2>'))).toEqual([]);
    expect(insights(report('std::shared_ptr<std::array<double, 4>>'))).toEqual([
      'smallButNonTrivial',
      'codon',
    ]);
    expect(insights(report('double&'))).toEqual(['reference']);
  });

  it('name the registers and the hidden pointer in the route sentence', () => {
    const x = view('std::array<double, 4>', 'x86_64');
    const a = view('std::array<double, 4>', 'aarch64');
    expect(STRINGS.en.route(x.route, x.size)).toMatch(/reserves 32 bytes .* in %rdi; .* in %rax\./);
    expect(STRINGS.en.route(a.route, a.size)).toBe(
      'In registers: bytes 0–7 in d0, bytes 8–15 in d1, bytes 16–23 in d2, bytes 24–31 in d3.',
    );
    expect(STRINGS.zh.route(x.route, x.size)).toContain('调用方预留 32 字节，把地址放在 %rdi 里传入');
    const sp = view('std::shared_ptr<std::array<double, 4>>', 'aarch64');
    expect(STRINGS.en.route(sp.route, sp.size)).toContain('passes their address in x8');
  });
});

// ------------------------------------------------------------------ bad input

describe('bad input gives located messages', () => {
  const first = (type: string, definitions = ''): Problem => {
    const p = problems(type, definitions)[0];
    if (!p) throw new Error('no problem');
    return p;
  };

  it('points into the return type', () => {
    expect(first('')).toMatchObject({ code: 'empty', field: 'type', column: 1 });
    expect(first('   ')).toMatchObject({ code: 'empty', field: 'type' });
    expect(first('std::array<double, 4')).toMatchObject({ code: 'cpp', field: 'type', column: 21 });
    expect(first('doubel')).toMatchObject({ code: 'cpp', field: 'type', column: 1, endColumn: 7 });
    expect(first('doubel').detail).toBe("unknown type 'doubel'");
    expect(first('std::arry<double, 2>')).toMatchObject({ code: 'cpp', column: 1 });
    expect(first('int[4]')).toMatchObject({ code: 'c-array', column: 4, detail: 'int' });
    expect(first('struct { double d[3]; }')).toMatchObject({ code: 'defines-type', column: 8 });
    expect(first('double; int')).toMatchObject({ code: 'extra-declaration', column: 7 });
    expect(first('std::map<int, int>')).toMatchObject({ code: 'cpp', column: 6 });
    expect(first('#include <array>')).toMatchObject({ code: 'directive', column: 1 });
    expect(first('double', 'namespace n {\n')).toMatchObject({ field: 'definitions', line: 2, column: 1 });
    expect(first('A', 'struct A { double x;')).toMatchObject({ field: 'definitions', line: 1, column: 21 });
    expect(first('x'.repeat(301))).toMatchObject({ code: 'too-long', field: 'type' });
  });

  it('points into the definitions, on the right line', () => {
    expect(first('A', 'struct A {\n  doubel x;\n};')).toMatchObject({
      code: 'cpp',
      field: 'definitions',
      line: 2,
      column: 3,
    });
    expect(first('A', 'struct A { double x; }')).toMatchObject({ code: 'cpp' });
  });

  // How quickly is measured by `npm run bench`; a timed assertion here would flake on a loaded machine.
  it('declines a type too large to lay out', () => {
    expect(first('std::array<char, 10000000>')).toMatchObject({ code: 'too-large' });
    expect(first('std::array<std::array<std::array<double, 1000>, 1000>, 1000>')).toMatchObject({
      code: 'too-large',
    });
  });

  it('reports a type without layout on one machine in that machine’s column only', () => {
    const r = report('__m128');
    expect(r.targets.x86_64.ok).toBe(true);
    expect(r.targets.aarch64).toMatchObject({ ok: false, problem: { code: 'no-layout' } });
    expect(first('S', 'struct S;')).toMatchObject({ code: 'no-layout' });
  });

  it('has a sentence for every problem in both languages, in Chinese for the common ones', () => {
    const inputs: [string, string][] = [
      ['', ''],
      ['doubel', ''],
      ['std::array<double, 4', ''],
      ['int[4]', ''],
      ['struct { double d; }', ''],
      ['double; int', ''],
      ['std::map<int, int>', ''],
      ['#include <array>', ''],
      ['std::array<char, 10000000>', ''],
      ['S', 'struct S;'],
      ['std::array<double, -1>', ''],
    ];
    for (const [type, definitions] of inputs) {
      for (const p of problems(type, definitions)) {
        for (const locale of ['en', 'zh'] as const) {
          expect(STRINGS[locale].problem(p).length, `${type} ${locale}`).toBeGreaterThan(5);
          expect(STRINGS[locale].where(p)).toMatch(/\d/);
        }
        expect(STRINGS.zh.problem(p), `${type} in Chinese`).not.toContain('英文原文');
      }
    }
  });
});

// ------------------------------------------------------------------ never throws

describe('analyse never throws', () => {
  const cppish = fc
    .array(
      fc.constantFrom(
        'std::array',
        'std::pair',
        'std::shared_ptr',
        'double',
        'int',
        'struct',
        'S',
        '<',
        '>',
        ',',
        '4',
        '{',
        '}',
        ';',
        '*',
        '&',
        '[',
        ']',
        '(',
        ')',
        'const',
        ' ',
        '::',
        '\n',
        '/*',
        '//',
        '"',
        'template',
        'union',
        'virtual',
        '~S();',
        '9999999999',
      ),
      { maxLength: 24 },
    )
    .map((parts) => parts.join(''));

  const checkLocated = (type: string, definitions: string): void => {
    const a = analyse({ type, definitions });
    const located = a.ok
      ? Object.values(a.report.targets).flatMap((o) => (o.ok ? [] : [o.problem]))
      : a.problems;
    if (!a.ok) expect(a.problems.length).toBeGreaterThan(0);
    for (const p of located) {
      expect(p.detail).not.toMatch(/internal error/);
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeGreaterThanOrEqual(1);
      expect(p.endColumn).toBeGreaterThan(p.column);
      if (p.field === 'type') expect(p.column).toBeLessThanOrEqual(Math.max(type.length, 0) + 2);
      else expect(p.line).toBeLessThanOrEqual(definitions.split('\n').length);
    }
  };

  it('on random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (type, definitions) =>
        checkLocated(type, definitions),
      ),
      { numRuns: 300 },
    );
  });

  it('on C++-shaped token soup', () => {
    fc.assert(
      fc.property(cppish, cppish, (type, definitions) => checkLocated(type, definitions)),
      { numRuns: 300 },
    );
  });

  it('reads the same type the C++ front end reads', () => {
    // The explorer's wrapper must not change what a type means.
    const direct = parseCpp('std::array<double, 3> f();', 'x.cpp').unit.functions[0]?.returnType;
    expect(direct && classifyReturn(direct, 'aarch64').convention).toBe(
      view('std::array<double, 3>', 'aarch64').convention,
    );
  });
});
