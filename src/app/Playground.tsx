import { lazy, Suspense, useEffect, useState } from 'react';
import { appStore, useAppStore } from './app-store';
import { findLesson } from './lessons';
import { isCodeEdited, type CodeSide } from './store';

// Monaco is a few MB: it loads after the lesson text has painted, never before.
const CodeEditor = lazy(() => import('../editor/CodeEditor'));

/** The lesson's code and machine: two editors and the diagram area. */
export function Playground() {
  const lessonId = useAppStore((state) => state.lessonId);
  const edited = useAppStore(isCodeEdited);
  const fileNames = findLesson(lessonId)?.fileNames ?? { cpp: 'lib.cpp', codon: 'main.codon' };
  const editorsWanted = useAfterFirstPaint();

  return (
    <section className="playground" aria-label="Playground">
      <div className="playground__toolbar">
        <button type="button" onClick={() => appStore.getState().resetCode()} disabled={!edited}>
          Reset code
        </button>
      </div>
      <EditorPane
        side="cpp"
        language="cpp"
        title="C++ library"
        fileName={fileNames.cpp}
        live={editorsWanted}
      />
      <EditorPane
        side="codon"
        language="codon"
        title="Codon program"
        fileName={fileNames.codon}
        live={editorsWanted}
      />
      <section className="diagram-placeholder" aria-label="Machine diagram">
        <h2>Machine diagram</h2>
        <p>
          The simulated machine (stack, C heap, GC heap, static storage and registers) will be drawn here when
          the lesson player arrives. This page does not run the code yet.
        </p>
      </section>
    </section>
  );
}

interface EditorPaneProps {
  side: CodeSide;
  language: string;
  title: string;
  fileName: string;
  /** False until the page has painted: show the code as plain text meanwhile. */
  live: boolean;
}

/** One program: a heading with its file name, then Monaco (or, until it loads, the code as text). */
function EditorPane({ side, language, title, fileName, live }: EditorPaneProps) {
  const code = useAppStore((state) => state.code[side]);
  const fallback = <pre className="code-fallback">{code}</pre>;
  return (
    <section className={`editor-pane editor-pane--${side}`} aria-label={title} data-testid={`editor-${side}`}>
      <h2 className="editor-pane__title">
        {title} <code>{fileName}</code>
      </h2>
      <div className="editor-pane__body">
        {live ? (
          <Suspense fallback={fallback}>
            <CodeEditor
              language={language}
              fileName={fileName}
              value={code}
              onChange={(text) => appStore.getState().editCode(side, text)}
              ariaLabel={`${title} ${fileName}`}
            />
          </Suspense>
        ) : (
          fallback
        )}
      </div>
    </section>
  );
}

/** False on the first render, true once the browser has painted it. */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // A frame, then a task: the callback runs after that frame has been painted.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
