/**
 * The checker's table of what the interpreter runs (modelled-library.ts) against the interpreter
 * itself, both ways, so they cannot drift: everything the table calls modelled runs and gives g++'s
 * answer (the expected values were printed by the same code compiled with g++ 12), and no library
 * name the table leaves out is handled anywhere in src/sim/run (when one becomes handled, this test
 * fails until the table lists it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../run/index.ts';
import {
  MODELLED_BUILTINS,
  MODELLED_INDIRECT_CALLS,
  MODELLED_STD_METHODS,
  MODELLED_VIRTUAL_DISPATCH,
  REFUSED_THOUGH_HANDLED,
} from './modelled-library.ts';

const CALLER = 'LIB = "./libfoo.so"\nfrom C import LIB.f() -> int\nprint(f())\n';

/** Runs `extern "C" int f() { body }` and returns what Codon printed; a refusal fails the test. */
function valueOf(includes: string, body: string): string {
  const cpp = `${includes}\nextern "C" int f() {\n${body}\n}\n`;
  const r = runProgram({ cpp, codon: CALLER, record: 'summary' });
  expect(r.diagnostics.map((d) => d.message)).toEqual([]);
  expect(r.summary.error).toBeNull();
  return r.summary.stdout.trim();
}

/** The source text of the interpreter (every non-test file under src/sim/run). */
function interpreterSource(): string {
  const dir = new URL('../../run/', import.meta.url);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  return files.map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n');
}

/** The members of a string-literal union type in src/sim/cpp/ast.ts (`BuiltinName`, `StdMethodName`). */
function unionMembers(typeName: string): string[] {
  const ast = readFileSync(new URL('../ast.ts', import.meta.url), 'utf8');
  const m = new RegExp(`export type ${typeName} =([^;]*);`).exec(ast);
  if (!m) throw new Error(`no ${typeName} in ast.ts`);
  return [...(m[1] as string).matchAll(/'([^']+)'/g)].map((x) => x[1] as string);
}

/**
 * Whether the interpreter source handles a name: a `case 'x':` label, a quoted handler-table key, or
 * an unquoted one (`malloc: (...) => ...`, as a handler table may be written). `strict` accepts an
 * unquoted key only for names no other object would have (`pop_back:`, not `length:`), so that
 * "not handled" is not contradicted by an unrelated property.
 */
function handles(source: string, name: string, strict: boolean): boolean {
  const q = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A table entry whose handler is `notModelled` (the tables are total over the names) does not count.
  const handler = '\\s*:(?!\\s*notModelled\\b)';
  const bareKey = !strict || /^\w*_\w*$/.test(name) ? `|[{,\\n]\\s*${q}${handler}` : '';
  return new RegExp(`case '${q}':|['"]${q}['"]${handler}${bareKey}`).test(source);
}

