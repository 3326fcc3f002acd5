/**
 * The findings builder: which findings the learner has seen by a point of the run, and findings
 * grouped into mistakes. The simulator reports a finding per act (each 8-byte store of a 32-byte
 * result through a hidden pointer that points at no result slot is one); a learner made one mistake,
 * so the view model shows one finding with its stores listed inside. The grouping lives here, not in
 * the simulator: the simulator's findings stay one per act (its summary and the lessons' expect.json
 * count them), and what makes one mistake is a question of how the run is shown.
 */
import type { Diagnostic } from '../diag.ts';
import { activeCall, eventsOfKind, stepEvents } from '../trace/reader.ts';
import type { Finding, FindingKind, MessageRef, SourceSide, Trace } from '../trace/types.ts';
import type { StepEventInfo } from './events.ts';

/**
 * The findings recorded by step `st` (inside a step reached event by event, only those whose event
 * has run), with their indices in trace.findings.
 */
export function findingsBy(
  trace: Trace,
  st: number,
  info: StepEventInfo,
  partial: boolean,
): { f: Finding; i: number }[] {
  return trace.findings
    .map((f, i) => ({ f, i }))
    .filter(({ f, i }) => f.step < st || (f.step === st && (!partial || info.findings.includes(i))));
}

/** One store of a stray write: where, how many bytes, from which line and step. */
export interface StrayStore {
  addr: number;
  len: number;
  side: SourceSide;
  line: number;
  step: number;
}

/** One mistake: the findings one act of the program produced (a stray write's stores, say). */
export interface FindingGroup {
  kind: FindingKind;
  /** The first finding's place and words lead the group. */
  side: SourceSide;
  line: number;
  step: number;
  message: MessageRef;
  /** Indices in trace.findings, in the order recorded. */
  members: number[];
  /** Stray writes: each store, in order (empty for other kinds). */
  stores: StrayStore[];
  /** Stray writes: the bytes the stores cover, when they are one run of memory (else null). */
  span: { addr: number; len: number } | null;
  /** Objects any member concerns. */
  objects: number[];
  /** How many times the act repeated (a loop): the most any member did. */
  count: number;
}

const groupsCache = new WeakMap<Trace, FindingGroup[]>();

/**
 * The run's findings grouped into mistakes: findings of one kind with the same message, made during
 * the same foreign call (or, outside any call, on the same line), are one mistake.
 */
export function findingGroups(trace: Trace): FindingGroup[] {
  let groups = groupsCache.get(trace);
  if (groups === undefined) {
    groups = computeGroups(trace);
    groupsCache.set(trace, groups);
  }
  return groups;
}

function computeGroups(trace: Trace): FindingGroup[] {
  const byKey = new Map<string, FindingGroup>();
  const out: FindingGroup[] = [];
  trace.findings.forEach((f, i) => {
    const call = activeCall(trace, f.step);
    const where = call === null ? `line ${f.side}:${f.line}` : `call ${call.id}`;
    const key = `${f.kind}|${f.message.id}|${where}`;
    let g = byKey.get(key);
    if (g === undefined) {
      g = {
        kind: f.kind,
        side: f.side,
        line: f.line,
        step: f.step,
        message: f.message,
        members: [],
        stores: [],
        span: null,
        objects: [],
        count: 0,
      };
      byKey.set(key, g);
      out.push(g);
    }
    g.members.push(i);
    g.count = Math.max(g.count, f.count);
    for (const o of f.objects) if (!g.objects.includes(o)) g.objects.push(o);
    if (f.kind === 'stray-write') {
      // The finding is recorded at the step of the store: that step's writes are the stray bytes.
      for (const w of eventsOfKind(trace, stepEvents(trace, f.step), 'write'))
        g.stores.push({ addr: w.addr, len: w.len, side: f.side, line: f.line, step: f.step });
    }
  });
  for (const g of out) g.span = contiguous(g.stores);
  return out;
}

/** The one run of memory the stores cover, or null when they leave a hole or there are none. */
function contiguous(stores: StrayStore[]): { addr: number; len: number } | null {
  if (stores.length === 0) return null;
  const sorted = [...stores].sort((a, b) => a.addr - b.addr);
  let addr = (sorted[0] as StrayStore).addr;
  let end = addr;
  for (const s of sorted) {
    if (s.addr > end) return null;
    addr = Math.min(addr, s.addr);
    end = Math.max(end, s.addr + s.len);
  }
  return { addr, len: end - addr };
}

/**
 * The groups the learner has seen, given the findings recorded by now (a scene's `findings`): each
 * with only the members and stores recorded so far.
 */
export function findingGroupsSeen(trace: Trace, seen: readonly number[]): FindingGroup[] {
  const have = new Set(seen);
  const out: FindingGroup[] = [];
  for (const g of findingGroups(trace)) {
    const members = g.members.filter((i) => have.has(i));
    if (members.length === 0) continue;
    if (members.length === g.members.length) {
      out.push(g);
      continue;
    }
    const steps = new Set(members.map((i) => (trace.findings[i] as Finding).step));
    const stores = g.stores.filter((s) => steps.has(s.step));
    out.push({ ...g, members, stores, span: contiguous(stores) });
  }
  return out;
}

/** The distinct mistakes among some findings (an object's, say), in the order first met. */
export function groupsOfFindings(trace: Trace, findings: readonly number[]): FindingGroup[] {
  const all = findingGroups(trace);
  const out: FindingGroup[] = [];
  for (const i of findings) {
    const g = all.find((x) => x.members.includes(i));
    if (g !== undefined && !out.includes(g)) out.push(g);
  }
  return out;
}

/** The group a finding belongs to (its index in `findingGroups`), or -1. */
export function groupOfFinding(trace: Trace, finding: number): number {
  return findingGroups(trace).findIndex((g) => g.members.includes(finding));
}

/** Diagnostics with the same severity and message on one line, told once with how many. */
export interface DiagnosticGroup {
  diagnostic: Diagnostic;
  /** The columns it was reported at, in order. */
  columns: number[];
  count: number;
}

/** The same diagnostic never repeated for one line: `x[0], x[1], x[2]` on a None is one error. */
export function diagnosticGroups(diagnostics: readonly Diagnostic[]): DiagnosticGroup[] {
  const byKey = new Map<string, DiagnosticGroup>();
  const out: DiagnosticGroup[] = [];
  for (const d of diagnostics) {
    const key = `${d.severity}|${d.file}|${d.line}|${d.message}`;
    const g = byKey.get(key);
    if (g !== undefined) {
      g.columns.push(d.column);
      g.count++;
      continue;
    }
    const group = { diagnostic: d, columns: [d.column], count: 1 };
    byKey.set(key, group);
    out.push(group);
  }
  return out;
}
