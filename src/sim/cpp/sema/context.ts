/**
 * The state of the semantic pass over one file: the unit being built, the current scope and
 * function, and the diagnostics sink.
 */
import { dt } from '../../diag';
import type { CType, PointerType, RecordDecl, RecordType } from '../../abi/ctype';
import type { Msg, Span } from '../../diag';
import type { EnumInfo, FunctionDecl, RecordInfo, Stmt, TranslationUnit, VarDecl } from '../ast';
import { CONVERSION_FUNCTION, type DiagSink } from '../diagnostics';
import type { IncludeDirective } from '../lexer';
import { LIBC_NAMES } from './libc-names';
import { BlockScope, NamespaceScope, type ClassScope, type Scope } from './scope';

/** What the pass knows about the function whose body it is checking. */
export interface FunctionState {
  decl: FunctionDecl;
  returnType: CType;
  /**
   * Every `return` seen, with the local it returns by name when it does (for NRVO), and the
   * statement made for it (rewritten once NRVO is known to apply).
   */
  returns: { span: Span; variable: VarDecl | null; stmt?: Extract<Stmt, { kind: 'return' }> }[];
  /** Member functions: the class and `this`'s type. */
  record: RecordInfo | null;
  thisType: PointerType | null;
  /** Nesting of loops, for `break`/`continue`. */
  loopDepth: number;
}

export class Sema {
  readonly global: NamespaceScope;
  scope: Scope;
  fn: FunctionState | null = null;
  /** The scope of each class declared in the file (member lookup, bases included). */
  readonly classScopes = new Map<RecordDecl, ClassScope>();
  /** libstdc++ records built so far, by kind and arguments (see cachedStdType). */
  readonly stdTypes = new Map<string, RecordType>();
  /** The scope holding each enum's enumerators (for `E::A`). */
  readonly enumScopes = new Map<EnumInfo, Scope>();
  private ids = 1;
  /** How deeply the expression being checked is nested (checkExpr stops past a limit). */
  exprDepth = 0;
  /** How deeply template instantiations are nested (each may instantiate others). */
  templateDepth = 0;
  /** How deeply the statement being checked is nested (checkStmt stops past a limit). */
  stmtDepth = 0;

  /** Library names already reported as used without their header (each is reported once). */
  readonly missingHeaders = new Set<string>();

  constructor(
    readonly diags: DiagSink,
    readonly unit: TranslationUnit,
    /** The `#include` lines seen so far (the lexer appends to this array as it reads on). */
    readonly includes: readonly IncludeDirective[] = [],
  ) {
    this.global = new NamespaceScope(null, '', []);
    this.scope = this.global;
  }

  nextId(): number {
    return this.ids++;
  }

  error(span: Span, message: Msg): void {
    this.diags.error(span, message);
  }

  warning(span: Span, message: Msg): void {
    this.diags.warning(span, message);
  }

  /**
   * A class object that does not convert to a scalar. After a refused conversion function
   * (`operator bool`) that is part of the refusal, already reported, not the learner's error.
   */
  cannotConvertRecord(span: Span, from: CType, message: Msg): void {
    if (from.kind === 'record' && this.diags.refusedNames.has(CONVERSION_FUNCTION)) {
      this.diags.refusals++;
      return;
    }
    this.error(span, message);
  }

  /**
   * A name that lookup did not find. A C library function g++ knows is "not modelled", not unknown;
   * a name written in a refused construct (which may have declared it) is already reported.
   */
  unknownName(span: Span, text: string): void {
    const last = text.split('::').pop() ?? text;
    if (this.diags.refusedNames.has(last)) return;
    if (LIBC_NAMES.has(last) && (!text.includes('::') || text === `std::${last}`)) {
      this.diags.unsupported(span, dt('cpp.sema.context.the-library-function', text));
      return;
    }
    this.error(span, dt('cpp.sema.context.unknown-name', text));
  }

  /** Runs `f` with `scope` as the current scope. */
  inScope<T>(scope: Scope, f: () => T): T {
    const saved = this.scope;
    this.scope = scope;
    try {
      return f();
    } finally {
      this.scope = saved;
    }
  }

  /** Runs `f` in a new block scope; returns its result and the block's variables. */
  inBlock<T>(f: (block: BlockScope) => T): T {
    const block = new BlockScope('block', this.scope);
    return this.inScope(block, () => f(block));
  }
}
