// The page's URL names what the learner sees: lesson, program, step, target, leftover setting and any
// edited code (compressed), so a link reopens exactly what the sender saw. The format carries a version;
// every version ever published keeps a decoder here, so old links keep working.
import { strFromU8, strToU8, unzlibSync, zlibSync } from 'fflate';
import type { Leftover } from '../../sim/machine/machine';
import type { Target } from '../../sim/abi/ctype';

/** The version written into new links. */
export const LINK_VERSION = 1;

/** The longest `code` parameter a link may carry (characters of base64url; a lesson's two programs take under 1,000). */
export const MAX_CODE_PARAM = 6_000;
/** The longest program (characters) a link may expand to: protects against a compression bomb. */
export const MAX_PROGRAM_CHARS = 60_000;
/** The longest query string we read at all (many servers refuse request lines past 8 KB). */
export const MAX_QUERY_CHARS = 7_500;

export const TARGETS: readonly Target[] = ['x86_64', 'aarch64'];
export const LEFTOVER_SETTINGS: readonly Leftover[] = ['zero', 'runtime-data', 'gc-object', 'stale-stack'];

/** The two programs as carried by a link. */
export interface LinkCode {
  cpp: string;
  codon: string;
}

/** Everything a link can say. Absent fields mean "the default". */
export interface LinkState {
  /** A lesson id (`02-the-bug`), or absent for a page or the course index. */
  lesson?: string;
  /** A course page (`glossary`, `start`); ignored when `lesson` is set. */
  page?: string;
  program?: string;
  step?: number;
  target?: Target;
  leftover?: Leftover;
  code?: LinkCode;
  locale?: 'en' | 'zh';
}

/** Why (part of) a link could not be used. The rest of the link still applies. */
export type LinkProblem =
  | { kind: 'too-long' }
  | { kind: 'malformed-code' }
  | { kind: 'newer-version'; version: string }
  | { kind: 'bad-value'; param: string };

