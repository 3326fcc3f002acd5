// The sentences the player speaks: each step's narration (a message id and parameters from the trace,
// rendered in the page's language) and, when stepping by machine event, what each event does.
import { formatMessage, formatName, formatText } from '../../sim/messages/format';
import { eventAt, type TraceEvent } from '../../sim/trace/reader.ts';
import type { Trace } from '../../sim/trace/types';
import type { Translate } from '../../i18n';
import type { Locale } from '../store/types';
import { boundaryCall, frameRecord, objectRecord } from '../../sim/trace/tables.ts';

/** The step's sentence in `locale` (the diagram's caption says the same). */
export { narrationAt as stepNarration } from '../../sim/view/narration.ts';

/** `0x7ffd...` for an address. */
export function hexAddress(value: number): string {
  return `0x${Math.max(0, value).toString(16)}`;
}

function bytesHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = bytes.length - 1; i >= 0; i--) out += (bytes[i] as number).toString(16).padStart(2, '0');
  return `0x${out.replace(/^0+(?=.)/, '')}`;
}

type EventSentence<K extends TraceEvent['kind']> = (
  e: Extract<TraceEvent, { kind: K }>,
  trace: Trace,
  t: Translate,
  locale: Locale,
) => string;

/** An object's name in `locale` (the trace stores it as a message id), or undefined. */
const objectName = (trace: Trace, id: number, locale: Locale) => {
  const o = objectRecord(trace.objects, id);
  return o === undefined || o === null ? undefined : formatName(o.name, locale);
};
const target = (trace: Trace, t: Translate, id: number, locale: Locale) => {
  const name = objectName(trace, id, locale);
  return name !== undefined ? t('event.write-target', { name }) : '';
};

/** One sentence per kind of machine event. */
const SENTENCES: { [K in TraceEvent['kind']]: EventSentence<K> } = {
  write: (e, trace, t, locale) =>
    t('event.write', { len: e.len, addr: hexAddress(e.addr), target: target(trace, t, e.objectId, locale) }),
  read: (e, trace, t, locale) =>
    t('event.read', { len: e.len, addr: hexAddress(e.addr), target: target(trace, t, e.objectId, locale) }),
  reg: (e, _trace, t) => {
    let value = bytesHex(e.bytes.subarray(0, 8));
    if (e.len === 16 || /^(xmm|d|v|s)\d/.test(e.name)) {
      const f64 = new DataView(e.bytes.buffer, e.bytes.byteOffset, 8).getFloat64(0, true);
      value = `${value} (${Number.isNaN(f64) ? 'nan' : f64})`;
    }
    return t('event.reg', { reg: e.name, value });
  },
  alloc: (e, trace, t, locale) => {
    const o = objectRecord(trace.objects, e.objectId);
    return o
      ? t('event.alloc', {
          name: formatName(o.name, locale),
          type: formatText(o.typeName, locale),
          addr: hexAddress(o.addr),
        })
      : '';
  },
  end: (e, trace, t, locale) => {
    const o = objectRecord(trace.objects, e.objectId);
    return o ? t(`event.end.${o.deathKind ?? 'out-of-scope'}`, { name: formatName(o.name, locale) }) : '';
  },
  enter: (e, trace, t) => t('event.enter', { fn: frameRecord(trace.frames, e.frameId)?.functionName ?? '?' }),
  exit: (e, trace, t) => t('event.exit', { fn: frameRecord(trace.frames, e.frameId)?.functionName ?? '?' }),
  'gc-mark': (e, trace, t, locale) =>
    t('event.gc-mark', { name: objectName(trace, e.objectId, locale) ?? hexAddress(e.addr) }),
  'gc-sweep': (e, trace, t, locale) =>
    t('event.gc-sweep', { name: objectName(trace, e.objectId, locale) ?? hexAddress(e.addr) }),
  crash: (e, trace, t) =>
    t('event.crash', { signal: trace.crash?.signal ?? `signal ${e.signal}`, addr: hexAddress(e.addr) }),
  output: (e, _trace, t) => t('event.output', { text: JSON.stringify(e.text) }),
  finding: (e, trace, t, locale) => {
    const finding = trace.findings[e.finding];
    return finding ? t('event.finding', { message: formatMessage(finding.message, locale) }) : '';
  },
  'boundary-call': (e, trace, t) =>
    t('event.boundary-call', { symbol: boundaryCall(trace.boundaryCalls, e.callId)?.symbol ?? '?' }),
  'boundary-return': (e, trace, t) =>
    t('event.boundary-return', { symbol: boundaryCall(trace.boundaryCalls, e.callId)?.symbol ?? '?' }),
};

/** What event `e` does, in a sentence. */
export function eventNarration(trace: Trace, e: number, t: Translate, locale: Locale): string {
  const event = eventAt(trace, e);
  if (event === null) return '';
  return (SENTENCES[event.kind] as EventSentence<typeof event.kind>)(event, trace, t, locale);
}
