// Builds the `code=` parameter of a share link the way the page does, for tests that forge links.
import { encodeCode } from '../src/app/url/link.ts';

export function linkCodeParam(code: { cpp: string; codon: string }): string {
  return `code=${encodeCode(code)}`;
}
