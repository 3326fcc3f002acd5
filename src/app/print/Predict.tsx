// <Predict> in the handout: the question with boxes to tick, its answer at the end of the handout, and
// the moment it stops at drawn with the run's other key steps (or here, when no playground shows that run).
import { Children, isValidElement, useEffect, type ReactElement, type ReactNode } from 'react';
import { findMoment, isMoment } from '../player/moments';
import type { PredictProps } from '../../mdx/Predict';
import { useHandout } from './context';
import { useHandoutT } from './strings';
import { Figure } from './Figure';
import { useRunResult } from './hooks';
import { Pending } from './Playground';
import { handoutRun } from './run-pool';

interface ChoiceProps {
  correct?: boolean;
  children: ReactNode;
}

/** A choice; rendered by its question, never on its own. */
export function HandoutChoice({ children }: ChoiceProps) {
  return <>{children}</>;
}

/** The explanation; printed with the answers at the end. */
export function HandoutExplain({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

export function HandoutPredict({ id, program, atStep, target, leftover, children }: PredictProps) {
  const t = useHandoutT();
  const { registry, questions, registerQuestion, locale } = useHandout();
  const run = handoutRun(program, target, leftover);
  const moment = isMoment(atStep) ? atStep : 'end';
  const parts = Children.toArray(children);
  const choices = parts.filter(
    (c): c is ReactElement<ChoiceProps> => isValidElement<ChoiceProps>(c) && c.type === HandoutChoice,
  );
  const explain = parts.find(
    (c): c is ReactElement<{ children: ReactNode }> => isValidElement(c) && c.type === HandoutExplain,
  );
  const question = parts.filter((c) => !choices.includes(c as ReactElement<ChoiceProps>) && c !== explain);
  const right = choices.filter((c) => c.props.correct === true).map((c) => c.props.children);
  const answer = { id, right, explain: explain?.props.children ?? null };
  // Registered once per question: the lesson's text does not change while the handout is shown.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => registerQuestion(answer), [registerQuestion, id]);
  useEffect(
    () => registry.askMoment(handoutRun(program, target, leftover), moment, id),
    [registry, program, target, leftover, moment, id],
  );
  const number = questions.indexOf(id) + 1;
  const result = useRunResult(run);
  let figure: ReactNode = null;
  if (result.state === 'loading') figure = <Pending>{t('print.running', { title: program })}</Pending>;
  else if (result.state === 'failed')
    figure = <p role="alert">{t('print.run-failed', { message: result.message })}</p>;
  else if (result.value.trace && registry.runOwner(run) === null) {
    // No playground of the lesson shows this run: the question's moment is drawn here.
    const trace = result.value.trace;
    const step = findMoment(trace, moment);
    if (step !== null)
      figure = (
        <Figure
          trace={trace}
          step={step}
          moments={[moment]}
          questions={number > 0 ? [number] : []}
          locale={locale}
          label={t('mdx.playground.settings', {
            target: t(`player.target.${run.target}`),
            leftover: t(`player.leftover.${run.leftover}`),
          })}
        />
      );
  }
  return (
    <aside className="hd-predict" data-question={id} aria-label={t('print.question', { n: number })}>
      <p className="hd-label">{t('print.question', { n: number })}</p>
      {question}
      <ul className="hd-choices">
        {choices.map((c, i) => (
          <li key={i}>
            <span className="hd-box" aria-hidden="true" />
            {c.props.children}
          </li>
        ))}
      </ul>
      <p className="hd-note">{t('print.answer-later')}</p>
      {figure}
    </aside>
  );
}
