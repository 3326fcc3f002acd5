import { MDXProvider } from '@mdx-js/react';
import { mdxComponents } from '../mdx/components';
import { useAppStore } from './app-store';
import { findLesson } from './lessons';

/** The lesson's MDX text, rendered through the one components map. */
export function LessonView() {
  const lessonId = useAppStore((state) => state.lessonId);
  const lesson = findLesson(lessonId);
  return (
    <article className="lesson" aria-label="Lesson">
      {lesson ? (
        <MDXProvider components={mdxComponents}>
          <lesson.Content />
        </MDXProvider>
      ) : (
        <p role="alert">There is no lesson called “{lessonId}”.</p>
      )}
    </article>
  );
}
