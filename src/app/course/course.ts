// The course as content/ lays it out (content/README.md): the index, the lessons' MDX in two languages,
// their programs, the sources and the glossary. Lesson texts and programs load on demand, each its own
// small chunk, so the first paint carries only the lesson being read.
import type { MDXContent } from 'mdx/types';
import courseJson from '../../../content/course.json';
import sourcesJson from '../../../content/sources.json';
import type { LessonCode } from '../store/types';

export type Locale = 'en' | 'zh';
export type Localized = Record<Locale, string>;

export interface LessonEntry {
  id: string;
  title: Localized;
  summary: Localized;
}

export interface PageEntry {
  id: string;
  kind: 'mdx' | 'glossary';
  title: Localized;
  summary: Localized;
}

export interface Source {
  id: string;
  /** The source's own title; a source we describe in our words (a local run, a gloss) says it in both languages. */
  title: string | Localized;
  url: string;
  kind: string;
}

export interface GlossaryEntry {
  id: string;
  term: string;
  definition: string;
  lesson: string;
}

export const lessons: readonly LessonEntry[] = courseJson.lessons;
export const pages: readonly PageEntry[] = courseJson.pages as PageEntry[];
export const sources: ReadonlyMap<string, Source> = new Map((sourcesJson as Source[]).map((s) => [s.id, s]));

/** The lesson with this id, if the course has one. */
export function findLessonEntry(id: string): LessonEntry | undefined {
  return lessons.find((l) => l.id === id);
}

/** The page with this id, if the course has one. */
export function findPageEntry(id: string): PageEntry | undefined {
  return pages.find((p) => p.id === id);
}

/** The text in the locale, falling back to English. */
export function localized(text: Localized | undefined, locale: Locale): string {
  return text?.[locale] || text?.en || '';
}

/** A source's title in `locale` (a source's own title is the same in every language). */
export function sourceTitle(source: Source, locale: Locale): string {
  return typeof source.title === 'string' ? source.title : localized(source.title, locale);
}

type MdxModule = { default: MDXContent };
const lessonTexts = import.meta.glob<MdxModule>('../../../content/lessons/*/{en,zh}.mdx');
const pageTexts = import.meta.glob<MdxModule>('../../../content/pages/*.{en,zh}.mdx');

/** An MDX text and the locale it is actually in (English when the translation is missing). */
export interface LoadedText {
  Content: MDXContent;
  locale: Locale;
}

async function loadText(
  loaders: Record<string, () => Promise<MdxModule>>,
  path: (locale: Locale) => string,
  locale: Locale,
): Promise<LoadedText | null> {
  for (const candidate of locale === 'en' ? (['en'] as const) : ([locale, 'en'] as const)) {
    const load = loaders[path(candidate)];
    if (load) return { Content: (await load()).default, locale: candidate };
  }
  return null;
}

/** A lesson's text in `locale` (or English), null when the course has no such lesson. */
export function loadLessonText(id: string, locale: Locale): Promise<LoadedText | null> {
  return loadText(lessonTexts, (l) => `../../../content/lessons/${id}/${l}.mdx`, locale);
}

/** A page's text in `locale` (or English), null when there is none. */
export function loadPageText(id: string, locale: Locale): Promise<LoadedText | null> {
  return loadText(pageTexts, (l) => `../../../content/pages/${id}.${l}.mdx`, locale);
}

/** True when the lesson has a text in this locale. */
export function hasLessonText(id: string, locale: Locale): boolean {
  return `../../../content/lessons/${id}/${locale}.mdx` in lessonTexts;
}

// ------------------------------------------------------------------------------------------ programs

const programSources = import.meta.glob<string>(
  '../../../content/lessons/*/programs/**/{lib.cpp,main.codon}',
  {
    query: '?raw',
    import: 'default',
  },
);
const programExpectations = import.meta.glob<ProgramExpect>(
  '../../../content/lessons/*/programs/**/expect.json',
  {
    import: 'default',
  },
);

/** The parts of a program's expect.json the player shows. */
export interface ProgramExpect {
  title?: Localized;
  hints?: Record<Locale, string[]>;
}

