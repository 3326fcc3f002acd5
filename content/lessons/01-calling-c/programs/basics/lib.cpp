#include <cstdint>

extern "C" {

// Scalars travel in registers: x in %xmm0 (AArch64: d0), n in %rdi (x0);
// the result comes back in %xmm0 (d0).
double scale(double x, int64_t n) {
    return x * n;
}

// A pointer is just an address: C reads the caller's memory through it.
double total(const double* xs, int64_t n) {
    double sum = 0.0;
    for (int64_t i = 0; i < n; i++) {
        sum = sum + xs[i];
    }
    return sum;
}

}
