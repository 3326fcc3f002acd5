/**
 * Everything the explorer says, built from the model's data: the summary cells, the route and
 * merge sentences, the insights and the problem messages, in English and Simplified Chinese.
 * Pure functions (no React), so the tests can read exactly what a learner reads.
 */
import type { EightbyteClass, Target } from '../sim/abi/index.ts';
import type { CleanupReason, MergeRule } from './eightbytes.ts';
import type { HfaVerdict } from './hfa.ts';
import type { Problem } from './input.ts';
import type { Carrier, Report, Route, TargetView } from './model.ts';
import type { NonTrivialExplanation } from './nontrivial.ts';
import { en } from './text-en.ts';
import { zh } from './text-zh.ts';

export type Locale = 'en' | 'zh';

/** The words of one language; functions take the model's data and return a sentence. */
export interface ExplorerStrings {
  title: string;
  intro: string;
  typeLabel: string;
  typeHint: string;
  definitionsLabel: string;
  definitionsHint: string;
  examples: string;
  exampleTitle: (type: string) => string;
  working: string;
  headline: (type: string, parts: string[]) => string;
  headlinePart: (target: string, route: string) => string;
  targetName: Record<Target, string>;
  summaryCaption: (type: string) => string;
  rowSize: string;
  rowTrivial: string;
  rowClasses: string;
  rowHfa: string;
  rowReturned: string;
  sameOnBoth: string;
  property: string;
  size: (size: number, align: number) => string;
  trivialYes: string;
  trivialNo: (reason: string) => string;
  nonTrivial: (x: NonTrivialExplanation) => string;
  classesOnlyX86: string;
  hfaOnlyA64: string;
  classList: (classes: readonly EightbyteClass[]) => string;
  hfa: (v: HfaVerdict, route: Route) => string;
  route: (r: Route, size: number) => string;
  shortRoute: (r: Route) => string;
  notAvailable: (message: string) => string;
  bytesHeading: string;
  bytesCaption: (type: string) => string;
  colBytes: string;
  colMember: string;
  colSize: string;
  bytes: (from: number, to: number) => string;
  byteCount: (n: number) => string;
  bits: (bitOffset: number, bitWidth: number) => string;
  wholeValue: string;
  padding: string;
  vptr: string;
  carrier: (c: Carrier) => string;
  moreCells: (shown: number, total: number, size: number) => string;
  mapLegend: string;
  mapLabel: (target: string) => string;
  eightbytesHeading: string;
  eightbytesCaption: string;
  colEightbyte: string;
  colContributions: string;
  colMerged: string;
  colFinal: string;
  eightbyteName: (index: number, from: number, to: number) => string;
  onlyPadding: string;
  mergeStep: (
    before: EightbyteClass,
    withClass: EightbyteClass,
    result: EightbyteClass,
    rule: MergeRule,
  ) => string;
  cleanup: (reason: CleanupReason, unaligned: readonly string[]) => string;
  tooManyContributions: (n: number) => string;
  insightsHeading: string;
  insight: {
    disagree: string;
    smallButNonTrivial: (size: number) => string;
    bigHfa: (size: number) => string;
    codon: string;
    reference: string;
  };
  problem: (p: Problem) => string;
  where: (p: Problem) => string;
  lastGood: (type: string) => string;
}

export const STRINGS: Record<Locale, ExplorerStrings> = { en, zh };

/** Registers of a route, in the order of the bytes they carry. */
export function routeRegisters(r: Route): string[] {
  return r.kind === 'registers' || r.kind === 'x87' ? r.parts.map((p) => p.reg) : [];
}

/** What the learner should notice about this type, as keys into `insight` (computed, never per-type). */
export type InsightKey = 'disagree' | 'smallButNonTrivial' | 'bigHfa' | 'codon' | 'reference';

export function insights(report: Report): InsightKey[] {
  const views: TargetView[] = [];
  for (const o of Object.values(report.targets)) if (o.ok) views.push(o.view);
  const out: InsightKey[] = [];
  if (report.isReference) out.push('reference');
  const memory = views.map((v) => v.route.kind === 'memory');
  if (views.length === 2 && memory[0] !== memory[1]) out.push('disagree');
  const first = views[0];
  if (first && !first.trivial && first.size <= 16) out.push('smallButNonTrivial');
  if (views.some((v) => v.hfa !== null && v.size > 16)) out.push('bigHfa');
  if (memory.some(Boolean)) out.push('codon');
  return out;
}
