/**
 * Prints one sha256 digest per simulator run, so that a change meant to be a pure move (the
 * interpreters' restructuring, issue 13) can be shown to leave every trace and summary
 * byte-identical: run it on the parent commit and on the change, and diff the two outputs.
 *
 *   npx tsx scripts/trace-digest.ts > digests.txt
 *
 * Runs: every lesson program and the welcome program, on both targets, with every leftover, in
 * full-trace mode and in summary mode; a set of extra programs (loops, recursion, classes,
 * shared_ptr, vectors, printf, comprehensions, GC, crashes, refusals); and seeded mutations of the
 * lesson programs (as the property test makes them, but with a fixed generator), which reach the
 * interpreters' error paths. A digest covers a canonical serialisation of the whole result:
 * every table and column of the trace (typed arrays whole), events, steps, narration params,
 * objects, frames, boundary calls, crash, error, output, keyframes; the diagnostics; the summary.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Target } from '../src/sim/abi/ctype.ts';
import { LEFTOVERS, type Leftover } from '../src/sim/machine/machine.ts';
import { runProgram } from '../src/sim/run/index.ts';

const ROOT = join(import.meta.dirname, '..');
const TARGETS: readonly Target[] = ['x86_64', 'aarch64'];
const MODES = ['trace', 'summary'] as const;

interface Program {
  name: string;
  cpp: string;
  codon: string;
  maxSteps?: number;
}

/** Feeds a canonical text form of `v` into the hash: keys sorted, typed arrays tagged and whole. */
function feed(h: Hash, v: unknown): void {
  if (v === null) return void h.update('n;');
  switch (typeof v) {
    case 'undefined':
      return void h.update('u;');
    case 'boolean':
      return void h.update(v ? 't;' : 'f;');
    case 'number':
      return void h.update(Object.is(v, -0) ? 'd-0;' : `d${v};`);
    case 'bigint':
      return void h.update(`b${v};`);
    case 'string':
      return void h.update(`s${v.length}:${v};`);
    case 'object':
      break;
    default:
      throw new Error(`cannot digest a ${typeof v}`);
  }
  if (ArrayBuffer.isView(v)) {
    const name = v.constructor.name;
    const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    h.update(`${name}${v.byteLength}:`);
    h.update(bytes);
    return void h.update(';');
  }
  if (Array.isArray(v)) {
    h.update(`[${v.length}:`);
    for (const x of v) feed(h, x);
    return void h.update(']');
  }
  if (v instanceof Map) {
    h.update(`M${v.size}:`);
    for (const [k, x] of v) {
      feed(h, k);
      feed(h, x);
    }
    return void h.update('}');
  }
  if (v instanceof Set) {
    h.update(`S${v.size}:`);
    for (const x of v) feed(h, x);
    return void h.update('}');
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  h.update(`{${keys.length}:`);
  for (const k of keys) {
    h.update(`k${k.length}:${k}=`);
    feed(h, o[k]);
  }
  h.update('}');
}

function digest(v: unknown): string {
  const h = createHash('sha256');
  feed(h, v);
  return h.digest('hex').slice(0, 32);
}

function lessonPrograms(): Program[] {
  const out: Program[] = [];
  const lessons = join(ROOT, 'content/lessons');
  for (const lesson of readdirSync(lessons).sort()) {
    const dir = join(lessons, lesson, 'programs');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (!existsSync(join(p, 'lib.cpp')) || !existsSync(join(p, 'expect.json'))) continue;
      out.push({
        name: `${lesson}/${name}`,
        cpp: readFileSync(join(p, 'lib.cpp'), 'utf8'),
        codon: readFileSync(join(p, 'main.codon'), 'utf8'),
      });
    }
  }
  const welcome = join(ROOT, 'content/welcome');
  out.push({
    name: 'welcome',
    cpp: readFileSync(join(welcome, 'lib.cpp'), 'utf8'),
    codon: readFileSync(join(welcome, 'main.codon'), 'utf8'),
  });
  return out;
}

const LIB = 'LIBPATH = "./libfoo.so"\n';
const ARRAY4 = `#include <array>
extern "C" std::array<double, 4> foo() {
  std::array<double, 4> bar;
  bar[0] = 1.5; bar[1] = 2.5; bar[2] = 3.5; bar[3] = 4.5;
  return bar;
}
`;
const CALL_FOO = `${LIB}from C import LIBPATH.foo() -> Ptr[float]\np = foo()\nprint(p[0], p[3])\n`;
const COUNT = `${LIB}from C import LIBPATH.count() -> int\nprint(count())\n`;

