#include <array>

extern "C" {

std::array<double, 2> foo2() {
    std::array<double, 2> bar;
    bar[0] = 1.5;
    bar[1] = 2.5;
    return bar;
}

}
