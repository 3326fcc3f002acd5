// <Predict id program atStep target leftover> question, <Choice>s, <Explain> </Predict>: the player stops
// at a named moment of the program's run and asks; the learner answers before seeing it happen.
import {
  Children,
  cloneElement,
  createContext,
  isValidElement,
  useContext,
  useEffect,
  useId,
  useState,
  type ReactElement,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import type { Target } from '../sim/abi/ctype';
import type { Leftover } from '../sim/machine/machine';
import { PlayerContext, usePlayer, usePlayerStore, useT } from '../app/context';
import { LessonContext, useLesson } from '../app/lesson/LessonContext';
import { isMoment } from '../app/player/moments';
import { useSite } from '../app/site/SiteContext';

export interface PredictProps {
  id: string;
  program: string;
  atStep: string;
  target?: Target;
  leftover?: Leftover;
  children: ReactNode;
}

interface PredictState {
  /** Index of the chosen choice, or null before answering. */
  chosen: number | null;
  choose: (index: number) => void;
  /** Whether the chosen choice is a right one (null before answering). */
  right: boolean | null;
}

const PredictContext = createContext<PredictState | null>(null);

export function Predict(props: PredictProps) {
  const lesson = useContext(LessonContext);
  const player = useContext(PlayerContext);
  const site = useSite();
  if (!lesson || !player || !site) {
    return (
      <aside className="mdx-predict" aria-label="Predict">
        <PredictBody id={props.id} chosen={null} choose={() => {}}>
          {props.children}
        </PredictBody>
      </aside>
    );
  }
  return <LivePredict {...props} />;
}

function LivePredict({
  id,
  program,
  atStep,
  target = 'x86_64',
  leftover = 'runtime-data',
  children,
}: PredictProps) {
  const t = useT();
  const lesson = useLesson()!;
  const site = useSite()!;
  const store = usePlayerStore();
  const key = `predict:${useId()}`;
  const [slot, setSlot] = useState<HTMLDivElement | null>(null);
  const chosen = useStore(site.progress, (s) => s.lessons[lesson.lessonId]?.answers[id] ?? null);
  const pending = usePlayer((s) => s.pendingPredict === id);
  const moment = isMoment(atStep) ? atStep : 'end';

  const choose = (index: number) => {
    site.progress.getState().answer(lesson.lessonId, id, index);
    store.getState().resolvePredict(id);
  };
  const retry = () => site.progress.getState().clearAnswer(lesson.lessonId, id);

  // Until answered, the player stops at the moment to ask.
  useEffect(() => {
    if (chosen !== null) return;
    return store.getState().registerStop({ id, programId: program, target, leftover, moment });
  }, [store, id, program, target, leftover, moment, chosen]);
  const { registerQuestion, registerHost, pendingSlot } = lesson;
  useEffect(() => registerQuestion(id), [registerQuestion, id]);
  useEffect(
    () => registerHost({ key, request: { programId: program, target, leftover }, slot, kind: 'predict' }),
    [registerHost, key, program, target, leftover, slot],
  );

  const go = async () => {
    if (await lesson.openProgram({ programId: program, target, leftover }, key))
      store.getState().requestStop(id);
  };

  return (
    <aside
      className={`mdx-predict${pending ? ' mdx-predict--pending' : ''}`}
      aria-label={t('mdx.predict')}
      data-predict={id}
    >
      <p className="mdx-predict__label">{t('mdx.predict')}</p>
      <PredictBody id={id} chosen={chosen} choose={choose}>
        {children}
      </PredictBody>
      <div className="mdx-predict__actions">
        {pending ? (
          <p className="mdx-predict__waiting">{t('mdx.predict.waiting')}</p>
        ) : (
          <button type="button" onClick={() => void go()}>
            {t('mdx.predict.go')}
          </button>
        )}
        {chosen !== null && (
          <button type="button" onClick={retry}>
            {t('mdx.predict.again')}
          </button>
        )}
      </div>
      <div ref={setSlot} className="mdx-playground__slot" />
      {pending &&
        pendingSlot &&
        createPortal(
          // The player stopped here: it asks the same question where the learner is looking.
          <div className="pending-question" role="region" aria-label={t('mdx.predict')}>
            <p className="mdx-predict__label">{t('mdx.predict')}</p>
            <PredictBody id={id} chosen={chosen} choose={choose}>
              {children}
            </PredictBody>
          </div>,
          pendingSlot,
        )}
    </aside>
  );
}

/** The question, its choices and (once answered) whether it was right and the explanation. */
export function PredictBody({
  id,
  chosen,
  choose,
  children,
}: {
  id: string;
  chosen: number | null;
  choose: (index: number) => void;
  children: ReactNode;
}) {
  // The choices are numbered in the order the lesson writes them.
  const choices = Children.toArray(children).filter(
    (child): child is ReactElement<ChoiceProps> =>
      isValidElement<ChoiceProps>(child) && child.type === Choice,
  );
  const picked = chosen === null ? undefined : choices[chosen];
  const right = picked ? picked.props.correct === true : null;
  const numbered = Children.map(children, (child) =>
    isValidElement<ChoiceProps>(child) && child.type === Choice
      ? cloneElement(child, {
          index: choices.findIndex((c) => c.props === child.props),
        })
      : child,
  );
  return (
    <PredictContext.Provider value={{ chosen, choose, right }}>
      <div className="mdx-predict__body" data-question={id}>
        {numbered}
      </div>
    </PredictContext.Provider>
  );
}

interface ChoiceProps {
  correct?: boolean;
  /** Set by PredictBody. */
  index?: number;
  children: ReactNode;
}

/** One answer to choose; `correct` marks a right one. */
export function Choice({ correct = false, index = 0, children }: ChoiceProps) {
  const state = useContext(PredictContext);
  if (!state) return <p className="mdx-choice">{children}</p>;
  const answered = state.chosen !== null;
  const picked = state.chosen === index;
  return (
    <button
      type="button"
      className={`mdx-choice${answered ? (correct ? ' mdx-choice--correct' : ' mdx-choice--wrong') : ''}${
        picked ? ' mdx-choice--picked' : ''
      }`}
      aria-pressed={picked}
      disabled={answered}
      onClick={() => state.choose(index)}
    >
      {answered && <span className="mdx-choice__mark">{correct ? '✓ ' : '✗ '}</span>}
      {children}
    </button>
  );
}

/** The explanation, shown once the learner has answered. */
export function Explain({ children }: { children: ReactNode }) {
  const state = useContext(PredictContext);
  if (!state || state.chosen === null) return null;
  return (
    <div className="mdx-explain" role="note">
      {state.right !== null && (
        <p className={`mdx-explain__verdict mdx-explain__verdict--${state.right ? 'right' : 'wrong'}`}>
          <Verdict right={state.right} />
        </p>
      )}
      {children}
    </div>
  );
}

function Verdict({ right }: { right: boolean }) {
  const player = useContext(PlayerContext);
  if (!player) return <>{right ? 'Right.' : 'Not quite.'}</>;
  return <LiveVerdict right={right} />;
}

function LiveVerdict({ right }: { right: boolean }) {
  const t = useT();
  return <>{t(right ? 'mdx.predict.right' : 'mdx.predict.wrong')}</>;
}
