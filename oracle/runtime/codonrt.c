/*
 * A model of the parts of Codon's runtime (codon/runtime/lib.cpp, Codon 0.19) that the lesson
 * programs reach, built with the real C library and Debian's libgc. Codon itself cannot be
 * installed here (no Debian or npm package), so this file stands in for libcodonrt; everything it
 * calls (malloc, GC_malloc, fwrite, dlopen) is real.
 *
 * Each function cites the Codon source it models (exaloop/codon at v0.19.6).
 * The `oracle_*` part is not Codon: it is the instrumentation the oracle reads back (the leftover
 * setting, the log of register values at each foreign call, the memory map at exit or crash).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <gc.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  int64_t len;
  char *str;
} seq_str_t;

/* ---- oracle instrumentation (read by the trampoline in tramp-<arch>.S) ---- */
int64_t oracle_leftover_kind = 4; /* 0 zero, 1 fixed value, 2 newest GC object, 3 dead stack, 4 none */
int64_t oracle_leftover_value = 0;
int64_t oracle_last_gc = 0;
int64_t oracle_ncalls = 0;
int64_t oracle_log[256 * 4]; /* per call: the hidden-pointer register, the result register, the callee, the return address */
void *oracle_target = 0;
/* The callee of each library import, by import index: stored where the import stands (lower-ir.ts), read by its stub (stubs.S). */
void *oracle_targets[256];

static const char *evidence_path;
static int evidence_written;

/* The names codon_dlsym resolved, so the evidence names a callee without dladdr: dladdr takes the
 * loader's lock, _rtld_global._dl_load_lock, which a stray write may have left held by a stranger
 * (the `runtime-data` leftover), and would hang the evidence writer at exit before _dl_fini does. */
static struct {
  void *addr;
  const char *name;
} oracle_names[64];
static int oracle_nnames;

static const char *oracle_name_of(void *addr) {
  for (int i = 0; i < oracle_nnames; i++)
    if (oracle_names[i].addr == addr) return oracle_names[i].name;
  Dl_info di;
  return dladdr(addr, &di) && di.dli_sname ? di.dli_sname : "?";
}

static void put(int fd, const char *s) { (void)!write(fd, s, strlen(s)); }

