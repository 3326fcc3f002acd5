/**
 * Narration and finding messages are stored in traces as an id plus parameters, so the page can
 * show them in any language without re-running. This module turns them into text.
 */
import type { ObjectName } from '../trace/names.ts';
import type { CodeOrTerm } from '../trace/terms.ts';
import type { IndeterminateSpan, MessageRef } from '../trace/types.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

export type Locale = 'en' | 'zh';
export type Catalogue = Record<string, string>;

export const catalogues: Record<Locale, Catalogue> = { en, zh };

/** Fills `{0}`, `{1}`... in a template; unknown ids fall back to English, then to the id itself. */
export function formatMessage(ref: MessageRef, locale: Locale = 'en'): string {
  const template = catalogues[locale][ref.id] ?? en[ref.id] ?? ref.id;
  return template.replace(/\{(\d+)\}/g, (_, i: string) => {
    const p = ref.params[Number(i)];
    if (p === undefined) return '';
    // A name or one of the simulator's descriptions (trace/terms.ts) is itself a message; text is code.
    return typeof p === 'object' ? formatMessage(p as MessageRef, locale) : String(p);
  });
}

/** A type, label, placement or cell path (trace/terms.ts) in `locale`: code as written, a description translated. */
export function formatText(text: CodeOrTerm, locale: Locale = 'en'): string {
  return typeof text === 'string' ? text : formatMessage(text as MessageRef, locale);
}

/** An object's or region's name (src/sim/trace/names.ts) in `locale`; its name parameters too. */
export function formatName(name: ObjectName, locale: Locale = 'en'): string {
  return formatMessage(name as MessageRef, locale);
}

/**
 * What a learner reads about a span of stdout the simulator marks indeterminate: what the value
 * depends on, by the kinds of invented bytes it came from, and that the real machine may differ.
 */
export function indeterminateText(span: IndeterminateSpan, locale: Locale = 'en'): string {
  const clauses = (span.sources.length > 0 ? span.sources : ['unknown']).map((k) =>
    formatMessage({ id: `stdout.left.${k}`, params: [] }, locale),
  );
  const joined = clauses.join(formatMessage({ id: 'stdout.left.separator', params: [] }, locale));
  return formatMessage({ id: `stdout.indeterminate.${span.kind}`, params: [joined] }, locale);
}
