/**
 * The foreign-call builder: the innermost call in progress, what each side believes each register
 * carries, where they disagree, and what the callee wrote through a hidden result pointer.
 */
import { eventsOfKind, stepEvents, type MachineState } from '../trace/reader.ts';
import { objectList } from '../trace/tables.ts';
import type { BoundaryCall, Trace } from '../trace/types.ts';
import { formatText, type Locale } from '../messages/format.ts';
import { TermId, term, type CodeOrTerm } from '../trace/terms.ts';
import { hexAddr, u64Number } from './format.ts';
import { slotName } from './registers.ts';
import type { CallRegisterRow, CallRole, SceneCall, SceneObject, SceneRegister } from './types.ts';

function roleOf(r: { label: CodeOrTerm; typeName: string } | null, role: CallRole, locale: Locale) {
  return r === null
    ? { role: 'none' as CallRole, label: '', typeName: '' }
    : { role, label: formatText(r.label, locale), typeName: r.typeName };
}

/** The call in progress at `step`, as the call view shows it. */
export function sceneCall(
  trace: Trace,
  c: BoundaryCall,
  step: number,
  state: MachineState,
  registers: SceneRegister[],
  objects: SceneObject[],
  locale: Locale,
): SceneCall {
  const phase: SceneCall['phase'] = step === c.step ? 'call' : step === c.returnStep ? 'return' : 'callee';
  const callerOf = new Map<string, ReturnType<typeof roleOf>>();
  const calleeOf = new Map<string, ReturnType<typeof roleOf>>();
  const order: string[] = [];
  const note = (m: Map<string, ReturnType<typeof roleOf>>, reg: string, v: ReturnType<typeof roleOf>) => {
    const slot = slotName(trace, reg);
    if (!order.includes(slot)) order.push(slot);
    if (!m.has(slot)) m.set(slot, v);
  };
  c.callerArgs.forEach((a) => a.registers.forEach((r) => note(callerOf, r, roleOf(a, 'arg', locale))));
  if (c.callerResult !== null)
    c.callerResult.registers.forEach((r) => note(callerOf, r, roleOf(c.callerResult, 'result', locale)));
  if (c.hiddenPointer !== null) {
    note(calleeOf, c.hiddenPointer.reg, {
      role: 'hidden-pointer',
      label: formatText(c.calleeResult?.label ?? term(TermId.result), locale),
      typeName: c.calleeResult?.typeName ?? '',
    });
  }
  c.calleeArgs.forEach((a) => a.registers.forEach((r) => note(calleeOf, r, roleOf(a, 'arg', locale))));
  if (c.calleeResult !== null) {
    c.calleeResult.registers
      .filter((r) => c.hiddenPointer === null || slotName(trace, r) !== slotName(trace, c.hiddenPointer.reg))
      .forEach((r) => note(calleeOf, r, roleOf(c.calleeResult, 'result', locale)));
  }
  // x86-64 psABI: an sret callee also returns the hidden pointer in %rax.
  if (c.hiddenPointer !== null && trace.target === 'x86_64') {
    note(calleeOf, 'rax', {
      role: 'hidden-return',
      label: formatText(c.calleeResult?.label ?? term(TermId.result), locale),
      typeName: c.calleeResult?.typeName ?? '',
    });
  }
  const none = { role: 'none' as CallRole, label: '', typeName: '' };
  const rows: CallRegisterRow[] = order.map((reg) => {
    const caller = callerOf.get(reg) ?? none;
    const callee = calleeOf.get(reg) ?? none;
    const r = registers.find((x) => x.name === reg);
    const argIndex = (side: BoundaryCall['callerArgs'], label: string) =>
      side.findIndex((a) => formatText(a.label, locale) === label);
    let mismatch = caller.role !== callee.role;
    if (!mismatch && caller.role === 'arg') {
      mismatch = argIndex(c.callerArgs, caller.label) !== argIndex(c.calleeArgs, callee.label);
    }
    if (!mismatch && caller.role === callee.role && caller.role !== 'none') mismatch = false;
    return {
      register: reg,
      caller,
      callee,
      mismatch,
      value: r?.text ?? hexAddr(u64Number(state.register(reg))),
    };
  });
  let hidden: SceneCall['hidden'] = null;
  if (c.hiddenPointer !== null) {
    const hp = c.hiddenPointer.value;
    const view = objectList(trace.objects).find(
      (o) => o.role === 'result-view' && o.addr === hp && o.born >= c.step,
    );
    const size = view?.size ?? 0;
    // Distinct bytes of the slot written since the call (a later copy of the same bytes counts once).
    const covered = new Uint8Array(size);
    const since = { start: stepEvents(trace, c.step).start, end: state.eventEnd };
    for (const { addr: a, len } of eventsOfKind(trace, since, 'write')) {
      for (let x = Math.max(a, hp); x < Math.min(a + len, hp + size); x++) covered[x - hp] = 1;
    }
    const written = covered.reduce((n, b) => n + b, 0);
    const victims = objects
      .filter(
        (o) =>
          o.role !== 'result-view' &&
          o.role !== 'anonymous' &&
          o.addr < hp + Math.max(size, 8) &&
          hp < o.addr + o.size,
      )
      .map((o) => o.name);
    hidden = { reg: c.hiddenPointer.reg, value: hp, size, written, victims };
  }
  return { call: c, phase, rows, hidden };
}
