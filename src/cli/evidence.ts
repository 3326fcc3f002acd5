/**
 * What the differential runner (oracle/diff.ts) compares beyond the summary, read from a
 * recorded trace: the leftover registers as each foreign call's callee sees them, and where the
 * callee's hidden result pointer points (the region, and the object there, if any).
 * Additive to `sim run`'s JSON; the oracle prints the same shape for the real run.
 */
import { stateAt } from '../sim/trace/reader';
import { boundaryCallList, frameList, objectList } from '../sim/trace/tables';
import type { Trace } from '../sim/trace/types';
import { formatName } from '../sim/messages/format.ts';

export interface SimCallEvidence {
  index: number;
  symbol: string;
  registers: Record<string, string>;
  hiddenPointer: { addr: string; region: string; where: string; symbol: string | null } | null;
  /** Where the leftover register (x8 / %rdi) points at this call, whatever the callee takes. */
  leftover: { addr: string; region: string; where: string; symbol: string | null };
  /** Where the return address of the call points (on x86-64 at the frame record's entrySp, just pushed; in x30 on AArch64), when the callee was entered. */
  returnAddress: { addr: string; region: string; where: string; symbol: string | null } | null;
}

export interface SimEvidence {
  leftoverRegister: string;
  calls: SimCallEvidence[];
  /** The leftover register at the first foreign call: its value, region and the object there. */
  first: SimCallEvidence['hiddenPointer'];
}

const LEFTOVER_REGS = { x86_64: ['rdi', 'rax'], aarch64: ['x8', 'x0'] } as const;

function u64(bytes: Uint8Array): bigint {
  return new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
}

export function simEvidence(trace: Trace): SimEvidence {
  const regs = LEFTOVER_REGS[trace.target];
  const objects = objectList(trace.objects);
  const frames = frameList(trace.frames);
  // The calls through a library's handle: those the oracle's trampoline logs (a static import is
  // a linked call it does not see).
  const dlsymCalls = boundaryCallList(trace.boundaryCalls).filter((c) => c.linkage === 'dlsym');
  const calls = dlsymCalls.map((c, index): SimCallEvidence => {
    const st = stateAt(trace, c.step);
    const registers: Record<string, string> = {};
    for (const r of regs) registers[r] = '0x' + u64(st.register(r)).toString(16);
    const hiddenPointer = c.hiddenPointer ? name(c.hiddenPointer.value, c.step) : null;
    // The callee's frame: the first C++ frame entered after the call step (the trace's
    // FrameRecord.boundaryCallId is not filled in today).
    const frame = frames.find(
      (f) => f.side === 'cpp' && f.enterStep > c.step && (c.returnStep < 0 || f.enterStep <= c.returnStep),
    );
    let returnAddress: SimCallEvidence['returnAddress'] = null;
    if (frame) {
      const at = stateAt(trace, frame.enterStep);
      const ra = trace.target === 'x86_64' ? at.readUint64(frame.entrySp) : u64(at.register('x30'));
      returnAddress = name(Number(ra), frame.enterStep);
    }
    const leftover = name(Number(BigInt(registers[regs[0]] ?? '0')), c.step);
    return { index, symbol: c.symbol, registers, hiddenPointer, returnAddress, leftover };
  });
  function name(a: number, step: number): NonNullable<SimCallEvidence['hiddenPointer']> {
    const region = trace.regions.find((g) => a >= g.start && a < g.end);
    const obj = objects.find(
      (o) => a >= o.addr && a < o.addr + o.size && o.born <= step && (o.died === -1 || o.died > step),
    );
    return {
      addr: '0x' + a.toString(16),
      region: region?.kind ?? 'unmapped',
      where: region === undefined ? 'unmapped' : formatName(region.name),
      symbol: obj === undefined ? null : formatName(obj.name),
    };
  }
  const c0 = dlsymCalls[0];
  const first = c0 ? name(Number(BigInt(calls[0]?.registers[regs[0]] ?? '0')), c0.step) : null;
  return { leftoverRegister: regs[0], calls, first };
}
