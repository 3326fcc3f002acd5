// The handout of a lesson has its own address: the lesson's, with `#handout` (or `print=handout` in the
// query string, for links written by hand), so it can be opened, tested, shared and reached with Back and
// Forward. The button writes the hash: the page keeps the hash when it rewrites the query string to follow
// the player, so the mark survives.

/** The hash that asks for the handout. */
export const HANDOUT_HASH = '#handout';

/** True when the address (its query string and hash) asks for the handout. */
export function isHandoutAddress(search: string, hash: string): boolean {
  return hash === HANDOUT_HASH || new URLSearchParams(search).get('print') === 'handout';
}

/** The relative address of the lesson with the handout asked for (`on`) or not; other parameters are kept. */
export function handoutAddress(search: string, hash: string, on: boolean): string {
  const params = new URLSearchParams(search);
  params.delete('print');
  const query = params.toString();
  const rest = hash === HANDOUT_HASH ? '' : hash;
  return `?${query}${on ? HANDOUT_HASH : rest}`;
}
