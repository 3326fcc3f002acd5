// The sentences the player speaks: each step's narration (a message id and parameters from the trace,
// rendered in the page's language) and, when stepping by machine event, what each event does.
import { formatMessage, formatName } from '../../sim/messages/format';
import { EventKind, type Trace } from '../../sim/trace/types';
import type { Translate } from '../../i18n';
import type { Locale } from '../store/types';
import { boundaryCall, frameRecord, objectRecord } from '../../sim/trace/tables.ts';

/** The step's sentence in `locale` (the diagram's caption says the same). */
export { narrationAt as stepNarration } from '../diagram/narration.ts';

/** `0x7ffd...` for an address. */
export function hexAddress(value: number): string {
  return `0x${Math.max(0, value).toString(16)}`;
}

function bytesHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = bytes.length - 1; i >= 0; i--) out += (bytes[i] as number).toString(16).padStart(2, '0');
  return `0x${out.replace(/^0+(?=.)/, '')}`;
}

/** What event `e` does, in a sentence. */
export function eventNarration(trace: Trace, e: number, t: Translate, locale: Locale): string {
  const ev = trace.events;
  const kind = ev.kind[e];
  const a = ev.a[e] ?? 0;
  const b = ev.b[e] ?? 0;
  const c = ev.c[e] ?? 0;
  const d = ev.d[e] ?? -1;
  const object = objectRecord(trace.objects, d);
  const target = (id: number) => {
    const o = objectRecord(trace.objects, id);
    return o ? t('event.write-target', { name: formatName(o.name, locale) }) : '';
  };
  switch (kind) {
    case EventKind.Write:
      return t('event.write', { len: b, addr: hexAddress(a), target: target(d) });
    case EventKind.Read:
      return t('event.read', { len: b, addr: hexAddress(a), target: target(d) });
    case EventKind.Reg: {
      const name = trace.registerNames[a] ?? `r${a}`;
      const bytes = trace.bytes.subarray(c, c + b);
      let value = bytesHex(bytes.subarray(0, 8));
      if (b === 16 || /^(xmm|d|v|s)\d/.test(name)) {
        const f64 = new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0, true);
        value = `${value} (${Number.isNaN(f64) ? 'nan' : f64})`;
      }
      return t('event.reg', { reg: name, value });
    }
    case EventKind.Alloc:
      return object
        ? t('event.alloc', {
            name: formatName(object.name, locale),
            type: object.typeName,
            addr: hexAddress(object.addr),
          })
        : '';
    case EventKind.End: {
      if (!object) return '';
      const how = object.deathKind ?? 'out-of-scope';
      return t(`event.end.${how}`, { name: formatName(object.name, locale) });
    }
    case EventKind.Enter:
      return t('event.enter', { fn: frameRecord(trace.frames, d)?.functionName ?? '?' });
    case EventKind.Exit:
      return t('event.exit', { fn: frameRecord(trace.frames, d)?.functionName ?? '?' });
    case EventKind.GcMark:
      return t('event.gc-mark', { name: object ? formatName(object.name, locale) : hexAddress(a) });
    case EventKind.GcSweep:
      return t('event.gc-sweep', { name: object ? formatName(object.name, locale) : hexAddress(a) });
    case EventKind.Crash:
      return t('event.crash', { signal: trace.crash?.signal ?? `signal ${b}`, addr: hexAddress(a) });
    case EventKind.Output:
      return t('event.output', { text: JSON.stringify(trace.output[c] ?? '') });
    case EventKind.Finding: {
      const finding = trace.findings[d];
      return finding ? t('event.finding', { message: formatMessage(finding.message, locale) }) : '';
    }
    case EventKind.BoundaryCall:
      return t('event.boundary-call', { symbol: boundaryCall(trace.boundaryCalls, d)?.symbol ?? '?' });
    case EventKind.BoundaryReturn:
      return t('event.boundary-return', { symbol: boundaryCall(trace.boundaryCalls, d)?.symbol ?? '?' });
    default:
      return '';
  }
}
