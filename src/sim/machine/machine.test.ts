import { describe, expect, it } from 'vitest';
import { stateAt, lifetimeAt } from '../trace/reader.ts';
import { StepKind, type SourceLoc } from '../trace/types.ts';
import { CHeap, GcHeap, chunkSize } from './heap.ts';
import { INTENT_RESULT_SLOT, INTENT_UNKNOWN, Machine, RunStop, type Leftover } from './machine.ts';
import { hex } from './memory.ts';
import { ident } from '../trace/names.ts';

const at = (line: number): SourceLoc => ({ side: 'cpp', line, column: 1, endLine: line, endColumn: 2 });

function machine(
  target: 'x86_64' | 'aarch64' = 'x86_64',
  leftover: Leftover = 'zero',
  maxSteps = 10_000,
): Machine {
  return new Machine({ target, leftover, maxSteps });
}

/** Runs `body` as one step and returns how the run stopped ('ok' when it did not). */
function run(m: Machine, body: () => void): string {
  try {
    body();
    return 'ok';
  } catch (e) {
    if (e instanceof RunStop) return e.outcome;
    throw e;
  }
}

function local(m: Machine, name: string, size: number, line = 1): { id: number; addr: number } {
  const addr = m.pushStack(size, 8);
  const id = m.newObject({
    name: ident(name),
    typeName: 'double',
    role: 'local',
    side: 'cpp',
    addr,
    size,
    frameId: m.currentFrame,
    loc: at(line),
  });
  return { id, addr };
}

describe('memory', () => {
  it('keeps a double as its real bit pattern', () => {
    const m = machine();
    m.step(StepKind.Statement, 'cpp', at(1), 'test');
    const { id, addr } = local(m, 'x', 8);
    m.storeF64(addr, 1.5, { intended: id, loc: at(1) });
    expect(hex(m.mem.readUint(addr, 8))).toBe('0x3ff8000000000000');
  });

  it('faults on an unmapped address with SIGSEGV at that address', () => {
    const m = machine();
    m.step(StepKind.Statement, 'cpp', at(3), 'test');
    expect(run(m, () => m.storeF64(0, 1.5, { intended: INTENT_RESULT_SLOT, loc: at(3) }))).toBe('crash');
    expect(m.crashInfo).toMatchObject({ signal: 'SIGSEGV', address: 0, line: 3 });
  });

  it('reports a non-canonical address as a fault at 0', () => {
    const m = machine();
    m.step(StepKind.Statement, 'cpp', at(3), 'test');
    run(m, () => m.loadF64(0x3ff8000000000000, { intended: INTENT_UNKNOWN, loc: at(3) }));
    expect(m.crashInfo?.address).toBe(0);
  });
});

describe('lifetimes and stale bytes', () => {
  it('keeps a dead frame’s bytes until a later frame reuses them', () => {
    const m = machine();
    m.step(StepKind.Call, 'cpp', at(1), 'test');
    const f1 = m.enterFrame('first', 'cpp');
    const a = local(m, 'bar', 8);
    m.storeF64(a.addr, 4.5, { intended: a.id, loc: at(1) });
    m.step(StepKind.Return, 'cpp', at(2), 'test');
    m.exitFrame(f1);
    expect(m.object(a.id).deathKind).toBe('out-of-scope');
    expect(m.mem.readF64(a.addr)).toBe(4.5);
    m.step(StepKind.Call, 'cpp', at(3), 'test');
    m.enterFrame('second', 'cpp');
    const b = local(m, 'other', 8);
    expect(b.addr).toBe(a.addr);
    m.storeF64(b.addr, -1, { intended: b.id, loc: at(3) });
    expect(m.mem.readF64(a.addr)).toBe(-1);
  });

  it('flags a read through a pointer to a dead local', () => {
    const m = machine();
    m.step(StepKind.Call, 'cpp', at(1), 'test');
    const f = m.enterFrame('foo', 'cpp');
    const a = local(m, 'bar', 8, 2);
    m.storeF64(a.addr, 1.5, { intended: a.id, loc: at(2) });
    m.exitFrame(f);
    m.step(StepKind.Statement, 'codon', at(7), 'test');
    expect(m.loadF64(a.addr, { intended: a.id, loc: at(7) })).toBe(1.5);
    expect(m.findings.map((x) => x.kind)).toEqual(['dangling-read']);
  });

  it('flags a read of an uninitialised local, pointing at its declaration', () => {
    const m = machine();
    m.step(StepKind.Statement, 'cpp', at(4), 'test');
    m.enterFrame('foo', 'cpp');
    const a = local(m, 'bar', 8, 4);
    m.loadF64(a.addr, { intended: a.id, loc: at(5) });
    expect(m.findings[0]).toMatchObject({
      kind: 'uninitialized-read',
      line: 5,
      related: [{ line: 4, role: 'declaration' }],
    });
  });
});

