/**
 * Which parts of a run's stdout are indeterminate: found by comparing the reference run's stdout
 * with a run whose invented bytes differ (src/sim/machine/garbage.ts), token by token. Also the
 * one reading of the marks every consumer shares: the pieces of stdout, and whether another
 * stdout (the real machine's) agrees with the marked one.
 */
import type { GarbageKind, IndeterminateSpan } from './types.ts';

/** Characters that separate printed values: whitespace and the punctuation lists, tuples and dicts print. */
const SEPARATOR = /[\s,;:=()[\]{}<>'"]/;

/** One piece of stdout: a token (a printed value) or a run of separators between tokens. */
interface Piece {
  token: boolean;
  start: number;
  end: number;
  text: string;
}

function pieces(s: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < s.length) {
    const token = !SEPARATOR.test(s[i] as string);
    let j = i + 1;
    while (j < s.length && !SEPARATOR.test(s[j] as string) === token) j++;
    out.push({ token, start: i, end: j, text: s.slice(i, j) });
    i = j;
  }
  return out;
}

/**
 * The spans of `reference` that `perturbed` (the same program with other invented bytes) prints
 * differently. Equal pieces at both ends are skipped; in between, when both runs printed the same
 * structure (the same separators, the same number of values), each differing value is a `value`
 * span; otherwise the whole differing middle is one `text` span (empty when only the perturbed run
 * printed something there).
 */
export function diffStdout(reference: string, perturbed: string): IndeterminateSpan[] {
  if (reference === perturbed) return [];
  const a = pieces(reference);
  const b = pieces(perturbed);
  let lo = 0;
  while (lo < a.length && lo < b.length && (a[lo] as Piece).text === (b[lo] as Piece).text) lo++;
  let hiA = a.length;
  let hiB = b.length;
  while (hiA > lo && hiB > lo && (a[hiA - 1] as Piece).text === (b[hiB - 1] as Piece).text) {
    hiA--;
    hiB--;
  }
  const midA = a.slice(lo, hiA);
  const midB = b.slice(lo, hiB);
  const sameShape =
    midA.length === midB.length &&
    midA.every((p, i) => {
      const q = midB[i] as Piece;
      return p.token === q.token && (p.token || p.text === q.text);
    });
  if (sameShape) {
    return midA
      .filter((p, i) => p.text !== (midB[i] as Piece).text)
      .map((p) => ({ kind: 'value', start: p.start, end: p.end, sources: [] }));
  }
  // A partial token at either end belongs to the span: its value is part of what differs.
  const start =
    midA.length > 0 ? (midA[0] as Piece).start : lo < a.length ? (a[lo] as Piece).start : reference.length;
  const end = midA.length > 0 ? (midA[midA.length - 1] as Piece).end : start;
  return [{ kind: 'text', start, end, sources: [] }];
}

/** True when two spans share a character (or an empty span sits inside or at the edge of the other). */
function overlaps(x: IndeterminateSpan, y: IndeterminateSpan): boolean {
  if (x.start === x.end || y.start === y.end) return x.start <= y.end && y.start <= x.end;
  return x.start < y.end && y.start < x.end;
}

/**
 * Marks `spans` (from a run perturbing every kind) with the kinds whose own perturbed run changed
 * them: `byKind` holds, for each kind, the spans of a run that perturbed that kind alone.
 */
export function attribute(
  spans: IndeterminateSpan[],
  byKind: ReadonlyMap<GarbageKind, IndeterminateSpan[]>,
): IndeterminateSpan[] {
  return spans.map((s) => ({
    ...s,
    sources: [...byKind].filter(([, own]) => own.some((o) => overlaps(o, s))).map(([k]) => k),
  }));
}

/** Stdout cut into determinate text and marked spans, in order (a consumer's one reading of the marks). */
export type StdoutPiece =
  { kind: 'text'; text: string } | { kind: 'indeterminate'; span: IndeterminateSpan; text: string };

/** The pieces of `stdout` (or of its first `upTo` characters: the output so far, in the player). */
export function stdoutPieces(
  stdout: string,
  spans: readonly IndeterminateSpan[] | undefined,
  upTo = stdout.length,
): StdoutPiece[] {
  const out: StdoutPiece[] = [];
  let at = 0;
  for (const s of spans ?? []) {
    // An empty span is a place where the real machine may print more; shown once reached.
    if (s.start > upTo || (s.start === upTo && s.end > s.start)) continue;
    if (s.start > at) out.push({ kind: 'text', text: stdout.slice(at, s.start) });
    const end = Math.min(s.end, upTo);
    out.push({ kind: 'indeterminate', span: s, text: stdout.slice(s.start, end) });
    at = end;
  }
  if (at < upTo) out.push({ kind: 'text', text: stdout.slice(at, upTo) });
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const VALUE = `[^\\s,;:=()[\\]{}<>'"]+`;

/**
 * Whether `other` (the real machine's stdout) agrees with `stdout` and its marks: every byte outside
 * the marks exactly, a `value` span with any one value there, a `text` span with any text.
 */
export function matchesMarked(
  stdout: string,
  spans: readonly IndeterminateSpan[] | undefined,
  other: string,
): boolean {
  if (spans === undefined || spans.length === 0) return stdout === other;
  let re = '^';
  let at = 0;
  for (const s of spans) {
    re += escape(stdout.slice(at, s.start)) + (s.kind === 'value' ? VALUE : '[\\s\\S]*?');
    at = s.end;
  }
  re += escape(stdout.slice(at)) + '$';
  return new RegExp(re).test(other);
}

/** Stdout with its marks shown inline, `«…»` around each span (for messages and diffs). */
export function showMarked(stdout: string, spans: readonly IndeterminateSpan[] | undefined): string {
  return stdoutPieces(stdout, spans)
    .map((p) => (p.kind === 'text' ? p.text : `«${p.text}»`))
    .join('');
}
