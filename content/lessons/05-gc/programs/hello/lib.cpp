// main.codon never calls into this library: what matters in this program
// is what happens before its first line, while the runtime starts.
extern "C" {

double unused() {
    return 0.0;
}

}
