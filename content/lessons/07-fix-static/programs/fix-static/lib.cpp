#include <array>

extern "C" {

__attribute__((visibility("default"))) double* foo() {
    static std::array<double, 4> bar;   // static storage: lives until the program ends
    static double n = 0.0;              // counts the calls, so each call's values differ
    n = n + 1.0;
    bar[0] = 1.5 * n;
    bar[1] = 2.5 * n;
    bar[2] = 3.5 * n;
    bar[3] = 4.5 * n;
    return bar.data();                  // a plain pointer: comes back in %rax (x0)
}

}