/** A lesson program, ready for the player. */
export interface LessonProgram {
  lessonId: string;
  programId: string;
  code: LessonCode;
  title: Localized | null;
  hints: Record<Locale, string[]> | null;
  /** Exercises only: the fixed code. */
  solution: LessonCode | null;
}

const programBase = (lessonId: string, programId: string) =>
  `../../../content/lessons/${lessonId}/programs/${programId}`;

/** True when the lesson has a program folder of that name. */
export function hasProgram(lessonId: string, programId: string): boolean {
  return `${programBase(lessonId, programId)}/lib.cpp` in programSources;
}

const programCache = new Map<string, Promise<LessonProgram | null>>();

/** A lesson's program, or null when the lesson has no such program. */
export function loadProgram(lessonId: string, programId: string): Promise<LessonProgram | null> {
  const key = `${lessonId}/${programId}`;
  let pending = programCache.get(key);
  if (!pending) {
    pending = fetchProgram(lessonId, programId);
    programCache.set(key, pending);
  }
  return pending;
}

async function fetchProgram(lessonId: string, programId: string): Promise<LessonProgram | null> {
  const base = programBase(lessonId, programId);
  const code = await loadCode(base);
  if (!code) return null;
  const expect = await programExpectations[`${base}/expect.json`]?.();
  return {
    lessonId,
    programId,
    code,
    title: expect?.title ?? null,
    hints: expect?.hints ?? null,
    solution: await loadCode(`${base}/solution`),
  };
}

async function loadCode(base: string): Promise<LessonCode | null> {
  const cpp = programSources[`${base}/lib.cpp`];
  const codon = programSources[`${base}/main.codon`];
  if (!cpp || !codon) return null;
  const [cppText, codonText] = await Promise.all([cpp(), codon()]);
  return { cpp: cppText, codon: codonText };
}

// ------------------------------------------------------------------------------------------ glossary

const glossaries = import.meta.glob<GlossaryEntry[]>('../../../content/glossary.{en,zh}.json', {
  import: 'default',
});
const glossaryCache = new Map<Locale, Promise<GlossaryEntry[]>>();

/** The glossary in `locale` (English entries stand in for missing ones). */
export function loadGlossary(locale: Locale): Promise<GlossaryEntry[]> {
  let pending = glossaryCache.get(locale);
  if (!pending) {
    pending = (async () => {
      const english = (await glossaries['../../../content/glossary.en.json']?.()) ?? [];
      if (locale === 'en') return english;
      const local = (await glossaries[`../../../content/glossary.${locale}.json`]?.()) ?? [];
      const byId = new Map(local.map((e) => [e.id, e]));
      return english.map((e) => byId.get(e.id) ?? e);
    })();
    glossaryCache.set(locale, pending);
  }
  return pending;
}

/** A lesson's program ids, in file order (the first is the one an embed opens by default). */
export function programsOf(lessonId: string): string[] {
  const prefix = `../../../content/lessons/${lessonId}/programs/`;
  return Object.keys(programSources)
    .filter((path) => path.startsWith(prefix) && path.endsWith('/lib.cpp'))
    .map((path) => path.slice(prefix.length, -'/lib.cpp'.length))
    .filter((id) => !id.includes('/'));
}

/** One program of the course, in course order, and whether its first recorded run (expect.json) is clean. */
export interface DeckProgram {
  lessonId: string;
  programId: string;
  /** True when the run recorded in expect.json ends `ok` with no findings (a fix); false: a bug. */
  clean: boolean;
}

/** Every lesson program in course order, with its recorded verdict (the presenter's bug/fix keys use it). */
export async function loadDeck(): Promise<DeckProgram[]> {
  const deck: DeckProgram[] = [];
  for (const lesson of lessons) {
    for (const programId of programsOf(lesson.id)) {
      const load = programExpectations[`${programBase(lesson.id, programId)}/expect.json`];
      const expect = (await load?.()) as { runs?: { outcome?: string; findings?: unknown[] }[] } | undefined;
      const run = expect?.runs?.[0];
      deck.push({
        lessonId: lesson.id,
        programId,
        clean: run?.outcome === 'ok' && Array.isArray(run.findings) && run.findings.length === 0,
      });
    }
  }
  return deck;
}
