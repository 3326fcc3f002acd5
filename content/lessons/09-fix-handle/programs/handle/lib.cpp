#include <algorithm>
#include <array>

struct Result {
    std::array<double, 4> values;
};

extern "C" {

// Codon only ever holds an opaque address (cobj); C++ owns the object.
void* make_result() {
    Result* r = new Result;
    r->values[0] = 1.5;
    r->values[1] = 2.5;
    r->values[2] = 3.5;
    r->values[3] = 4.5;
    return r;
}

void read_result(void* handle, double* out) {
    Result* r = static_cast<Result*>(handle);
    std::copy(r->values.begin(), r->values.end(), out);
}

void release_result(void* handle) {
    delete static_cast<Result*>(handle);
}

}
