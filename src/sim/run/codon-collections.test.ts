/**
 * Tuples, dicts and sets (issue 13) on the simulator: the rules of dict.codon, set.codon,
 * khash.codon and typecheck/assign.cpp that the fixtures in codon-now-runs.ts do not show one by
 * one. Outputs with a table's order were checked against oracle/runtime/khash-check.c.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runProgram } from './index.ts';
import { tableHash } from './codon-interp/dicts.ts';
import { StrVal } from './codon-values.ts';

const TARGETS: readonly Target[] = ['x86_64', 'aarch64'];

function run(codon: string, target: Target = 'x86_64') {
  return runProgram({ cpp: '', codon, target, record: 'summary' }).summary;
}

function expectRuns(codon: string, stdout: string) {
  for (const target of TARGETS) {
    const s = run(codon, target);
    expect(s.diagnostics, target).toEqual([]);
    expect(s.outcome, target).toBe('ok');
    expect(s.stdout, target).toBe(stdout);
  }
}

function expectRuntimeError(codon: string, type: string, message: string, stdout = '') {
  for (const target of TARGETS) {
    const s = run(codon, target);
    expect(s.outcome, target).toBe('runtime-error');
    expect(s.error, target).toMatchObject({ type, message });
    expect(s.stdout, target).toBe(stdout);
  }
}

function expectOneError(codon: string, at: string, text: string) {
  const s = run(codon);
  expect(s.outcome).toBe('compile-error');
  expect(s.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
    expect.stringContaining(`${at} ${text}`),
  ]);
}

describe('hashing (int.codon, str.codon, dict.codon _dict_hash)', () => {
  it('mixes the key hash as (k >> 33) ^ k ^ (k << 11) on 64-bit ints', () => {
    expect(tableHash(5, { kind: 'int' })).toBe(5n ^ (5n << 11n));
    expect(tableHash(-1, { kind: 'int' })).toBe(-1n ^ -1n ^ BigInt.asIntN(64, -1n << 11n));
    // "ab": 31 * 97 + 98 = 3105
    expect(tableHash(new StrVal('ab', 0), { kind: 'str' })).toBe(3105n ^ (3105n << 11n));
  });
});

describe('dict.codon semantics', () => {
  it('overwrites an existing key without growing, and d[k] += v reads then stores', () => {
    expectRuns(
      'd = {3: 1.5}\nd[3] = 2.5\nd[3] += 1\nd[4] = 1\nprint(d, len(d), d.get(9, -1.0))\n',
      '{4: 1, 3: 3.5} 2 -1\n',
    );
  });

  it('raises KeyError(str(key)) for a missing int key, after what was printed', () => {
    expectRuntimeError('d = {1: "a"}\nprint(d[1])\nprint(d[2])\n', 'KeyError', '2', 'a\n');
  });

  it('is truthy when it has items (__bool__: __len__() > 0)', () => {
    expectRuns(
      'd = Dict[int, int]()\nif not d:\n    print("empty")\nd[1] = 1\nif d:\n    print("full")\n',
      'empty\nfull\n',
    );
  });

  it('iterates in bucket order after a resize, not in insertion order (docs/language/overview.md)', () => {
    // 4 buckets hold 3 keys (upper bound int(4 * 0.77 + 0.5) = 3); the 4th put resizes to 8.
    expectRuns('d = {}\nfor k in [12, 4, 8, 1]:\n    d[k] = k\nprint(d)\n', '{8: 8, 1: 1, 12: 12, 4: 4}\n');
  });
});

describe('set.codon semantics', () => {
  it('keeps one of each item', () => {
    expectRuns('s = {2, 2, 3}\ns.add(3)\ns.add(-7)\nprint(len(s), -7 in s, 5 not in s)\n', '3 True True\n');
  });
});

describe('tuples (collections.cpp, assign.cpp unpackAssignment)', () => {
  it('unpacks a returned tuple, a loop over a list of tuples, and prints one item with a comma', () => {
    expectRuns(
      'def two() -> Tuple[int, str]:\n    return 1, "x"\nn, s = two()\nfor a, b in [(1, 2.5), (3, 4.5)]:\n    print(a, b)\nprint(n, s, (n,), two())\n',
      "1 2.5\n3 4.5\n1 x (1,) (1, 'x')\n",
    );
  });

  it('has a static len and no __setitem__; an int cannot be unpacked (assign.cpp indexes it)', () => {
    expectRuns('t = (1, 2.5, "x")\nprint(len(t))\n', '3\n');
    expectOneError('t = (1, 2)\nt[0] = 3\n', '2:1', "'Tuple[int,int]' object has no attribute '__setitem__'");
    expectOneError('a, b = 1\n', '1:8', "'int' object has no attribute '__getitem__'");
    expectOneError('for k, v in {1: 2}:\n    pass\n', '1:5', "'int' object has no attribute '__getitem__'");
  });

  it('reports a missing item as Codon does (TUPLE_RANGE_BOUNDS), and one error only', () => {
    expectOneError('a, b, c = 1, 2\n', '1:7', 'tuple index out of range (expected 0..1, got instead 2)');
    expectOneError(
      't = (1, 2)\nprint(t[5])\n',
      '2:9',
      'tuple index out of range (expected 0..1, got instead 5)',
    );
  });
});

describe('what stays refused, alone and located', () => {
  it('refuses keeping a generator, unpacking a non-tuple, and a tuple index that is not a number', () => {
    expectOneError('d = {1: 2}\ng = d.items()\n', '2:5', 'keeping a generator');
    expectOneError(
      'for a, b in [[1, 2]]:\n    print(a)\n',
      '1:13',
      'unpacking the items of a loop over List[int]s',
    );
    expectOneError('t = (1, 2)\ni = 0\nprint(t[i])\n', '3:9', 'indexing a tuple with a variable');
  });
});
