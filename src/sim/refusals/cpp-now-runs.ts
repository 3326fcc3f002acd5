/**
 * C++ a learner writes that the simulator once refused and now runs (issue 13: vectors, strings,
 * references bound to library results, function and class templates, atoi, strcpy, snprintf, std::swap, calls through function pointers). Each is checked against the output of the same library
 * built with g++ 12 and called as `twice(1.5)`
 * (`2 * x`, plus the string's length where it adds one).
 */
export const CPP_NOW_RUNS: readonly { name: string; source: string; stdout: string }[] = [
  {
    name: 'max ref',
    source: `#include <algorithm>
extern "C" double twice(double x) {
    const double& m = std::max(x, 0.0);
    return 2 * m;
}
`,
    stdout: '3\n',
  },
  {
    name: 'string +=',
    source: `#include <string>
void append_b(std::string& s) {
    s += "b";
}
extern "C" double twice(double x) { return 2 * x; }
`,
    stdout: '3\n',
  },
  {
    name: 'vector pop_back',
    source: `#include <vector>
extern "C" double twice(double x) {
    std::vector<double> v;
    v.push_back(x);
    v.pop_back();
    return 2 * x;
}
`,
    stdout: '3\n',
  },
  {
    name: 'a std::string from a literal',
    source: `#include <string>
extern "C" double twice(double x) {
    std::string s = "a";
    return 2 * x + s.size();
}
`,
    stdout: '4\n',
  },
  {
    name: 'copying a std::vector',
    source: `#include <vector>
extern "C" double twice(double x) {
    std::vector<double> v;
    v.push_back(x);
    std::vector<double> w = v;
    return 2 * w[0];
}
`,
    stdout: '3\n',
  },
  {
    name: 'a std::vector of n elements',
    source: `#include <vector>
extern "C" double twice(double x) {
    std::vector<double> v(4);
    v[0] = x;
    return 2 * v[0];
}
`,
    stdout: '3\n',
  },
  {
    name: 'lesson out-list with vector',
    source: `#include <algorithm>
#include <array>
#include <vector>

extern "C" {

__attribute__((visibility("default"))) void foo(double* out) {
    std::vector<double> bar;
    bar.reserve(4);
    bar.push_back(1.5);
    std::copy(bar.begin(), bar.end(), out);
}

double twice(double x) { return 2 * x; }

}
`,
    stdout: '3\n',
  },
  {
    name: 'function template',
    source: `template <typename T>
T doubled(T x) { return x + x; }
extern "C" double twice(double x) { return doubled(x); }
`,
    stdout: '3\n',
  },
  {
    name: 'class template',
    source: `template <int N>
struct Buf { double d[N]; };
extern "C" double twice(double x) {
    Buf<4> b{};
    b.d[0] = x;
    return 2 * b.d[0];
}
`,
    stdout: '3\n',
  },
  {
    name: 'an int expression passed to a const int& parameter',
    source: `static double scaled(const double& k, double x) { return k * x; }
extern "C" double twice(double x) { return scaled(1.0 + 1.0, x); }
`,
    stdout: '3\n',
  },
  {
    name: 'strcpy',
    source: `#include <cstring>
extern "C" double twice(double x) {
    char buf[8];
    strcpy(buf, "abc");
    return 2 * x;
}
`,
    stdout: '3\n',
  },
  {
    name: 'snprintf',
    source: `#include <cstdio>
extern "C" double twice(double x) {
    char buf[32];
    snprintf(buf, sizeof buf, "%g", x);
    return 2 * x;
}
`,
    stdout: '3\n',
  },
  {
    name: 'atoi',
    source: `#include <cstdlib>
extern "C" double twice(double x) { return 2 * x + atoi("0"); }
`,
    stdout: '3\n',
  },
  {
    name: 'swap',
    source: `#include <utility>
extern "C" double twice(double x) {
    double y = 2 * x;
    std::swap(x, y);
    return x;
}
`,
    stdout: '3\n',
  },
  {
    name: 'optional bool',
    source: `#include <optional>
extern "C" double twice(double x) {
    std::optional<double> o = x;
    if (o) return 2 * *o;
    return 0;
}
`,
    stdout: '3\n',
  },
  {
    name: 'function pointer',
    source: `static double dbl(double x) { return 2 * x; }
extern "C" double twice(double x) {
    double (*f)(double) = dbl;
    return f(x);
}
`,
    stdout: '3\n',
  },
  {
    name: 'function pointer typedef and using',
    source: `#include <cstdint>
static double half(double x) { return x / 2; }
static void nothing(int64_t) {}
typedef double (*unary_t)(double);
using sink_t = void (*)(int64_t);
extern "C" double twice(double x) {
    unary_t f = &half;
    sink_t s = nothing;
    s(1);
    return 4 * (*f)(x);
}
`,
    stdout: '3\n',
  },
];
