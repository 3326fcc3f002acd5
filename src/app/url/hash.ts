// The part of an address after `#` names a heading on the page. A reader may type or paste anything
// there (`#%E0%A4%A` is a broken escape): reading it never throws.

/** The heading id a hash names (`#x`, or `x` without the `#`), or null when its escapes are broken. */
export function headingOfHash(hash: string): string | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw === '') return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** Scrolls to the heading a hash names, if the page has it; a broken hash scrolls nowhere. */
export function scrollToHash(hash: string, doc: Pick<Document, 'getElementById'>): void {
  const id = headingOfHash(hash);
  if (id !== null) doc.getElementById(id)?.scrollIntoView();
}
