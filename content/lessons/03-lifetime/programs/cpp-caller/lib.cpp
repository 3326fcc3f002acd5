#include <array>

// A C++ function calling a C++ function: both sides follow the same convention.
static std::array<double, 4> make() {
    std::array<double, 4> bar;
    bar[0] = 1.5;
    bar[1] = 2.5;
    bar[2] = 3.5;
    bar[3] = 4.5;
    return bar;
}

extern "C" {

double sum_of_make() {
    std::array<double, 4> a = make();
    return a[0] + a[1] + a[2] + a[3];
}

}