/** Small programs from the unit tests and a few more, each reaching different interpreter paths. */
const EXTRAS: Program[] = [
  {
    name: 'scalars',
    cpp: 'extern "C" double scale(double x, long k) { return x * k; }\n',
    codon: `${LIB}from C import LIBPATH.scale(float, int) -> float\nprint(scale(1.5, 4))\n`,
  },
  { name: 'array4', cpp: ARRAY4, codon: CALL_FOO },
  {
    name: 'array4-gc-list',
    cpp: ARRAY4,
    codon: `${LIB}from C import LIBPATH.foo() -> Ptr[float]\nxs = [1.0, 2.0]\np = foo()\nprint(xs[0])\n`,
  },
  {
    name: 'out-param-copy',
    cpp: `#include <array>
#include <algorithm>
extern "C" void foo(double* out) {
  std::array<double, 4> bar = {1.5, 2.5, 3.5, 4.5};
  std::copy(bar.begin(), bar.end(), out);
}
`,
    codon: `${LIB}from C import LIBPATH.foo(Ptr[float]) -> None\nbuf = Ptr[float](4)\nfoo(buf)\nprint(buf[0], buf[3])\n`,
  },
  {
    name: 'endless-loop',
    cpp: 'extern "C" void f() {}\n',
    codon: `${LIB}from C import LIBPATH.f() -> None\nwhile True:\n    f()\n`,
    maxSteps: 500,
  },
  {
    name: 'endless-recursion',
    // Frames of 512 bytes overflow the simulated stack at a fixed depth, long before the host's
    // own stack runs out (a deeper recursion ends where the host's stack does, which varies).
    cpp: 'extern "C" long down(long n) { double pad[64]; pad[0] = n; return down(n + 1) + (long)pad[0]; }\n',
    codon: `${LIB}from C import LIBPATH.down(int) -> int\nprint(down(0))\n`,
    maxSteps: 1_000_000,
  },
  {
    name: 'recursion',
    cpp: 'extern "C" long fib(long n) { if (n < 2) return n; return fib(n - 1) + fib(n - 2); }\n',
    codon: `${LIB}from C import LIBPATH.fib(int) -> int\ndef twice(n: int) -> int:\n    if n == 0:\n        return 0\n    return 2 + twice(n - 1)\nprint(fib(12), twice(5))\n`,
  },
  {
    name: 'missing-symbol',
    cpp: '#include <array>\nstd::array<double, 4> foo() { return {}; }\n',
    codon: CALL_FOO,
  },
  {
    name: 'use-after-free',
    cpp: `#include <cstdlib>
extern "C" double after_free() {
  double* p = (double*)malloc(sizeof(double));
  *p = 1.5;
  free(p);
  return *p;
}
`,
    codon: `${LIB}from C import LIBPATH.after_free() -> float\nprint(after_free())\n`,
  },
  {
    name: 'leak-and-kept',
    cpp: 'double* kept;\nextern "C" void lose() { double* p = new double[4]; p[0] = 1.0; kept = new double[2]; }\n',
    codon: `${LIB}from C import LIBPATH.lose() -> None\nlose()\n`,
  },
  {
    name: 'uninitialized',
    cpp: 'extern "C" double garbage() { double x; return x; }\n',
    codon: `${LIB}from C import LIBPATH.garbage() -> float\nprint(garbage())\n`,
  },
  {
    name: 'type-mismatch',
    cpp: 'extern "C" void fill(double* out) { out[0] = 1.5; }\n',
    codon: `${LIB}from C import LIBPATH.fill(List[float]) -> None\nxs = [0.0] * 4\nfill(xs)\n`,
  },
  {
    name: 'double-free',
    cpp: '#include <cstdlib>\nextern "C" void twice() { void* p = malloc(8); free(p); free(p); }\n',
    codon: `${LIB}from C import LIBPATH.twice() -> None\ntwice()\n`,
  },
  {
    name: 'shared-ptr-copy',
    cpp: `#include <memory>
extern "C" long count() {
  std::shared_ptr<double> a = std::make_shared<double>(1.5);
  std::shared_ptr<double> b = std::make_shared<double>(2.5);
  a = b;
  std::shared_ptr<double> c(new double(3.5));
  std::shared_ptr<double> d = c;
  d = std::move(a);
  return b.use_count() * 100 + c.use_count() * 10 + d.use_count();
}
`,
    codon: COUNT,
  },
  {
    name: 'classes',
    cpp: `#include <cstdio>
struct Point {
  double x;
  double y;
  Point(double a, double b) : x(a), y(b) {}
  ~Point() { printf("bye %g\\n", x); }
  double sum() const { return x + y; }
};
extern "C" long count() {
  Point p(1.5, 2.5);
  Point* q = new Point(3.0, 4.0);
  double s = p.sum() + q->sum();
  delete q;
  return (long)s;
}
`,
    codon: COUNT,
  },
  {
    name: 'vectors-and-loops',
    cpp: `#include <vector>
#include <cstdio>
extern "C" long count() {
  std::vector<double> v;
  for (int i = 0; i < 10; i++) v.push_back(i * 0.5);
  double s = 0;
  for (double x : v) s += x;
  long n = 0;
  while (n < 3) { n++; if (n == 2) continue; }
  do { n--; } while (n > 0);
  printf("%d %g %5.2f %s %x\\n", (int)v.size(), s, s, "done", 255);
  return (long)s;
}
`,
    codon: COUNT,
  },
  {
    name: 'codon-comprehensions-gc',
    cpp: 'extern "C" double scale(double x, long k) { return x * k; }\n',
    codon: `${LIB}from C import LIBPATH.scale(float, int) -> float
@tuple
class P:
    a: float
    b: int
xs = [scale(float(i), 2) for i in range(20) if i % 3 != 0]
ys = [x * 0.5 for x in xs]
t = P(2.5, 1)
s = 0.0
for y in ys:
    s += y
i = 0
while i < 5:
    i += 1
    if i == 3:
        continue
    if i == 4:
        break
buf = Ptr[float](8)
for k in range(8):
    buf[k] = float(k)
print(len(xs), s, t.a, buf[7], xs[1], i)
`,
  },
  {
    name: 'gc-collect',
    cpp: 'extern "C" double* keep(double* p) { return p; }\n',
    codon: `${LIB}from C import LIBPATH.keep(Ptr[float]) -> Ptr[float]
from C import GC_gcollect() -> None
for i in range(30):
    junk = [float(j) for j in range(40)]
p = keep(Ptr[float](4))
p[0] = 2.5
GC_gcollect()
for i in range(30):
    junk = [float(j) for j in range(40)]
GC_gcollect()
print(p[0])
`,
  },
];

