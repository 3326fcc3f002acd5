/**
 * The machine diagram (issue 6). Import it lazily (`lazy(() => import('./diagram'))`): the lesson
 * text paints without it.
 */
export { MachineDiagram, type MachineDiagramProps } from './MachineDiagram.tsx';
export { narrationAt } from './narration.ts';
export { MachineDiagram as default } from './MachineDiagram.tsx';
