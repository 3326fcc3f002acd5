/**
 * The scene moved to the view model, src/sim/view (issue 15). This re-export keeps branches written
 * against the old path compiling while they merge; new code imports from src/sim/view.
 */
export * from '../../sim/view/index.ts';
