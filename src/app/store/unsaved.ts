// Code that exists only in this tab: edits of a shared link's code not kept yet, edits the browser refused
// to store, edits waiting on the other-tab choice. Leaving the page would lose what the address cannot
// carry, so leaving asks, and the learner can download a copy. The browser objects are passed in, so all
// of it runs in tests without a DOM.
import type { StoreApi } from 'zustand/vanilla';
import { translate, type UiKey } from '../../i18n';
import { codeFitsInLink } from '../url/link';
import { hasUnkeptLinkEdits, hasUnsavedEdits } from './code-slice';
import type { FileNames, LessonCode, PlayerState } from './types';

type LeavingState = Pick<
  PlayerState,
  'code' | 'codeOrigin' | 'linkCode' | 'saveFailed' | 'conflict' | 'lessonId' | 'programId'
>;

/** True when the learner's code is in neither storage nor the address (App writes it there when it fits). */
export function editsAtRisk(state: LeavingState): boolean {
  return hasUnsavedEdits(state) && !codeFitsInLink(state.code);
}

/** What leaving the page now would lose, as the question to ask; null when it loses nothing. */
export function leavingQuestion(state: LeavingState): UiKey | null {
  if (hasUnkeptLinkEdits(state)) return 'player.unsaved-link-edits';
  if (editsAtRisk(state)) return 'player.unsaved-edits';
  return null;
}

/** The part of a window the guard listens on. */
export interface UnloadSource {
  addEventListener(type: 'beforeunload', listener: (event: BeforeUnloadEvent) => void): void;
  removeEventListener(type: 'beforeunload', listener: (event: BeforeUnloadEvent) => void): void;
}

/** Makes the browser ask before the page is left while leaving would lose code; returns the undo. */
export function guardLeaving(source: UnloadSource, store: StoreApi<PlayerState>): () => void {
  const listener = (event: BeforeUnloadEvent) => {
    const state = store.getState();
    const question = leavingQuestion(state);
    if (question === null) return;
    event.preventDefault();
    // Older browsers show (or at least need) a returnValue; newer ones show their own words.
    event.returnValue = translate(state.locale, question);
  };
  source.addEventListener('beforeunload', listener);
  return () => source.removeEventListener('beforeunload', listener);
}

/** One text file with both programs, named after the lesson program, that the learner can keep. */
export function codeFile(
  code: LessonCode,
  fileNames: FileNames,
  lessonId: string | null,
  programId: string | null,
): { name: string; text: string } {
  const name = `${[lessonId, programId].filter((p) => p !== null).join('-') || 'code'}.txt`;
  const text = [
    `// ===== ${fileNames.cpp} =====`,
    code.cpp,
    '',
    `# ===== ${fileNames.codon} =====`,
    code.codon,
    '',
  ].join('\n');
  return { name, text };
}

/** The browser parts a download needs. */
export interface DownloadHost {
  document: Pick<Document, 'createElement' | 'body'>;
  URL: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;
}

/** Hands the browser a text file to save (an <a download> on a Blob: no network, allowed by the CSP). */
export function downloadText(host: DownloadHost, name: string, text: string): void {
  const url = host.URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = host.document.createElement('a');
  a.href = url;
  a.download = name;
  host.document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the file over; the URL may go once the browser has read it.
  setTimeout(() => host.URL.revokeObjectURL(url), 10_000);
}
