import { describe, expect, it } from 'vitest';
import { deckStart } from './deck';

const DECK = [
  { lessonId: '01-calling-c', programId: 'hello' },
  { lessonId: '02-the-bug', programId: 'bug' },
  { lessonId: '02-the-bug', programId: 'print' },
];

describe('where the presenter starts', () => {
  it('starts at the named program, the lesson’s first, or the course’s first', () => {
    expect(deckStart(DECK, { lesson: '02-the-bug', program: 'print' })).toEqual({ kind: 'found', index: 2 });
    expect(deckStart(DECK, { lesson: '02-the-bug' })).toEqual({ kind: 'found', index: 1 });
    expect(deckStart(DECK, {})).toEqual({ kind: 'found', index: 0 });
  });

  it.each(['99-no-such-lesson', 'constructor', '__proto__', 'toString'])(
    'says a lesson called %s is unknown instead of starting at lesson 1',
    (lesson) => {
      expect(deckStart(DECK, { lesson })).toEqual({ kind: 'unknown-lesson', lesson });
    },
  );

  it('says a program the lesson does not have is unknown', () => {
    expect(deckStart(DECK, { lesson: '02-the-bug', program: 'constructor' })).toEqual({
      kind: 'unknown-program',
      lesson: '02-the-bug',
      program: 'constructor',
    });
  });
});
