/**
 * C++ libraries a learner writes that the simulator refuses. Every one compiles with g++ 12
 * (`g++ -std=gnu++17 -fsyntax-only -Wall`; refusals.test.ts re-checks them when SIM_GPP=1), so
 * each must be refused as not modelled, alone, where it is written, and before the run.
 */
import type { Refusal } from './refusal';

export const CPP_REFUSALS: readonly Refusal[] = [
  {
    name: 'map',
    source: `#include <map>
extern "C" double twice(double x) {
    std::map<int, double> m;
    m[1] = x;
    return 2 * m[1];
}
`,
    at: '3:10',
    what: "'std::map'",
  },
  {
    name: 'function template',
    source: `template <typename T>
T doubled(T x) { return x + x; }
extern "C" double twice(double x) { return doubled(x); }
`,
    at: '1:1',
    what: 'defining a template (`template<...>`)',
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
    at: '1:1',
    what: 'defining a template (`template<...>`)',
  },
  {
    name: 'lambda',
    source: `extern "C" double twice(double x) {
    auto g = [](double y) { return 2 * y; };
    return g(x);
}
`,
    at: '2:14',
    what: 'a lambda expression',
  },
  {
    name: 'switch',
    source: `extern "C" double twice(double x) {
    switch ((int)x) {
    case 0: return 0;
    default: return 2 * x;
    }
}
`,
    at: '2:5',
    what: '`switch`',
    instead: 'write it with if/else',
  },
  {
    name: 'try',
    source: `#include <stdexcept>
extern "C" double twice(double x) {
    try {
        if (x < 0) throw std::runtime_error("negative");
    } catch (const std::exception&) {
        return 0;
    }
    return 2 * x;
}
`,
    at: '3:5',
    what: '`try`/`catch` (exceptions)',
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
    at: '4:5',
    what: "the library function 'strcpy'",
  },
  {
    name: 'qsort',
    source: `#include <cstdlib>
static int cmp(const void* a, const void* b) { return *(const int*)a - *(const int*)b; }
extern "C" double twice(double x) {
    int v[3] = {3, 1, 2};
    qsort(v, 3, sizeof(int), cmp);
    return 2 * x;
}
`,
    at: '5:5',
    what: "the library function 'qsort'",
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
    at: '4:5',
    what: "the library function 'snprintf'",
  },
  {
    name: 'atoi',
    source: `#include <cstdlib>
extern "C" double twice(double x) { return 2 * x + atoi("0"); }
`,
    at: '2:52',
    what: "the library function 'atoi'",
  },
  {
    name: 'std::sort',
    source: `#include <algorithm>
extern "C" double twice(double x) {
    double v[2] = {x, 1.0};
    std::sort(v, v + 2);
    return 2 * x;
}
`,
    at: '4:5',
    what: "the library function 'std::sort'",
  },
  {
    name: 'std::accumulate',
    source: `#include <numeric>
extern "C" double twice(double x) {
    double v[2] = {x, x};
    return std::accumulate(v, v + 2, 0.0);
}
`,
    at: '4:12',
    what: "the library function 'std::accumulate'",
  },
  {
    name: 'realloc',
    source: `#include <cstdlib>
extern "C" double twice(double x) {
    double* p = (double*)malloc(sizeof(double));
    p = (double*)realloc(p, 2 * sizeof(double));
    p[0] = x;
    double r = 2 * p[0];
    free(p);
    return r;
}
`,
    at: '4:18',
    what: "the library function 'realloc'",
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
    at: '4:5',
    what: "the library function 'std::swap'",
  },
  {
    name: 'function pointer',
    source: `static double dbl(double x) { return 2 * x; }
extern "C" double twice(double x) {
    double (*f)(double) = dbl;
    return f(x);
}
`,
    at: '4:12',
    what: 'a call through a function pointer',
    instead: 'call the function by its name',
  },
  {
    name: 'operator overloading',
    source: `struct V {
    double x;
    V operator+(const V& o) const { return V{x + o.x}; }
};
extern "C" double twice(double x) {
    V a{x};
    return (a + a).x;
}
`,
    at: '3:7',
    what: 'operator overloading (operator+)',
  },
  {
    name: 'string_view of a temporary',
    source: `#include <string>
#include <string_view>
extern "C" double twice(double x) {
    std::string_view sv = std::string("abc");
    return 2 * x + sv.size();
}
`,
    at: '4:27',
    what: "initialising a 'std::string_view' from a 'std::string'",
  },
  {
    name: 'goto',
    source: `extern "C" double twice(double x) {
    if (x < 0) goto out;
    return 2 * x;
out:
    return 0;
}
`,
    at: '2:16',
    what: '`goto`',
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
    at: '4:9',
    what: "'std::optional::operator bool'",
  },
  {
    name: 'fprintf stderr',
    source: `#include <cstdio>
extern "C" double twice(double x) {
    fprintf(stderr, "x = %g\\n", x);
    return 2 * x;
}
`,
    at: '3:5',
    what: "the library function 'fprintf'",
  },
  {
    name: 'auto return',
    source: `static auto dbl(double x) { return 2 * x; }
extern "C" double twice(double x) { return dbl(x); }
`,
    at: '1:13',
    what: "functions returning 'auto' (deduced return types)",
    instead: 'write the return type',
  },
  {
    name: 'designated init',
    source: `struct P { double x; double y; };
extern "C" double twice(double x) {
    P p{.x = x, .y = 0};
    return 2 * p.x;
}
`,
    at: '3:9',
    what: 'a designated initializer (.x = ...)',
  },
  {
    name: 'dynamic_cast',
    source: `struct B { virtual ~B() {} };
struct D : B {};
extern "C" double twice(double x) {
    D d;
    B* b = &d;
    return dynamic_cast<D*>(b) ? 2 * x : 0;
}
`,
    at: '6:12',
    what: '`dynamic_cast` (run-time type information)',
  },
  {
    name: 'a virtual call through a base reference',
    source: `struct Shape {
    virtual double area() const { return 0; }
    virtual ~Shape() {}
};
struct Square : Shape {
    double side = 1;
    double area() const override { return side * side; }
};
extern "C" double twice(double x) {
    Square s;
    s.side = x;
    const Shape& sh = s;
    return 2 * sh.area();
}
`,
    at: '13:16',
    what: 'calling a virtual function through a reference or pointer (dynamic dispatch)',
    instead: 'call it on the object itself',
  },
  {
    name: 'an int expression passed to a const int& parameter',
    source: `static double scaled(const double& k, double x) { return k * x; }
extern "C" double twice(double x) { return scaled(1.0 + 1.0, x); }
`,
    at: '2:51',
    what: "binding the reference 'const double&' to a temporary 'double'",
    instead: 'put the value in a variable first, or take it by value',
  },
  {
    name: 'std::swap of two vectors',
    source: `#include <vector>
#include <utility>
extern "C" double twice(double x) {
    std::vector<double> a, b;
    std::swap(a, b);
    return 2 * x;
}
`,
    at: '5:5',
    what: "the library function 'std::swap'",
  },
];
