#include <array>

extern "C" {

__attribute__((visibility("default"))) std::array<double, 4> foo() {
    std::array<double, 4> bar;
    bar[0] = 1.5;
    bar[1] = 2.5;
    bar[2] = 3.5;
    bar[3] = 4.5;
    return bar;
}

}
