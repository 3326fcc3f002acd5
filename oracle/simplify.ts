/**
 * The simplifications list (`simplifications.json`, one entry per rule, each written up in
 * docs/SIMULATOR.md#simplifications) and the matchers the generated-program tally applies to a
 * disagreement: a disagreement is *listed* when a rule explains it, else it fails the run.
 *
 * A rule never names a program. It says which fields it may explain and, through a typed matcher,
 * when: stdout rules explain a stdout disagreement token by token (every differing word of the two
 * outputs must be explained by some listed rule, so one unexplained value still fails), the others
 * explain the whole field. Lesson programs never use this list (their outcome and stdout may not be
 * listed: issue 14 section 2).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Disagreement } from './compare';
import type { Target } from './toolchain';

/** What a matcher may look at: the two source files, the target, and the simulator's findings. */
export interface MatchContext {
  cpp: string;
  codon: string;
  target: Target;
  simFindings: string[];
}

export type Matcher =
  /** Integers that agree in the low bits of the callee's narrow integer return type (of these widths, per target). */
  | { kind: 'narrow-int-result'; widths: Record<Target, number[]> }
  /** A 64-bit integer beyond 2^53 in the run: the oracle's value, rounded to a double, is the simulator's. */
  | { kind: 'int64-precision' }
  /** Both values are user-space addresses: the simulator's address plan is not the real one. */
  | { kind: 'printed-address' }
  /** AArch64: a C++ local array overflowed up into the Codon caller's frame, whose slots llc chose. */
  | { kind: 'codon-frame-slots'; fields: string[] };

export interface Simplification {
  rule: string;
  /** The anchor of its entry in docs/SIMULATOR.md's Simplifications section. */
  doc: string;
  matcher: Matcher;
}

const HERE = dirname(fileURLToPath(import.meta.url));

export function loadSimplifications(path = join(HERE, 'simplifications.json')): Simplification[] {
  return JSON.parse(readFileSync(path, 'utf8')) as Simplification[];
}

const NARROW: Record<string, number> = {
  char: 8,
  'signed char': 8,
  'unsigned char': 8,
  int8_t: 8,
  uint8_t: 8,
  short: 16,
  'unsigned short': 16,
  int16_t: 16,
  uint16_t: 16,
  int: 32,
  unsigned: 32,
  'unsigned int': 32,
  int32_t: 32,
  uint32_t: 32,
};
const UNSIGNED64 = /\b(unsigned long long|unsigned long|uint64_t|size_t)\s+\w+\s*[,)]/;

/** The return types of the library's function definitions (`T name(params) {`), by name. */
export function definitions(cpp: string): { ret: string; name: string; params: string }[] {
  const out: { ret: string; name: string; params: string }[] = [];
  // `extern "C"` may lead the line (a one-line definition outside an `extern "C" {` block).
  for (const m of cpp.matchAll(/^(?:extern\s+"C"\s+)?([A-Za-z_][\w:<>, ]*?)\s+\**(\w+)\s*\(([^)]*)\)\s*\{/gm))
    out.push({ ret: (m[1] as string).trim(), name: m[2] as string, params: m[3] as string });
  return out;
}

const INT = /^-?\d+$/;
const TWO53 = 2n ** 53n;
const isInt = (t: string) => INT.test(t);

type TokenRule = (ctx: MatchContext, oracle: string, sim: string) => boolean;
type FieldRule = (ctx: MatchContext, d: Disagreement) => boolean;

