/**
 * Runs a checked Codon module on the machine, the way unoptimised LLVM code from Codon would:
 * every variable has its slot (module variables in the program's .data, function locals in their
 * frame), every read is a load and every assignment a store, lists are GC objects
 * `{len, arr: {len, ptr}}` with their buffer on the GC heap, and runtime calls (print, GC
 * allocation) leave the registers as such calls do.
 */
import type { CImport, ClassDef, Expr, FunctionDef, Module, Stmt } from '../codon/ast.ts';
import type { CodonType } from '../codon/types.ts';
import { typeName } from '../codon/types.ts';
import type { Span } from '../diag.ts';
import type { SourceLoc } from '../trace/types.ts';
import { cellsOfCodon, layoutOfCodon, type CodonValue } from './codon-values.ts';
import type { Flow } from './flow.ts';
import { LocationCache } from './locations.ts';
import type { Process } from './runtime.ts';
import { evaluate } from './codon-interp/expressions.ts';
import { SIDE, type Frame, type Slot } from './codon-interp/memory.ts';
import { exec, execBlock } from './codon-interp/statements.ts';
import { enterTopLevel, returnThroughSavedX30 } from './codon-interp/frames.ts';
import { ident } from '../trace/names.ts';

export type { Frame, Slot } from './codon-interp/memory.ts';

/** The C side, as the Codon program sees it through `from C import`. */
export interface ForeignCalls {
  /** The library's exported symbol names (what `dlsym` can find). */
  hasSymbol(symbol: string, library?: 'program' | 'system'): boolean;
  /** What the import's `dlsym` leaves in the caller-saved registers once it found `symbol`. */
  resolved(symbol: string): void;
  /** Calls the C function as the import declares it, returning what the caller reads back. */
  call(imp: CImport, args: { value: CodonValue; type: CodonType }[], loc: SourceLoc): CodonValue;
}

/**
 * The Codon side of the run: the program's state (globals, functions, imports, frames, caches)
 * and its entry points. The work is done by the handler tables in ./codon-interp/ (statements,
 * expressions, calls, lists, memory, display); the fields they share are public to them, not to
 * the rest of the simulator.
 */
export class CodonInterpreter {
  readonly globals = new Map<string, Slot>();
  readonly functions = new Map<string, FunctionDef>();
  readonly classes = new Map<string, ClassDef>();
  readonly imports = new Map<string, CImport>();
  /** String literals in the program's read-only data, by text. */
  readonly literals = new Map<string, number>();
  rodataTop: number;
  private globalsTop: number;
  /** The active frame (`main` at the top level). */
  frame: Frame | null = null;
  /** Codon call depth. */
  depth = 0;

  constructor(
    readonly p: Process,
    private readonly mod: Module,
    readonly ffi: ForeignCalls,
    private readonly source: string,
  ) {
    const text = p.m.regionOfKind('text', 'Codon');
    this.rodataTop = text.start + 0x4000;
    this.globalsTop = p.m.regionOfKind('static', 'Codon').start;
  }

  private readonly locs = new LocationCache(SIDE);

  /** The source location of a span. */
  loc(span: Span): SourceLoc {
    return this.locs.of(span);
  }

  /** Runs the module's top level as Codon's `main`. */
  run(): void {
    const m = this.p.m;
    // Module-level variables live in the program's .data, zero-initialised at load.
    const data = m.regionOfKind('static', 'Codon');
    for (const g of this.mod.globals ?? []) {
      const l = layoutOfCodon(g.type);
      const size = Math.max(l.size, 1);
      this.globalsTop = Math.ceil(this.globalsTop / Math.max(l.align, 1)) * Math.max(l.align, 1);
      const addr = this.globalsTop;
      if (addr + size > data.end) {
        // A real .data grows with the program; the simulated one has a fixed size.
        m.runtimeError(
          'SimulatorLimit',
          `module-level variables past ${(data.end - data.start) / 1024} KiB are not modelled by this simulator (the program's .data region is that size); keep fewer globals, or put the values in a list`,
          this.loc(g.span),
        );
      }
      this.globalsTop += size;
      const objectId = m.newObject({
        name: ident(g.name),
        typeName: typeName(g.type),
        role: 'global',
        side: SIDE,
        addr,
        size,
        cells: cellsOfCodon(g.type),
        loc: this.loc(g.span),
        initialized: true,
      });
      this.globals.set(g.name, { name: g.name, addr, type: g.type, objectId });
    }
    for (const s of this.mod.body) {
      if (s.kind === 'def') this.functions.set(s.name, s);
      else if (s.kind === 'class') {
        this.classes.set(s.name, s);
        for (const f of s.methods ?? []) this.functions.set(f.name, f);
      }
    }
    const frameId = m.enterFrame('main', SIDE);
    this.frame = { name: 'main', frameId, vars: new Map(), returnValue: null };
    // The top level's own frame (AArch64: saved x30 into the runtime's main, temporaries; frames.ts).
    const link = enterTopLevel(this, frameId, this.mod.body);
    this.execBlock(this.mod.body);
    returnThroughSavedX30(this, link);
  }

  // ------------------------------------------------------------------ the handler tables' entry points

  execBlock(body: Stmt[]): Flow {
    return execBlock(this, body);
  }

  exec(s: Stmt): Flow {
    return exec(this, s);
  }

  eval(e: Expr): CodonValue {
    return evaluate(this, e);
  }

  /** The source text of each expression, for narration. */
  private readonly texts = new Map<Span, string>();

  /** Narration parameters of a statement that never change (its source text), built once per statement. */
  readonly stmtParams = new Map<Stmt, [(string | number)[], (string | number)[]]>();

  /** The source text of an expression, for narration (cached). */
  text(e: Expr): string {
    let t = this.texts.get(e.span);
    if (t === undefined) {
      t = sourceText(this.source, e.span);
      this.texts.set(e.span, t);
    }
    return t;
  }
}

/** The text of a span in a source. */
export function sourceText(source: string, span: Span): string {
  const t = source.slice(span.start.offset, span.end.offset);
  return t.length > 60 ? t.slice(0, 57) + '...' : t;
}
