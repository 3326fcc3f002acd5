/**
 * Checks the simulator's frame plan (src/sim/run/cpp-interp/frame-plan.ts) against g++ -O0 for
 * every function of one or more C++ files, on both targets: builds each with `g++ -O0 -g -c` and
 * `aarch64-linux-gnu-g++ -O0 -g -c`, reads every variable's `DW_OP_fbreg` offset with
 * llvm-dwarfdump-19 (x86-64: CFA = %rbp + 16; AArch64: the CFA), and prints where they differ.
 * A developer tool (needs the toolchains of oracle/README.md):
 *
 *   npx tsx scripts/frame-check.ts $(find content/lessons -name lib.cpp)
 *
 * It also compares each frame's size with the prologue's (`g++ -S`: AArch64 `stp x29, x30, [sp, -N]!`
 * and `sub sp, sp, #N`; x86-64 `subq $N, %rsp`, which a leaf function in the red zone omits: not
 * compared there). The size is what shows the temporaries g++ makes that no DWARF variable names
 * (the copies of a returned class, frame-plan.ts `ResultTemps`), and the frame record's place.
 *
 * Exit status 1 when a variable or a frame size differs. Not compared: the NRVO variable of a function that
 * returns in memory (it lives in the caller's slot). The known differences are listed in
 * docs/SIMULATOR.md (frames: what is not modelled).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyArgs, classifyReturn } from '../src/sim/abi/index.ts';
import type { CType, Target } from '../src/sim/abi/ctype.ts';
import { layoutOf } from '../src/sim/abi/layout.ts';
import { parseCpp } from '../src/sim/cpp/index.ts';
import { savesRbx } from '../src/sim/run/cpp-interp/calls.ts';
import { planFrame, type ParamPassing } from '../src/sim/run/cpp-interp/frame-plan.ts';
import { resultTemps } from '../src/sim/run/cpp-interp/result-temps.ts';

const COMPILER: Record<Target, string> = { x86_64: 'g++', aarch64: 'aarch64-linux-gnu-g++' };
/** DW_OP_fbreg is relative to the CFA: %rbp + 16 on x86-64, the CFA itself on AArch64. */
const BIAS: Record<Target, number> = { x86_64: 16, aarch64: 0 };

/** The range-for variables, as g++ names them. */
const GPP_NAME: Record<string, string> = {
  __range: '__for_range',
  __begin: '__for_begin',
  __end: '__for_end',
};

/** Each function's variables and their frame offsets, as g++'s DWARF records them. */
function realOffsets(file: string, target: Target, dir: string): Map<string, Map<string, number>> {
  const obj = join(dir, `${target}.o`);
  execFileSync(COMPILER[target], ['-O0', '-g', '-c', file, '-o', obj]);
  // Through c++filt: a member function's DIE names it only by its declaration's linkage name.
  const raw = execFileSync('llvm-dwarfdump-19', ['--debug-info', obj], { maxBuffer: 1 << 28 });
  const dump = execFileSync('c++filt', { input: raw, maxBuffer: 1 << 28 }).toString();
  const out = new Map<string, Map<string, number>>();
  let current: Map<string, number> | null = null;
  for (const entry of dump.split(/\n(?=0x[0-9a-f]+:\s+DW_TAG)/)) {
    const tag = /^0x[0-9a-f]+:\s+DW_TAG_(\w+)/.exec(entry)?.[1];
    const name = (/DW_AT_name\s+\("([^"]*)"\)/.exec(entry) ??
      /DW_AT_(?:specification|abstract_origin)\s+\(0x[0-9a-f]+ "([^"]*)"\)/.exec(entry))?.[1]
      ?.split('(')[0]
      ?.split('::')
      .pop();
    if (tag === 'subprogram' && /DW_AT_low_pc/.test(entry)) {
      current = new Map();
      if (name !== undefined) out.set(name, current);
    } else if ((tag === 'variable' || tag === 'formal_parameter') && current !== null && name !== undefined) {
      const loc = /DW_OP_fbreg ([+-]?\d+)/.exec(entry);
      if (loc) current.set(name, Number(loc[1]) + BIAS[target]);
    }
  }
  return out;
}

