// <Compare a="gc-bite" b="gc-bite-fix" /> or <Compare a="bug" aTarget="x86_64" bTarget="aarch64" />:
// two real runs side by side, stepped together and aligned at the call boundary (the diagram's
// CompareView). Both programs run in the simulator's worker when the learner asks, not before.
import { lazy, Suspense, useContext, useEffect, useRef, useState } from 'react';
import type { Target } from '../sim/abi/ctype';
import type { Leftover } from '../sim/machine/machine';
import type { Trace } from '../sim/trace/types';
import { PlayerContext, usePlayer } from '../app/context';
import { localized } from '../app/course/course';
import { useLesson } from '../app/lesson/LessonContext';
import { createSimRunner } from '../app/run/runner';
import './compare.css';
import { stepCount } from '../sim/trace/reader.ts';

const CompareView = lazy(() =>
  import('../app/diagram/CompareView.tsx').then((m) => ({ default: m.CompareView })),
);

export interface CompareProps {
  a: string;
  /** The second program; the first one again when only the targets or leftovers differ. */
  b?: string;
  aTarget?: Target;
  bTarget?: Target;
  aLeftover?: Leftover;
  bLeftover?: Leftover;
}

const TEXT = {
  en: {
    title: 'Side by side',
    open: 'Compare the two runs',
    running: 'Running both programs…',
    failed: 'One of the programs did not run: ',
    step: 'Step',
  },
  zh: {
    title: '并排对照',
    open: '对照两次运行',
    running: '正在运行两个程序……',
    failed: '有一个程序没能运行：',
    step: '步',
  },
};

interface Side {
  trace: Trace;
  label: string;
}

export function Compare(props: CompareProps) {
  const player = useContext(PlayerContext);
  const lesson = useLesson();
  if (!player || !lesson) {
    return (
      <section className="mdx-compare" aria-label="Compare">
        <p>
          {props.a} / {props.b ?? props.a}
        </p>
      </section>
    );
  }
  return <LiveCompare {...props} />;
}

function LiveCompare({ a, b, aTarget, bTarget, aLeftover, bLeftover }: CompareProps) {
  const locale = usePlayer((s) => s.locale);
  const lesson = useLesson()!;
  const t = TEXT[locale];
  const [state, setState] = useState<'idle' | 'running' | { error: string } | { left: Side; right: Side }>(
    'idle',
  );
  const [step, setStep] = useState(0);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const start = async () => {
    setState('running');
    const runner = createSimRunner();
    try {
      const sides: Side[] = [];
      // One after the other: the runner cancels a run that a newer one replaces.
      for (const [program, target, leftover] of [
        [a, aTarget ?? 'x86_64', aLeftover ?? 'runtime-data'],
        [b ?? a, bTarget ?? 'x86_64', bLeftover ?? 'runtime-data'],
      ] as const) {
        const p = await lesson.loadProgram(program);
        if (!p) throw new Error(program);
        const result = await runner.run({ cpp: p.code.cpp, codon: p.code.codon, target, leftover });
        if (!result.trace)
          throw new Error(`${program}: ${result.diagnostics[0]?.message ?? 'compile error'}`);
        const title = p.title ? localized(p.title, locale) : program;
        sides.push({
          trace: result.trace,
          label: `${title} (${target === 'x86_64' ? 'x86-64' : 'AArch64'})`,
        });
      }
      if (live.current) setState({ left: sides[0] as Side, right: sides[1] as Side });
    } catch (e) {
      if (live.current) setState({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      runner.dispose();
    }
  };

  return (
    <section className="mdx-compare" aria-label={t.title}>
      <p className="mdx-compare__title">{t.title}</p>
      {state === 'idle' && (
        <button type="button" onClick={() => void start()}>
          {t.open}
        </button>
      )}
      {state === 'running' && <p role="status">{t.running}</p>}
      {typeof state === 'object' && 'error' in state && (
        <p role="alert">
          {t.failed}
          {state.error}
        </p>
      )}
      {typeof state === 'object' && 'left' in state && (
        <Suspense fallback={<p role="status">{t.running}</p>}>
          <label className="mdx-compare__scrub">
            {t.step} {step + 1} / {stepCount(state.left.trace)}
            <input
              type="range"
              min={0}
              max={stepCount(state.left.trace) - 1}
              value={step}
              onChange={(e) => setStep(Number(e.target.value))}
            />
          </label>
          <CompareView left={state.left} right={state.right} step={step} locale={locale} onStep={setStep} />
        </Suspense>
      )}
    </section>
  );
}
