// A Monaco editor as a controlled React component: `value` in, `onChange` out. This module pulls in
// Monaco, so the app imports it lazily.
import { useEffect, useRef } from 'react';
import { monaco } from './monaco';

export interface CodeEditorProps {
  /** Monaco language id: 'cpp' or 'codon'. */
  language: string;
  /** The file the code belongs to; names the editor's model (markers and the player refer to it). */
  fileName: string;
  value: string;
  onChange: (value: string) => void;
  /** The editor's accessible name. */
  ariaLabel: string;
  readOnly?: boolean;
}

const darkScheme = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;

/** Monaco's theme is global: follow the system's light or dark setting. */
function applySystemTheme() {
  monaco.editor.setTheme(darkScheme?.matches ? 'vs-dark' : 'vs');
}
applySystemTheme();
darkScheme?.addEventListener('change', applySystemTheme);

/** One Monaco editor bound to one model. */
export default function CodeEditor({
  language,
  fileName,
  value,
  onChange,
  ariaLabel,
  readOnly = false,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // The latest props, for the editor's callbacks and for re-creating it with the current text.
  const latest = useRef({ value, onChange, ariaLabel, readOnly });

  useEffect(() => {
    latest.current = { value, onChange, ariaLabel, readOnly };
    editor.current?.updateOptions({ ariaLabel, readOnly });
  }, [value, onChange, ariaLabel, readOnly]);

  useEffect(() => {
    if (!host.current) return;
    const { value: text, ariaLabel: label, readOnly: locked } = latest.current;
    const model = monaco.editor.createModel(text, language, monaco.Uri.file(`/${fileName}`));
    const instance = monaco.editor.create(host.current, {
      model,
      ariaLabel: label,
      readOnly: locked,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 14,
      lineNumbersMinChars: 3,
      tabSize: 4,
      padding: { top: 8, bottom: 8 },
      fixedOverflowWidgets: true,
      // Word-based completion guesses from the file's own words: noise in a lesson.
      quickSuggestions: false,
      wordBasedSuggestions: 'off',
    });
    const subscription = model.onDidChangeContent(() => latest.current.onChange(model.getValue()));
    editor.current = instance;
    return () => {
      subscription.dispose();
      instance.dispose();
      model.dispose();
      editor.current = null;
    };
  }, [language, fileName]);

  // A new value from the store (a reset, a shared link) replaces the text as one undoable edit,
  // so the learner can get their own text back with Ctrl+Z.
  useEffect(() => {
    const model = editor.current?.getModel();
    if (!model || model.getValue() === value) return;
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
  }, [value]);

  return <div ref={host} className="code-editor" />;
}
