/**
 * The oracle: builds and runs a lesson program (lib.cpp + main.codon) for real and describes the
 * run in the shape of `sim run`'s JSON, plus the leftover registers at each foreign call and where
 * the callee's hidden result pointer points.
 *
 * Real: g++ (-O0, shared, PIC), llc-19 (-O3 on unoptimised IR), the C library, the dynamic loader,
 * libgc, the CPU (or qemu-aarch64). A model of Codon: the IR of the caller (lower-ir.ts) and the
 * runtime functions it calls (runtime/codonrt.c), since Codon itself cannot be installed here.
 */
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCodon } from '../src/sim/codon/index';
import { lowerModule, Refused, type Lowered } from './lower-ir';
import { classify, parseMaps, type Named } from './regions';
import { TOOLCHAINS, type Target } from './toolchain';

export type LeftoverName = 'zero' | 'runtime-data' | 'gc-object' | 'stale-stack';

export interface OracleInput {
  cpp: string;
  codon: string;
  target: Target;
  leftover: LeftoverName;
  timeoutMs?: number;
}

export interface CallEvidence {
  index: number;
  symbol: string;
  /** The leftover registers as the callee saw them at entry: [hidden result pointer's, result's]. */
  registers: Record<string, string>;
  /** Where the hidden-pointer register points, when the callee takes a hidden result pointer. */
  hiddenPointer: Named | null;
  /** Where the return address the callee will return to points: the Codon program's text, not the library's. */
  returnAddress: Named;
  /** Where the leftover register (x8 / %rdi) points at this call, whatever the callee takes. */
  leftover: Named;
}

export interface OracleResult {
  outcome: 'ok' | 'crash' | 'compile-error' | 'runtime-error' | 'step-limit' | 'refused';
  stdout: string;
  crash: { signal: string; address: string } | null;
  error: { type: string; message: string } | null;
  findings: never[];
  diagnostics: string[];
  evidence: {
    target: Target;
    leftover: LeftoverName;
    leftoverRegister: string;
    calls: CallEvidence[];
    /** The leftover register at the first foreign call, named like a hidden pointer. */
    first: Named | null;
    stderr: string;
  };
}

const HERE = dirname(fileURLToPath(import.meta.url));
const CACHE = join(tmpdir(), 'codon-oracle-cache');

function sh(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
}

/** The runtime model and the trampoline, built once per target and cached by content. */
function runtimeObjects(target: Target): string[] {
  const tc = TOOLCHAINS[target];
  const srcs = ['codonrt.c', `tramp-${target}.S`].map((f) => join(HERE, 'runtime', f));
  const hash = createHash('sha256');
  for (const s of srcs) hash.update(readFileSync(s));
  const dir = join(CACHE, `${target}-${hash.digest('hex').slice(0, 16)}`);
  const objs = srcs.map((s) => join(dir, s.split('/').pop() + '.o'));
  if (objs.every((o) => existsSync(o))) return objs;
  mkdirSync(dir, { recursive: true });
  srcs.forEach((s, i) => {
    // gc.h comes from libgc-dev (architecture-independent headers); -idirafter keeps the cross
    // compiler's own C library headers first.
    sh(tc.cc, ['-O2', '-fPIC', '-c', '-idirafter', '/usr/include', s, '-o', objs[i] as string]);
  });
  return objs;
}

/** Offset of `_dl_load_lock` in ld.so's `_rtld_global`, from its debug symbols (libc6-dbg). */
const lockOffsets = new Map<Target, string>();
function loadLockOffset(target: Target): string {
  const hit = lockOffsets.get(target);
  if (hit) return hit;
  const tc = TOOLCHAINS[target];
  const out = sh(tc.gdb, [
    '-nx',
    '-batch',
    '-ex',
    'print (long)&((struct rtld_global *)0)->_dl_load_lock',
    tc.loader,
  ]);
  const m = /= (\d+)/.exec(out);
  if (!m)
    throw new Error(
      `cannot find _rtld_global._dl_load_lock in ${tc.loader}'s debug symbols (is libc6-dbg installed?)`,
    );
  lockOffsets.set(target, m[1] as string);
  return m[1] as string;
}

