/**
 * The one error the ABI code throws: a type it cannot lay out or classify on a target
 * (an incomplete type, `__m128` on AArch64, a function or `void` used as an object...).
 * The message is a sentence a learner can read; callers turn it into a located diagnostic.
 */
export class AbiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AbiError';
  }
}

/** Runs `f`, turning an `AbiError` into `{ ok: false, message }` (other errors are bugs and propagate). */
export function tryAbi<T>(f: () => T): { ok: true; value: T } | { ok: false; message: string } {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof AbiError) return { ok: false, message: e.message };
    throw e;
  }
}
