/**
 * The oracle's lowering of Codon's callback constructs, as Codon 0.19 lowers them
 * (exaloop/codon v0.19.6, codon/cir/llvm/llvisitor.cpp):
 * - an `@export` function keeps its unmangled name and `ExternalLinkage` (`getNameForFunction`,
 *   `visit(BodiedFunc)`); any other function is private under a mangled name (here `@codon.<name>`);
 *   both have the plain LLVM signature of their Codon types and LLVM's default C convention;
 * - `f.__raw__()` is the function itself as a `ptr` (function.codon: `ret ptr %self`).
 * `@pure` has no effect here: only the release pipeline's side-effect analysis reads it.
 */
import type { FunctionDef } from '../src/sim/codon/ast';

/** The LLVM symbol of a Codon function. */
export function functionSymbol(d: FunctionDef): string {
  return d.attributes?.export === true ? `@${d.name}` : `@codon.${d.name}`;
}

/** The linkage keyword of its definition. */
export function functionLinkage(d: FunctionDef): string {
  return d.attributes?.export === true ? '' : 'internal ';
}
