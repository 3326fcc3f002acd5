/**
 * How wide a label is drawn, without a DOM: the layout is pure (unit-tested in Node), so it estimates.
 * The estimate errs wide, so a label given room by it fits: Latin letters, digits and punctuation at
 * 0.62 em (the monospace face's advance is 0.6 em; the sans face's average is narrower), CJK and other
 * full-width characters at 1 em (both faces fall back to a CJK face whose glyphs are square).
 */

/** Full-width characters: CJK ideographs and punctuation, kana, Hangul, full-width forms. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** The advance of one character at `px`. */
function advance(ch: string, px: number): number {
  return WIDE.test(ch) ? px : px * 0.62;
}

/** The estimated drawn width of `text` at font size `px`. */
export function textWidth(text: string, px: number): number {
  let w = 0;
  for (const ch of text) w += advance(ch, px);
  return Math.ceil(w);
}

/** `text` shortened with an ellipsis to at most `width` at `px` (unchanged when it fits). */
export function clipToWidth(text: string, width: number, px: number): string {
  if (textWidth(text, px) <= width) return text;
  const room = width - advance('…', px);
  let w = 0;
  let out = '';
  for (const ch of text) {
    w += advance(ch, px);
    if (w > room) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** Words into lines no wider than `width` at `px` (a word longer than a line gets a line of its own). */
export function wrapToWidth(text: string, width: number, px: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Chinese has no spaces: it may break between any two characters.
  const words = text.split(/(?<=\s)|(?<=[\u3000-\u9fff\uff00-\uffef])(?=[\u3000-\u9fff\uff00-\uffef])/u);
  for (const word of words) {
    const next = line + word;
    if (line !== '' && textWidth(next.trimEnd(), px) > width) {
      lines.push(line.trimEnd());
      line = word.trimStart();
    } else line = next;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}
