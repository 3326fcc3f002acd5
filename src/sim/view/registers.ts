/** The registers builder: which registers the diagram shows, and their values at a step. */
import { registerInfos } from '../machine/registers.ts';
import { formatText, type Locale } from '../messages/format.ts';
import { TermId, term } from '../trace/terms.ts';
import { eventCount, findEvent, type MachineState } from '../trace/reader.ts';
import { boundaryCallList } from '../trace/tables.ts';
import type { BoundaryCall, Trace } from '../trace/types.ts';
import type { StepEventInfo } from './events.ts';
import { formatCell, hexAddr, hexBytes, u64Number } from './format.ts';
import type { SceneRegister } from './types.ts';

const shownCache = new WeakMap<Trace, string[]>();

/** The registers the diagram shows, the same at every step of a run so nothing jumps. */
export function shownRegisters(trace: Trace): string[] {
  let shown = shownCache.get(trace);
  if (shown === undefined) {
    shown = computeShown(trace);
    shownCache.set(trace, shown);
  }
  return shown;
}

function computeShown(trace: Trace): string[] {
  const names = trace.registerNames;
  const base =
    trace.target === 'x86_64'
      ? ['rax', 'rdi', 'rsi', 'rdx', 'rsp', 'xmm0', 'xmm1']
      : ['x0', 'x1', 'x8', 'sp', 'v0', 'v1', 'v2', 'v3'];
  const wanted = new Set(base);
  for (const c of boundaryCallList(trace.boundaryCalls))
    for (const r of callRegisters(c)) wanted.add(slotName(trace, r));
  // x87 slots only when the run used the x87 stack (an LLVM {double x4} return).
  const st0 = names.indexOf('st0');
  if (st0 >= 0 && findEvent(trace, { start: 0, end: eventCount(trace) }, 'reg', (e) => e.register === st0)) {
    wanted.add('st0');
    wanted.add('st1');
  }
  return names.filter((n) => wanted.has(n));
}

/** The register slot a convention's name uses: `d2` and `s2` are `v2` on AArch64. */
export function slotName(trace: Trace, reg: string): string {
  if (trace.registerNames.includes(reg)) return reg;
  const m = /^[dsqbh](\d+)$/.exec(reg);
  if (m !== null && trace.target === 'aarch64') return `v${m[1]}`;
  const w = /^w(\d+)$/.exec(reg);
  if (w !== null) return `x${w[1]}`;
  return reg;
}

/** Every register either side of a foreign call names (arguments, result, hidden pointer). */
export function callRegisters(c: BoundaryCall): string[] {
  const out: string[] = [];
  for (const r of [...c.callerArgs, c.callerResult, ...c.calleeArgs, c.calleeResult]) {
    if (r !== null) out.push(...r.registers);
  }
  if (c.hiddenPointer !== null) out.push(c.hiddenPointer.reg);
  return out;
}

/** The shown registers' values at a step; `call` is the foreign call in progress, if any. */
export function buildRegisters(
  trace: Trace,
  state: MachineState,
  info: StepEventInfo,
  call: BoundaryCall | null,
  locale: Locale,
): SceneRegister[] {
  const callRegs = new Set(call === null ? [] : callRegisters(call).map((r) => slotName(trace, r)));
  const infos = registerInfos(trace.target);
  const x87depth = state.register('x87depth')[0] ?? 0;
  return shownRegisters(trace).map((name) => {
    const idx = trace.registerNames.indexOf(name);
    const info0 = infos.find((x) => x.name === name);
    const kind = info0?.kind ?? 'gp';
    const bytes = state.register(name);
    let text: string;
    let value: number | null = null;
    if (kind === 'vec') {
      const lo = formatCell('float', bytes.subarray(0, 8));
      const hiBytes = bytes.subarray(8, 16);
      text = hiBytes.some((b) => b !== 0) ? `${lo} | ${formatCell('float', hiBytes)}` : lo;
    } else if (kind === 'x87') {
      const i = Number(name.slice(2));
      text =
        i < x87depth ? formatCell('float', bytes.subarray(0, 8)) : formatText(term(TermId.x87Empty), locale);
    } else {
      value = u64Number(bytes);
      text = hexAddr(value);
    }
    const label = trace.target === 'aarch64' && kind === 'vec' ? `d${name.slice(1)}` : name;
    return {
      name,
      label,
      kind,
      role: info0 === undefined ? '' : formatText(info0.role, locale),
      value,
      text,
      hex: hexBytes(kind === 'vec' ? bytes : bytes.subarray(0, 8)),
      written: info.regs.has(idx),
      inCall: callRegs.has(name),
    };
  });
}

/** The stack pointer's value among the registers (0 when the run shows none). */
export function stackPointer(registers: SceneRegister[]): number {
  return registers.find((r) => r.kind === 'sp')?.value ?? 0;
}
