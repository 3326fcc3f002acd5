/**
 * What `dlopen` finds for the path a Codon `from C import LIB.f` names (Codon's `dlopen` in
 * stdlib/internal/dlopen.codon calls the C library's and raises `CError(dlerror())` when it
 * returns NULL). The program's C++ library is `libfoo.so` in the directory the program runs in,
 * as the oracle builds and runs it (oracle/oracle.ts). glibc's rule (dlopen(3)): a path with a
 * slash is a path, relative to the current directory; a bare name is searched for in the
 * system's library directories only, never in the current directory. Checked with the oracle:
 * "libhello.so" and "libfoo.so" fail with "…: cannot open shared object file: No such file or
 * directory", "./libfoo.so" and "././libfoo.so" open the library, "libc.so.6" opens the C library.
 *
 * Not modelled: `dlsym` through the program library's handle searches the library and then its
 * dependencies (dlopen(3)), and Debian's g++ links with --as-needed, so libc is one only when the
 * library calls something of libc or libstdc++ (lesson 2's, which uses std::array alone, has no
 * dependency: `readelf -d` lists no NEEDED, and `dlsym(h, "labs")` fails). The simulator finds
 * libc's functions through the program library either way.
 */

export type OpenedLibrary =
  /** The program's own C++ library. */
  | { kind: 'program' }
  /**
   * A system library (the C library or one that depends on it): only libc's functions are in it.
   * `resolved` is the path the loader found it at, which glibc's messages name.
   */
  | { kind: 'system'; resolved: string }
  | { kind: 'missing'; message: string };

/** Libraries every Debian system has in its library directories, each depending on libc. */
const SYSTEM_LIBRARIES = new Set(['libc.so.6', 'libm.so.6', 'libstdc++.so.6', 'libgc.so.1', 'libgcc_s.so.1']);

const SYSTEM_DIRS = ['/lib/', '/usr/lib/', '/lib64/', '/usr/lib64/'];

/** Where the loader finds a system library by its bare name (ldconfig -p; qemu-aarch64 -L /). */
const TRIPLES = { x86_64: 'x86_64-linux-gnu', aarch64: 'aarch64-linux-gnu' } as const;

export function openLibrary(path: string, target: keyof typeof TRIPLES): OpenedLibrary {
  const missing: OpenedLibrary = {
    kind: 'missing',
    message: `${path}: cannot open shared object file: No such file or directory`,
  };
  if (!path.includes('/'))
    return SYSTEM_LIBRARIES.has(path)
      ? { kind: 'system', resolved: `/lib/${TRIPLES[target]}/${path}` }
      : missing;
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (path.startsWith('/'))
    return SYSTEM_LIBRARIES.has(base) && SYSTEM_DIRS.some((d) => path.startsWith(d))
      ? { kind: 'system', resolved: path }
      : missing;
  // A relative path: only `./` segments may lead to the current directory's libfoo.so.
  const parts = path.split('/').filter((s) => s !== '.' && s !== '');
  return parts.length === 1 && parts[0] === 'libfoo.so' ? { kind: 'program' } : missing;
}
