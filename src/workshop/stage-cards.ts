// What the presenter's stage shows at a step, in the order it matters to the room. The stage has the
// height the projector leaves beside 32 px code and narration, which is not enough for the whole focus
// view at 20 px: it keeps these cards in this order, each one that still fits, and leaves out the rest
// (src/workshop/Stage.tsx). Pure, so the choice is tested without a browser.
import { focusOf, type FocusObject } from '../app/diagram/focus.ts';
import type { Scene, SceneObject, SceneRegister } from '../sim/view/index.ts';

export type StageCard =
  | { kind: 'crash' }
  /**
   * The object this step writes or reads, only its touched rows (with one row of context when `context`);
   * the first one carries its neighbours in memory (the object below and the one above), drawn inside
   * its card: at 1280x720 a card of their own did not fit beside the call's table (issue 15's review).
   */
  | { kind: 'object'; focus: FocusObject; neighbours: SceneObject[] }
  | { kind: 'call' }
  | { kind: 'output' }
  | { kind: 'findings' }
  | { kind: 'registers'; registers: SceneRegister[] };

export interface StagePlan {
  cards: StageCard[];
}

/**
 * The cards of a step, most important first. A stray write's target outranks the call (it is what the
 * bug does); any other touched object (a return address pushed, a local read) comes after the call. At
 * the end the story is the output and the findings; the output also shows as soon as there is some.
 */
export function stagePlan(scene: Scene, atEnd: boolean, hasOutput: boolean): StagePlan {
  const focus = focusOf(scene);
  const cards: StageCard[] = [];
  const first = focus.touched[0];
  const objectCard = (f: FocusObject): StageCard => ({
    kind: 'object',
    focus: f,
    neighbours: f === first ? focus.neighbours : [],
  });
  if (scene.crash !== null) cards.push({ kind: 'crash' });
  if (atEnd) {
    cards.push({ kind: 'output' }, { kind: 'findings' });
    if (scene.call !== null) cards.push({ kind: 'call' });
    if (first) cards.push(objectCard(first));
  } else {
    const finding = first !== undefined && first.object.findings.length > 0;
    if (first && finding) cards.push(objectCard(first));
    if (scene.call !== null) cards.push({ kind: 'call' });
    if (first && !finding) cards.push(objectCard(first));
    if (hasOutput) cards.push({ kind: 'output' });
  }
  if (focus.registers.length > 0) cards.push({ kind: 'registers', registers: focus.registers });
  if (!atEnd) for (const f of focus.touched.slice(1)) cards.push(objectCard(f));
  return { cards };
}
