/**
 * Property-based tests: whatever a learner types, the front end answers with diagnostics inside
 * the file and never throws; valid arithmetic is typed as Codon types it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diag';
import { parseCodon } from './index';
import { lexCodon } from './lexer';
import { dedent } from './test-helpers';
import { typeName } from './types';

/** Lesson-shaped programs: the bug, the fixes (right and wrong), @tuple returns, an opaque handle. */
export const LESSON_PROGRAMS = [
  `
  LIBPATH = "./libfoo.so"
  from C import LIBPATH.foo() -> Ptr[float]

  for i in range(3):
      p = foo()
      print(p[0], p[1], p[2], p[3])
  `,
  `
  LIBPATH = "./libfoo.so"
  from C import LIBPATH.foo(Ptr[float]) -> None

  out = [0.0] * 4
  foo(out.arr.ptr)
  print(out)
  `,
  `
  LIBPATH = "./libfoo.so"
  from C import LIBPATH.foo(Ptr[float]) -> None

  buf = Ptr[float](4)
  for i in range(3):
      foo(buf)
      vals = [buf[i] for i in range(4)]
      print(vals)
  `,
  `
  LIBPATH = "./libfoo.so"
  from C import LIBPATH.foo(Ptr[float]) -> None
  out = [0.0] * 4
  foo(out)
  print(out)
  `,
  `
  LIB = "./libfoo.so"
  from C import LIB.foo_static() -> Ptr[float]
  def read() -> List[float]:
      p = foo_static()
      res = []
      for i in range(4):
          res.append(p[i])
      return res
  total = 0.0
  for v in read():
      total += v
  print(total, len(read()))
  `,
  `
  LIB = "./libpair.so"
  @tuple
  class D2:
      a: float
      b: float
  from C import LIB.pair() -> D2
  d = pair()
  print(d.a, d.b, d)
  `,
  `
  LIB = "./libquad.so"
  @tuple
  class F4:
      a: float32
      b: float32
      c: float32
      d: float32
  from C import LIB.quad() -> F4
  q = quad()
  if q.a > float32(0.5) and q.b < float32(2.0):
      print(float(q.a) + float(q.b))
  else:
      print("no")
  `,
  `
  LIB = "./libhandle.so"
  from C import LIB.make() -> cobj
  from C import LIB.read(cobj, Ptr[float]) -> None
  from C import LIB.release(cobj) -> None
  h = make()
  out = [0.0] * 4
  read(h, out.arr.ptr)
  release(h)
  n = 0
  while n < len(out):
      if out[n] < 0:
          break
      n += 1
  print(out, n, sep=", ")
  `,
  `
  LIB = "./libfoo.so"
  from C import LIB.twice(float) -> float
  class Counter:
      n: int
      total: float
      def __init__(self, n: int):
          self.n = n
          self.total = 0.0
      def bump(self, x: float) -> int:
          self.n += 1
          self.total += twice(x)
          return self.n
  @tuple
  class Vec:
      x: float
      y: float
      def norm2(self) -> float:
          return self.x * self.x + self.y * self.y
  c = Counter(1)
  print(c.bump(Vec(3.0, 4.0).norm2()), c.total, c)
  `,
  `
  LIB = "./libfoo.so"
  try:
      from C import LIB.thrice(float) -> float
      print(thrice(1.0))
  except CError as e:
      print("no thrice:", e)
  `,
  `
  def split(x: float):
      return x, x * 2.0
  d = {"a": 1, "b": 2}
  d["c"] = d.get("a", 0) + 3
  s = {1, 2}
  s.add(len(d))
  a, b = split(1.5)
  for k, v in d.items():
      print(k, v, k in d, a, b)
  for i, x in enumerate([a, b]):
      print(i, x, i in s)
  print(d, s, (a, b))
  `,
].map(dedent);

/** Asserts that every diagnostic (start and end) lies inside the text, and that none is internal. */
function expectInside(source: string, diagnostics: Diagnostic[]): void {
  const lines = source.split(/\r\n|\r|\n/);
  const inside = (line: number, column: number) =>
    Number.isInteger(line) &&
    Number.isInteger(column) &&
    line >= 1 &&
    line <= lines.length &&
    column >= 1 &&
    column <= (lines[line - 1] as string).length + 1;
  for (const d of diagnostics) {
    const where = `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`;
    expect(inside(d.line, d.column), where).toBe(true);
    if (d.endLine !== undefined && d.endColumn !== undefined) {
      expect(inside(d.endLine, d.endColumn), where).toBe(true);
      expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column), where).toBe(true);
    }
    expect(d.message, where).not.toMatch(/internal error/);
    expect(d.message.length, where).toBeGreaterThan(10);
    expect(d.file).toBe('fuzz.codon');
  }
}

/** Set CODON_FUZZ_SCALE=20 to run twenty times as many cases (for a deeper search than CI needs). */
const SCALE = Number(process.env.CODON_FUZZ_SCALE ?? '1');
const runs = (n: number) => ({ numRuns: Math.round(n * SCALE) });
const TIMEOUT = 120_000 * SCALE;

function check(source: string): void {
  const r = parseCodon(source, 'fuzz.codon');
  expectInside(source, r.diagnostics);
}