/** Each function's frame size from its prologue in `g++ -O0 -S` (null: none to compare). */
function realSizes(file: string, target: Target, dir: string): Map<string, number | null> {
  const asm = join(dir, `${target}.s`);
  execFileSync(COMPILER[target], ['-O0', '-S', file, '-o', asm]);
  const text = execFileSync('c++filt', { input: readFileSync(asm) }).toString();
  const out = new Map<string, number | null>();
  let name: string | null = null;
  let size: number | null = null;
  const flush = () => {
    if (name !== null) out.set(name, size);
  };
  for (const line of text.split('\n')) {
    const label = /^([^\s.].*):\s*$/.exec(line)?.[1];
    if (label !== undefined) {
      flush();
      name = (label.split('(')[0] as string).split('::').pop() as string;
      size = target === 'aarch64' ? 0 : null;
      continue;
    }
    const n =
      target === 'aarch64'
        ? (/stp\s+x29, x30, \[sp, -(\d+)\]!/.exec(line) ?? /sub\s+sp, sp, #(\d+)/.exec(line))?.[1]
        : /subq\s+\$(\d+), %rsp/.exec(line)?.[1];
    if (n !== undefined) size = (size ?? 0) + Number(n);
  }
  flush();
  return out;
}

function check(file: string, target: Target, dir: string): number {
  const real = realOffsets(file, target, dir);
  const sizes = realSizes(file, target, dir);
  const unit = parseCpp(readFileSync(file, 'utf8'), 'lib.cpp').unit;
  const sizer = {
    target,
    size: (t: CType) => (t.kind === 'reference' ? 8 : layoutOf(t, target).size),
    align: (t: CType) => (t.kind === 'reference' ? 8 : layoutOf(t, target).align),
  };
  let bad = 0;
  for (const fn of unit.functions) {
    const seen = real.get(fn.name);
    if (fn.body === null || seen === undefined) continue;
    const ret = classifyReturn(fn.returnType, target);
    // A member function's `this` travels as its first argument (calls.ts, callMethod).
    const method = fn.method !== undefined && fn.method !== null;
    const thisType: CType[] = method ? [{ kind: 'pointer', pointee: fn.returnType }] : [];
    const args = classifyArgs([...thisType, ...fn.params.map((p) => p.type)], target, {
      indirectResult: ret.indirect,
    }).slice(thisType.length);
    const passing: ParamPassing[] = args.map((l) =>
      l.kind === 'regs'
        ? 'register'
        : l.kind === 'stack' && target === 'x86_64'
          ? 'caller-stack'
          : 'reference',
    );
    const plan = planFrame(sizer, fn, fn.body, passing, {
      hidden: ret.indirect && target === 'x86_64',
      skip: (v) => v.nrvo === true && ret.indirect,
      result: resultTemps(sizer, fn.returnType, ret),
      ...(ret.indirect ? { resultVar: fn.nrvoVariable?.id ?? null } : {}),
      ...(method ? { method: { inits: (fn.method?.memberInits ?? []).map((mi) => mi.init) } } : {}),
    });
    // calls.ts: the locals start 16 bytes below %rbp when %rbx is pushed.
    const rbx = target === 'x86_64' && (savesRbx(ret) || plan.holdsAcrossCall);
    const base = rbx ? -16 : 0;
    const sim = new Map<string, number>();
    for (const v of fn.locals) {
      const o = plan.locals.get(v.id);
      if (o !== undefined) sim.set(GPP_NAME[v.name] ?? v.name, o + base);
    }
    if (plan.thisSlot !== null) sim.set('this', plan.thisSlot + base);
    fn.params.forEach((p, i) => {
      const o = plan.params[i];
      if (o !== null && o !== undefined) sim.set(p.name, o + base);
    });
    const nrvo = new Set(fn.locals.filter((v) => v.nrvo === true && ret.indirect).map((v) => v.name));
    const diffs: string[] = [];
    for (const [name, o] of seen)
      if (o < 0 && !nrvo.has(name) && sim.get(name) !== o)
        diffs.push(`${name}: g++ ${o}, simulator ${sim.get(name)}`);
    for (const [name, o] of sim) if (!seen.has(name)) diffs.push(`${name}: g++ none, simulator ${o}`);
    // calls.ts: AArch64's frame record (and x19's save) below the locals of a function that calls;
    // x86-64's `subq` after the pushes.
    const size =
      target === 'aarch64'
        ? -plan.bottom +
          (plan.leaf
            ? 0
            : 16 +
              (plan.holdsAcrossCall ||
              plan.holdsFloatAcrossCall ||
              plan.savesResultPair ||
              plan.savesResultPointer
                ? 16
                : 0))
        : -plan.bottom - base - (rbx ? 8 : 0);
    const realSize = sizes.get(fn.name);
    if (realSize !== null && realSize !== undefined && realSize !== size)
      diffs.push(`frame size: g++ ${realSize}, simulator ${size}`);
    if (diffs.length > 0) bad++;
    console.log(`${target} ${fn.name}: ${diffs.length === 0 ? 'same' : diffs.join('; ')}`);
  }
  return bad;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npx tsx scripts/frame-check.ts FILE.cpp...');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'frame-check-'));
let bad = 0;
for (const file of files) {
  console.log(`== ${file}`);
  for (const target of ['x86_64', 'aarch64'] as const) bad += check(file, target, dir);
}
process.exit(bad > 0 ? 1 : 0);