/** A small deterministic generator (mulberry32), so the mutated programs are the same every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  'static',
  'return',
  'while',
  'for',
  'if',
  'break',
  'Ptr[float]',
  'None',
  '->',
  '0',
  '-1',
  '1e308',
];
const NUMBERS = ['0', '1', '3', '4', '7', '-2', '1000', '2.5'];

/** One random edit of a text, as run.property.test.ts makes them. */
function mutate(text: string, r: () => number): string {
  if (text.length === 0) return text;
  const at = Math.floor(r() * text.length);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  switch (Math.floor(r() * 4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 12));
    case 1: {
      const m = /\d+(\.\d+)?/.exec(text.slice(at));
      if (m === null) return text;
      return text.slice(0, at + m.index) + pick(NUMBERS) + text.slice(at + m.index + m[0].length);
    }
    case 2:
      return text.slice(0, at) + ' ' + pick(TOKENS) + ' ' + text.slice(at);
    default: {
      const len = 1 + Math.floor(r() * 20);
      return text.slice(0, at) + text.slice(at, at + len) + text.slice(at);
    }
  }
}

interface Run {
  name: string;
  cpp: string;
  codon: string;
  target: Target;
  leftover: Leftover;
  maxSteps?: number;
}

function allRuns(): Run[] {
  const runs: Run[] = [];
  const lessons = lessonPrograms();
  for (const p of [...lessons, ...EXTRAS])
    for (const target of TARGETS)
      for (const leftover of LEFTOVERS) runs.push({ ...p, name: p.name, target, leftover });
  const r = rng(13);
  for (let i = 0; i < 300; i++) {
    const p = lessons[Math.floor(r() * lessons.length)] as Program;
    let cpp = p.cpp;
    let codon = p.codon;
    const edits = Math.floor(r() * 3);
    for (let e = 0; e < edits; e++) {
      if (r() < 0.5) cpp = mutate(cpp, r);
      else codon = mutate(codon, r);
    }
    const target = TARGETS[Math.floor(r() * TARGETS.length)] as Target;
    const leftover = LEFTOVERS[Math.floor(r() * LEFTOVERS.length)] as Leftover;
    runs.push({ name: `mutant-${i}(${p.name})`, cpp, codon, target, leftover, maxSteps: 3_000 });
  }
  return runs;
}

function main(): void {
  const outcomes = new Map<string, number>();
  let count = 0;
  for (const run of allRuns()) {
    for (const record of MODES) {
      const { name, ...input } = run;
      const res = runProgram({ ...input, record });
      const line = `${name} ${run.target} ${run.leftover} ${record} ${res.summary.outcome} ${digest(res)}`;
      process.stdout.write(`${line}\n`);
      outcomes.set(res.summary.outcome, (outcomes.get(res.summary.outcome) ?? 0) + 1);
      count++;
    }
  }
  const tally = [...outcomes].map(([k, n]) => `${k}=${n}`).join(' ');
  process.stderr.write(`${count} runs: ${tally}\n`);
}

main();
