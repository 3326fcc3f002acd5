/**
 * The decorators Codon 0.19 turns into attributes of a function, as the simulator models them
 * (exaloop/codon v0.19.6):
 * - `@export` (stdlib/internal/attributes.codon): typecheck/function.cpp sets `Attr::Export`, which
 *   forces the function to be realized (and refuses a generic one, FN_REALIZE_BUILTIN "builtin,
 *   exported and external functions cannot be generic"); cir/llvm/llvisitor.cpp then names it by
 *   its unmangled name (`getNameForFunction`) and gives it `ExternalLinkage` instead of
 *   `PrivateLinkage`. Its LLVM signature is the plain one of its Codon types, as for any function.
 * - `@pure` (stdlib/internal/core.codon): read only by Codon IR's side-effect analysis
 *   (cir/analyze/module/side_effect.cpp), which only the release pipeline registers
 *   (cir/transform/manager.cpp `registerStandardPasses`: `Init::DEBUG` adds none of the folding and
 *   dead-code passes). In the default (debug) build it changes nothing; with `-release` a call whose
 *   result is unused may be dropped.
 */
import { dt, type Span } from '../diag';

/** Codon's FN_REALIZE_BUILTIN (compiler/error.h), for an `@export` function with a generic parameter (a quoted text: messages/diag/codon-emsg.ts). */
export const EXPORT_GENERIC = dt('codon.emsg.export-generic');

/** What a function's decorators say, once parsed. */
export interface FunctionAttributes {
  /** `@export`: an external LLVM function under its own name, callable from C. */
  export: boolean;
  /** `@pure`: a hint for Codon's release-mode optimisations; no effect on the unoptimised build. */
  pure: boolean;
}

/** The decorators accepted on a `def` (besides `@C`, which makes it a C declaration). */
export const FUNCTION_ATTRIBUTES: ReadonlySet<string> = new Set(['export', 'pure']);

/** The attributes a list of (accepted or refused) decorators gives a function. */
export function functionAttributes(decorators: readonly { name: string; span: Span }[]): FunctionAttributes {
  return {
    export: decorators.some((d) => d.name === 'export'),
    pure: decorators.some((d) => d.name === 'pure'),
  };
}