const VOCABULARY = [
  ...'def class if elif else while for in return break continue pass from import as and or not lambda None True False try with global print len range Ptr List float int cobj __ptr__ C LIB foo out x y i p arr ptr append tuple dict set enumerate items keys values get add'.split(
    ' ',
  ),
  ...'+ - * / // % ** = == != < <= > >= += -= ( ) [ ] { } , : . ; -> @ ... ~ & | ^ << >> := $ ? ! `'.split(
    ' ',
  ),
  '0',
  '1.5',
  '1e6',
  '0x1F',
  '1_000',
  '"s"',
  "'t'",
  '"""doc"""',
  '"open',
  'f"{x}"',
  '# note',
  '\\',
  '\n',
  '\n    ',
  '\n\t',
  '\n        ',
  '\r\n',
];

describe('property: the front end never throws and keeps its diagnostics inside the file', () => {
  it(
    'on random token soup',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 60 }),
          fc.constantFrom(' ', ''),
          (toks, sep) => {
            check(toks.join(sep));
          },
        ),
        runs(2500),
      );
    },
    TIMEOUT,
  );

  it(
    'on random character edits of the lesson programs',
    () => {
      const edit = fc.record({
        at: fc.nat(),
        remove: fc.nat({ max: 4 }),
        insert: fc.string({ unit: fc.constantFrom(...' \t\n():[]"\'#=.,-+*x0_\\'.split('')), maxLength: 4 }),
      });
      fc.assert(
        fc.property(
          fc.constantFrom(...LESSON_PROGRAMS),
          fc.array(edit, { minLength: 1, maxLength: 4 }),
          (program, edits) => {
            let src = program;
            for (const e of edits) {
              const at = e.at % (src.length + 1);
              src = src.slice(0, at) + e.insert + src.slice(at + e.remove);
            }
            check(src);
          },
        ),
        runs(2500),
      );
    },
    TIMEOUT,
  );

  it(
    'on random token deletions, duplications and swaps in the lesson programs',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...LESSON_PROGRAMS),
          fc.array(fc.record({ op: fc.constantFrom('delete', 'duplicate', 'swap'), at: fc.nat() }), {
            minLength: 1,
            maxLength: 3,
          }),
          (program, ops) => {
            // Work on the source slices of the lexed tokens, so indentation and strings stay as written.
            const toks = lexCodon(program, 'x').tokens.filter((t) => t.span.end.offset > t.span.start.offset);
            const pieces = toks.map((t, k) => {
              const next = toks[k + 1];
              return program.slice(t.span.start.offset, next ? next.span.start.offset : program.length);
            });
            for (const o of ops) {
              if (pieces.length === 0) break;
              const k = o.at % pieces.length;
              if (o.op === 'delete') pieces.splice(k, 1);
              else if (o.op === 'duplicate') pieces.splice(k, 0, pieces[k] as string);
              else if (k + 1 < pieces.length)
                [pieces[k], pieces[k + 1]] = [pieces[k + 1] as string, pieces[k] as string];
            }
            check(program.slice(0, toks[0]?.span.start.offset ?? 0) + pieces.join(''));
          },
        ),
        runs(2000),
      );
    },
    TIMEOUT,
  );

  it(
    'on arbitrary unicode text',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => check(s)),
        runs(1000),
      );
    },
    TIMEOUT,
  );

  it('on deeply nested brackets and long operator chains', () => {
    check('x = ' + '('.repeat(5000) + '1' + ')'.repeat(5000));
    check('x = ' + '['.repeat(5000));
    check('x = 1' + ' + 1'.repeat(20000));
    check('x = ' + '-'.repeat(5000) + '1');
    check('x = 2' + ' ** 2'.repeat(5000));
    check('x = not ' + 'not '.repeat(5000) + '1');
    let nested = '';
    for (let k = 0; k < 200; k++) nested += ' '.repeat(k) + 'if True:\n';
    check(nested + ' '.repeat(200) + 'pass\n');
  });
});

describe('property: valid arithmetic is accepted and typed as Codon types it', () => {
  type Arith = { text: string; type: 'int' | 'float' };
  const leaf: fc.Arbitrary<Arith> = fc.oneof(
    fc.nat({ max: 1000 }).map((n) => ({ text: String(n), type: 'int' as const })),
    fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => ({ text: x.toFixed(3), type: 'float' as const })),
    fc.constantFrom({ text: 'a', type: 'int' as const }, { text: 'b', type: 'float' as const }),
  );
  const arith: fc.Arbitrary<Arith> = fc.letrec<{ e: Arith }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '//', '%'), tie('e')).map(([l, op, r]) => ({
        text: `(${l.text} ${op} ${r.text})`,
        type: op === '/' || l.type === 'float' || r.type === 'float' ? ('float' as const) : ('int' as const),
      })),
      tie('e').map((x) => ({ text: `-${x.text}`, type: x.type })),
    ),
  })).e;

  it(
    'gives int for int-only arithmetic without /, float otherwise',
    () => {
      fc.assert(
        fc.property(arith, (e) => {
          const r = parseCodon(`a = 3\nb = 2.5\nx = ${e.text}\n`, 'gen.codon');
          expect(r.diagnostics).toEqual([]);
          const x = r.module.globals?.find((g) => g.name === 'x');
          expect(x && typeName(x.type)).toBe(e.type);
        }),
        runs(1500),
      );
    },
    TIMEOUT,
  );

  it('accepts every lesson program that is not a deliberate type error', () => {
    for (const [k, src] of LESSON_PROGRAMS.entries()) {
      const errors = parseCodon(src, 'lesson.codon').diagnostics;
      if (k === 3)
        expect(errors.map((d) => d.message)).toEqual([
          expect.stringContaining("'List[float]' does not match expected type 'Ptr[float]'"),
        ]);
      else expect(errors, src).toEqual([]);
    }
  });
});
