// A Monaco editor as a controlled React component: `value` in, `onChange` out, plus what the player
// draws on it (the executing line, the call site waiting for a foreign call, diagnostics as markers).
// This module pulls in Monaco, so the app imports it lazily.
import { useEffect, useRef } from 'react';
import { monaco } from './monaco';

/** A line the player marks: the line executing now, or the Codon call waiting for C++ to return. */
export interface LineMark {
  line: number;
  kind: 'current' | 'caller';
  /** Shown on hover over the line's glyph. */
  message: string;
}

/** A located message shown as a squiggle and in Monaco's hover and problem navigation. */
export interface EditorMarker {
  severity: 'error' | 'warning' | 'info';
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  source: string;
}

export type EditorTheme = 'vs' | 'vs-dark' | 'hc-light' | 'hc-black';

export interface CodeEditorProps {
  /** Monaco language id: 'cpp' or 'codon'. */
  language: string;
  /** Unique per editor on the page (models are named by it). */
  modelPath: string;
  value: string;
  onChange: (value: string) => void;
  /** The editor's accessible name. */
  ariaLabel: string;
  readOnly?: boolean;
  marks?: readonly LineMark[];
  markers?: readonly EditorMarker[];
  theme?: EditorTheme;
  /** Scroll to and briefly select this line when `seq` changes. */
  reveal?: { line: number; seq: number } | null;
  /** Scroll the current line into view as the player moves (not while the learner types). */
  followCurrentLine?: boolean;
  fontSize?: number;
  /** Wrap long lines (short editors: the focus view, the presenter, embeds); off, they scroll sideways. */
  wrap?: boolean;
}

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/** One Monaco editor bound to one model. */
export default function CodeEditor({
  language,
  modelPath,
  value,
  onChange,
  ariaLabel,
  readOnly = false,
  marks = [],
  markers = [],
  theme,
  reveal,
  followCurrentLine = true,
  fontSize = 14,
  wrap = true,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  // The latest props, for the editor's callbacks and for re-creating it with the current text.
  /** The line the editor keeps in view (the executing one, or the caller's), 0 for none. */
  const followed = useRef(0);
  const revealFollowed = () => {
    const instance = editor.current;
    const line = followed.current;
    const model = instance?.getModel();
    if (!instance || !model || line === 0 || line > model.getLineCount() || instance.hasTextFocus()) return;
    // The whole line, wrapped rows included, comes into view (not just its first row).
    instance.revealRangeInCenterIfOutsideViewport(
      new monaco.Range(line, 1, line, model.getLineMaxColumn(line)),
      monaco.editor.ScrollType.Immediate,
    );
  };
  const latest = useRef({ value, onChange, ariaLabel, readOnly, fontSize, wrap });

  useEffect(() => {
    latest.current = { value, onChange, ariaLabel, readOnly, fontSize, wrap };
    editor.current?.updateOptions({ ariaLabel, readOnly, fontSize, wordWrap: wrap ? 'on' : 'off' });
  }, [value, onChange, ariaLabel, readOnly, fontSize, wrap]);

  useEffect(() => {
    if (theme) monaco.editor.setTheme(theme);
  }, [theme]);

  useEffect(() => {
    if (!host.current) return;
    const { value: text, ariaLabel: label, readOnly: locked, fontSize: size, wrap: wrapped } = latest.current;
    const uri = monaco.Uri.from({ scheme: 'inmemory', path: `/${modelPath}` });
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(text, language, uri);
    const instance = monaco.editor.create(host.current, {
      model,
      ariaLabel: label,
      readOnly: locked,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      // Long declarations wrap: the disagreeing return type is never cut off at the editor's edge.
      wordWrap: wrapped ? 'on' : 'off',
      wrappingIndent: 'indent',
      fontSize: size,
      lineNumbersMinChars: 3,
      // Monaco dims the number of the empty last line below WCAG contrast (axe: color-contrast).
      renderFinalNewline: 'on',
      glyphMargin: true,
      tabSize: 4,
      padding: { top: 8, bottom: 8 },
      fixedOverflowWidgets: true,
      // Word-based completion guesses from the file's own words: noise in a lesson.
      quickSuggestions: false,
      wordBasedSuggestions: 'off',
      renderLineHighlight: 'none',
      // Tab moves to the next control, so the page can be used with the keyboard alone; Ctrl+M switches
      // Tab to indenting (Monaco's own toggle), and Enter after a `:` indents by itself.
      tabFocusMode: true,
    });
    const subscription = model.onDidChangeContent(() => latest.current.onChange(model.getValue()));
    // The page around the editor settles after it is created (a lazy pane arrives, a splitter moves):
    // the followed line is brought back into view whenever the editor's size changes.
    const layoutSubscription = instance.onDidLayoutChange(() => revealFollowed());
    editor.current = instance;
    decorations.current = instance.createDecorationsCollection();
    return () => {
      subscription.dispose();
      layoutSubscription.dispose();
      instance.dispose();
      model.dispose();
      editor.current = null;
      decorations.current = null;
    };
  }, [language, modelPath]);

  // A new value from the store (a reset, a shared link, a solution) replaces the text as one undoable
  // edit, so the learner can get their own text back with Ctrl+Z.
  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model || model.getValue() === value) return;
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
  }, [value]);

  useEffect(() => {
    const instance = editor.current;
    const model = instance?.getModel();
    if (!instance || !model || !decorations.current) return;
    const lineCount = model.getLineCount();
    decorations.current.set(
      marks
        .filter((m) => m.line >= 1 && m.line <= lineCount)
        .map((m) => ({
          range: new monaco.Range(m.line, 1, m.line, 1),
          options: {
            isWholeLine: true,
            className: `line-${m.kind}`,
            glyphMarginClassName: `glyph-${m.kind}`,
            glyphMarginHoverMessage: { value: m.message },
            overviewRuler: {
              color: m.kind === 'current' ? '#d9a400' : '#7a8ca3',
              position: monaco.editor.OverviewRulerLane.Full,
            },
          },
        })),
    );
    // The executing line, else (in the other language's editor during a call) the line that called.
    const current = marks.find((m) => m.kind === 'current') ?? marks.find((m) => m.kind === 'caller');
    followed.current = current && followCurrentLine && current.line <= lineCount ? current.line : 0;
    revealFollowed();
  }, [marks, followCurrentLine]);

  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model) return;
    const lineCount = model.getLineCount();
    monaco.editor.setModelMarkers(
      model,
      'codon-lab',
      markers.map((m) => {
        const line = Math.max(1, Math.min(m.line, lineCount));
        const endLine = Math.max(line, Math.min(m.endLine ?? line, lineCount));
        const column = Math.max(1, m.column);
        // A marker without an end covers the rest of its line, so the squiggle is visible.
        const endColumn =
          m.endColumn && (endLine > line || m.endColumn > column)
            ? m.endColumn
            : model.getLineMaxColumn(endLine);
        return {
          severity: SEVERITY[m.severity],
          startLineNumber: line,
          startColumn: Math.min(column, model.getLineMaxColumn(line)),
          endLineNumber: endLine,
          endColumn,
          message: m.message,
          source: m.source,
        };
      }),
    );
  }, [markers, value]);

  useEffect(() => {
    const instance = editor.current;
    if (!instance || !reveal) return;
    const line = Math.max(1, Math.min(reveal.line, instance.getModel()?.getLineCount() ?? 1));
    instance.revealLineInCenter(line, monaco.editor.ScrollType.Smooth);
    instance.setSelection(new monaco.Range(line, 1, line, 1));
  }, [reveal]);

  return <div ref={host} className="code-editor" />;
}
