// The handout widgets' data: a lesson program, a run's result, each loaded once and shared.
import { useEffect, useState } from 'react';
import type { RunResult } from '../../sim/run/api';
import type { LessonProgram } from '../course/course';
import { useHandout } from './context';
import { runKey, type HandoutRun } from './run-pool';

export type Loaded<T> =
  { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; message: string };

function useLoaded<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded<T> }>({
    key,
    value: { state: 'loading' },
  });
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setLoaded({ key, value: { state: 'done', value } }),
      (e: unknown) =>
        live &&
        setLoaded({ key, value: { state: 'failed', message: e instanceof Error ? e.message : String(e) } }),
    );
    return () => {
      live = false;
    };
    // `load` is a new closure each render; the key names what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return loaded.key === key ? loaded.value : { state: 'loading' };
}

/** A program of the lesson (null when the lesson has none of that name). */
export function useProgram(programId: string): Loaded<LessonProgram | null> {
  const { loadProgram } = useHandout();
  return useLoaded(`program:${programId}`, () => loadProgram(programId));
}

/** The result of a run on the simulator. */
export function useRunResult(run: HandoutRun): Loaded<RunResult> {
  const handout = useHandout();
  return useLoaded(`run:${runKey(run)}`, () => handout.run(run));
}
