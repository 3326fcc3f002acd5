/**
 * The calling-convention entry points for both targets. The running machine and the
 * `sim abi` tool use these, so what the tool prints is what the machine does.
 */
import { classifyArgsA64, classifyReturnA64 } from './aarch64.ts';
import type { ArgLocation, CType, ReturnClassification, Target } from './ctype.ts';
import { typeStamp } from './layout.ts';
import { classifyArgsX86, classifyReturnX86 } from './x86_64.ts';

const returnCaches: Record<Target, WeakMap<object, { stamp: string; value: ReturnClassification }>> = {
  x86_64: new WeakMap(),
  aarch64: new WeakMap(),
};

/**
 * Where a function returning `t` leaves its result on `target` (C/C++ convention, as g++ 12
 * does it). Cached per type object and frozen: treat it as read-only.
 */
export function classifyReturn(t: CType, target: Target): ReturnClassification {
  const cache = returnCaches[target];
  const stamp = typeStamp(t);
  const hit = cache.get(t);
  if (hit && hit.stamp === stamp) return hit.value;
  const r = target === 'x86_64' ? classifyReturnX86(t) : classifyReturnA64(t);
  for (const p of r.parts) Object.freeze(p);
  Object.freeze(r.parts);
  if (r.eightbytes) Object.freeze(r.eightbytes);
  if (r.hfa) Object.freeze(r.hfa);
  const value = Object.freeze(r);
  cache.set(t, { stamp, value });
  return value;
}

/**
 * Where each parameter travels on `target`. `indirectResult` says the function returns
 * through a hidden pointer (on x86-64 it then takes `%rdi`; on AArch64 it is in `x8`).
 * Stack offsets are relative to the stack pointer at the call instruction.
 */
export function classifyArgs(
  params: CType[],
  target: Target,
  opts: { indirectResult: boolean },
): ArgLocation[] {
  return target === 'x86_64' ? classifyArgsX86(params, opts) : classifyArgsA64(params, opts);
}