describe('stray writes', () => {
  it('names the victim when the result-slot write lands on another object', () => {
    const m = machine();
    m.step(StepKind.Statement, 'runtime', null, 'test');
    const r = m.regionOfKind('runtime');
    m.newObject({
      name: ident('_rtld_global._dl_load_lock'),
      typeName: 'pthread_mutex_t',
      role: 'runtime',
      side: 'runtime',
      addr: r.start + 0x100,
      size: 40,
      initialized: true,
    });
    m.step(StepKind.Statement, 'cpp', at(5), 'test');
    m.storeF64(r.start + 0x100, 1.5, { intended: INTENT_RESULT_SLOT, loc: at(5) });
    m.storeF64(r.start + 0x108, 2.5, { intended: INTENT_RESULT_SLOT, loc: at(5) });
    expect(m.findings).toHaveLength(1);
    expect(m.findings[0]).toMatchObject({ kind: 'stray-write', line: 5, count: 2 });
    expect(m.findings[0]?.message.params).toContainEqual(ident('_rtld_global._dl_load_lock'));
  });

  it('accepts the result-slot write when the caller did reserve a slot', () => {
    const m = machine();
    m.step(StepKind.Statement, 'codon', at(1), 'test');
    m.enterFrame('main', 'codon');
    const addr = m.pushStack(32, 16);
    m.newObject({
      name: ident('result'),
      typeName: 'std::array<double, 4>',
      role: 'return-slot',
      side: 'codon',
      addr,
      size: 32,
      frameId: m.currentFrame,
    });
    m.resultSlots.push({ addr, size: 32 });
    m.storeF64(addr + 24, 4.5, { intended: INTENT_RESULT_SLOT, loc: at(5) });
    expect(m.findings).toEqual([]);
  });
});

describe('registers', () => {
  it('keeps what the last code left in a register', () => {
    const m = machine();
    m.step(StepKind.Statement, 'runtime', null, 'test');
    m.setRegInt('rdi', 0x7fffffffd000);
    m.setRegF64('xmm0', 2.5);
    m.step(StepKind.Statement, 'codon', at(1), 'test');
    expect(hex(m.regs.getUint('rdi'))).toBe('0x7fffffffd000');
    expect(m.regs.getF64('xmm0')).toBe(2.5);
  });

  it('aliases d0 and s0 onto v0 on AArch64', () => {
    const m = machine('aarch64');
    m.setRegF64('d0', 4.5);
    expect(m.regs.getF64('v0')).toBe(4.5);
  });

  it('gives the x87 indefinite NaN when popping an empty x87 stack', () => {
    const m = machine();
    m.step(StepKind.Statement, 'codon', at(1), 'test');
    expect(m.x87Pop()).toBeNaN();
    m.x87Push(3.5);
    m.x87Push(4.5);
    expect(m.x87Pop()).toBe(4.5);
    expect(m.x87Pop()).toBe(3.5);
  });
});

