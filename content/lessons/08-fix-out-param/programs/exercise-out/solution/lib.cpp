#include <algorithm>
#include <array>

extern "C" {

// The caller owns the memory; foo only fills it.
__attribute__((visibility("default"))) void foo(double* out) {
    std::array<double, 4> bar;
    bar[0] = 1.5;
    bar[1] = 2.5;
    bar[2] = 3.5;
    bar[3] = 4.5;
    std::copy(bar.begin(), bar.end(), out);
}

}
