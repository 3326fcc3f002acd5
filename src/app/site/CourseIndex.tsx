// The course index: every lesson in order with its progress mark, then the pages around the lessons.
import { useStore } from 'zustand';
import { usePlayer, useT } from '../context';
import { lessons, localized, pages } from '../course/course';
import { progressMark, type ProgressMark } from '../course/progress';
import type { Route } from './routes';
import { useSite } from './SiteContext';
import { APP_VERSION } from '../version';

const MARK_ICON: Record<ProgressMark, string> = { none: '○', started: '◐', done: '✓' };

export function CourseIndex() {
  const t = useT();
  const locale = usePlayer((s) => s.locale);
  const site = useSite();
  const progress = useStore(site!.progress, (s) => s.lessons);
  const done = lessons.filter((l) => progressMark(progress[l.id]) === 'done').length;
  const link = (route: Route, children: React.ReactNode) => (
    <a
      href={site!.hrefFor(route)}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        site!.navigate(route);
      }}
    >
      {children}
    </a>
  );
  return (
    <div className="course-index">
      <h1>{t('course.title')}</h1>
      <p className="course-index__intro">{t('course.intro')}</p>
      <h2>{t('course.lessons')}</h2>
      <p className="course-index__summary">{t('course.progress.summary', { done, total: lessons.length })}</p>
      <ol className="course-index__lessons">
        {lessons.map((lesson, i) => {
          const mark = progressMark(progress[lesson.id]);
          return (
            <li key={lesson.id} className={`course-lesson course-lesson--${mark}`} data-lesson={lesson.id}>
              <span className={`progress-mark progress-mark--${mark}`} aria-hidden="true">
                {MARK_ICON[mark]}
              </span>
              <div>
                <p className="course-lesson__title">
                  <span className="course-lesson__number">{i + 1}.</span>{' '}
                  {link({ kind: 'lesson', id: lesson.id }, localized(lesson.title, locale))}
                  <span className="course-lesson__mark">{t(`course.progress.${mark}`)}</span>
                </p>
                <p className="course-lesson__summary">{localized(lesson.summary, locale)}</p>
              </div>
            </li>
          );
        })}
      </ol>
      <h2>{t('course.pages')}</h2>
      <ul className="course-index__pages">
        {pages.map((page) => (
          <li key={page.id}>
            <p className="course-lesson__title">
              {link({ kind: 'page', id: page.id }, localized(page.title, locale))}
            </p>
            <p className="course-lesson__summary">{localized(page.summary, locale)}</p>
          </li>
        ))}
      </ul>
      {/* Which deployment this is: after an update (README, "Offline") a speaker can check the room runs it. */}
      <p className="course-index__version">{t('course.version', { version: APP_VERSION })}</p>
    </div>
  );
}