/**
 * Which functions of the library take a hidden result pointer, asked of a second real compiler
 * (clang-19 on the same source, for the same target): its IR marks the parameter `sret`.
 */
function sretFunctions(cppPath: string, target: Target, cwd: string): Set<string> {
  const out = new Set<string>();
  try {
    const ir = sh(
      'clang++-19',
      [`--target=${TOOLCHAINS[target].triple}`, '-O0', '-S', '-emit-llvm', '-o', '-', cppPath],
      cwd,
    );
    for (const line of ir.split('\n')) {
      const m = /^define .*?@([A-Za-z_][\w.$]*)\((.*)$/.exec(line);
      if (m && /\bsret\(/.test(m[2] as string)) out.add(m[1] as string);
    }
  } catch {
    /* no clang: no hidden-pointer evidence */
  }
  return out;
}

function runProcess(argv: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number) {
  return new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
    timedOut: boolean;
  }>((resolve) => {
    const child = spawn(argv[0] as string, argv.slice(1), {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('latin1');
    child.stdout.on('data', (d: string) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-(child.pid as number), 'SIGKILL'); // the whole process group
      } catch {
        /* gone */
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/** Builds and runs one program for real. */
export async function runReal(input: OracleInput): Promise<OracleResult> {
  const tc = TOOLCHAINS[input.target];
  const evidence = {
    target: input.target,
    leftover: input.leftover,
    leftoverRegister: tc.leftoverRegs[0],
    calls: [] as CallEvidence[],
    first: null as Named | null,
    stderr: '',
  };
  const fail = (outcome: OracleResult['outcome'], diagnostics: string[]): OracleResult => ({
    outcome,
    stdout: '',
    crash: null,
    error: null,
    findings: [],
    diagnostics,
    evidence,
  });
  const parsed = parseCodon(input.codon, 'main.codon');
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    return fail(
      'compile-error',
      errors.map((d) => `main.codon:${d.line}:${d.column}: ${d.message}`),
    );
  let lowered;
  try {
    lowered = lowerModule(parsed.module);
  } catch (e) {
    if (e instanceof Refused) return fail('refused', [e.message]);
    throw e;
  }
  const dir = mkdtempSync(join(tmpdir(), 'oracle-'));
  try {
    writeFileSync(join(dir, 'lib.cpp'), input.cpp);
    writeFileSync(join(dir, 'main.ll'), lowered.ir);
    try {
      sh(tc.cxx, ['-O0', '-shared', '-fPIC', '-o', 'libfoo.so', 'lib.cpp'], dir);
    } catch (e) {
      return fail('compile-error', [String((e as { stderr?: string }).stderr ?? e)]);
    }
    // llc -O3 on the unoptimised IR (codon/cir/llvm/optimize.cpp: no IR passes in a debug build,
    // CodeGenOptLevel::Aggressive for the machine code).
    sh(
      'llc-19',
      ['-O3', `-mtriple=${tc.triple}`, '-relocation-model=pic', '-filetype=obj', '-o', 'main.o', 'main.ll'],
      dir,
    );
    writeFileSync(join(dir, 'stubs.S'), stubsAsm(lowered.stubs, input.target));
    const libs = ['-ldl', '-lm'];
    sh(
      tc.cc,
      [
        '-o',
        'main',
        'main.o',
        'stubs.S',
        ...runtimeObjects(input.target),
        tc.libgc,
        ...libs,
        '-Wl,-rpath-link,/usr/lib/' + tc.triple,
      ],
      dir,
    );
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      ORACLE_EVIDENCE: join(dir, 'evidence.txt'),
      ORACLE_LEFTOVER: input.leftover,
      ORACLE_LOAD_LOCK_OFFSET: loadLockOffset(input.target),
    };
    const sret = sretFunctions(join(dir, 'lib.cpp'), input.target, dir);
    const r = await runProcess(tc.runner('./main'), dir, env, input.timeoutMs ?? 20_000);
    evidence.stderr = r.stderr;
    const evText = existsSync(env.ORACLE_EVIDENCE as string)
      ? readFileSync(env.ORACLE_EVIDENCE as string, 'utf8')
      : '';
    const maps = parseMaps(evText);
    const status = /^status (\S+) (\S+)/m.exec(evText);
    for (const m of evText.matchAll(/^call (\d+) (\S+) (\S+) (\S+) (\d) (\d) (\S+)$/gm)) {
      const [hid, res] = [BigInt(m[3] as string), BigInt(m[4] as string)];
      const symbol = m[2] as string;
      evidence.calls.push({
        index: Number(m[1]),
        symbol,
        registers: {
          [tc.leftoverRegs[0]]: '0x' + hid.toString(16),
          [tc.leftoverRegs[1]]: '0x' + res.toString(16),
        },
        hiddenPointer: sret.has(symbol) ? classify(hid, maps, join(dir, 'main'), m[5] === '1', tc.gdb) : null,
        leftover: classify(hid, maps, join(dir, 'main'), m[5] === '1', tc.gdb),
        returnAddress: classify(BigInt(m[7] as string), maps, join(dir, 'main'), false, tc.gdb),
      });
    }
    const firstCall = /^call 0 \S+ (\S+) \S+ (\d)/m.exec(evText);
    if (firstCall)
      evidence.first = classify(
        BigInt(firstCall[1] as string),
        maps,
        join(dir, 'main'),
        firstCall[2] === '1',
        tc.gdb,
      );
    const qemuSignal = /qemu: uncaught target signal (\d+)/.exec(r.stderr);
    const signal = r.signal ?? (qemuSignal ? signalName(Number(qemuSignal[1])) : null);
    if (r.timedOut)
      return { ...fail('step-limit', ["the program ran past the oracle's time limit"]), stdout: r.stdout };
    if (signal) {
      return {
        outcome: 'crash',
        stdout: r.stdout,
        crash: { signal, address: status && status[1] !== 'exit' ? (status[2] as string) : '?' },
        error: null,
        findings: [],
        diagnostics: [],
        evidence,
      };
    }
    if (r.code !== 0) {
      const m = /^(\w+): (.*)$/m.exec(r.stderr);
      return {
        outcome: 'runtime-error',
        stdout: r.stdout,
        crash: null,
        error: { type: m?.[1] ?? 'Error', message: m?.[2] ?? r.stderr.trim() },
        findings: [],
        diagnostics: [],
        evidence,
      };
    }
    return {
      outcome: 'ok',
      stdout: r.stdout,
      crash: null,
      error: null,
      findings: [],
      diagnostics: [],
      evidence,
    };
  } finally {
    if (!process.env.ORACLE_KEEP) rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`oracle: kept ${dir}\n`);
  }
}

/**
 * One stub per library import: the address the lowered call loads and branches through. It puts
 * its own address and the callee's (`oracle_targets[k]`, stored where the import stands) in the
 * trampoline's scratch registers (%r10/%r11, x16/x17) and jumps to the import's trampoline
 * variant, which gives every register holding the stub's address the callee's instead: the call
 * then leaves the registers as Codon's own call through the dlsym result does (README.md).
 */
export function stubsAsm(stubs: Lowered['stubs'], target: Target): string {
  const lines = ['        .text'];
  for (const { index, variant } of stubs) {
    const name = `oracle_stub_${index}`;
    lines.push(`        .globl ${name}`, `        .hidden ${name}`, `        .p2align 4`, `${name}:`);
    if (target === 'x86_64')
      lines.push(
        `        leaq    ${name}(%rip), %r10`,
        `        movq    oracle_targets+${8 * index}(%rip), %r11`,
        `        jmp     oracle_tramp_${variant}`,
      );
    else
      lines.push(
        '        adrp    x17, oracle_targets',
        '        add     x17, x17, :lo12:oracle_targets',
        `        ldr     x17, [x17, #${8 * index}]`,
        `        adr     x16, ${name}`,
        `        b       oracle_tramp_${variant}`,
      );
  }
  lines.push('        .section .note.GNU-stack,"",' + (target === 'x86_64' ? '@progbits' : '%progbits'));
  return lines.join('\n') + '\n';
}

function signalName(n: number): string {
  return { 4: 'SIGILL', 6: 'SIGABRT', 7: 'SIGBUS', 8: 'SIGFPE', 11: 'SIGSEGV' }[n] ?? `signal ${n}`;
}
