#include <cstdlib>
#include <cstring>

extern "C" {

// C keeps its own copy of the values, in memory it owns.
static double* slot = nullptr;

void keep(double* buf) {
    slot = static_cast<double*>(std::malloc(4 * sizeof(double)));
    std::memcpy(slot, buf, 4 * sizeof(double));
}

double first() {
    return slot[0];
}

void forget() {
    std::free(slot);
    slot = nullptr;
}

}
