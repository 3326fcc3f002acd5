// <Exercise program goal />: the learner edits the program until its real run on the simulator meets
// the goal. The check reads the player's newest run of that program; it never looks at the code's text.
import { useContext, useEffect, useId, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { PlayerContext, usePlayer, usePlayerStore, useT } from '../app/context';
import { LessonContext, useLesson } from '../app/lesson/LessonContext';
import { checkGoal, exerciseLabel, goalSentence, parseGoal, type GoalVerdict } from '../app/player/goal';
import { sameCode } from '../app/store/code-slice';
import { useSite } from '../app/site/SiteContext';
import type { LessonProgram } from '../app/course/course';
import { useProgramTitle } from './Playground';

export interface ExerciseProps {
  program: string;
  goal: string;
}

export function Exercise(props: ExerciseProps) {
  const lesson = useContext(LessonContext);
  const player = useContext(PlayerContext);
  if (!lesson || !player) {
    return (
      <aside className="mdx-exercise" aria-label="Exercise">
        <p className="mdx-exercise__label">Exercise: {props.program}</p>
      </aside>
    );
  }
  return <LiveExercise {...props} />;
}

function LiveExercise({ program, goal: goalText }: ExerciseProps) {
  const t = useT();
  const lesson = useLesson()!;
  const load = lesson.loadProgram;
  const site = useSite();
  const store = usePlayerStore();
  const key = `exercise:${useId()}`;
  const title = useProgramTitle(program);
  const [slot, setSlot] = useState<HTMLDivElement | null>(null);
  const [files, setFiles] = useState<LessonProgram | null>(null);
  const [hintsShown, setHintsShown] = useState(0);
  const goal = parseGoal(goalText);
  const locale = usePlayer((s) => s.locale);
  const { open, verdict, code } = usePlayer(
    useShallow((s) => ({
      open: s.programId === program && s.lessonId === lesson.lessonId,
      verdict: s.verdict,
      code: s.code,
    })),
  );

  useEffect(() => {
    let live = true;
    load(program).then((p) => live && setFiles(p));
    return () => {
      live = false;
    };
  }, [load, program]);
  const { registerExercise, registerHost } = lesson;
  useEffect(() => registerExercise(program), [registerExercise, program]);
  useEffect(
    () => registerHost({ key, request: { programId: program }, slot, kind: 'exercise' }),
    [registerHost, key, program, slot],
  );

  // The verdict counts only when it is for the code now in the editors.
  const current = open && verdict !== null && sameCode(verdict.code, code);
  const result: GoalVerdict | null = goal && current && verdict ? checkGoal(goal, verdict) : null;
  useEffect(() => {
    if (result?.kind === 'met') site?.progress.getState().passExercise(lesson.lessonId, program);
  }, [result?.kind, site, lesson.lessonId, program]);

  const hints = files?.hints?.[locale] ?? files?.hints?.en ?? [];
  const openIt = () => void lesson.openProgram({ programId: program }, key);
  const showSolution = async () => {
    if (!files?.solution) return;
    if (!open && !(await lesson.openProgram({ programId: program }, key))) return;
    store.getState().replaceCode(files.solution, 'solution');
  };

  return (
    <aside className="mdx-exercise" aria-label={t('mdx.exercise')} data-exercise={program}>
      <p className="mdx-exercise__label">{exerciseLabel(t('mdx.exercise'), title)}</p>
      <p className="mdx-exercise__goal">
        {goal ? goalSentence(goal, t) : t('mdx.exercise.bad-goal', { goal: goalText })}
      </p>
      <p className={`mdx-exercise__status mdx-exercise__status--${result?.kind ?? 'none'}`} role="status">
        {!open
          ? t('mdx.exercise.not-open')
          : !current
            ? t('mdx.exercise.checking')
            : result
              ? verdictSentence(result, t)
              : ''}
      </p>
      <div className="mdx-exercise__actions">
        {!open && (
          <button type="button" onClick={openIt}>
            {t('mdx.exercise.open')}
          </button>
        )}
        {hintsShown < hints.length && (
          <button type="button" onClick={() => setHintsShown((n) => n + 1)}>
            {hintsShown === 0 ? t('mdx.exercise.hint') : t('mdx.exercise.next-hint')}
          </button>
        )}
        {files?.solution && (
          <button type="button" onClick={() => void showSolution()}>
            {t('mdx.exercise.solution')}
          </button>
        )}
      </div>
      {hintsShown > 0 && (
        <ol className="mdx-exercise__hints">
          {hints.slice(0, hintsShown).map((hint, i) => (
            <li key={i}>
              <span className="sr-only">{t('mdx.exercise.hint-n', { n: i + 1 })}: </span>
              {hint}
            </li>
          ))}
        </ol>
      )}
      <div ref={setSlot} className="mdx-playground__slot" />
    </aside>
  );
}

function verdictSentence(verdict: GoalVerdict, t: ReturnType<typeof useT>): string {
  switch (verdict.kind) {
    case 'met':
      return t('mdx.exercise.met');
    case 'compile-error':
      return t('mdx.exercise.compile-error');
    case 'outcome':
      return t('mdx.exercise.outcome', { outcome: verdict.outcome });
    case 'findings':
      return t('mdx.exercise.findings', { kinds: verdict.kinds.join(', ') });
    case 'stdout':
      return t('mdx.exercise.stdout', {
        actual: JSON.stringify(verdict.actual),
        expected: JSON.stringify(verdict.expected),
      });
  }
}
