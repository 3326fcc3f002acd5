#include <array>
#include <memory>

extern "C" {

__attribute__((visibility("default"))) std::shared_ptr<std::array<double, 4>> foo() {
    auto bar = std::make_shared<std::array<double, 4>>();
    (*bar)[0] = 1.5;
    (*bar)[1] = 2.5;
    (*bar)[2] = 3.5;
    (*bar)[3] = 4.5;
    return bar;
}

}
