#include <cstdint>

extern "C" {

// Plain C types only; the caller provides the memory for the results.
void stats(const double* xs, int64_t n, double* out) {
    double sum = 0.0;
    double max = xs[0];
    for (int64_t i = 0; i < n; i++) {
        sum = sum + xs[i];
        if (xs[i] > max) {
            max = xs[i];
        }
    }
    out[0] = sum / n;
    out[1] = max;
}

}
