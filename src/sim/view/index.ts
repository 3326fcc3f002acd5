/**
 * The view model (issue 15): what one step of a run looks like, as plain data built from the trace's
 * read API (src/sim/trace/reader.ts). Pure: no React, no DOM; it runs in Node, a worker and the page.
 * docs/TRACE.md describes the trace and this model.
 */
export * from './types.ts';
export { areaOfRegion, objectKey, regionAt } from './areas.ts';
export { activeCall } from '../trace/reader.ts';
export { alignStep, differingObjects, matchKey } from './compare.ts';
export {
  diagnosticGroups,
  findingGroups,
  findingGroupsSeen,
  groupOfFinding,
  groupsOfFindings,
  type DiagnosticGroup,
  type FindingGroup,
  type StrayStore,
} from './findings.ts';
export { formatCell, formatDouble, hexAddr, hexBytes, u64, u64Number } from './format.ts';
export { narrate, narrationAt } from './narration.ts';
export { ownerRank } from './pointers.ts';
export { shownRegisters, slotName } from './registers.ts';
export { MAX_ROWS } from './rows.ts';
export { buildScene } from './scene.ts';
export { stepView, type StepView } from './step-view.ts';
