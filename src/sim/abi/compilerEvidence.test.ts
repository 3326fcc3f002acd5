/**
 * The ABI module against real compilers. `fixtures/gcc-evidence.json` and
 * `fixtures/llvm-evidence.json` record what g++ 12 (x86-64, AArch64) and llc did with every
 * type and signature in `fixtures/cases.ts` (regenerate with `fixtures/regen.sh`); each test
 * here checks one of those observations against `layoutOf`, `classifyReturn`, `classifyArgs`
 * or `llvmAggregateReturn`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyArgs, classifyReturn } from './classify.ts';
import type { ArgLocation, RegisterPart, Target } from './ctype.ts';
import type { StoreEvidence } from './fixtures/asm.ts';
import { T } from './fixtures/typeKit.ts';
import { layoutOf, memberAt } from './layout.ts';
import { llvmAggregateReturn, type LlvmField } from './llvm.ts';

interface TargetEvidence {
  size?: number;
  align?: number;
  offsets?: Record<string, number | null>;
  callee?: { indirect: boolean; writes: string[] };
  caller?: { passesAddress: boolean; stores: StoreEvidence[] };
}
interface GccEvidence {
  compilers: Record<Target, string>;
  m128OnAarch64: string;
  cases: ({ id: string; type: string } & Partial<Record<Target, TargetEvidence>>)[];
  args: ({ id: string; params: string[]; watch: number; returns: string | null } & Partial<
    Record<Target, { stores: StoreEvidence[] }>
  >)[];
}
interface LlvmEvidence {
  llc: string;
  cases: ({ id: string; fields: LlvmField[] } & Record<
    Target,
    { demoted: boolean; registers?: Record<string, number>; stores?: { field: number; offset: number }[] }
  >)[];
}

const read = <J>(name: string): J =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as J;
const gcc = read<GccEvidence>('gcc-evidence.json');
const llvm = read<LlvmEvidence>('llvm-evidence.json');
const TARGETS: Target[] = ['x86_64', 'aarch64'];

/** A run of stored bytes came from register `reg` exactly where a part says that register carries them. */
function fitsPart(s: StoreEvidence, parts: RegisterPart[]): boolean {
  if (s.src.kind !== 'reg') return false;
  const shift = s.src.shift;
  const reg = s.src.reg;
  return parts.some(
    (p) =>
      p.reg === reg &&
      s.offset >= p.offset &&
      s.offset + s.size <= p.offset + p.size &&
      s.offset - p.offset === shift - p.regOffset,
  );
}

/** A run of bytes of an argument arrived where `loc` says it travels. */
function fitsArg(s: StoreEvidence, loc: ArgLocation): boolean {
  if (loc.kind === 'regs') return fitsPart(s, loc.parts);
  if (loc.kind === 'stack')
    return s.src.kind === 'stack' && s.src.offset - loc.offset === s.offset && s.offset + s.size <= loc.size;
  // Passed by pointer: the bytes were read through the pointer, at their own offsets.
  const ptr = loc.pointer;
  const reg = ptr.kind === 'regs' ? ptr.parts[0]?.reg : undefined;
  return s.src.kind === 'via' && s.src.reg === reg && s.src.offset === s.offset;
}

describe(`layout and return convention agree with ${gcc.compilers.x86_64} and ${gcc.compilers.aarch64}`, () => {
  for (const c of gcc.cases) {
    for (const target of TARGETS) {
      const ev = c[target];
      if (!ev) continue;
      describe(`${c.type} on ${target}`, () => {
        if (ev.size !== undefined) {
          it('has the size, alignment and member offsets g++ measured', () => {
            const l = layoutOf(T(c.type), target);
            expect([l.size, l.align]).toEqual([ev.size, ev.align]);
            for (const [path, off] of Object.entries(ev.offsets ?? {}))
              expect(memberAt(T(c.type), path, target)?.offset, path).toBe(off);
          });
        }
        if (ev.callee && ev.caller) {
          const { callee, caller } = ev;
          it('returns through the same place as the compiled callee and caller', () => {
            const r = classifyReturn(T(c.type), target);
            // Hidden result pointer: the callee found its parameter in %rsi / used x8.
            expect(r.indirect, 'indirect').toBe(callee.indirect);
            if (target === 'aarch64')
              expect(r.indirect, 'caller put the address in x8').toBe(caller.passesAddress);
            if (r.indirect) {
              expect(caller.stores).toEqual([]);
              return;
            }
            // Every register the convention uses is written by the callee...
            // (A function returning a reference may hand back its argument register untouched.)
            for (const p of r.parts)
              expect(
                callee.writes.includes(p.reg) ||
                  caller.stores.some((s) => s.src.kind === 'reg' && s.src.reg === p.reg),
                `callee writes ${p.reg}`,
              ).toBe(true);
            // ...and every byte the caller stored came from where the convention says.
            for (const s of caller.stores) expect(fitsPart(s, r.parts), JSON.stringify(s)).toBe(true);
            // Each register part delivers its first byte (an empty class has no bytes to deliver).
            const hasData = layoutOf(T(c.type), target).cells.some((x) => x.kind !== 'padding');
            for (const p of hasData ? r.parts : [])
              expect(
                caller.stores.some(
                  (s) => s.src.kind === 'reg' && s.src.reg === p.reg && s.offset === p.offset,
                ),
                `${p.reg} delivers byte ${p.offset}`,
              ).toBe(true);
          });
        }
      });
    }
  }
});

describe('__m128 on AArch64', () => {
  it('does not exist for the cross compiler either', () => {
    expect(gcc.m128OnAarch64).toMatch(/error/);
    expect(() => layoutOf(T('__m128'), 'aarch64')).toThrow(/x86 SSE type/);
  });
});

describe('argument locations agree with g++', () => {
  for (const a of gcc.args) {
    for (const target of TARGETS) {
      const ev = a[target];
      if (!ev) continue;
      it(`${a.id}: parameter ${a.watch} of (${a.params.join(', ')}) on ${target}`, () => {
        const params = a.params.map((p) => T(p));
        const indirectResult = a.returns !== null && classifyReturn(T(a.returns), target).indirect;
        const loc = classifyArgs(params, target, { indirectResult })[a.watch];
        if (!loc) throw new Error('no location');
        expect(ev.stores.length, 'the callee copied the parameter').toBeGreaterThan(0);
        expect(ev.stores.some((s) => s.offset === 0)).toBe(true);
        for (const s of ev.stores)
          expect(fitsArg(s, loc), `${JSON.stringify(s)} vs ${JSON.stringify(loc)}`).toBe(true);
      });
    }
  }
});

describe(`LLVM aggregate returns agree with llc (${llvm.llc})`, () => {
  for (const c of llvm.cases) {
    for (const target of TARGETS) {
      const ev = c[target];
      it(`{${c.fields.join(', ')}} on ${target}`, () => {
        const r = llvmAggregateReturn(c.fields, target);
        expect(r.demoted).toBe(ev.demoted);
        if (ev.demoted) {
          const stored = new Map((ev.stores ?? []).map((s) => [s.field, s.offset]));
          for (const f of r.fields) expect(stored.get(f.index), `field ${f.index}`).toBe(f.offset);
        } else {
          const inReg: Record<string, number> = {};
          for (const f of r.fields) if (f.reg !== null) inReg[f.reg] = f.index;
          expect(inReg).toEqual(ev.registers);
        }
      });
    }
  }
});
