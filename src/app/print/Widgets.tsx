// The rest of the lesson's tags as they print: exercises with their starting code and hints, a
// comparison as two pictures at the same moment, the commands to run it for real, citations and links
// with their address, glossary terms (defined at the end), quoted evidence with its source.
import { useEffect, useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { sourceTitle, sources } from '../course/course';
import { findMoment, type Moment } from '../player/moments';
import { exerciseLabel, goalSentence, parseGoal } from '../player/goal';
import { parseCourseHref } from '../site/routes';
import { useSite } from '../site/SiteContext';

import type { CompareProps } from '../../mdx/Compare';
import { BUILD_COMMANDS, DEBUG_COMMANDS } from '../../mdx/Download';
import type { ExerciseProps } from '../../mdx/Exercise';
import { useHandout } from './context';
import { useHandoutT } from './strings';
import { Figure } from './Figure';
import { useProgram, useRunResult } from './hooks';
import { Pending, ProgramCode, programTitle } from './Playground';
import { handoutRun, type HandoutRun } from './run-pool';

/** <Exercise>: the goal, the code to start from, and the hints. */
export function HandoutExercise({ program: programId, goal }: ExerciseProps) {
  const t = useHandoutT();
  const { registry, locale } = useHandout();
  const owner = useId();
  const program = useProgram(programId);
  useEffect(() => registry.claimCode(programId, owner), [registry, programId, owner]);
  const title = programTitle(program, programId, locale);
  const goalOf = parseGoal(goal);
  const hints =
    program.state === 'done' ? (program.value?.hints?.[locale] ?? program.value?.hints?.en ?? []) : [];
  return (
    <aside className="hd-exercise" aria-label={t('mdx.exercise')} data-exercise={programId}>
      <p className="hd-label">{exerciseLabel(t('mdx.exercise'), title)}</p>
      <p>{goalOf ? goalSentence(goalOf, t) : t('mdx.exercise.bad-goal', { goal })}</p>
      {program.state === 'loading' && <Pending>{t('site.loading')}</Pending>}
      {program.state === 'done' && program.value && (
        <>
          <p>{t('print.exercise.start')}</p>
          <ProgramCode program={program.value} />
        </>
      )}
      {hints.length > 0 && (
        <>
          <p className="hd-label">{t('print.exercise.hints')}</p>
          <ol className="hd-hints">
            {hints.map((hint, i) => (
              <li key={i}>{hint}</li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}

/** The moment a comparison lines its runs up at: back from the first call, else where the run stops. */
const COMPARE_MOMENTS: readonly Moment[] = ['call-return', 'crash', 'end'];

function CompareSide({ run, owner }: { run: HandoutRun; owner: string }) {
  const t = useHandoutT();
  const { registry, locale } = useHandout();
  const program = useProgram(run.programId);
  const result = useRunResult(run);
  useEffect(() => registry.claimCode(run.programId, owner), [registry, run.programId, owner]);
  const title = programTitle(program, run.programId, locale);
  if (program.state === 'loading' || result.state === 'loading')
    return <Pending>{t('print.running', { title })}</Pending>;
  if (result.state === 'failed')
    return <p role="alert">{t('print.run-failed', { message: result.message })}</p>;
  const trace = result.value.trace;
  const moment = trace ? COMPARE_MOMENTS.find((m) => findMoment(trace, m) !== null) : undefined;
  const step = trace && moment ? findMoment(trace, moment) : null;
  const side = `${title} (${t(`player.target.${run.target}`)})`;
  return (
    <>
      {program.state === 'done' && program.value && registry.codeOwner(run.programId) === owner && (
        <>
          <p className="hd-label">{title}</p>
          <ProgramCode program={program.value} />
        </>
      )}
      {trace && moment && step !== null && registry.runOwner(run) !== null && (
        // A playground of the lesson shows this run with all its key steps: no second copy.
        <p className="hd-same">{t('print.compare.above', { title: side, step: step + 1 })}</p>
      )}
      {trace && moment && step !== null && registry.runOwner(run) === null && (
        <Figure trace={trace} step={step} moments={[moment]} locale={locale} label={side} />
      )}
    </>
  );
}

/** <Compare>: both runs at the same moment, one picture each. */
export function HandoutCompare({ a, b, aTarget, bTarget, aLeftover, bLeftover }: CompareProps) {
  const t = useHandoutT();
  const { locale } = useHandout();
  const owner = useId();
  const left = handoutRun(a, aTarget, aLeftover);
  const right = handoutRun(b ?? a, bTarget, bLeftover);
  const aTitle = programTitle(useProgram(a), a, locale);
  const bTitle = programTitle(useProgram(b ?? a), b ?? a, locale);
  const name = (title: string, run: HandoutRun) => `${title} (${t(`player.target.${run.target}`)})`;
  return (
    <section
      className="hd-compare"
      aria-label={t('print.compare', { a: name(aTitle, left), b: name(bTitle, right) })}
    >
      <p className="hd-label">{t('print.compare', { a: name(aTitle, left), b: name(bTitle, right) })}</p>
      <CompareSide run={left} owner={`${owner}a`} />
      <CompareSide run={right} owner={`${owner}b`} />
    </section>
  );
}

/** <Download>: the commands that build and run the program for real. */
export function HandoutDownload({ program: programId }: { program: string }) {
  const t = useHandoutT();
  const { locale } = useHandout();
  const title = programTitle(useProgram(programId), programId, locale);
  return (
    <section className="hd-download" aria-label={t('mdx.download')}>
      <h3>{t('mdx.download')}</h3>
      <p>{t('mdx.download.intro', { title })}</p>
      <pre className="hd-pre">{BUILD_COMMANDS.join('\n')}</pre>
      <p>{t('mdx.download.debug')}</p>
      <pre className="hd-pre">{DEBUG_COMMANDS.join('\n')}</pre>
      <p className="hd-note">{t('mdx.download.gc-note')}</p>
    </section>
  );
}

/** An address printed after its link, so it can be typed from paper. */
function Address({ url }: { url: string }) {
  return <span className="hd-url"> ({url.replace(/^mailto:/, '')})</span>;
}

/** <Cite>: the source's title and address. */
export function HandoutCite({ id }: { id: string }) {
  const { locale } = useHandout();
  const source = sources.get(id);
  if (!source) return <span>[{id}]</span>;
  return (
    <>
      <a className="hd-cite" href={source.url}>
        {sourceTitle(source, locale)}
      </a>
      <Address url={source.url} />
    </>
  );
}

/** Links: the address after an outside link; a link within the course stays plain text with its target. */
export function HandoutLink({ href = '', children, ...rest }: ComponentPropsWithoutRef<'a'>) {
  const site = useSite();
  const course = parseCourseHref(href);
  if (course) {
    const target = site ? site.hrefFor(course.route, course.hash) : href;
    return (
      <a className="hd-link hd-link--course" href={target} {...rest}>
        {children}
      </a>
    );
  }
  const text = typeof children === 'string' ? children : null;
  return (
    <>
      <a className="hd-link" href={href} {...rest}>
        {children}
      </a>
      {/^(https?|mailto):/i.test(href) && text !== href && <Address url={href} />}
    </>
  );
}

/** <Term>: the lesson's word, defined in the list of terms at the end. */
export function HandoutTerm({ id, children }: { id: string; children: ReactNode }) {
  const { registerTerm } = useHandout();
  useEffect(() => registerTerm(id), [registerTerm, id]);
  return <dfn className="hd-term">{children}</dfn>;
}

/** <Evidence>: the quoted block with what produced it and where it comes from. */
export function HandoutEvidence({
  source,
  label,
  children,
}: {
  source: string;
  label: string;
  children: ReactNode;
}) {
  const t = useHandoutT();
  return (
    <figure className="hd-evidence" data-source={source}>
      <figcaption>
        <strong>{t('mdx.evidence')}</strong> · {label}
        {sources.has(source) && (
          <>
            {' · '}
            <HandoutCite id={source} />
          </>
        )}
      </figcaption>
      {children}
    </figure>
  );
}

/** Code blocks wrap instead of scrolling: paper has no scroll bar. */
export function HandoutPre(props: ComponentPropsWithoutRef<'pre'>) {
  return <pre className="hd-pre" {...props} />;
}