/* Writes the call log and the memory map; async-signal tolerant (no stdio, no malloc). */
static void oracle_write_evidence(const char *status, uintptr_t fault) {
  if (evidence_written || !evidence_path) return;
  evidence_written = 1;
  int fd = open(evidence_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return;
  char line[512];
  snprintf(line, sizeof line, "status %s %#lx\n", status, (unsigned long)fault);
  put(fd, line);
  int64_t n = oracle_ncalls < 256 ? oracle_ncalls : 256;
  for (int64_t i = 0; i < n; i++) {
    /* GC_base says whether the collector owns the address (0 for anything else). */
    void *a = (void *)(uintptr_t)oracle_log[4 * i], *b = (void *)(uintptr_t)oracle_log[4 * i + 1];
    const char *sym = oracle_name_of((void *)(uintptr_t)oracle_log[4 * i + 2]);
    snprintf(line, sizeof line, "call %ld %s %#lx %#lx %d %d %#lx\n", (long)i, sym, (unsigned long)(uintptr_t)a,
             (unsigned long)(uintptr_t)b, GC_base(a) != 0, GC_base(b) != 0, (unsigned long)oracle_log[4 * i + 3]);
    put(fd, line);
  }
  snprintf(line, sizeof line, "ncalls %ld\n", (long)oracle_ncalls);
  put(fd, line);
  int m = open("/proc/self/maps", O_RDONLY);
  if (m >= 0) {
    char buf[4096];
    ssize_t r;
    while ((r = read(m, buf, sizeof buf)) > 0) {
      /* prefix each line: the reader splits on "map " */
      (void)!write(fd, buf, (size_t)r);
    }
    close(m);
  }
  close(fd);
}

static void oracle_on_signal(int sig, siginfo_t *info, void *ctx) {
  (void)ctx;
  const char *name = sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS" : sig == SIGILL ? "SIGILL"
                   : sig == SIGFPE ? "SIGFPE" : "SIGABRT";
  oracle_write_evidence(name, (uintptr_t)info->si_addr);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void oracle_at_exit(void) { oracle_write_evidence("exit", 0); }

/* The address the simulator calls `runtime-data`: the dynamic loader's lock,
 * _rtld_global._dl_load_lock (its offset comes from ld.so's debug info, passed by the oracle). */
static void oracle_start(void) {
  evidence_path = getenv("ORACLE_EVIDENCE");
  const char *kind = getenv("ORACLE_LEFTOVER");
  const char *off = getenv("ORACLE_LOAD_LOCK_OFFSET");
  if (kind && strcmp(kind, "zero") == 0) oracle_leftover_kind = 0;
  else if (kind && strcmp(kind, "runtime-data") == 0) {
    oracle_leftover_kind = 1;
    char *rtld = dlsym(RTLD_DEFAULT, "_rtld_global");
    oracle_leftover_value = (int64_t)(uintptr_t)(rtld + (off ? strtol(off, 0, 0) : 0));
  } else if (kind && strcmp(kind, "gc-object") == 0) oracle_leftover_kind = 2;
  else if (kind && strcmp(kind, "stale-stack") == 0) oracle_leftover_kind = 3;
  static char altstack[65536];
  stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0};
  sigaltstack(&ss, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = oracle_on_signal;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
  for (unsigned i = 0; i < sizeof sigs / sizeof *sigs; i++) sigaction(sigs[i], &sa, 0);
  atexit(oracle_at_exit);
}

/* ---- Codon runtime model ---- */

/* lib.cpp seq_init: GC_INIT() and the exception machinery. Codon sets no stdout buffering; the
 * oracle makes stdout line-buffered as in the terminal a learner runs `codon run` in (unless
 * ORACLE_STDOUT=pipe), so output printed before a crash is seen, as the simulator shows it. */
void seq_init(int flags) {
  (void)flags;
  GC_INIT();
  const char *mode = getenv("ORACLE_STDOUT");
  if (!mode || strcmp(mode, "pipe") != 0) setvbuf(stdout, 0, _IOLBF, 0);
  oracle_start();
}

/* lib.cpp seq_alloc: GC_MALLOC. The oracle notes the newest scanned object of 16 bytes or more
 * (the simulator's gc-object leftover: runtime.ts newestGcObject). */
void *seq_alloc(size_t n) {
  void *p = GC_MALLOC(n);
  if (n >= 16) oracle_last_gc = (int64_t)(uintptr_t)p;
  return p;
}

/* lib.cpp seq_alloc_atomic: GC_MALLOC_ATOMIC (Ptr[T](n) of a pointer-free T, gc.codon alloc_atomic). */
void *seq_alloc_atomic(size_t n) { return GC_MALLOC_ATOMIC(n); }

static seq_str_t string_conv(const char *s, size_t n) {
  char *p = seq_alloc_atomic(n);
  memcpy(p, s, n);
  return (seq_str_t){(int64_t)n, p};
}

/* ---- fmt specs: lib.cpp fmt_conv formats `{:SPEC}` with the fmt library when a spec is given.
 * The spec here is what format.codon `_python_to_fmt_format` built (the front end's
 * FormatSpec.fmt): [[fill]align][sign][#][width][.precision][type]. fmt's rules, rebuilt on printf:
 * numbers align right and strings left by default, `^` puts the odd fill on the right, `#x` is
 * `0x`, `#o` is `0`, a negative number in any base is `-` and its magnitude. ---- */
typedef struct {
  char fill, align, sign, type;
  int alt, width, precision;
} fmt_spec;

static fmt_spec fmt_parse(seq_str_t f) {
  fmt_spec s = {' ', 0, 0, 0, 0, 0, -1};
  int64_t i = 0;
  const char *p = f.str;
  if (f.len >= 2 && strchr("<>^", p[1])) {
    s.fill = p[0];
    s.align = p[1];
    i = 2;
  } else if (f.len >= 1 && strchr("<>^", p[0])) {
    s.align = p[0];
    i = 1;
  }
  if (i < f.len && strchr("+- ", p[i])) s.sign = p[i++];
  if (i < f.len && p[i] == '#') {
    s.alt = 1;
    i++;
  }
  while (i < f.len && p[i] >= '0' && p[i] <= '9') s.width = s.width * 10 + (p[i++] - '0');
  if (i < f.len && p[i] == '.') {
    i++;
    s.precision = 0;
    while (i < f.len && p[i] >= '0' && p[i] <= '9') s.precision = s.precision * 10 + (p[i++] - '0');
  }
  if (i < f.len) s.type = p[i];
  return s;
}

static seq_str_t fmt_pad(const char *body, size_t n, fmt_spec s, int numeric) {
  size_t w = s.width > 0 ? (size_t)s.width : 0;
  size_t padn = w > n ? w - n : 0, left = 0;
  char align = s.align ? s.align : (numeric ? '>' : '<');
  if (align == '>') left = padn;
  else if (align == '^') left = padn / 2;
  char *out = seq_alloc_atomic(n + padn);
  memset(out, s.fill, left);
  memcpy(out + left, body, n);
  memset(out + left + n, s.fill, padn - left);
  return (seq_str_t){(int64_t)(n + padn), out};
}

static const char *fmt_sign(int negative, fmt_spec s) {
  return negative ? "-" : s.sign == '+' ? "+" : s.sign == ' ' ? " " : "";
}

/* fmt's integer formatting of a sign and a magnitude: seq_str_int's int64_t and seq_str_uint's
 * uint64_t (fmt_conv<uint64_t>) differ only in where the sign comes from. */
static seq_str_t fmt_mag(int neg, uint64_t mag, fmt_spec s) {
  char digits[80], body[96];
  char t = s.type ? s.type : 'd';
  const char *prefix = "";
  if (t == 'b') {
    int k = 0;
    char tmp[65];
    do {
      tmp[k++] = (char)('0' + (mag & 1));
      mag >>= 1;
    } while (mag);
    for (int j = 0; j < k; j++) digits[j] = tmp[k - 1 - j];
    digits[k] = 0;
    if (s.alt) prefix = "0b";
  } else {
    const char *conv = t == 'x' ? "%lx" : t == 'X' ? "%lX" : t == 'o' ? "%lo" : "%lu";
    snprintf(digits, sizeof digits, conv, (unsigned long)mag);
    if (s.alt) prefix = t == 'x' ? "0x" : t == 'X' ? "0X" : (t == 'o' && mag) ? "0" : "";
  }
  int k = snprintf(body, sizeof body, "%s%s%s", fmt_sign(neg, s), prefix, digits);
  return fmt_pad(body, (size_t)k, s, 1);
}

static seq_str_t fmt_int(int64_t n, fmt_spec s) {
  return fmt_mag(n < 0, n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n, s);
}

static seq_str_t fmt_float(double f, fmt_spec s) {
  char conv[8], body[400];
  char t = s.type ? s.type : 'g';
  snprintf(conv, sizeof conv, "%%s%%.*%c", t);
  int k = snprintf(body, sizeof body, conv, fmt_sign(__builtin_signbit(f) != 0, s),
                   s.precision < 0 ? 6 : s.precision, __builtin_fabs(f));
  return fmt_pad(body, (size_t)k, s, 1);
}

/* lib.cpp seq_str_int: fmt "{}", or `{:SPEC}` with a spec. */
seq_str_t seq_str_int(int64_t n, seq_str_t format, _Bool *error) {
  *error = 0;
  if (format.len > 0) return fmt_int(n, fmt_parse(format));
  char buf[32];
  int k = snprintf(buf, sizeof buf, "%ld", (long)n);
  return string_conv(buf, (size_t)k);
}

/* lib.cpp seq_str_uint: `fmt_conv<uint64_t>`, the same as seq_str_int with the 64 bits read as
 * unsigned (format.codon `UInt.__format__`, which `UInt[N].__str__` calls for N <= 64 with
 * `self.__int__()`, intn.codon: zext to 64 bits, or the bits themselves for N = 64). */
seq_str_t seq_str_uint(int64_t n, seq_str_t format, _Bool *error) {
  *error = 0;
  if (format.len > 0) return fmt_mag(0, (uint64_t)n, fmt_parse(format));
  char buf[32];
  int k = snprintf(buf, sizeof buf, "%lu", (unsigned long)n);
  return string_conv(buf, (size_t)k);
}

/* lib.cpp seq_str_float / default_format<double>: fmt "{:g}" (6 significant digits, as %g). */
seq_str_t seq_str_float(double f, seq_str_t format, _Bool *error) {
  *error = 0;
  if (format.len > 0) return fmt_float(f, fmt_parse(format));
  char buf[64];
  int k = snprintf(buf, sizeof buf, "%g", f);
  return string_conv(buf, (size_t)k);
}

/* lib.cpp seq_str_str: `{:SPEC}` of a string (width and alignment). */
seq_str_t seq_str_str(seq_str_t s, seq_str_t format, _Bool *error) {
  *error = 0;
  return fmt_pad(s.str, (size_t)s.len, fmt_parse(format), 0);
}

/* format.codon float.__format__(spec): seq_str_float, then exactly "-nan" becomes "nan". */
seq_str_t codon_float_format(double f, seq_str_t format) {
  _Bool err;
  seq_str_t s = seq_str_float(f, format, &err);
  if (s.len == 4 && memcmp(s.str, "-nan", 4) == 0) return string_conv("nan", 3);
  return s;
}

/* str.codon __add__: `p = Ptr[byte](len3)`, both copied in. */
seq_str_t codon_str_add(seq_str_t a, seq_str_t b) {
  char *p = seq_alloc_atomic((size_t)(a.len + b.len));
  memcpy(p, a.str, (size_t)a.len);
  memcpy(p + a.len, b.str, (size_t)b.len);
  return (seq_str_t){a.len + b.len, p};
}

/* stdlib/internal/format.codon, float.__format: `ret if ret != "-nan" else "nan"`. */
seq_str_t codon_float_repr(double f) {
  _Bool err;
  seq_str_t s = seq_str_float(f, (seq_str_t){0, 0}, &err);
  if (s.len == 4 && memcmp(s.str, "-nan", 4) == 0) return string_conv("nan", 3);
  return s;
}

/* lib.cpp seq_str_ptr: fmt::ptr, "0x..." in hex. */
seq_str_t seq_str_ptr(void *p) {
  char buf[32];
  int k = snprintf(buf, sizeof buf, "%#lx", (unsigned long)(uintptr_t)p);
  return string_conv(buf, (size_t)k);
}

/* lib.cpp seq_stdout / seq_print_full: the text goes to fwrite, which is where print ends. */
void *seq_stdout(void) { return stdout; }
void seq_print_full(seq_str_t str, FILE *fo) { fwrite(str.str, 1, (size_t)str.len, fo); }

/* A list object: stdlib/internal/types/array.codon `class List: len: int; arr: Array[T]`,
 * core.codon `@tuple class Array: len: int; ptr: Ptr[T]`. */
typedef struct {
  int64_t len;
  int64_t cap;
  char *ptr;
} codon_list;

/* list.codon __contains__: `for a in self: if a == x: return True`. */
_Bool codon_list_contains_i64(codon_list *l, int64_t x) {
  for (int64_t i = 0; i < l->len; i++)
    if (((int64_t *)l->ptr)[i] == x) return 1;
  return 0;
}
_Bool codon_list_contains_f64(codon_list *l, double x) {
  for (int64_t i = 0; i < l->len; i++)
    if (((double *)l->ptr)[i] == x) return 1;
  return 0;
}

/* list.codon List(capacity): a scanned object (it holds arr.ptr), its buffer atomic when T has
 * no pointers (internal.codon class_alloc, gc.codon). */
codon_list *codon_list_new(int64_t cap, int64_t elem, int64_t atomic) {
  codon_list *l = seq_alloc(sizeof *l);
  l->len = 0;
  l->cap = cap;
  l->ptr = atomic ? seq_alloc_atomic((size_t)(cap * elem)) : seq_alloc((size_t)(cap * elem));
  return l;
}

/* list.codon append / _resize_if_full: a full list grows to (1 + 3 * len) // 2. */
void *codon_list_append_slot(codon_list *l, int64_t elem, int64_t atomic) {
  if (l->len == l->cap) {
    int64_t cap = (1 + 3 * l->len) / 2;
    char *p = atomic ? seq_alloc_atomic((size_t)(cap * elem)) : seq_alloc((size_t)(cap * elem));
    memcpy(p, l->ptr, (size_t)(l->len * elem));
    l->ptr = p;
    l->cap = cap;
  }
  return l->ptr + elem * l->len++;
}

/* list.codon __getitem__(Slice) without a step: `lst[:]` is __copy__ (the buffer's capacity
 * copied), else slice.codon adjust_indices clamps start/stop and _copy_arr copies `length` items
 * (a null buffer when there are none). flags: 1 = start given, 2 = stop given. */
codon_list *codon_list_slice(codon_list *l, int64_t start, int64_t stop, int64_t flags, int64_t elem,
                             int64_t atomic) {
  codon_list *r = seq_alloc(sizeof *r);
  if (flags == 0) {
    r->len = l->len;
    r->cap = l->cap;
    r->ptr = atomic ? seq_alloc_atomic((size_t)(l->cap * elem)) : seq_alloc((size_t)(l->cap * elem));
    memcpy(r->ptr, l->ptr, (size_t)(l->cap * elem));
    return r;
  }
  int64_t len = l->len;
  if (!(flags & 1)) start = 0;
  if (!(flags & 2)) stop = len;
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  } else if (start >= len) start = len;
  if (stop < 0) {
    stop += len;
    if (stop < 0) stop = 0;
  } else if (stop >= len) stop = len;
  int64_t n = start < stop ? stop - start : 0;
  r->len = n;
  r->cap = n;
  r->ptr = 0;
  if (n > 0) {
    r->ptr = atomic ? seq_alloc_atomic((size_t)(n * elem)) : seq_alloc((size_t)(n * elem));
    memcpy(r->ptr, l->ptr + start * elem, (size_t)(n * elem));
  }
  return r;
}

/* list.codon __mul__: List[T](len * n), then the items appended n times. */
codon_list *codon_list_repeat(codon_list *src, int64_t n, int64_t elem, int64_t atomic) {
  codon_list *l = codon_list_new(n <= 0 ? 10 : src->len * n, elem, atomic);
  int64_t len = src->len;
  for (int64_t k = 0; k < n; k++)
    for (int64_t i = 0; i < len; i++) memcpy(codon_list_append_slot(l, elem, atomic), src->ptr + elem * i, (size_t)elem);
  return l;
}

/* str.codon `__repr__`: single quotes (double when the text has a ' and no "), \n \r \t \\ and the
 * quote escaped, other bytes outside 32..126 as \xhh. */
static seq_str_t str_repr(seq_str_t s) {
  int single = 0, dbl = 0;
  for (int64_t i = 0; i < s.len; i++) {
    if (s.str[i] == '\'') single = 1;
    else if (s.str[i] == '"') dbl = 1;
  }
  char q = single && !dbl ? '"' : '\'';
  char *buf = malloc((size_t)s.len * 4 + 2);
  size_t n = 0;
  buf[n++] = q;
  for (int64_t i = 0; i < s.len; i++) {
    unsigned char c = (unsigned char)s.str[i];
    const char *e = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : c == '\\' ? "\\\\" : 0;
    if (e) {
      buf[n++] = e[0];
      buf[n++] = e[1];
    } else if (c == (unsigned char)q) {
      buf[n++] = '\\';
      buf[n++] = (char)c;
    } else if (c < 32 || c > 126) {
      buf[n++] = '\\';
      buf[n++] = 'x';
      buf[n++] = "0123456789abcdef"[c / 16];
      buf[n++] = "0123456789abcdef"[c % 16];
    } else buf[n++] = (char)c;
  }
  buf[n++] = q;
  seq_str_t out = string_conv(buf, n);
  free(buf);
  return out;
}

/* list.codon __repr__: "[" + ", ".join(repr(x)) + "]"; kind 0 int, 1 float, 2 bool, 3 str. */
seq_str_t codon_list_repr(codon_list *l, int64_t kind) {
  size_t cap = 64, n = 0;
  char *buf = malloc(cap);
  buf[n++] = '[';
  for (int64_t i = 0; i < l->len; i++) {
    char item[64];
    const char *s = item;
    size_t k;
    _Bool err;
    seq_str_t t = {0, 0};
    if (kind == 0) t = seq_str_int(((int64_t *)l->ptr)[i], (seq_str_t){0, 0}, &err);
    else if (kind == 1) t = codon_float_repr(((double *)l->ptr)[i]);
    else if (kind == 2) t = ((int8_t *)l->ptr)[i] ? (seq_str_t){4, "True"} : (seq_str_t){5, "False"};
    else t = str_repr(((seq_str_t *)l->ptr)[i]);
    s = t.str;
    k = (size_t)t.len;
    if (n + k + 8 > cap) {
      cap = 2 * (n + k + 8);
      buf = realloc(buf, cap);
    }
    if (i) {
      buf[n++] = ',';
      buf[n++] = ' ';
    }
    memcpy(buf + n, s, k);
    n += k;
  }
  buf[n++] = ']';
  seq_str_t out = string_conv(buf, n);
  free(buf);
  return out;
}

/* An uncaught Codon exception as under `codon run`: exc.cpp seq_terminate hands a JITError with
 * "<Type>: <msg>" to the driver, which prints it and fails (a `codon build` executable would
 * abort() instead). stdio is flushed by exit. */
/* `try: ... except T:` (oracle/lower-class.ts). Codon lowers it with LLVM `invoke`/`landingpad` and
 * its own personality (llvisitor.cpp visit(TryCatchFlow), runtime/exc.cpp seq_personality); the
 * oracle reaches the same handler with setjmp/longjmp: each `try` pushes its jmp_buf and the class
 * it catches, a raise of that class jumps there with the message copied to the GC heap, as
 * dlopen.codon's `CError(dlerror())` does with `str.from_ptr`. Anything else stays uncaught. */
static struct {
  jmp_buf *jb;
  const char *type;
} codon_handlers[64];
static int codon_nhandlers;
static seq_str_t codon_caught;

void codon_try_push(jmp_buf *jb, const char *type) {
  if (codon_nhandlers < 64) {
    codon_handlers[codon_nhandlers].jb = jb;
    codon_handlers[codon_nhandlers++].type = type;
  }
}
void codon_try_pop(void) {
  if (codon_nhandlers > 0) codon_nhandlers--;
}
/* The message of the exception the last handler caught, as a Codon `str`. */
seq_str_t codon_exc_message(void) { return codon_caught; }

__attribute__((noreturn)) void codon_raise(const char *type, const char *msg) {
  if (codon_nhandlers > 0 && strcmp(codon_handlers[codon_nhandlers - 1].type, type) == 0) {
    jmp_buf *jb = codon_handlers[--codon_nhandlers].jb;
    size_t n = strlen(msg);
    char *p = seq_alloc_atomic(n);
    memcpy(p, msg, n);
    codon_caught.len = (int64_t)n;
    codon_caught.str = p;
    longjmp(*jb, 1);
  }
  fflush(stdout);
  fprintf(stderr, "%s: %s\n", type, msg);
  exit(1);
}

/* int.__floordiv__/__mod__ and float.__truediv__ with Python's rules (int.codon, float.codon). */
int64_t codon_int_floordiv(int64_t a, int64_t b) {
  if (b == 0) codon_raise("ZeroDivisionError", "integer division or modulo by zero");
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return q;
}
int64_t codon_int_mod(int64_t a, int64_t b) {
  if (b == 0) codon_raise("ZeroDivisionError", "integer division or modulo by zero");
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}
double codon_float_div(double a, double b) {
  if (b == 0) codon_raise("ZeroDivisionError", "float division by zero");
  return a / b;
}
double codon_float_floordiv(double a, double b) {
  if (b == 0) codon_raise("ZeroDivisionError", "float division by zero");
  return __builtin_floor(a / b);
}
double codon_float_mod(double a, double b) {
  if (b == 0) codon_raise("ZeroDivisionError", "float modulo");
  double r = __builtin_fmod(a, b);
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}
double codon_float_pow(double a, double b) { return __builtin_pow(a, b); }
int64_t codon_int_pow(int64_t a, int64_t b) {
  int64_t r = 1;
  while (b-- > 0) r *= a;
  return r;
}

/* dlopen.codon dlsym(lib, name): dlopen(lib, RTLD_NOW | RTLD_GLOBAL), dlsym, CError(dlerror()).
 * Codon's dlsym does nothing after c_dlsym but test the result, so the caller-saved registers after
 * an import are what glibc's dlsym left (AArch64: x1 = 0, x2 = 0, x3 = 1...), and a callee that
 * reads an argument register Codon did not set sees them. The oracle's own bookkeeping comes
 * first, and the last thing is the same dlsym again, as a tail call (`b dlsym` at -O2), so that
 * the bookkeeping's registers (it left the count of names, 1, in x1) are not what the program sees. */
void *codon_dlsym(const char *lib, const char *name) {
  void *h = dlopen(lib, RTLD_NOW | RTLD_GLOBAL);
  if (!h) codon_raise("CError", dlerror());
  void *f = dlsym(h, name);
  if (!f) codon_raise("CError", dlerror());
  if (oracle_nnames < 64) {
    oracle_names[oracle_nnames].addr = f;
    oracle_names[oracle_nnames++].name = name; /* a literal of the program: it lives to the end */
  }
  return dlsym(h, name);
}

/* ---- Dict and Set: klib's khash as Codon 0.19 writes it, transcribed (exaloop/codon v0.19.6:
 * stdlib/internal/khash.codon for the 2-bit flags, stdlib/internal/types/collections/dict.codon and
 * set.codon for `_kh_get`, `_kh_resize` (with its in-place rehash), `_kh_put`, `_dict_hash`; int.codon
 * `__hash__` is the value, str.codon's is `h = 31 * h + byte`). The oracle's caller is a model of
 * Codon, so the table lives here rather than in lowered IR; the layout is dict.codon's fields:
 * {_n_buckets, _size, _n_occupied, _upper_bound, _flags, _keys, _vals} (a Set has no `_vals`).
 * Key kinds (as codon_list_repr's): 0 int (i64), 3 str ({len, ptr}). ---- */
typedef struct {
  int64_t n_buckets, size, n_occupied, upper_bound;
  uint32_t *flags;
  char *keys;
  char *vals;
} codon_tab;

#define TAB_FLAGS(f, i) (((f)[(i) >> 4] >> (((i) & 0xF) << 1)) & 3u)
static int tab_isempty(uint32_t *f, int64_t i) { return (TAB_FLAGS(f, i) & 2u) != 0; }
static int tab_isdel(uint32_t *f, int64_t i) { return (TAB_FLAGS(f, i) & 1u) != 0; }
static int tab_iseither(uint32_t *f, int64_t i) { return TAB_FLAGS(f, i) != 0; }
static void tab_clear(uint32_t *f, int64_t i, uint32_t b) { f[i >> 4] &= ~(b << ((i & 0xF) << 1)); }
static void tab_setdel(uint32_t *f, int64_t i) { f[i >> 4] |= 1u << ((i & 0xF) << 1); }
static int64_t tab_fsize(int64_t m) { return m < 16 ? 1 : m >> 4; }
static int64_t tab_ksize(int64_t kind) { return kind == 3 ? 16 : 8; }

static int64_t tab_hash(int64_t kind, const void *key) {
  uint64_t k = 0;
  if (kind == 3) {
    const seq_str_t *s = key;
    for (int64_t i = 0; i < s->len; i++) k = 31u * k + (unsigned char)s->str[i];
  } else k = (uint64_t) * (const int64_t *)key;
  int64_t h = (int64_t)k;
  return (h >> 33) ^ h ^ (int64_t)(k << 11);
}

static int tab_eq(int64_t kind, const void *a, const void *b) {
  if (kind != 3) return *(const int64_t *)a == *(const int64_t *)b;
  const seq_str_t *x = a, *y = b;
  return x->len == y->len && memcmp(x->str, y->str, (size_t)x->len) == 0;
}

/* dict.codon `_init` via `Dict[K, V]()`: a scanned object (it holds pointers), zeroed by GC_MALLOC. */
codon_tab *codon_tab_new(int64_t is_dict) { return seq_alloc(is_dict ? 56 : 48); }

/* `_kh_get`: the bucket of the key, or `_n_buckets`. */
int64_t codon_tab_get(codon_tab *d, int64_t kind, const void *key) {
  if (!d->n_buckets) return 0;
  int64_t ks = tab_ksize(kind), mask = d->n_buckets - 1, step = 0;
  int64_t i = tab_hash(kind, key) & mask, last = i;
  while (!tab_isempty(d->flags, i) && (tab_isdel(d->flags, i) || !tab_eq(kind, d->keys + i * ks, key))) {
    step++;
    i = (i + step) & mask;
    if (i == last) return d->n_buckets;
  }
  return tab_iseither(d->flags, i) ? d->n_buckets : i;
}

/* `_kh_resize`: round up to a power of 2 (at least 4), then rehash in place. */
static void tab_resize(codon_tab *d, int64_t nnb, int64_t kind, int64_t vs) {
  int64_t ks = tab_ksize(kind);
  uint32_t *nf = 0;
  int64_t j = 1;
  nnb--;
  nnb |= nnb >> 1;
  nnb |= nnb >> 2;
  nnb |= nnb >> 4;
  nnb |= nnb >> 8;
  nnb |= nnb >> 16;
  nnb |= nnb >> 32;
  nnb++;
  if (nnb < 4) nnb = 4;
  if (d->size >= (int64_t)(nnb * 0.77 + 0.5)) j = 0;
  else {
    int64_t fs = tab_fsize(nnb);
    nf = seq_alloc_atomic((size_t)fs * 4); /* Ptr[u32](fsize) */
    for (int64_t i = 0; i < fs; i++) nf[i] = 0xAAAAAAAAu;
    if (d->n_buckets < nnb) { /* gc.realloc: lib.cpp seq_realloc is GC_REALLOC */
      d->keys = GC_REALLOC(d->keys, (size_t)(nnb * ks));
      if (vs) d->vals = GC_REALLOC(d->vals, (size_t)(nnb * vs));
    }
  }
  if (!j) return;
  char key[16], val[16], tmp[16];
  for (j = 0; j != d->n_buckets; j++) {
    if (tab_iseither(d->flags, j)) continue;
    int64_t m = nnb - 1;
    memcpy(key, d->keys + j * ks, (size_t)ks);
    if (vs) memcpy(val, d->vals + j * vs, (size_t)vs);
    tab_setdel(d->flags, j);
    for (;;) {
      int64_t step = 0, i = tab_hash(kind, key) & m;
      while (!tab_isempty(nf, i)) {
        step++;
        i = (i + step) & m;
      }
      tab_clear(nf, i, 2);
      if (i < d->n_buckets && !tab_iseither(d->flags, i)) {
        memcpy(tmp, d->keys + i * ks, (size_t)ks);
        memcpy(d->keys + i * ks, key, (size_t)ks);
        memcpy(key, tmp, (size_t)ks);
        if (vs) {
          memcpy(tmp, d->vals + i * vs, (size_t)vs);
          memcpy(d->vals + i * vs, val, (size_t)vs);
          memcpy(val, tmp, (size_t)vs);
        }
        tab_setdel(d->flags, i);
      } else {
        memcpy(d->keys + i * ks, key, (size_t)ks);
        if (vs) memcpy(d->vals + i * vs, val, (size_t)vs);
        break;
      }
    }
  }
  if (d->n_buckets > nnb) {
    d->keys = GC_REALLOC(d->keys, (size_t)(nnb * ks));
    if (vs) d->vals = GC_REALLOC(d->vals, (size_t)(nnb * vs));
  }
  d->flags = nf;
  d->n_buckets = nnb;
  d->n_occupied = d->size;
  d->upper_bound = (int64_t)(d->n_buckets * 0.77 + 0.5);
}

/* `_kh_put`: the bucket for the key (stored there when new); the caller stores the value. */
int64_t codon_tab_put(codon_tab *d, int64_t kind, const void *key, int64_t vs) {
  int64_t ks = tab_ksize(kind);
  if (d->n_occupied >= d->upper_bound) {
    if (d->n_buckets > (d->size << 1)) tab_resize(d, d->n_buckets - 1, kind, vs);
    else tab_resize(d, d->n_buckets + 1, kind, vs);
  }
  int64_t mask = d->n_buckets - 1, step = 0, site = d->n_buckets, x = site;
  int64_t i = tab_hash(kind, key) & mask;
  if (tab_isempty(d->flags, i)) x = i;
  else {
    int64_t last = i;
    while (!tab_isempty(d->flags, i) && (tab_isdel(d->flags, i) || !tab_eq(kind, d->keys + i * ks, key))) {
      if (tab_isdel(d->flags, i)) site = i;
      step++;
      i = (i + step) & mask;
      if (i == last) {
        x = site;
        break;
      }
    }
    if (x == d->n_buckets) x = (tab_isempty(d->flags, i) && site != d->n_buckets) ? site : i;
  }
  if (tab_isempty(d->flags, x)) {
    memcpy(d->keys + x * ks, key, (size_t)ks);
    tab_clear(d->flags, x, 3);
    d->size++;
    d->n_occupied++;
  } else if (tab_isdel(d->flags, x)) {
    memcpy(d->keys + x * ks, key, (size_t)ks);
    tab_clear(d->flags, x, 3);
    d->size++;
  }
  return x;
}

/* `_kh_exist(i)`, for the lowered loops of `items()`/`__iter__`. */
_Bool codon_tab_exists(codon_tab *d, int64_t i) { return !tab_iseither(d->flags, i); }

/* dict.codon `__getitem__` on a missing key: `raise KeyError(str(key))`. */
__attribute__((noreturn)) void codon_tab_keyerror(int64_t kind, const void *key) {
  char buf[64];
  if (kind == 3) {
    const seq_str_t *s = key;
    char *m = malloc((size_t)s->len + 1);
    memcpy(m, s->str, (size_t)s->len);
    m[s->len] = 0;
    codon_raise("KeyError", m);
  }
  snprintf(buf, sizeof buf, "%ld", (long)*(const int64_t *)key);
  codon_raise("KeyError", buf);
}

static seq_str_t tab_item(int64_t kind, const char *p) {
  _Bool err;
  if (kind == 0) return seq_str_int(*(const int64_t *)p, (seq_str_t){0, 0}, &err);
  if (kind == 1) return codon_float_repr(*(const double *)p);
  if (kind == 2) return *(const int8_t *)p ? (seq_str_t){4, "True"} : (seq_str_t){5, "False"};
  return str_repr(*(const seq_str_t *)p);
}

/* dict.codon `__repr__` ("{}" or "{k: v, ...}") and set.codon's ("set()" or "{a, ...}"), in bucket order. */
seq_str_t codon_tab_repr(codon_tab *d, int64_t kkind, int64_t vkind, int64_t vs) {
  if (d->size == 0) return vs ? string_conv("{}", 2) : string_conv("set()", 5);
  size_t cap = 64, n = 0;
  char *buf = malloc(cap);
  buf[n++] = '{';
  int first = 1;
  int64_t ks = tab_ksize(kkind);
  for (int64_t i = 0; i < d->n_buckets; i++) {
    if (tab_iseither(d->flags, i)) continue;
    seq_str_t k = tab_item(kkind, d->keys + i * ks);
    seq_str_t v = vs ? tab_item(vkind, d->vals + i * vs) : (seq_str_t){0, 0};
    if (n + (size_t)k.len + (size_t)v.len + 16 > cap) {
      cap = 2 * (n + (size_t)k.len + (size_t)v.len + 16);
      buf = realloc(buf, cap);
    }
    if (!first) {
      buf[n++] = ',';
      buf[n++] = ' ';
    }
    first = 0;
    memcpy(buf + n, k.str, (size_t)k.len);
    n += (size_t)k.len;
    if (vs) {
      buf[n++] = ':';
      buf[n++] = ' ';
      memcpy(buf + n, v.str, (size_t)v.len);
      n += (size_t)v.len;
    }
  }
  buf[n++] = '}';
  seq_str_t out = string_conv(buf, n);
  free(buf);
  return out;
}

/* str.codon `__repr__`, for the items of a tuple. */
seq_str_t codon_str_quote(seq_str_t s) { return str_repr(s); }
