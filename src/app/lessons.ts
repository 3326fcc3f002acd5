// The lessons the app can open. For now only the welcome page; the lesson player replaces this with
// the course under content/lessons/.
import type { MDXContent } from 'mdx/types';
import WelcomeContent from '../../content/welcome/index.mdx';
import welcomeCpp from '../../content/welcome/lib.cpp?raw';
import welcomeCodon from '../../content/welcome/main.codon?raw';
import type { LessonCode } from './store';

/** A lesson: its text and the two programs it shows, with the file names the editors display. */
export interface Lesson {
  readonly id: string;
  readonly Content: MDXContent;
  readonly code: LessonCode;
  readonly fileNames: { readonly [side in keyof LessonCode]: string };
}

export const welcomeLesson: Lesson = {
  id: 'welcome',
  Content: WelcomeContent,
  code: { cpp: welcomeCpp, codon: welcomeCodon },
  fileNames: { cpp: 'lib.cpp', codon: 'main.codon' },
};

const lessons: ReadonlyMap<string, Lesson> = new Map([[welcomeLesson.id, welcomeLesson]]);

/** The lesson with this id, if there is one. */
export function findLesson(id: string): Lesson | undefined {
  return lessons.get(id);
}