export interface DecodedLink {
  state: LinkState;
  problems: LinkProblem[];
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Reads a query string (`?v=1&lesson=...`, with or without the `?`). Never throws. */
export function decodeLink(search: string): DecodedLink {
  const problems: LinkProblem[] = [];
  if (search.length > MAX_QUERY_CHARS) {
    // Keep what is cheap and safe to read (the lesson and program), drop the rest.
    const head = new URLSearchParams(search.slice(0, 512));
    problems.push({ kind: 'too-long' });
    const state: LinkState = {};
    const lesson = head.get('lesson');
    if (lesson && ID.test(lesson)) state.lesson = lesson;
    return { state, problems };
  }
  const params = new URLSearchParams(search);
  const version = params.get('v') ?? '1';
  // A Map: `?v=constructor` must find nothing, not Object's own properties.
  const decoder = DECODERS.get(version);
  if (!decoder) {
    problems.push({ kind: 'newer-version', version: version.slice(0, 16) });
    // A newer link's lesson is still worth opening; everything else may mean something else now.
    const state: LinkState = {};
    const lesson = params.get('lesson');
    if (lesson && ID.test(lesson)) state.lesson = lesson;
    return { state, problems };
  }
  return decoder(params, problems);
}

type Decoder = (params: URLSearchParams, problems: LinkProblem[]) => DecodedLink;

/** Version 1: plain parameters, `code` is base64url(zlib(JSON {cpp, codon})). */
function decodeV1(params: URLSearchParams, problems: LinkProblem[]): DecodedLink {
  const state: LinkState = {};
  const id = (name: 'lesson' | 'page' | 'program'): void => {
    const value = params.get(name);
    if (value === null) return;
    if (ID.test(value)) state[name] = value;
    else problems.push({ kind: 'bad-value', param: name });
  };
  id('lesson');
  id('page');
  id('program');
  const step = params.get('step');
  if (step !== null) {
    if (/^\d{1,9}$/.test(step)) state.step = Number(step);
    else problems.push({ kind: 'bad-value', param: 'step' });
  }
  const target = params.get('target');
  if (target !== null) {
    if ((TARGETS as readonly string[]).includes(target)) state.target = target as Target;
    else problems.push({ kind: 'bad-value', param: 'target' });
  }
  const leftover = params.get('leftover');
  if (leftover !== null) {
    if ((LEFTOVER_SETTINGS as readonly string[]).includes(leftover)) state.leftover = leftover as Leftover;
    else problems.push({ kind: 'bad-value', param: 'leftover' });
  }
  const locale = params.get('lang');
  if (locale !== null) {
    if (locale === 'en' || locale === 'zh') state.locale = locale;
    else problems.push({ kind: 'bad-value', param: 'lang' });
  }
  const code = params.get('code');
  if (code !== null) {
    const decoded = decodeCode(code);
    if (decoded.ok) state.code = decoded.code;
    else problems.push({ kind: decoded.problem });
  }
  return { state, problems };
}

const DECODERS: ReadonlyMap<string, Decoder> = new Map([['1', decodeV1]]);

/** Writes a query string (with the leading `?`, or '' when there is nothing to say). */
export function encodeLink(state: LinkState): string {
  const params = new URLSearchParams();
  params.set('v', String(LINK_VERSION));
  if (state.lesson) params.set('lesson', state.lesson);
  else if (state.page) params.set('page', state.page);
  if (state.program) params.set('program', state.program);
  if (state.step !== undefined) params.set('step', String(state.step));
  if (state.target) params.set('target', state.target);
  if (state.leftover) params.set('leftover', state.leftover);
  if (state.locale) params.set('lang', state.locale);
  if (state.code) params.set('code', encodeCode(state.code));
  return `?${params.toString()}`;
}

/** True when the code fits in a link (else the page keeps it in local storage only). */
export function codeFitsInLink(code: LinkCode): boolean {
  return (
    code.cpp.length <= MAX_PROGRAM_CHARS &&
    code.codon.length <= MAX_PROGRAM_CHARS &&
    encodeCode(code).length <= MAX_CODE_PARAM
  );
}

/** base64url(zlib(JSON)) of both programs. */
export function encodeCode(code: LinkCode): string {
  const json = JSON.stringify({ cpp: code.cpp, codon: code.codon });
  return toBase64Url(zlibSync(strToU8(json), { level: 9 }));
}

type CodeResult = { ok: true; code: LinkCode } | { ok: false; problem: 'too-long' | 'malformed-code' };

/** The inverse of `encodeCode`, refusing anything over the limits. Never throws. */
export function decodeCode(text: string): CodeResult {
  if (text.length > MAX_CODE_PARAM) return { ok: false, problem: 'too-long' };
  const bytes = fromBase64Url(text);
  if (!bytes || bytes.length < 6) return { ok: false, problem: 'malformed-code' };
  // JSON of two programs of MAX_PROGRAM_CHARS each, UTF-8 (up to 3 bytes a UTF-16 unit), escapes aside.
  const limit = 2 * 3 * MAX_PROGRAM_CHARS + 64;
  let json: string;
  try {
    // A fixed output buffer: a compression bomb is truncated, not expanded.
    const out = unzlibSync(bytes, { out: new Uint8Array(limit + 1) });
    if (out.length > limit) return { ok: false, problem: 'too-long' };
    json = strFromU8(out);
  } catch {
    return { ok: false, problem: 'malformed-code' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'malformed-code' };
  }
  if (typeof value !== 'object' || value === null) return { ok: false, problem: 'malformed-code' };
  const { cpp, codon } = value as Record<string, unknown>;
  if (typeof cpp !== 'string' || typeof codon !== 'string') return { ok: false, problem: 'malformed-code' };
  if (cpp.length > MAX_PROGRAM_CHARS || codon.length > MAX_PROGRAM_CHARS)
    return { ok: false, problem: 'too-long' };
  return { ok: true, code: { cpp, codon } };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
