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
    name: 'a template parameter pack',
    source: `template <typename... Ts>
int count(Ts... xs) { return sizeof...(xs); }
extern "C" double twice(double x) { return 2 * x + count(1, 2) - 2; }
`,
    at: '1:11',
    what: 'a template parameter pack (`typename...`)',
  },
  {
    name: 'an explicit specialisation',
    source: `template <typename T>
T doubled(T x) { return x + x; }
template <>
int doubled<int>(int x) { return 2 * x; }
extern "C" double twice(double x) { return doubled(x); }
`,
    at: '3:1',
    what: 'an explicit specialisation (`template <>`)',
  },
  {
    name: 'a member template',
    source: `struct S {
    double v;
    template <typename T>
    T as() const { return (T)v; }
};
extern "C" double twice(double x) { S s{x}; return 2 * s.as<double>(); }
`,
    at: '3:5',
    what: 'a member template (`template <...>` inside a class)',
  },
  {
    name: 'a default template argument',
    source: `template <typename T = double>
T doubled(T x) { return x + x; }
extern "C" double twice(double x) { return doubled(x); }
`,
    at: '1:22',
    what: 'a default template argument',
  },
  {
    name: 'overloaded function templates',
    source: `template <typename T>
T doubled(T x) { return x + x; }
template <typename T>
T doubled(T x, T y) { return x + y; }
extern "C" double twice(double x) { return doubled(x); }
`,
    at: '4:3',
    what: "overloading the function template 'doubled'",
    instead: 'give it another name',
  },
  {
    name: 'a forwarding reference',
    source: `template <typename T>
void touch(T&& x) { x = x; }
extern "C" double twice(double x) { touch(x); return 2 * x; }
`,
    at: '3:37',
    what: 'a forwarding reference parameter (`T&&`) of a function template',
  },
  {
    name: 'a class template member defined outside the class',
    source: `template <typename T>
struct Box { T v; T get() const; };
template <typename T>
T Box<T>::get() const { return v; }
extern "C" double twice(double x) { Box<double> b{x}; return 2 * b.get(); }
`,
    at: '4:3',
    what: 'a member of a class template defined outside its class',
    instead: 'define it inside the class',
  },
  {
    name: 'class template argument deduction',
    source: `template <typename T>
struct Box { T v; Box(T x) : v(x) {} };
extern "C" double twice(double x) { Box b(x); return 2 * b.v; }
`,
    at: '3:37',
    what: "deducing the template arguments of the class template 'Box'",
    instead: 'write them, as in Box<...>',
  },
  {
    name: 'std::map inside a template used twice',
    source: `#include <map>
template <typename T>
T lookup(T x) {
    std::map<int, T> m;
    m[1] = x;
    return m[1];
}
extern "C" double twice(double x) { return lookup(x) + lookup(1); }
`,
    at: '4:10',
    what: "'std::map'",
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
    name: 'function pointer returning a class',
    source: `struct P { double a, b; };
static P mk(double x) { return P{x, x}; }
extern "C" double twice(double x) {
    P (*f)(double) = mk;
    return f(x).a;
}
`,
    at: '5:12',
    what: 'a call through a function pointer that passes or returns a class, an array or a vector by value',
    instead: 'pass a pointer to it instead',
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
    name: 'vector of class objects',
    source: `#include <vector>
struct P { double x; };
extern "C" double twice(double x) {
    std::vector<P> v;
    v.push_back(P{x});
    v.push_back(P{x});
    return 2 * v[0].x;
}
`,
    at: '5:5',
    what: "a std::vector of class objects ('std::vector<P>')",
    instead: 'use an array of the class',
  },
  {
    name: 'conversion function',
    source: `struct O {
    double v;
    explicit operator bool() const { return v != 0; }
};
extern "C" double twice(double x) {
    O o{x};
    if (o) return 2 * x;
    return (bool)o ? 1 : 0;
}
`,
    at: '3:14',
    what: 'a conversion function (`operator bool`)',
    instead: 'write a named member function instead',
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
    what: "'std::swap' of two 'std::vector<double>' objects",
  },
];
