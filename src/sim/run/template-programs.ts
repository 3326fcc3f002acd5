/**
 * C++ libraries with function and class templates, shared by the template fixtures
 * (cpp-templates.test.ts: what g++ 12 printed for each) and the property test that mutates them
 * (templates.property.test.ts).
 */

/** Function templates (deduced, explicit, integer parameters) and a class template with methods. */
export const FUNCTIONS_AND_CLASSES = `#include <cstdio>
template<typename T> T add(T a, T b) { return a + b; }
template<typename T, int N> T sum(const T (&v)[N]) { T s = 0; for (int i = 0; i < N; i++) s += v[i]; return s; }
template<typename T> T* first(T* p) { return p; }
template<int N> int times(int x) { return N * x; }
template<typename T, int N> struct Buf { T d[N]; T get(int i) const { return d[i]; } void set(int i, T v) { d[i] = v; } int size() const { return N; } };
template<typename T> T getb(Buf<T, 4> b) { return b.d[0]; }
double useBuf(Buf<double, 4>& b) { return b.get(0); }
template<typename T> const T& bigger(const T& a, const T& b) { return a < b ? b : a; }
namespace ns { template<typename T> T id(T x) { return x; } }
extern "C" double go() {
  double x = 1.5;
  double v[3] = {1,2,3};
  Buf<double, 4> b{}; b.set(0, x);
  int arr[2] = {1, 2};
  printf("%g %d %g %g %d\\n", add(x, x), add<int>(1, 2), sum(v), *first(&x), times<3>(2));
  printf("%g %d %g %g %g %g %d\\n", b.get(0), b.size(), getb(b), useBuf(b), bigger(v[0], x), ns::id(x), sum(arr));
  return add(x, x) + add<int>(1, 2) + sum(v) + *first(&x) + times<3>(2) + b.get(0) + b.size() + getb(b) + useBuf(b) + bigger(v[0], x) + ns::id(x) + sum(arr);
}
`;

/** A class template owning a buffer, with copy constructor and destructor, beside a function template. */
export const STACK = `#include <cstdio>
template <typename T, int N>
struct Stack {
    T* items;
    int top;
    Stack() : items(new T[N]), top(0) { printf("Stack<%d>()\\n", N); }
    Stack(const Stack& o) : items(new T[N]), top(o.top) {
        for (int i = 0; i < top; i++) items[i] = o.items[i];
        printf("copy\\n");
    }
    ~Stack() { printf("~Stack %d\\n", top); delete[] items; }
    void push(T v) { if (top < N) items[top++] = v; }
    T total() const { T s = 0; for (int i = 0; i < top; i++) s += items[i]; return s; }
};

template <typename T>
T biggest(const T* v, int n) {
    T m = v[0];
    for (int i = 1; i < n; i++)
        if (v[i] > m) m = v[i];
    return m;
}

extern "C" long go() {
    Stack<long, 3> s;
    s.push(4);
    s.push(9);
    Stack<long, 3> t = s;
    t.push(2);
    long v[3] = {7, 30, 5};
    printf("%ld %ld %ld\\n", s.total(), t.total(), biggest(v, 3));
    return t.total() + biggest<long>(v, 2);
}
`;

/** A template over std::array. */
export const OVER_STD_ARRAY = `#include <array>
#include <cstdio>
template <typename T, std::size_t N>
T total(const std::array<T, N>& a) { T s = 0; for (std::size_t i = 0; i < N; i++) s += a[i]; return s; }
template <typename T>
T head(const std::array<T, 4>& a) { return a[0]; }
template <typename T, std::size_t N>
std::array<T, N> doubled(std::array<T, N> a) { for (auto& x : a) x *= 2; return a; }
extern "C" double go() {
  std::array<double, 4> a{1, 2, 3, 4};
  std::array<int, 2> b{5, 6};
  std::array<double, 4> d = doubled(a);
  printf("%g %d %g %g\\n", total(a), total(b), head(a), d[3]);
  return total(d);
}
`;
