// The Monaco build this app uses, bundled locally: the editor core, the features a learner needs to
// edit and read code, C++ and Codon highlighting, and the editor worker. Nothing loads from a CDN.
// This module is loaded lazily (see src/app/Playground.tsx), after the lesson text has painted.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/iPadShowKeyboard/register';
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/languages/definitions/cpp/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { CODON_LANGUAGE_ID, codonLanguage, codonLanguageConfiguration } from './codon-language';

// Monaco asks for a worker per label; the app needs only the generic editor worker (diffs, word ranges).
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

monaco.languages.register({ id: CODON_LANGUAGE_ID, extensions: ['.codon'], aliases: ['Codon'] });
monaco.languages.setMonarchTokensProvider(CODON_LANGUAGE_ID, codonLanguage);
monaco.languages.setLanguageConfiguration(
  CODON_LANGUAGE_ID,
  codonLanguageConfiguration(monaco.languages.IndentAction.Indent),
);

export { monaco };
