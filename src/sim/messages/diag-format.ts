/**
 * Renders a diagnostic's text (src/sim/diag.ts `DiagText`) in a language. The catalogues are in
 * ./diag: one English and one Chinese module per front-end file, merged in ./diag/index.ts.
 *
 * Scope (issue 15): the compilers' own error texts are quotations of the real tools (Codon's `Emsg`
 * texts from codon/compiler/error.h, ids `codon.emsg.*`; g++'s texts, ids `gpp.*`). In Chinese they
 * show a Chinese rendering followed by the original English text, so a learner who later runs the
 * real compiler recognises its message. The project's own texts ("... is not modelled by this
 * simulator", refusals, learner hints) are translated whole.
 */
import type { DiagText } from '../diag.ts';
import { diagCatalogues } from './diag/index.ts';

type Locale = 'en' | 'zh';

/** Where a quoted compiler text comes from, by id prefix (null: the project's own text). */
export function quotedTool(id: string): string | null {
  if (id.startsWith('codon.emsg.')) return 'Codon';
  if (id.startsWith('gpp.')) return 'g++';
  return null;
}

/** Fills `{0}`, `{1}`... of the text's template; unknown ids fall back to English, then to the id. */
export function formatDiag(t: DiagText, locale: Locale = 'en'): string {
  const en = diagCatalogues.en;
  const template = diagCatalogues[locale][t.id] ?? en[t.id] ?? t.id;
  const text = template.replace(/\{(\d+)\}/g, (_, i: string) => {
    if (Number(i) >= t.params.length) return '';
    const p = t.params[Number(i)];
    return typeof p === 'object' ? formatDiag(p, locale) : String(p);
  });
  if (locale === 'en') return text;
  const tool = quotedTool(t.id);
  return tool === null ? text : `${text}（${tool} 原文：${formatDiag(t, 'en')}）`;
}
