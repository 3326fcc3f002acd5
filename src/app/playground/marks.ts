// What the editors show for the run on show: the executing line, the Codon call waiting while C++ runs,
// and the diagnostics, findings and crash as markers. Pure, from the state.
import { formatMessage } from '../../sim/messages/format';
import { diagnosticText } from '../../sim/diag.ts';
import type { Trace } from '../../sim/trace/types';
import type { EditorMarker, LineMark } from '../../editor/CodeEditor';
import type { Translate } from '../../i18n';
import { lineAt, sideAt, traceIndex } from '../player/trace-index';
import type { CodeSide, FileNames, Locale, RunVerdict } from '../store/types';
import { boundaryCall } from '../../sim/trace/tables.ts';
import { stepCount } from '../../sim/trace/reader.ts';

/** The lines to mark in the editor of `side` at `step`. */
export function lineMarks(trace: Trace | null, step: number, side: CodeSide, t: Translate): LineMark[] {
  if (!trace || stepCount(trace) === 0) return [];
  const marks: LineMark[] = [];
  const here = sideAt(trace, step);
  const line = lineAt(trace, step);
  if (here === side && line > 0) {
    marks.push({
      line,
      kind: 'current',
      message: t(here === 'cpp' ? 'controls.side.cpp' : 'controls.side.codon'),
    });
  }
  const callId = traceIndex(trace).boundary[step] ?? -1;
  const call = boundaryCall(trace.boundaryCalls, callId);
  if (call && side === 'codon' && here !== 'codon' && call.callerLoc.line > 0) {
    marks.push({
      line: call.callerLoc.line,
      kind: 'caller',
      message: t('controls.boundary.inside', { symbol: call.symbol, line: call.callerLoc.line }),
    });
  }
  return marks;
}

/** The markers of the editor of `side`: compile diagnostics for its file, and the run's findings and crash. */
export function editorMarkers(
  verdict: RunVerdict | null,
  trace: Trace | null,
  traceIsCurrent: boolean,
  side: CodeSide,
  fileNames: FileNames,
  locale: Locale,
): EditorMarker[] {
  const out: EditorMarker[] = [];
  for (const d of verdict?.diagnostics ?? []) {
    if (d.file !== fileNames[side]) continue;
    out.push({
      severity: d.severity === 'note' ? 'info' : d.severity,
      line: d.line,
      column: d.column,
      ...(d.endLine === undefined ? {} : { endLine: d.endLine }),
      ...(d.endColumn === undefined ? {} : { endColumn: d.endColumn }),
      message: diagnosticText(d, locale),
      source: side === 'cpp' ? 'C++' : 'Codon',
    });
  }
  if (!trace || !traceIsCurrent) return out;
  for (const f of trace.findings) {
    if (f.side !== side || f.line <= 0) continue;
    out.push({
      severity: 'warning',
      line: f.line,
      column: Math.max(1, f.column),
      message: `${formatMessage(f.message, locale)}${f.count > 1 ? ` (×${f.count})` : ''}`,
      source: `simulator: ${f.kind}`,
    });
  }
  if (trace.crash && trace.crash.side === side && trace.crash.line > 0) {
    out.push({
      severity: 'error',
      line: trace.crash.line,
      column: 1,
      message: `${trace.crash.signal}: ${formatMessage(trace.crash.message, locale)}`,
      source: 'simulator: crash',
    });
  }
  if (trace.error && trace.error.side === side && trace.error.line > 0) {
    out.push({
      severity: 'error',
      line: trace.error.line,
      column: 1,
      message: `${trace.error.type}: ${trace.error.message}`,
      source: 'simulator',
    });
  }
  return out;
}
