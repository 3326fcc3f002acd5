import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../store/storage';
import { allTasksDone, createProgressStore, progressMark } from './progress';

describe('progress', () => {
  it('records visits, answers, exercises and runs to the end, and survives a reload', () => {
    const storage = memoryStorage();
    const progress = createProgressStore(storage, 'x:');
    expect(progressMark(progress.getState().lessons['02-the-bug'])).toBe('none');
    progress.getState().visit('02-the-bug');
    expect(progressMark(progress.getState().lessons['02-the-bug'])).toBe('started');
    progress.getState().answer('02-the-bug', 'first-values', 2);
    progress.getState().reachEnd('02-the-bug');
    progress.getState().passExercise('07-fix-static', 'exercise-static');
    const reloaded = createProgressStore(storage, 'x:').getState().lessons;
    expect(reloaded['02-the-bug']).toMatchObject({
      visited: true,
      answers: { 'first-values': 2 },
      ranToEnd: true,
    });
    expect(reloaded['07-fix-static']?.exercises).toEqual(['exercise-static']);
  });

  it('calls a lesson done when every question and exercise on it is done and a run reached its end', () => {
    const progress = createProgressStore(memoryStorage(), 'x:');
    const tasks = { predicts: ['a', 'b'], exercises: ['ex'], playgrounds: 1 };
    progress.getState().answer('l', 'a', 0);
    progress.getState().passExercise('l', 'ex');
    progress.getState().reachEnd('l');
    expect(allTasksDone(progress.getState().lessons.l, tasks)).toBe(false);
    progress.getState().answer('l', 'b', 1);
    expect(allTasksDone(progress.getState().lessons.l, tasks)).toBe(true);
    progress.getState().clearAnswer('l', 'b');
    expect(allTasksDone(progress.getState().lessons.l, tasks)).toBe(false);
    progress.getState().markDone('l');
    expect(progressMark(progress.getState().lessons.l)).toBe('done');
  });

  it('ignores damaged saved progress', () => {
    const storage = memoryStorage();
    storage.setItem('x:progress', '{"l":{"answers":{"a":"x","b":1},"exercises":[3,"e"],"done":"yes"},"m":7}');
    expect(createProgressStore(storage, 'x:').getState().lessons).toEqual({
      l: { visited: false, answers: { b: 1 }, exercises: ['e'], ranToEnd: false, done: false },
    });
    storage.setItem('x:progress', 'not json');
    expect(createProgressStore(storage, 'x:').getState().lessons).toEqual({});
  });
});

describe('progress keyed by ids from the address', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'knows nothing of a lesson called %s until it is visited',
    (id) => {
      const storage = memoryStorage();
      const progress = createProgressStore(storage, 'x:');
      expect(progress.getState().lessons[id]).toBeUndefined();
      progress.getState().visit(id);
      expect(progressMark(progress.getState().lessons[id])).toBe('started');
      expect(createProgressStore(storage, 'x:').getState().lessons[id]?.visited).toBe(true);
      expect(
        allTasksDone(progress.getState().lessons[id], { predicts: [id], exercises: [], playgrounds: 0 }),
      ).toBe(false);
    },
  );
});
