/**
 * The machine diagram (issue 6). Import it lazily (`lazy(() => import('./diagram'))`): the lesson
 * text paints without it.
 */
export { MachineDiagram, type MachineDiagramProps } from './MachineDiagram.tsx';
export { DiagramTextView, type DiagramTextViewProps } from './TextView.tsx';
export { CompareView, type CompareViewProps, type CompareRun } from './CompareView.tsx';
export { exportStep, type ExportOptions } from './export.ts';
export { buildScene } from '../../sim/view/index.ts';
export { layoutScene } from './layout.ts';
export { narrationAt } from '../../sim/view/index.ts';
export { MachineDiagram as default } from './MachineDiagram.tsx';
export { FocusView, type FocusViewProps } from './FocusView.tsx';
