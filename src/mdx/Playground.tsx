// <Playground program="bug" target leftover focus compare />: a lesson's program. On wide screens the
// player sits beside the lesson and this card says which program it holds (or opens it there); on
// narrow screens the player appears inside the card that opened it.
import { useContext, useEffect, useId, useState } from 'react';
import type { Target } from '../sim/abi/ctype';
import type { Leftover } from '../sim/machine/machine';
import { PlayerContext, usePlayer, useT } from '../app/context';
import { localized, type LessonProgram } from '../app/course/course';
import { LessonContext, useLesson } from '../app/lesson/LessonContext';

export interface PlaygroundProps {
  program: string;
  target?: Target;
  leftover?: Leftover;
  focus?: 'cpp' | 'codon';
  compare?: string;
}

export function Playground(props: PlaygroundProps) {
  const lesson = useContext(LessonContext);
  const player = useContext(PlayerContext);
  if (!lesson || !player) {
    return (
      <section className="mdx-playground" aria-label={`Playground: ${props.program}`}>
        <p className="mdx-playground__title">Playground: {props.program}</p>
      </section>
    );
  }
  return <LivePlayground {...props} />;
}

/** The program's title from its expect.json, in the page's language. */
export function useProgramTitle(programId: string): string {
  const load = useLesson()?.loadProgram;
  const locale = usePlayer((s) => s.locale);
  const [program, setProgram] = useState<LessonProgram | null>(null);
  useEffect(() => {
    let live = true;
    load?.(programId).then((p) => live && setProgram(p));
    return () => {
      live = false;
    };
  }, [load, programId]);
  return program?.title ? localized(program.title, locale) : programId;
}

function LivePlayground({ program, target, leftover, focus, compare }: PlaygroundProps) {
  const t = useT();
  const lesson = useLesson()!;
  const key = `playground:${useId()}`;
  const [slot, setSlot] = useState<HTMLDivElement | null>(null);
  const title = useProgramTitle(program);
  const compareTitle = useProgramTitle(compare ?? program);
  const request = { programId: program, ...(target ? { target } : {}), ...(leftover ? { leftover } : {}) };
  const { registerHost } = lesson;
  useEffect(
    () =>
      registerHost({
        key,
        request: { programId: program, ...(target ? { target } : {}), ...(leftover ? { leftover } : {}) },
        slot,
        kind: 'playground',
        ...(focus ? { focus } : {}),
      }),
    [registerHost, key, program, target, leftover, slot, focus],
  );
  const active = lesson.activeHost === key;
  return (
    <section
      className={`mdx-playground${active ? ' mdx-playground--active' : ''}`}
      aria-label={t('mdx.playground', { title })}
      data-program={program}
    >
      <div className="mdx-playground__head">
        <p className="mdx-playground__title">{t('mdx.playground', { title })}</p>
        <p className="mdx-playground__settings">
          {t('mdx.playground.settings', {
            target: t(`player.target.${target ?? 'x86_64'}`),
            leftover: t(`player.leftover.${leftover ?? 'runtime-data'}`),
          })}
        </p>
        {active ? (
          <span className="mdx-playground__state">{t('mdx.playground.active')}</span>
        ) : (
          <button type="button" onClick={() => void lesson.openProgram(request, key)}>
            {t('mdx.playground.open')}
          </button>
        )}
        {compare && (
          <button
            type="button"
            className="mdx-playground__compare"
            onClick={() => void lesson.openProgram({ ...request, programId: compare }, key)}
          >
            {t('mdx.playground.compare', { title: compareTitle })}
          </button>
        )}
      </div>
      <div ref={setSlot} className="mdx-playground__slot" />
    </section>
  );
}
