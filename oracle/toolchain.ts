/**
 * The real toolchain per target: which compiler builds the library and the runtime model, which
 * llc triple lowers the IR, how the program is run, and which gdb names symbols.
 *
 * AArch64 uses ONE arm64 sysroot at run time: Debian's multiarch `:arm64` packages (libc6:arm64,
 * libstdc++6:arm64, libgc1:arm64, libc6-dbg:arm64), installed under / (/lib/ld-linux-aarch64.so.1,
 * /usr/lib/aarch64-linux-gnu). The cross toolchain's own /usr/aarch64-linux-gnu has no libgc and
 * no debug symbols for its libc, so it is used only to compile and link; qemu-aarch64 runs with
 * its default prefix (/), where the multiarch loader and libraries are.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export type Target = 'x86_64' | 'aarch64';

export interface Toolchain {
  target: Target;
  cxx: string;
  cc: string;
  triple: string;
  /** Command prefix that runs a built program with ASLR off. */
  runner: (exe: string) => string[];
  gdb: string;
  libgc: string;
  loader: string;
  /** The registers the simulator calls the leftover ones: [hidden result pointer, result]. */
  leftoverRegs: [string, string];
}

export const TOOLCHAINS: Record<Target, Toolchain> = {
  x86_64: {
    target: 'x86_64',
    cxx: 'g++',
    cc: 'gcc',
    triple: 'x86_64-linux-gnu',
    runner: (exe) => ['setarch', 'x86_64', '-R', exe],
    gdb: 'gdb',
    libgc: '/usr/lib/x86_64-linux-gnu/libgc.so.1',
    loader: '/lib64/ld-linux-x86-64.so.2',
    leftoverRegs: ['rdi', 'rax'],
  },
  aarch64: {
    target: 'aarch64',
    cxx: 'aarch64-linux-gnu-g++',
    cc: 'aarch64-linux-gnu-gcc',
    triple: 'aarch64-linux-gnu',
    // qemu-user maps the guest at a fixed base when the host has ASLR off (setarch -R).
    runner: (exe) => ['setarch', 'x86_64', '-R', 'qemu-aarch64', '-L', '/', exe],
    gdb: 'gdb-multiarch',
    libgc: '/usr/lib/aarch64-linux-gnu/libgc.so.1',
    loader: '/lib/ld-linux-aarch64.so.1',
    leftoverRegs: ['x8', 'x0'],
  },
};

const has = (cmd: string): boolean => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** What is missing to run the oracle on a target (empty when everything is there). */
export function missingTools(t: Target): string[] {
  const tc = TOOLCHAINS[t];
  const out: string[] = [];
  for (const c of [tc.cxx, tc.cc, 'llc-19', 'setarch', tc.gdb]) if (!has(c)) out.push(c);
  if (t === 'aarch64' && !has('qemu-aarch64')) out.push('qemu-aarch64');
  if (!existsSync(tc.libgc)) out.push(tc.libgc);
  if (!existsSync(tc.loader)) out.push(tc.loader);
  if (!existsSync('/usr/include/gc.h')) out.push('/usr/include/gc.h (libgc-dev)');
  return out;
}

/**
 * A suite's check before it runs: null when both targets' toolchains are there, else the exit code
 * after saying what is missing (1 under CI=true, where a missing toolchain is a failure; 0 locally,
 * where the suite skips with a notice).
 */
export function toolchainGate(suite: string): number | null {
  const missing = (['x86_64', 'aarch64'] as const).flatMap((t) => missingTools(t));
  if (missing.length === 0) return null;
  const msg = `${suite}: the real toolchain is missing (${missing.join(', ')}); see oracle/README.md`;
  if (process.env.CI === 'true') {
    process.stderr.write(msg + '\n');
    return 1;
  }
  process.stdout.write(msg + '. Skipped.\n');
  return 0;
}
