// What the focus view picks out of a step's scene: the registers that matter now, the memory the step
// touches (written first, then read) and its neighbours in memory. Pure, so it is tested without React.
import type { Scene, SceneObject, SceneRegister, SceneRow } from '../../sim/view/index.ts';

export interface FocusObject {
  object: SceneObject;
  /** The rows shown: the touched ones with one row of context each side; `skipped` rows are elided. */
  rows: { row: SceneRow; touched: 'written' | 'read' | null }[];
  skipped: number;
}

export interface Focus {
  registers: SceneRegister[];
  touched: FocusObject[];
  /** Objects next to the first touched one in its memory area (the one below and the one above). */
  neighbours: SceneObject[];
}

const MAX_TOUCHED = 3;

function touchOf(row: SceneRow): 'written' | 'read' | null {
  if (row.cell === null) return null;
  if (row.cell.written) return 'written';
  return row.cell.read ? 'read' : null;
}

/** The touched rows of an object, with one row of context each side when `context`. */
export function focusRows(object: SceneObject, context = true): FocusObject {
  const marks = object.rows.map(touchOf);
  const near = (i: number) => context && (marks[i - 1] != null || marks[i + 1] != null);
  const keep = object.rows.map((_, i) => marks[i] !== null || near(i));
  if (!keep.some(Boolean)) keep.fill(true);
  const rows = object.rows.flatMap((row, i) => (keep[i] ? [{ row, touched: marks[i] ?? null }] : []));
  return { object, rows, skipped: object.rows.length - rows.length };
}

/** The registers worth a look now: the ones this step wrote, and the call's own when not in its table. */
export function focusRegisters(scene: Scene): SceneRegister[] {
  const inTable = new Set(scene.call?.rows.map((r) => r.register) ?? []);
  return scene.registers.filter(
    (r) => r.kind !== 'meta' && !inTable.has(r.name) && (r.written || (scene.call !== null && r.inCall)),
  );
}

/** The focus of a step. */
export function focusOf(scene: Scene): Focus {
  const touched = (o: SceneObject) => o.rows.some((r) => touchOf(r) !== null);
  const written = scene.objects.filter((o) => o.rows.some((r) => r.cell?.written === true));
  const read = scene.objects.filter((o) => !written.includes(o) && touched(o));
  // An object with a finding (the one a stray write lands in) comes first.
  const ordered = [...written, ...read].sort(
    (a, b) => Number(b.findings.length > 0) - Number(a.findings.length > 0),
  );
  const picked = ordered.slice(0, MAX_TOUCHED);
  const first = picked[0];
  let neighbours: SceneObject[] = [];
  if (first !== undefined) {
    const same = scene.objects
      .filter((o) => o.area === first.area && !picked.includes(o))
      .sort((a, b) => a.addr - b.addr);
    const below = same.filter((o) => o.addr + o.size <= first.addr).pop();
    const above = same.find((o) => o.addr >= first.addr + first.size);
    neighbours = [below, above].filter((o): o is SceneObject => o !== undefined);
  }
  return {
    registers: focusRegisters(scene),
    touched: picked.map((o, i) => focusRows(o, i === 0)),
    neighbours,
  };
}

/**
 * The marks the focus view draws, each a colour or sign that needs a word in a key (the handout prints
 * the focus view, and its key says what these mean). In the order a key lists them.
 */
export const FOCUS_MARKS = [
  'finding-note',
  'mismatch',
  'reads-now',
  'hidden-write',
  'finding-object',
  'written',
  'read',
  'was',
  'register-written',
  'crash',
] as const;
export type FocusMark = (typeof FOCUS_MARKS)[number];

/** The marks the focus view (and a handout figure, with its new findings) shows at this step. */
export function focusMarks(scene: Scene): FocusMark[] {
  const focus = focusOf(scene);
  const rows = focus.touched.flatMap((f) => f.rows);
  const call = scene.call;
  const has: Record<FocusMark, boolean> = {
    'finding-note': scene.newFindings.length > 0,
    mismatch: call !== null && call.rows.some((r) => r.mismatch),
    'reads-now':
      call !== null && call.phase === 'return' && call.rows.some((r) => r.caller.role === 'result'),
    'hidden-write': call !== null && call.hidden !== null,
    'finding-object': focus.touched.some((f) => f.object.findings.length > 0),
    written: rows.some((r) => r.touched === 'written'),
    read: rows.some((r) => r.touched === 'read'),
    was: rows.some((r) => r.row.cell !== null && r.row.cell.staleWas !== null),
    'register-written': focus.registers.some((r) => r.written),
    crash: scene.crash !== null,
  };
  return FOCUS_MARKS.filter((m) => has[m]);
}
