// One program in an editor: a title with its file name, then Monaco (or, until it has loaded, the code
// as plain text with the executing line marked, so the lesson is readable before Monaco arrives).
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { usePlayer, usePlayerStore, usePlayerUi, useT } from '../context';
import { isTraceCurrent } from '../store/selectors';
import type { CodeSide } from '../store/types';
import { editorMarkers, lineMarks } from './marks';
import { editorTheme, type ResolvedTheme } from './theme';

// Monaco is a few MB: it loads after the lesson text has painted, never before.
const CodeEditor = lazy(() => import('../../editor/CodeEditor'));

interface EditorPaneProps {
  side: CodeSide;
  /** False until the page has painted: show the code as plain text meanwhile. */
  live: boolean;
  readOnly: boolean;
  theme: ResolvedTheme;
  /** Unique per player on the page. */
  instanceId: string;
  /** Monaco's font size in px (the presenter view's large type); by theme otherwise. */
  fontSize?: number;
  /** Wrap long lines (default); the whole-machine view's tall editors scroll sideways instead. */
  wrap?: boolean;
}

export function EditorPane({
  side,
  live,
  readOnly,
  theme,
  instanceId,
  fontSize,
  wrap = true,
}: EditorPaneProps) {
  const t = useT();
  const store = usePlayerStore();
  const ui = usePlayerUi();
  const code = usePlayer((s) => s.code[side]);
  const fileName = usePlayer((s) => s.fileNames[side]);
  const { trace, step, verdict, current, fileNames, locale } = usePlayer(
    useShallow((s) => ({
      trace: s.trace,
      step: s.step,
      verdict: s.verdict,
      current: isTraceCurrent(s),
      fileNames: s.fileNames,
      locale: s.locale,
    })),
  );
  const title = t(side === 'cpp' ? 'player.cpp' : 'player.codon');
  const marks = useMemo(() => lineMarks(trace, step, side, t), [trace, step, side, t]);
  const markers = useMemo(
    () => editorMarkers(verdict, trace, current, side, fileNames, locale),
    [verdict, trace, current, side, fileNames, locale],
  );
  const [reveal, setReveal] = useState<{ line: number; seq: number } | null>(null);
  useEffect(
    () =>
      ui.onRevealLine((target, line) => {
        if (target === side) setReveal((r) => ({ line, seq: (r?.seq ?? 0) + 1 }));
      }),
    [ui, side],
  );
  const currentLine = marks.find((m) => m.kind === 'current')?.line ?? 0;
  const callerLine = marks.find((m) => m.kind === 'caller')?.line ?? 0;
  const fallback = <CodeFallback code={code} currentLine={currentLine} callerLine={callerLine} />;

  return (
    <section
      className={`editor-pane editor-pane--${side}`}
      aria-label={title}
      data-testid={`editor-${side}`}
      data-current-line={currentLine || undefined}
    >
      <h2 className="editor-pane__title">
        {title} <code>{fileName}</code>
        {readOnly && <span className="editor-pane__badge">{t('player.read-only')}</span>}
      </h2>
      <div className="editor-pane__body">
        {live ? (
          <Suspense fallback={fallback}>
            <CodeEditor
              language={side === 'cpp' ? 'cpp' : 'codon'}
              modelPath={`${instanceId}/${fileName}`}
              value={code}
              onChange={(text) => store.getState().editCode(side, text)}
              ariaLabel={t('player.editor-label', { title, file: fileName })}
              readOnly={readOnly}
              marks={marks}
              markers={markers}
              theme={editorTheme(theme)}
              reveal={reveal}
              fontSize={fontSize ?? (theme === 'contrast' ? 16 : 14)}
              wrap={wrap}
            />
          </Suspense>
        ) : (
          fallback
        )}
      </div>
    </section>
  );
}

/** The code as text, line by line, with the executing line marked: before Monaco, and for printing. */
function CodeFallback({
  code,
  currentLine,
  callerLine,
}: {
  code: string;
  currentLine: number;
  callerLine: number;
}) {
  return (
    <pre className="code-fallback">
      {code.split('\n').map((text, i) => (
        <span
          key={i}
          className={`code-fallback__line${i + 1 === currentLine ? ' line-current' : ''}${
            i + 1 === callerLine ? ' line-caller' : ''
          }`}
          data-line={i + 1}
        >
          {text || ' '}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}