describe('the library the checker lets through is the library the interpreter runs', () => {
  it('runs every modelled C function and std algorithm with the values g++ gives', () => {
    const c = '#include <cstdlib>\n#include <cstring>\n#include <cstdio>\n#include <cmath>';
    expect(valueOf(c, 'int* p = (int*)malloc(8); p[0] = 3; int r = p[0]; free(p); return r;')).toBe('3');
    expect(valueOf(c, 'int* p = (int*)calloc(2, 4); int r = p[1]; free(p); return r;')).toBe('0');
    expect(
      valueOf(c, 'int a[2] = {4, 5}; int b[2]; memcpy(b, a, 8); memmove(a, b + 1, 4); return a[0] + b[0];'),
    ).toBe('9');
    expect(valueOf(c, 'char s[4]; memset(s, 0, 4); return (int)strlen("abc") + s[3];')).toBe('3');
    expect(valueOf(c, 'printf("%d ", 7); puts("x"); putchar(10); return 1;')).toBe('7 x\n\n1');
    expect(
      valueOf(
        c,
        'return (int)(sqrt(16.0) + fabs(-2.0) + abs(-3) + pow(2.0, 3.0) + floor(1.5) + ceil(1.5) + exp(0.0) + log(1.0) + sin(0.0) + cos(0.0));',
      ),
    ).toBe('22');
    expect(valueOf(c, 'int e; double m = frexp(8.0, &e); return (int)(m * 10) + e;')).toBe('9');
    const a = '#include <algorithm>\n#include <memory>';
    expect(
      valueOf(
        a,
        'int x[3] = {1, 2, 3}; int y[3]; std::copy(x, x + 3, y); std::copy_n(x, 1, y + 2); std::fill(x, x + 2, 9); std::fill_n(x, 1, 4); return y[2] + x[0] + x[1] + std::min(2, 3) + std::max(2, 3);',
      ),
    ).toBe('19');
    expect(
      valueOf(a, 'auto p = std::make_shared<int>(2); auto q = std::make_unique<int>(3); return *p + *q;'),
    ).toBe('5');
    expect(
      valueOf(
        c + '\n#include <utility>',
        'char b[8]; strcpy(b, "ab"); char o[8]; int n = snprintf(o, 8, "%d", 42); int x = 1, y = 2; std::swap(x, y); return atoi("12") + (int)strlen(b) + n + o[0] - 48 + x * 10;',
      ),
    ).toBe('40');
    expect(valueOf(c, 'exit(0);')).toBe('');
    // Every modelled builtin is used above (std::make_* and abort aside, which end or allocate only).
    const used = [
      'strcpy',
      'atoi',
      'snprintf',
      'std::swap',
      'malloc',
      'calloc',
      'free',
      'memcpy',
      'memmove',
      'memset',
      'strlen',
      'printf',
      'puts',
      'putchar',
      'exit',
      'abort',
      'std::copy',
      'std::copy_n',
      'std::fill',
      'std::fill_n',
      'std::make_shared',
      'std::make_unique',
      'std::min',
      'std::max',
      'sqrt',
      'fabs',
      'abs',
      'pow',
      'sin',
      'cos',
      'exp',
      'log',
      'floor',
      'ceil',
      'frexp',
    ];
    expect([...MODELLED_BUILTINS].sort()).toEqual(used.sort());
  });

  it('runs every modelled member function of the standard classes with the values g++ gives', () => {
    expect(
      valueOf(
        '#include <array>',
        'std::array<int, 3> a{}; a.fill(2); a[0] = 1; a.at(1) = 5; int* d = a.data(); return a.front() + a.back() + (int)a.size() + (a.empty() ? 100 : 0) + (int)(a.end() - a.begin()) + d[1];',
      ),
    ).toBe('14');
    expect(
      valueOf(
        '#include <vector>',
        'std::vector<int> v; v.push_back(3); v.push_back(4); v[0] = 5; v.at(1) = 6; int r = v[0] + v.at(1) + (int)v.size() + (int)(v.end() - v.begin()) + *v.data() + (v.empty() ? 100 : 0) + (v.capacity() >= 2 ? 1000 : 0); v.clear(); return r + (int)v.size();',
      ),
    ).toBe('1020');
    const s = '#include <memory>\nstruct S { int x; };';
    expect(
      valueOf(
        s,
        'auto p = std::make_shared<S>(); p->x = 2; (*p).x += 1; int r = p.get()->x + (int)p.use_count() + (p ? 10 : 0); p.reset(); return r + (p ? 100 : 0);',
      ),
    ).toBe('14');
    expect(
      valueOf(
        s,
        'auto p = std::make_unique<S>(); p->x = 2; (*p).x += 1; int r = p.get()->x + (p ? 10 : 0); S* raw = p.release(); delete raw; auto q = std::make_unique<int[]>(3); q[1] = 7; r += q[1]; q.reset(); return r;',
      ),
    ).toBe('20');
    expect(valueOf('#include <utility>', 'std::pair<int, int> p{1, 2}; return p.first + p.second;')).toBe(
      '3',
    );
    expect(valueOf('#include <optional>', 'std::optional<int> o = 4; return o.value() + *o;')).toBe('8');
  });

  it('leaves out exactly the library names the interpreter does not handle', () => {
    const source = interpreterSource();
    for (const name of unionMembers('BuiltinName')) {
      if (name === 'std::make_shared' || name === 'std::make_unique') continue; // built in place, by comparison
      const modelled = MODELLED_BUILTINS.has(name as never);
      expect({ name, handled: handles(source, name, !modelled) }).toEqual({ name, handled: modelled });
    }
    const listed = new Set(Object.values(MODELLED_STD_METHODS).flat());
    for (const method of unionMembers('StdMethodName')) {
      if (listed.has(method as never)) continue;
      const refused = method in REFUSED_THOUGH_HANDLED;
      expect({ method, handled: handles(source, method, !refused) }).toEqual({ method, handled: refused });
    }
  });

  it('refuses virtual calls through references and pointers as long as the interpreter ignores the vptr', () => {
    // The method-call node's `virtual` flag is what dispatch would read.
    expect(/\.virtual\b/.test(interpreterSource())).toBe(MODELLED_VIRTUAL_DISPATCH);
  });

  it('refuses calls through function pointers as long as the interpreter does', () => {
    expect(interpreterSource().includes("'a call through a function pointer'")).toBe(
      !MODELLED_INDIRECT_CALLS,
    );
  });
});