/** Per matcher kind: how it explains one differing stdout word, or a whole field. */
const TOKEN_RULES: { [K in Matcher['kind']]?: (m: Extract<Matcher, { kind: K }>) => TokenRule } = {
  'narrow-int-result': (m) => (ctx, o, s) => {
    if (!isInt(o) || !isInt(s)) return false;
    return definitions(ctx.cpp).some((d) => {
      const w = NARROW[d.ret];
      return (
        w !== undefined &&
        m.widths[ctx.target].includes(w) &&
        (BigInt(o) - BigInt(s)) % (1n << BigInt(w)) === 0n
      );
    });
  },
  'int64-precision': () => (ctx, o, s) => {
    if (!isInt(o) || !isInt(s)) return false;
    const big = BigInt(o);
    if ((big < 0n ? -big : big) > TWO53 && Number(o) === Number(s)) return true;
    // A negative Codon int passed to an unsigned 64-bit parameter is 2^64 - k: the simulator's
    // arithmetic on it (a JS number) has lost its low bits before anything is printed.
    if (definitions(ctx.cpp).some((d) => UNSIGNED64.test(d.params + ')')) && /\w\(-\d/.test(ctx.codon))
      return true;
    // Codon's `u64(-k)` is 2^64 - k, which a JS number has already rounded to 2^64 (low bits 0).
    return /\bu64\(-\d/.test(ctx.codon);
  },
  'printed-address': () => (_ctx, o, s) => {
    if (!isInt(o) || !isInt(s)) return false;
    const inPlan = (t: string) => BigInt(t) >= 2n ** 32n && BigInt(t) < 2n ** 48n;
    return inPlan(o) && inPlan(s);
  },
};

const FIELD_RULES: { [K in Matcher['kind']]?: (m: Extract<Matcher, { kind: K }>) => FieldRule } = {
  'codon-frame-slots': (m) => (ctx, d) =>
    ctx.target === 'aarch64' &&
    m.fields.includes(d.field) &&
    ctx.simFindings.includes('stray-write') &&
    LOCAL_ARRAY.test(ctx.cpp),
};

/** A local array declared in a function body (indented): `char buf[8];`, `long a[4];`. */
const LOCAL_ARRAY = /^[ \t]+(?:[\w:<>]+[ \t]+)+\w+\[\d+\]\s*;/m;

function tokenRule(m: Matcher): TokenRule | null {
  const make = TOKEN_RULES[m.kind] as ((m: Matcher) => TokenRule) | undefined;
  return make ? make(m) : null;
}

function fieldRule(m: Matcher): FieldRule | null {
  const make = FIELD_RULES[m.kind] as ((m: Matcher) => FieldRule) | undefined;
  return make ? make(m) : null;
}

/** The words of a printed stdout (JSON-quoted as compare.ts shows it), line by line. */
function words(shown: string): string[][] {
  let text: string;
  try {
    text = JSON.parse(shown) as string;
  } catch {
    return [];
  }
  return text.split('\n').map((l) => l.split(' '));
}

/**
 * The rules that explain a disagreement, or null when it is not listed. A stdout disagreement
 * needs the same lines and words on both sides, and every differing word explained.
 */
export function explain(list: Simplification[], ctx: MatchContext, d: Disagreement): string[] | null {
  for (const s of list) {
    const f = fieldRule(s.matcher);
    if (f !== null && f(ctx, d)) return [s.rule];
  }
  if (d.field !== 'stdout') return null;
  const o = words(d.oracle);
  const sm = words(d.sim);
  if (o.length === 0 || o.length !== sm.length) return null;
  const used = new Set<string>();
  for (let l = 0; l < o.length; l++) {
    const ol = o[l] as string[];
    const sl = sm[l] as string[];
    if (ol.length !== sl.length) return null;
    for (let w = 0; w < ol.length; w++) {
      const ow = ol[w] as string;
      const sw = sl[w] as string;
      if (ow === sw) continue;
      // A word the simulator marks indeterminate (compare.ts shows it «so») matches any real word:
      // that is not a simplification, it is the marks doing their work.
      if (sw.length > 2 && sw.startsWith('«') && sw.endsWith('»') && !sw.slice(1, -1).includes('»')) continue;
      const rule = list.find((s) => tokenRule(s.matcher)?.(ctx, ow, sw) === true);
      if (rule === undefined) return null;
      used.add(rule.rule);
    }
  }
  return used.size === 0 ? null : [...used];
}
