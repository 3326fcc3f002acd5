// The embed API (issue 8): the messages a parent page may send an embedded playground, and the events the
// playground sends back, as TypeScript types plus a validator. Every message that arrives is checked here;
// anything that is not exactly one of these shapes is ignored and changes nothing. README, "Embed API".

/** Every message of this API, either way, carries this tag and version. */
export const PROTOCOL = 'codon-lab-embed';
export const PROTOCOL_VERSION = 1;

export type EmbedTarget = 'x86_64' | 'aarch64';
export type EmbedTheme = 'system' | 'light' | 'dark' | 'contrast';
export type EmbedStepDirection = 'forward' | 'back' | 'start' | 'end' | 'over' | 'out';

/** The longest program `load-code` accepts (characters), the same limit as a shared link's code. */
export const MAX_EMBED_PROGRAM_CHARS = 60_000;
/** The highest step number `goto` accepts (a run is far shorter; the player clamps to its end). */
export const MAX_EMBED_STEP = 1_000_000_000;

interface Envelope {
  protocol: typeof PROTOCOL;
  version: typeof PROTOCOL_VERSION;
}

/** What a parent page can ask. */
export type EmbedCommand = Envelope &
  (
    | { type: 'step'; direction: EmbedStepDirection }
    | { type: 'play' }
    | { type: 'pause' }
    | { type: 'goto'; step: number }
    | { type: 'set-target'; target: EmbedTarget }
    | { type: 'set-leftover'; leftover: EmbedLeftover }
    | { type: 'set-theme'; theme: EmbedTheme }
    | { type: 'load-code'; cpp?: string; codon?: string }
    | { type: 'get-state' }
  );

/** One finding of a run, as the events report it. */
export interface EmbedFinding {
  kind: string;
  step: number;
  message: string;
}

/** What the playground reports. `embedId` is the embed's `id` parameter ('' when none was given). */
export type EmbedEvent = Envelope & { embedId: string } & (
    | { type: 'ready'; lesson: string; program: string }
    | { type: 'resize'; height: number }
    | { type: 'step'; step: number; lastStep: number; side: string; line: number | null }
    | {
        type: 'run';
        outcome: string | null;
        target: EmbedTarget;
        compiled: boolean;
        diagnostics: number;
        steps: number;
      }
    | { type: 'findings'; findings: EmbedFinding[] }
    | {
        type: 'state';
        lesson: string | null;
        program: string | null;
        step: number;
        lastStep: number;
        playing: boolean;
        target: EmbedTarget;
        theme: EmbedTheme;
      }
  );

const DIRECTIONS: readonly string[] = ['forward', 'back', 'start', 'end', 'over', 'out'];
const TARGETS: readonly string[] = ['x86_64', 'aarch64'];
const LEFTOVERS: readonly string[] = ['zero', 'runtime-data', 'gc-object', 'stale-stack'];

/** What the first foreign call finds in the registers a wrong declaration misuses (lesson 4). */
export type EmbedLeftover = 'zero' | 'runtime-data' | 'gc-object' | 'stale-stack';
const THEMES: readonly string[] = ['system', 'light', 'dark', 'contrast'];

/** Own enumerable data properties only: a getter or a prototype never gets a say. */
function ownValue(object: object, key: string): { ok: true; value: unknown } | { ok: false } {
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  if (!descriptor) return { ok: false };
  if (!('value' in descriptor)) return { ok: false };
  return { ok: true, value: descriptor.value };
}

function keysAre(object: object, allowed: readonly string[]): boolean {
  const keys = Reflect.ownKeys(object);
  return keys.every((k) => typeof k === 'string' && allowed.includes(k));
}

const isProgram = (value: unknown) => typeof value === 'string' && value.length <= MAX_EMBED_PROGRAM_CHARS;

/**
 * The command `data` is, or null when it is not exactly a well-formed command of this protocol: wrong tag
 * or version, unknown type, a missing, extra or ill-typed field. Never throws (not on proxies either).
 */
