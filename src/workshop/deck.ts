// Where present.html starts: the program its address names, or the course's first when it names none.
// An address that names a lesson or program the course does not have is said so, never shown as
// lesson 1 in its place.

/** What the presenter's address asks for, against the course's programs. */
export type DeckStart =
  | { kind: 'found'; index: number }
  | { kind: 'unknown-lesson'; lesson: string }
  | { kind: 'unknown-program'; lesson: string; program: string };

export function deckStart(
  deck: readonly { lessonId: string; programId: string }[],
  wanted: { lesson?: string; program?: string },
): DeckStart {
  const { lesson, program } = wanted;
  if (lesson === undefined) return { kind: 'found', index: 0 };
  const ofLesson = deck.findIndex((p) => p.lessonId === lesson);
  if (ofLesson < 0) return { kind: 'unknown-lesson', lesson };
  if (program === undefined) return { kind: 'found', index: ofLesson };
  const index = deck.findIndex((p) => p.lessonId === lesson && p.programId === program);
  return index < 0 ? { kind: 'unknown-program', lesson, program } : { kind: 'found', index };
}
