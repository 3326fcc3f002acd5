// <Playground> in the handout: the program's full code (printed once per program), what the run does
// (outcome, output, findings) and the machine at the key steps of that run.
import { findingGroups } from '../../sim/view/findings.ts';
import { useEffect, useId, type ReactNode } from 'react';
import { formatMessage } from '../../sim/messages/format';
import { diagnosticText } from '../../sim/diag';
import type { RunResult } from '../../sim/run/api';
import type { Trace } from '../../sim/trace/types';
import { localized, type LessonProgram } from '../course/course';
import { findMoment } from '../player/moments';
import type { PlaygroundProps } from '../../mdx/Playground';
import { CodeListing } from './CodeListing';
import { useHandoutT } from './strings';
import { useHandout } from './context';
import { Figure } from './Figure';
import { useProgram, useRunResult, type Loaded } from './hooks';
import { keySteps } from './key-steps';
import { handoutRun, type HandoutRun } from './run-pool';

/** The title of a program in the page's language (its id until it has loaded). */
export function programTitle(program: Loaded<LessonProgram | null>, programId: string, locale: 'en' | 'zh') {
  return program.state === 'done' && program.value?.title
    ? localized(program.value.title, locale)
    : programId;
}

/** Shown while something is still loading; the handout is ready to print when none is left. */
export function Pending({ children }: { children: ReactNode }) {
  return (
    <p className="hd-pending" data-handout-loading="true">
      {children}
    </p>
  );
}

/** Both files of a program, in full. */
export function ProgramCode({ program }: { program: LessonProgram }) {
  return (
    <div className="hd-program-code">
      <CodeListing file="lib.cpp" code={program.code.cpp} language="cpp" />
      <CodeListing file="main.codon" code={program.code.codon} language="codon" />
    </div>
  );
}

export function HandoutPlayground({ program: programId, target, leftover }: PlaygroundProps) {
  const t = useHandoutT();
  const { registry, locale } = useHandout();
  const owner = useId();
  const run = handoutRun(programId, target, leftover);
  const program = useProgram(programId);
  const result = useRunResult(run);
  const title = programTitle(program, programId, locale);
  useEffect(() => registry.claimCode(programId, owner), [registry, programId, owner]);
  useEffect(
    () => registry.claimRun(handoutRun(programId, target, leftover), owner),
    [registry, programId, target, leftover, owner],
  );
  const settings = t('mdx.playground.settings', {
    target: t(`player.target.${run.target}`),
    leftover: t(`player.leftover.${run.leftover}`),
  });
  return (
    <section className="hd-playground" aria-label={t('mdx.playground', { title })} data-program={programId}>
      <p className="hd-label">{t('mdx.playground', { title })}</p>
      <p className="hd-settings">{settings}</p>
      {program.state === 'loading' && <Pending>{t('site.loading')}</Pending>}
      {program.state === 'done' && program.value === null && (
        <p role="alert">{t('mdx.unknown-program', { program: programId })}</p>
      )}
      {program.state === 'done' &&
        program.value !== null &&
        (registry.codeOwner(programId) === owner ? (
          <ProgramCode program={program.value} />
        ) : (
          <p className="hd-same">{t('print.same-code')}</p>
        ))}
      <RunSection run={run} result={result} title={title} owner={owner} />
    </section>
  );
}

/** What the run does and the machine at its key steps (or a pointer to the playground that shows it). */
function RunSection({
  run,
  result,
  title,
  owner,
}: {
  run: HandoutRun;
  result: Loaded<RunResult>;
  title: string;
  owner: string;
}) {
  const t = useHandoutT();
  const { registry } = useHandout();
  if (result.state === 'loading') return <Pending>{t('print.running', { title })}</Pending>;
  if (result.state === 'failed')
    return <p role="alert">{t('print.run-failed', { message: result.message })}</p>;
  if (registry.runOwner(run) !== owner) return <p className="hd-same">{t('print.same-run', { title })}</p>;
  return (
    <>
      <RunReport result={result.value} />
      {result.value.trace && <KeyFigures trace={result.value.trace} run={run} />}
    </>
  );
}

/** The run's outcome, what it printed and the simulator's findings. */
export function RunReport({ result }: { result: RunResult }) {
  const t = useHandoutT();
  const { locale } = useHandout();
  const { summary, trace } = result;
  const outcome =
    summary.outcome === 'crash'
      ? t('print.outcome.crash', { signal: summary.crash?.signal ?? trace?.crash?.signal ?? '' })
      : t(`print.outcome.${summary.outcome}`);
  // One line per mistake, as the player's findings panel tells them (four stores of one stray write are one).
  const findings = trace ? findingGroups(trace) : [];
  return (
    <div className="hd-report">
      <p className="hd-report__outcome">{outcome}</p>
      {summary.outcome !== 'compile-error' &&
        (summary.stdout === '' ? (
          <p>{t('print.no-output')}</p>
        ) : (
          <>
            <p>{t('print.output')}</p>
            <pre className="hd-report__stdout">{summary.stdout}</pre>
          </>
        ))}
      {summary.diagnostics.length > 0 && (
        <ul className="hd-report__diagnostics">
          {summary.diagnostics.map((d, i) => (
            <li key={i}>
              {d.file}:{d.line}:{d.column}: {diagnosticText(d, locale)}
            </li>
          ))}
        </ul>
      )}
      {findings.length > 0 && (
        <>
          <p>{t('print.findings')}</p>
          <ul className="hd-report__findings">
            {findings.map((f, i) => (
              <li key={i} data-finding={f.kind} data-count={f.members.length}>
                {formatMessage(f.message, locale)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The machine at each key step of the run, including the moments the lesson's questions stop at. */
function KeyFigures({ trace, run }: { trace: Trace; run: HandoutRun }) {
  const t = useHandoutT();
  const { registry, questions, locale } = useHandout();
  const asked = registry.askedMoments(run);
  const steps = keySteps(
    trace,
    asked.map((a) => a.moment),
  );
  return (
    <div className="hd-figures">
      <p className="hd-figures__title">{t('handout.key-steps')}</p>
      {steps.map((k) => {
        const numbers = asked
          .filter((a) => findMoment(trace, a.moment) === k.step)
          .map((a) => questions.indexOf(a.questionId) + 1)
          .filter((n) => n > 0);
        return (
          <Figure
            key={k.step}
            trace={trace}
            step={k.step}
            moments={k.moments}
            questions={numbers}
            locale={locale}
          />
        );
      })}
    </div>
  );
}