export function parseCommand(data: unknown): EmbedCommand | null {
  try {
    return parse(data);
  } catch {
    return null;
  }
}

function parse(data: unknown): EmbedCommand | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const proto = Object.getPrototypeOf(data) as unknown;
  if (proto !== Object.prototype && proto !== null) return null;
  const field = (key: string) => ownValue(data, key);
  const protocol = field('protocol');
  const version = field('version');
  const type = field('type');
  if (!protocol.ok || protocol.value !== PROTOCOL) return null;
  if (!version.ok || version.value !== PROTOCOL_VERSION) return null;
  if (!type.ok || typeof type.value !== 'string') return null;
  const envelope = { protocol: PROTOCOL, version: PROTOCOL_VERSION } as const;
  const base = ['protocol', 'version', 'type'];
  switch (type.value) {
    case 'play':
    case 'pause':
    case 'get-state':
      return keysAre(data, base) ? { ...envelope, type: type.value } : null;
    case 'step': {
      const direction = field('direction');
      if (!keysAre(data, [...base, 'direction']) || !direction.ok) return null;
      if (typeof direction.value !== 'string' || !DIRECTIONS.includes(direction.value)) return null;
      return { ...envelope, type: 'step', direction: direction.value as EmbedStepDirection };
    }
    case 'goto': {
      const step = field('step');
      if (!keysAre(data, [...base, 'step']) || !step.ok) return null;
      const n = step.value;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_EMBED_STEP) return null;
      return { ...envelope, type: 'goto', step: n };
    }
    case 'set-target': {
      const target = field('target');
      if (!keysAre(data, [...base, 'target']) || !target.ok) return null;
      if (typeof target.value !== 'string' || !TARGETS.includes(target.value)) return null;
      return { ...envelope, type: 'set-target', target: target.value as EmbedTarget };
    }
    case 'set-leftover': {
      const leftover = field('leftover');
      if (!keysAre(data, [...base, 'leftover']) || !leftover.ok) return null;
      if (typeof leftover.value !== 'string' || !LEFTOVERS.includes(leftover.value)) return null;
      return { ...envelope, type: 'set-leftover', leftover: leftover.value as EmbedLeftover };
    }
    case 'set-theme': {
      const theme = field('theme');
      if (!keysAre(data, [...base, 'theme']) || !theme.ok) return null;
      if (typeof theme.value !== 'string' || !THEMES.includes(theme.value)) return null;
      return { ...envelope, type: 'set-theme', theme: theme.value as EmbedTheme };
    }
    case 'load-code': {
      if (!keysAre(data, [...base, 'cpp', 'codon'])) return null;
      const cpp = field('cpp');
      const codon = field('codon');
      if (!cpp.ok && !codon.ok) return null;
      if (cpp.ok && !isProgram(cpp.value)) return null;
      if (codon.ok && !isProgram(codon.value)) return null;
      return {
        ...envelope,
        type: 'load-code',
        ...(cpp.ok ? { cpp: cpp.value as string } : {}),
        ...(codon.ok ? { codon: codon.value as string } : {}),
      };
    }
    default:
      return null;
  }
}

/** An event without its envelope (what `makeEvent` wraps). */
export type EventBody = EmbedEvent extends infer E
  ? E extends EmbedEvent
    ? Omit<E, 'protocol' | 'version'>
    : never
  : never;

/** An event of this protocol (what the playground posts). */
export function makeEvent(event: EventBody): EmbedEvent {
  return { protocol: PROTOCOL, version: PROTOCOL_VERSION, ...event } as EmbedEvent;
}

/** True when `data` looks like one of this protocol's events (for parent pages: a cheap filter). */
export function isEmbedEvent(data: unknown): data is EmbedEvent {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return d.protocol === PROTOCOL && d.version === PROTOCOL_VERSION && typeof d.type === 'string';
}

/** Whether a message from `origin` may drive the embed: any origin unless `restricted` to `allowed`. */
export function originAllowed(origin: string, allowed: readonly string[], restricted: boolean): boolean {
  return restricted ? allowed.includes(origin) : true;
}