describe('C heap', () => {
  it('rounds requests to glibc chunk sizes', () => {
    expect([1, 16, 24, 25, 32].map(chunkSize)).toEqual([32, 32, 32, 48, 48]);
  });

  it('aborts a free whose neighbour header was overwritten, for a chunk too big for tcache', () => {
    const m = machine();
    const heap = new CHeap(m);
    m.step(StepKind.Statement, 'cpp', at(1), 'test');
    // 2064-byte chunks come from the top chunk, one after the other; glibc checks a freed chunk's
    // neighbour only on the way to the other bins.
    const a = heap.malloc(2048, ident('buf'), 'double[256]', 'cpp', at(1));
    heap.malloc(2048, ident('next'), 'double[256]', 'cpp', at(2));
    for (let i = 0; i < 4; i++)
      m.storeF64(a + 2040 + 8 * i, 1.5 + i, { intended: INTENT_RESULT_SLOT, loc: at(3) });
    m.step(StepKind.Statement, 'cpp', at(4), 'test');
    expect(run(m, () => heap.free(a, at(4)))).toBe('crash');
    expect(m.crashInfo).toMatchObject({
      signal: 'SIGABRT',
      line: 4,
      message: { id: 'crash.free-corrupted-next' },
    });
  });

  it('puts a small chunk in its tcache bin without looking at the clobbered neighbour', () => {
    const m = machine();
    const heap = new CHeap(m);
    m.step(StepKind.Statement, 'cpp', at(1), 'test');
    const a = heap.malloc(64, ident('buf'), 'double[8]', 'cpp', at(1));
    heap.malloc(64, ident('next'), 'double[8]', 'cpp', at(2));
    for (let i = 0; i < 4; i++)
      m.storeF64(a + 56 + 8 * i, 1.5 + i, { intended: INTENT_RESULT_SLOT, loc: at(3) });
    m.step(StepKind.Statement, 'cpp', at(4), 'test');
    expect(run(m, () => heap.free(a, at(4)))).not.toBe('crash');
    // The freed block now holds glibc's safe-linked pointer (its address >> 12, the bin was empty).
    expect(m.mem.readUint(a, 8)).toBe(Math.floor(a / 4096));
  });

  it('turns a second free into a double-free finding and SIGABRT', () => {
    const m = machine();
    const heap = new CHeap(m);
    m.step(StepKind.Statement, 'cpp', at(1), 'test');
    const a = heap.malloc(8, ident('p'), 'double', 'cpp', at(1));
    heap.free(a, at(2));
    m.step(StepKind.Statement, 'cpp', at(3), 'test');
    expect(run(m, () => heap.free(a, at(3)))).toBe('crash');
    expect(m.findings.map((f) => [f.kind, f.line])).toEqual([['double-free', 3]]);
  });
});

describe('garbage collector', () => {
  it('keeps an object reachable from the stack and collects one kept only in malloc memory', () => {
    const m = machine();
    const gc = new GcHeap(m);
    const heap = new CHeap(m);
    m.step(StepKind.Statement, 'codon', at(1), 'test');
    m.enterFrame('main', 'codon');
    const kept = gc.alloc(32, true, ident('kept'), 'Ptr[float]', at(1));
    const slot = local(m, 'p', 8);
    m.storeInt(slot.addr, 8, kept, { intended: slot.id, loc: at(1) });
    const hidden = gc.alloc(32, true, ident('hidden'), 'Ptr[float]', at(2));
    const cbuf = heap.malloc(8, ident('saved'), 'double*', 'cpp', at(3));
    m.storeInt(cbuf, 8, hidden, { intended: INTENT_UNKNOWN, loc: at(3) });
    m.setRegInt('rax', 0);
    m.setRegInt('rdi', 0);
    const collected = gc.collect(at(4));
    expect(collected.map((id) => m.object(id).name)).toEqual([ident('hidden')]);
    expect(lifetimeAt(m.object(collected[0] as number), m.stepCount)).toBe('collected');
  });
});

describe('trace', () => {
  it('rebuilds memory and registers at any step without re-running', () => {
    const m = machine('x86_64', 'zero', 10_000);
    m.step(StepKind.Statement, 'codon', at(1), 'test');
    m.enterFrame('main', 'codon');
    const x = local(m, 'i', 8);
    for (let i = 0; i < 1000; i++) {
      m.step(StepKind.Statement, 'codon', at(2), 'test', [i]);
      m.storeInt(x.addr, 8, i, { intended: x.id, loc: at(2) });
      m.setRegInt('rax', i * 2);
    }
    const trace = m.finish('ok', 'zero');
    for (const step of [1, 5, 127, 128, 129, 500, 999, 1000]) {
      const s = stateAt(trace, step);
      expect(Number(s.readUint64(x.addr))).toBe(step - 1);
      expect(new DataView(s.register('rax').buffer).getUint32(0, true)).toBe((step - 1) * 2);
    }
  });

  it('is structured-clone safe', () => {
    const m = machine();
    m.step(StepKind.Statement, 'codon', at(1), 'test');
    m.print('1.5\n');
    const trace = m.finish('ok', 'zero');
    const copy = structuredClone(trace);
    expect(stateAt(copy, 0).stdout).toBe('1.5\n');
  });

  it('stops at the step budget', () => {
    const m = machine('x86_64', 'zero', 10);
    expect(
      run(m, () => {
        for (;;) m.step(StepKind.Statement, 'codon', at(1), 'test');
      }),
    ).toBe('step-limit');
    expect(m.stepCount).toBe(10);
  });
});
