/**
 * Codon functions as code the C++ library can call (`cb.__raw__()` passed to C, called there
 * through a function pointer). Each Codon function has an entry address in the Codon program's
 * text; a C++ call through a pointer holding it lands here, with the arguments in the registers
 * the pointer's type put them in and the return address (into libfoo.so's text) on the stack. The
 * Codon function reads its parameters where its own LLVM signature says, pushes its frame above
 * the C++ caller's, runs, and leaves its result where that signature says; the C++ caller then
 * reads the result where *its* type says. Nothing reconciles the two, as in a `from C import`.
 */
import type { FunctionType } from '../../abi/ctype.ts';
import type { CodonType } from '../../codon/types.ts';
import { prune, wrapIntN } from '../../codon/types.ts';
import type { SourceLoc } from '../../trace/types.ts';
import { callbackViews, type CallbackViews } from '../callback.ts';
import type { CodonInterpreter } from '../codon-interp.ts';
import type { CodonEntries } from '../cpp-interp/indirect.ts';
import { Ref, type CodonValue } from '../codon-values.ts';
import type { Placement } from '../routes.ts';
import { callCodon } from './calls.ts';

/** Entries sit 32 bytes apart from 0x2000 into the program's text (below its read-only data at 0x4000). */
const ENTRY_BASE = 0x2000;
const ENTRY_STRIDE = 32;
const ENTRY_SLOTS = 256;

/** The address of the code of the Codon function `name` (what `name.__raw__()` gives). */
export function entryAddress(it: CodonInterpreter, name: string): number {
  const index = [...it.functions.keys()].indexOf(name);
  const start = it.p.m.regionOfKind('text', 'Codon').start;
  return start + ENTRY_BASE + (Math.max(index, 0) % ENTRY_SLOTS) * ENTRY_STRIDE;
}

/** The Codon side of callbacks, for the C++ interpreter's calls through function pointers. */
export class CodonCallbacks implements CodonEntries {
  private readonly views = new Map<string, CallbackViews>();

  constructor(private readonly it: CodonInterpreter) {}

  nameAt(addr: number): string | undefined {
    for (const name of this.it.functions.keys()) if (entryAddress(this.it, name) === addr) return name;
    return undefined;
  }

  callFromC(addr: number, ft: FunctionType, callerLoc: SourceLoc): void {
    const it = this.it;
    const m = it.p.m;
    const name = this.nameAt(addr) ?? '';
    const def = it.functions.get(name);
    if (def === undefined) return;
    const key = `${name}|${callerLoc.line}|${callerLoc.column}`;
    let v = this.views.get(key);
    if (v === undefined) {
      v = callbackViews(def, ft, m.target);
      this.views.set(key, v);
    }
    const related = [
      { side: 'cpp' as const, line: callerLoc.line, role: 'call through the function pointer' },
      { side: 'codon' as const, line: def.span.start.line, role: 'callback definition' },
    ];
    const params = [name, v.caller.signature, v.callee.signature, v.cmp.details.join('; ')];
    if (v.cmp.abiMismatch)
      m.finding('abi-mismatch', callerLoc, [], related, 'finding.callback-abi-mismatch', params);
    else if (v.cmp.typeMismatch)
      m.finding('type-mismatch', callerLoc, [], related, 'finding.callback-type-mismatch', params);
    const entrySp = m.sp();
    const args = def.params.map((p, i) => {
      const pl = v.callee.args[i];
      return pl === undefined ? null : this.read(pl, p.type ?? { kind: 'none' }, entrySp);
    });
    const value = callCodon(it, def, args, callerLoc, callerName(it, callerLoc));
    if (v.callee.result !== null) this.write(v.callee.result, def.returnType ?? { kind: 'none' }, value);
  }

  /** One parameter, read where the Codon function's LLVM signature says it arrives. */
  private read(pl: Placement, t: CodonType, entrySp: number): CodonValue {
    const m = this.it.p.m;
    const p = prune(t);
    const reg = pl.parts[0]?.reg;
    const bytes =
      reg !== undefined
        ? m.regs.getBytes(reg, pl.parts[0]?.regOffset ?? 0, 8)
        : m.loadBytes(entrySp + (m.target === 'x86_64' ? 8 : 0) + (pl.stackOffset ?? 0), 8, {
            intended: -1,
            loc: null,
            raw: true,
          });
    const dv = new DataView(bytes.buffer, bytes.byteOffset, 8);
    const word = dv.getInt32(4, true) * 2 ** 32 + dv.getUint32(0, true);
    switch (p.kind) {
      case 'float':
        return dv.getFloat64(0, true);
      case 'float32':
        return dv.getFloat32(0, true);
      case 'bool':
        return (bytes[0] ?? 0) !== 0;
      case 'byte':
        return bytes[0] ?? 0;
      case 'intn':
        return wrapIntN(word, p.bits, p.signed);
      case 'ptr': {
        const addr = dv.getUint32(0, true) + dv.getUint32(4, true) * 2 ** 32;
        return new Ref(
          addr,
          (reg !== undefined ? this.it.p.regProv.get(reg) : undefined) ?? m.objectAt(addr),
        );
      }
      default:
        return word;
    }
  }

  /** The result, left where the Codon function's LLVM signature returns it. */
  private write(pl: Placement, t: CodonType, v: CodonValue): void {
    const m = this.it.p.m;
    const reg = pl.parts[0]?.reg;
    if (reg === undefined) return;
    const p = prune(t);
    if (v instanceof Ref) {
      m.setRegInt(reg, v.addr);
      if (v.prov >= 0) this.it.p.regProv.set(reg, v.prov);
      else this.it.p.regProv.delete(reg);
      return;
    }
    this.it.p.regProv.delete(reg);
    if (p.kind === 'float') m.setRegF64(reg, Number(v));
    else if (p.kind === 'float32') {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setFloat32(0, Number(v), true);
      m.setRegBytes(reg, 0, b);
    } else if (typeof v === 'number' || typeof v === 'boolean') m.setRegInt(reg, Number(v));
  }
}

/** The C++ function that made the call (the frame below the return address). */
function callerName(it: CodonInterpreter, loc: SourceLoc): string {
  const m = it.p.m;
  return m.frames.nameOf(m.currentFrame) ?? `line ${loc.line}`;
}
