/**
 * std::vector and std::string as issue 13 lists them: every constructor (default, count, count and
 * value, initializer list, copy, move, iterator range), push_back, emplace_back, pop_back, data,
 * size, capacity (libstdc++'s doubling), reserve (moving the buffer), resize, [], at, range-for,
 * iterators (also by their names, std::vector<T>::iterator), and c_str, data, size, +, +=, ==.
 * Each expected output is what g++ 12 -O0 printed with a `main` calling `go()` (x86-64, and
 * aarch64-linux-gnu-g++ under qemu-aarch64: identical); both were also built and called from Codon
 * by the oracle (`npm run real -- --cpp lib.cpp --codon main.codon --target x86_64`): same stdout.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../abi/ctype.ts';
import { runProgram } from './index.ts';

const TARGETS: Target[] = ['x86_64', 'aarch64'];
const CALL_GO = 'LIBPATH = "./libfoo.so"\nfrom C import LIBPATH.go() -> int\nprint(go())\n';

function expectPrints(cpp: string, stdout: string) {
  for (const target of TARGETS) {
    const s = runProgram({ cpp, codon: CALL_GO, target }).summary;
    expect(s.diagnostics, target).toEqual([]);
    expect(s.outcome, target).toBe('ok');
    expect(s.stdout, target).toBe(stdout);
  }
}

const EVERY_CONSTRUCTOR = `#include <cstdio>
#include <vector>
#include <string>
extern "C" long go() {
    std::vector<int> a;                 // default
    std::vector<int> b(3);              // count
    std::vector<int> c(2, 7);           // count, value
    std::vector<int> d{1, 2, 3};        // initializer list
    std::vector<int> e = d;             // copy
    std::vector<int> f(d.begin(), d.end()); // range
    std::vector<int> g = std::move(e);  // move
    for (int i = 0; i < 9; i++) { a.push_back(i); printf("%zu ", a.capacity()); }
    printf("\\n");
    a.emplace_back(42);
    a.pop_back();
    int* p = a.data();
    a.reserve(40);
    printf("%zu %zu %d %d\\n", a.size(), a.capacity(), p == a.data(), a.at(3));
    a.resize(3);
    long s = 0;
    for (int x : a) s += x;
    for (auto it = c.begin(); it != c.end(); ++it) s += *it;
    for (auto it = f.begin(); it != f.end(); it++) s += *it;
    s += b[0] + b.size() + d[2] + g.size() + e.size();
    std::string h = "abc";
    std::string k = h + "def";
    k += 'g';
    k += h;
    printf("%s %zu %d %s\\n", k.c_str(), k.size(), k == "abcdefgabc", h.data());
    return s;
}
`;

const NAMED_ITERATORS = `#include <cstdio>
#include <vector>
#include <array>
extern "C" long go() {
    std::vector<int> c(3, 7);
    std::array<double, 3> a{1.5, 2.5, 3.5};
    long s = 0;
    for (std::vector<int>::iterator it = c.begin(); it != c.end(); ++it) { *it += 1; s += *it; }
    for (std::vector<int>::const_iterator it = c.begin(); it != c.end(); it++) s += *it;
    std::vector<int>::size_type n = c.size();
    std::array<double, 3>::value_type x = 0;
    for (std::array<double, 3>::iterator p = a.begin(); p != a.end(); ++p) x += *p;
    std::vector<double> v(a.begin(), a.end());
    v.push_back(x);
    printf("%ld %zu %g %zu %zu %g\\n", s, n, x, v.size(), v.capacity(), v.at(3));
    return s + n;
}
`;

describe('std::vector and std::string', () => {
  it('constructs in every way, grows by doubling, reserves, resizes, iterates; strings join and compare', () => {
    expectPrints(EVERY_CONSTRUCTOR, '1 2 4 4 8 8 8 8 16 \n9 40 0 3\nabcdefgabc 10 1 abc\n32\n');
  });

  it('names iterators by their member types and builds a vector from a std::array range', () => {
    expectPrints(NAMED_ITERATORS, '48 3 7.5 4 6 7.5\n51\n');
  });

  it('at() past the end throws std::out_of_range, which nothing catches: std::terminate aborts', () => {
    for (const target of TARGETS) {
      const s = runProgram({
        cpp: '#include <vector>\nextern "C" long go() {\n    std::vector<int> v(2, 1);\n    return v.at(5);\n}\n',
        codon: CALL_GO,
        target,
      }).summary;
      expect(s.outcome, target).toBe('crash');
      expect(s.crash?.signal, target).toBe('SIGABRT');
      expect(s.crash?.line, target).toBe(4);
    }
  });
});
